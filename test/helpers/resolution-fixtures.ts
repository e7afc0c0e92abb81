/** Small hand-made document extractions for the unit tests of the resolution stages. */
import type { AliasFile } from "../../src/domain/aliases.js";
import type { EntityType, PropertyValue, Relation } from "../../src/domain/model.js";
import type { DocumentExtraction } from "../../src/extract/types.js";
import { buildAliasTable } from "../../src/resolve/alias-table.js";
import { emptyResolutionWork } from "../../src/resolve/clustering.js";
import { KnownEntities, type KnownEntity } from "../../src/resolve/known-entities.js";
import { startResolution, type Resolution } from "../../src/resolve/resolution.js";

/** A local entity of a test document, with the details extraction would give it. */
export interface LocalEntity {
  id: string;
  type: EntityType;
  name: string;
  aliases?: string[];
  properties?: Record<string, PropertyValue>;
  acronyms?: string[];
  mentions?: number;
  isAcronymOnly?: boolean;
  participants?: string[];
}

/** A document extraction with these local entities and relations. */
export function documentOf(
  id: string,
  entities: LocalEntity[],
  relations: Relation[] = [],
  date?: string,
): DocumentExtraction {
  return {
    document: { id, path: `${id}.txt`, ...(date !== undefined ? { date } : {}) },
    documents: [{ id, path: `${id}.txt` }],
    entities: entities.map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      aliases: e.aliases ?? [],
      properties: e.properties ?? {},
    })),
    relations,
    diagnostics: [],
    details: Object.fromEntries(
      entities.map((e) => [
        e.id,
        {
          acronyms: e.acronyms ?? [],
          mentions: e.mentions ?? 1,
          isAcronymOnly: e.isAcronymOnly ?? false,
          ...(e.participants !== undefined ? { participants: e.participants } : {}),
        },
      ]),
    ),
  };
}

/** Every node its own cluster, ready for the stages. */
export function resolutionOf(
  docs: DocumentExtraction[],
  aliasFile: Partial<AliasFile> = {},
  known: KnownEntity[] = [],
): Resolution {
  return startResolution(docs, buildAliasTable(aliasFile), new KnownEntities(known), emptyResolutionWork());
}

/** The node ids in one cluster with `id`, sorted. */
export function clusterWith(r: Resolution, id: string): string[] {
  const root = r.clusters.find(id);
  const all = [...r.aliasNodes, ...r.clusters.knownNodeList(), ...r.nodes].map((n) => n.id);
  return all.filter((other) => r.clusters.find(other) === root).sort();
}

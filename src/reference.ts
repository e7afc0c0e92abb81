/** `reference load`: the reference data → nodes and MEMBER_OF edges in the graph, marked with its version. */
import type { Driver } from "neo4j-driver";
import { InputError } from "./domain/errors.js";
import type { ReferenceData } from "./domain/reference.js";
import {
  planReferenceWrite,
  type ReferenceMembershipInput,
  type ReferenceOrganisationInput,
} from "./graph/plan-reference.js";
import { writeReference } from "./graph/write-reference.js";
import type { WriteCounters } from "./graph/writer.js";
import { silentLogger, type Logger } from "./log.js";
import { DEFAULT_REFERENCE_PATH, readCuratedAliases, readReference } from "./pipeline/load-aliases.js";
import { referenceNodes } from "./resolve/reference-table.js";

/** Options of loadReference. */
export interface LoadReferenceOptions {
  driver: Driver;
  database: string;
  /** the reference data (file or folder); defaults to aliases/reference/ */
  referencePath?: string;
  /** the curated alias file, whose names win; defaults to aliases/aliases.yaml when it exists */
  aliasesPath?: string;
  logger?: Logger;
}

/** What `reference load` did. */
export interface LoadReferenceSummary {
  files: string[];
  version: string;
  source: string;
  /** organisation nodes written (reference entries naming the same curated body share one) */
  organisations: number;
  /** MEMBER_OF edges written (one affiliation stated by several pages is one edge) */
  memberships: number;
  counters: WriteCounters;
}

/** Reads the reference data or says where it should be. */
export async function requireReference(referencePath?: string): Promise<ReferenceData> {
  const data = await readReference(referencePath);
  if (data === undefined) {
    throw new InputError(`No reference data at "${DEFAULT_REFERENCE_PATH}".`, {
      input: DEFAULT_REFERENCE_PATH,
      suggestion: "Pass --file <file or folder>, or restore aliases/reference/ from the repository.",
    });
  }
  return data;
}

/** Writes the reference organisations and affiliations; loading the same version twice changes nothing. */
export async function loadReference(options: LoadReferenceOptions): Promise<LoadReferenceSummary> {
  const log = options.logger ?? silentLogger;
  const data = await requireReference(options.referencePath);
  const nodes = referenceNodes(data.entries, (await readCuratedAliases(options.aliasesPath)) ?? {});
  const idOf = new Map(nodes.map((n) => [n.entry.id, n.id] as const));
  const organisations: ReferenceOrganisationInput[] = nodes.map(({ entry, id, name, aliases }) => ({
    id,
    type: entry.type,
    name,
    aliases,
    url: entry.source,
    ...(entry.acronyms[0] !== undefined ? { acronym: entry.acronyms[0] } : {}),
    ...(entry.country !== undefined ? { country: entry.country } : {}),
  }));
  const memberships: ReferenceMembershipInput[] = nodes.flatMap(({ entry, id }) =>
    entry.memberOf.map((m) => ({ from: id, to: idOf.get(m.id)!, status: m.status, url: m.source })),
  );
  const plan = planReferenceWrite(data.version, organisations, memberships);
  const counters = await writeReference(options.driver, plan, options.database);
  log.info(
    `${organisations.length} organisations, ${memberships.length} affiliations as written in ${data.files.length} files (${plan.sourceId}): ${counters.nodesCreated} nodes and ${counters.relationshipsCreated} relationships created, ${counters.propertiesSet} properties set`,
  );
  return {
    files: data.files,
    version: data.version,
    source: plan.sourceId,
    organisations: plan.nodes.reduce((n, g) => n + g.rows.length, 0),
    memberships: plan.edges.reduce((n, g) => n + g.rows.length, 0),
    counters,
  };
}

/** The nodes resolution clusters: each document's local entities, and a stand-in for each alias entry. Pure. */
import type { DocumentExtraction } from "../extract/types.js";
import type { AliasTable } from "./alias-table.js";
import type { ResolutionNode } from "./clustering.js";

/** One node per local entity of each document, id "<document id>#<local id>", in document order. */
export function documentNodes(docs: readonly DocumentExtraction[]): ResolutionNode[] {
  const nodes: ResolutionNode[] = [];
  for (const doc of docs) {
    for (const entity of doc.entities) {
      const d = doc.details[entity.id];
      nodes.push({
        id: `${doc.document.id}#${entity.id}`,
        doc,
        entity,
        acronyms: d?.acronyms ?? [],
        mentions: d?.mentions ?? 1,
        isAcronymOnly: d?.isAcronymOnly ?? false,
        participants: d?.participants ?? [],
      });
    }
  }
  return nodes;
}

/** One node per alias entry, id "~alias#<index>": the entry's name, its aliases and acronyms as forms. */
export function aliasNodesOf(aliases: AliasTable): ResolutionNode[] {
  return aliases.entries.map((entry, i) => ({
    id: `~alias#${String(i).padStart(5, "0")}`,
    entity: {
      id: `alias:${i}`,
      type: entry.type,
      name: entry.name,
      aliases: [...entry.aliases, ...entry.acronyms],
      properties: {},
    },
    acronyms: entry.acronyms,
    mentions: 0,
    isAcronymOnly: false,
    participants: [],
    aliasEntry: i,
  }));
}

/** The evidence sentences of edges, by key: what a neighbourhood leaves out and an analyst opens edge by edge. */
import { REL_TYPES, isRelType, type RelType } from "../../domain/model.js";
import type { EvidenceRef } from "../../domain/views.js";
import { EDGE_MAP, toGraphEdges } from "./map-records.js";
import { runRead, type QueryContext, type ReadTx } from "./query-context.js";

/** Most edge keys read in one call. */
export const MAX_EVIDENCE_KEYS = 1000;

/** The type named by a relationship key ("<TYPE>|<from>|<to>|<discriminator>"), if it is one. */
function typeOfKey(key: string): RelType | undefined {
  const type = key.slice(0, key.indexOf("|"));
  return isRelType(type) ? type : undefined;
}

/** Reads the evidence of the edges with these keys inside a read transaction (one lookup per type, by its key index). */
export async function readEdgeEvidence(tx: ReadTx, keys: readonly string[]): Promise<Map<string, EvidenceRef[]>> {
  const byType = new Map<RelType, string[]>();
  for (const key of new Set(keys)) {
    const type = typeOfKey(key);
    if (type !== undefined) byType.set(type, [...(byType.get(type) ?? []), key]);
  }
  const values: unknown[] = [];
  // types in a fixed order from the domain constants (the key index of each type answers its lookups)
  for (const type of REL_TYPES.filter((t) => byType.has(t))) {
    const result = await tx.run(
      /* Cypher */ `UNWIND $keys AS k MATCH ()-[r:${type} {key: k}]->() RETURN ${EDGE_MAP("r")} AS e`,
      { keys: byType.get(type) },
    );
    values.push(...result.records.map((r) => r.get("e") as unknown));
  }
  const evidence = new Map<string, EvidenceRef[]>();
  for (const edge of await toGraphEdges(tx, values)) evidence.set(edge.key, edge.evidence);
  return evidence;
}

/** The evidence of each edge key (at most MAX_EVIDENCE_KEYS); an unknown key maps to no sentence. */
export async function getEdgeEvidence(ctx: QueryContext, keys: readonly string[]): Promise<Map<string, EvidenceRef[]>> {
  const asked = keys.slice(0, MAX_EVIDENCE_KEYS);
  return runRead(ctx, (tx) => readEdgeEvidence(tx, asked));
}

/**
 * Writes the reference data with the import writer's own node and edge statements, in one transaction. MERGE on
 * the same keys as imports, so an organisation or affiliation also reported by articles is one node or edge with
 * both provenances. Loading the same version again changes nothing: nodes are written only where they differ, and
 * affiliations that already carry this version (`reference`, or in `sources`) are not sent.
 */
import type { Driver } from "neo4j-driver";
import { mapDriverError } from "./errors.js";
import type { ReferencePlan } from "./plan-reference.js";
import { EDGE_CAPS, addCounters, edgeStatement, emptyCounters, nodeStatement, type WriteCounters } from "./writer.js";

const STORED_SOURCES = /* Cypher */ `
UNWIND $keys AS key
MATCH ()-[r:MEMBER_OF {key: key}]->()
RETURN r.key AS key, r.reference = $sourceId OR $sourceId IN coalesce(r.sources, []) AS isLoaded`;

/** Writes a reference plan; returns the update counters of the transaction. */
export async function writeReference(driver: Driver, plan: ReferencePlan, database: string): Promise<WriteCounters> {
  const counters = emptyCounters();
  const session = driver.session({ database, defaultAccessMode: "WRITE" });
  try {
    await session.executeWrite(async (tx) => {
      const local = emptyCounters();
      for (const group of plan.nodes)
        addCounters(local, await tx.run(nodeStatement(group.labels), { rows: group.rows }));
      for (const group of plan.edges) {
        const stored = await tx.run(STORED_SOURCES, { keys: group.rows.map((r) => r.key), sourceId: plan.sourceId });
        const has = new Set(
          stored.records.filter((rec) => rec.get("isLoaded") === true).map((rec) => String(rec.get("key"))),
        );
        const rows = group.rows.filter((r) => !has.has(r.key));
        if (rows.length === 0) continue;
        const statement = edgeStatement(group.type, group.fromLabel, group.toLabel, "dedupe");
        addCounters(local, await tx.run(statement, { rows, ...EDGE_CAPS }));
      }
      Object.assign(counters, local);
    });
  } catch (error) {
    throw mapDriverError(error, `database "${database}"`);
  } finally {
    await session.close();
  }
  return counters;
}

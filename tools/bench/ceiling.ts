/**
 * The write ceiling: the rows of a WritePlan written by the plainest possible loop, `UNWIND $rows ... MERGE`
 * in big batches straight through the driver, with no skip/replace checks and no evidence de-duplication (evidence
 * is capped at the same MAX_EVIDENCE_PER_EDGE sentences as the importer's, so both store the same graph).
 * What the importer reaches relative to this is the importer/ceiling ratio.
 */
import type { Driver } from "neo4j-driver";
import { isNodeLabel, isRelType, MAX_EVIDENCE_PER_EDGE, type NodeLabel, type RelType } from "../../src/domain/model.js";
import type { EdgeRow, NodeRow, WritePlan } from "../../src/graph/plan-write.js";

/** What the ceiling loop wrote and how long it took. */
export interface CeilingResult {
  ms: number;
  documents: number;
  nodeRows: number;
  edgeRows: number;
  transactions: number;
}

function checked<T extends string>(values: readonly T[], isValid: (v: string) => boolean): T[] {
  for (const v of values) if (!isValid(v)) throw new Error(`ceiling: "${v}" is not a domain label or type`);
  return [...values];
}

function nodeCypher(labels: NodeLabel[]): string {
  const [first, ...rest] = checked(labels, isNodeLabel);
  const merge = labels.includes("Organization") ? "Organization" : first;
  const extra = [first, ...rest].filter((l) => l !== merge);
  return /* Cypher */ `
UNWIND $rows AS row
MERGE (n:${merge} {id: row.id})
${extra.length > 0 ? `SET n:${extra.join(":")}` : ""}
SET n += row.properties, n.name = row.name, n.aliases = row.aliases, n.searchText = row.searchText`;
}

function edgeCypher(type: RelType, fromLabel: NodeLabel, toLabel: NodeLabel): string {
  checked([type], isRelType);
  checked([fromLabel, toLabel], isNodeLabel);
  return /* Cypher */ `
UNWIND $rows AS row
MATCH (a:${fromLabel} {id: row.from})
MATCH (b:${toLabel} {id: row.to})
MERGE (a)-[r:${type} {key: row.key}]->(b)
SET r += row.properties,
    r.evidence = (coalesce(r.evidence, []) + row.evidence)[..$maxEvidence],
    r.evidenceDocs = (coalesce(r.evidenceDocs, []) + row.evidenceDocs)[..$maxEvidence],
    r.sources = coalesce(r.sources, []) + row.sources,
    r.confidence = row.confidence`;
}

const DOCUMENT_CYPHER = /* Cypher */ `
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d += row.properties`;

/** Writes every row of the plan in batches of `batchRows`: documents, then nodes, then edges. */
export async function writeCeiling(
  driver: Driver,
  database: string,
  plan: WritePlan,
  batchRows = 5000,
): Promise<CeilingResult> {
  const statements = new Map<string, { cypher: string; rows: unknown[] }>();
  const add = (key: string, cypher: () => string, rows: readonly unknown[]) => {
    let entry = statements.get(key);
    if (entry === undefined) statements.set(key, (entry = { cypher: cypher(), rows: [] }));
    for (const row of rows) entry.rows.push(row);
  };
  const docs: unknown[] = [];
  let nodeRows = 0;
  let edgeRows = 0;
  for (const write of plan.documents) {
    docs.push({ id: write.document.id, properties: write.document.properties });
  }
  statements.set("documents", { cypher: DOCUMENT_CYPHER, rows: docs });
  for (const write of plan.documents) {
    for (const group of write.nodes) {
      add(`n:${group.labels.join(":")}`, () => nodeCypher(group.labels), group.rows satisfies NodeRow[]);
      nodeRows += group.rows.length;
    }
  }
  for (const write of plan.documents) {
    for (const group of write.edges) {
      add(
        `e:${group.type}:${group.fromLabel}:${group.toLabel}`,
        () => edgeCypher(group.type, group.fromLabel, group.toLabel),
        group.rows satisfies EdgeRow[],
      );
      edgeRows += group.rows.length;
    }
  }
  const session = driver.session({ database, defaultAccessMode: "WRITE" });
  let transactions = 0;
  const started = performance.now();
  try {
    for (const { cypher, rows } of statements.values()) {
      for (let i = 0; i < rows.length; i += batchRows) {
        const batch = rows.slice(i, i + batchRows);
        await session.executeWrite((tx) => tx.run(cypher, { rows: batch, maxEvidence: MAX_EVIDENCE_PER_EDGE }));
        transactions++;
      }
    }
  } finally {
    await session.close();
  }
  return { ms: performance.now() - started, documents: plan.documents.length, nodeRows, edgeRows, transactions };
}

/** Everything about one entity: its edges with the other ends, and the documents that mention it. */
import type { EntityCard, EvidenceDocument } from "../../domain/views.js";
import { CONNECTION_PATTERN } from "./connection-types.js";
import { EDGE_MAP, NODE_MAP, loadDocuments, toGraphEdges, toGraphNode } from "./map-records.js";
import { QUERY_LIMITS, runRead, type QueryContext, type ReadTx } from "./query-context.js";
import { resolveInTx } from "./resolve-entity.js";

/** The entity card of an id, name or alias: connections ordered by type then date, documents newest first. */
export async function getEntityCard(ctx: QueryContext, ref: string): Promise<EntityCard> {
  return runRead(ctx, (tx) => readEntityCard(tx, ref));
}

/** getEntityCard inside a caller's read transaction. */
export async function readEntityCard(tx: ReadTx, ref: string): Promise<EntityCard> {
  const entity = await resolveInTx(tx, ref, "id");
  const result = await tx.run(
    /* Cypher */ `
      MATCH (n) WHERE elementId(n) = $e
      MATCH (n)-[r${CONNECTION_PATTERN}]-(m)
      WITH n, r, m ORDER BY type(r), coalesce(r.date, m.date, '') DESC, m.name
      LIMIT toInteger($limit)
      RETURN ${EDGE_MAP("r")} AS e, ${NODE_MAP("m")} AS m, startNode(r) = n AS isOut`,
    { e: entity.elementId, limit: QUERY_LIMITS.maxCardConnections },
  );
  const rows = result.records.map((r) => ({
    e: r.get("e") as unknown,
    m: r.get("m") as unknown,
    isOut: r.get("isOut") === true,
  }));
  const edges = await toGraphEdges(
    tx,
    rows.map((row) => row.e),
  );
  const mentioned = await tx.run(
    /* Cypher */ `MATCH (n)-[:MENTIONED_IN]->(d:Document) WHERE elementId(n) = $e RETURN d.id AS id LIMIT toInteger($limit)`,
    { e: entity.elementId, limit: QUERY_LIMITS.maxCardConnections },
  );
  const docIds = new Set<string>(mentioned.records.map((r) => String(r.get("id"))));
  for (const edge of edges) for (const ev of edge.evidence) if (ev.document.id !== "") docIds.add(ev.document.id);
  const docs = await loadDocuments(tx, [...docIds]);
  const documents: EvidenceDocument[] = [...docs.values()].sort(
    (x, y) => (y.date ?? "").localeCompare(x.date ?? "") || x.id.localeCompare(y.id),
  );
  return {
    node: entity.node,
    connections: rows.map((row, i) => ({
      edge: edges[i]!,
      other: toGraphNode(row.m),
      direction: row.isOut ? ("out" as const) : ("in" as const),
    })),
    documents,
  };
}

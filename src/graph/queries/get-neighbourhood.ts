/** The subgraph around an entity: breadth-first, level by level, capped in nodes. */
import type { Subgraph } from "../../domain/views.js";
import { checkConnectionTypes, relTypePattern } from "./connection-types.js";
import { EDGE_MAP, NODE_MAP, toGraphEdges, toGraphNode } from "./map-records.js";
import { QUERY_LIMITS, checkInt, runRead, type QueryContext } from "./query-context.js";
import { resolveInTx } from "./resolve-entity.js";

/** Options of getNeighbourhood. */
export interface NeighbourhoodOptions {
  depth?: number;
  /** relationship types to follow; DEFAULT_CONNECTION_REL_TYPES when empty (see checkConnectionTypes) */
  types?: readonly string[] | null;
}

/** Most edges returned with a neighbourhood. */
const MAX_EDGES = 2000;

/**
 * Every entity within `depth` hops (documents excluded) and the edges among them, with evidence. The entity
 * itself comes first. At most QUERY_LIMITS.maxSubgraphNodes nodes: the nearest levels are kept whole first.
 */
export async function getNeighbourhood(
  ctx: QueryContext,
  ref: string,
  options: NeighbourhoodOptions = {},
): Promise<Subgraph> {
  const depth = checkInt(options.depth ?? 1, "depth", 1, QUERY_LIMITS.maxDepth);
  const types = checkConnectionTypes(options.types);
  const pattern = relTypePattern(types);
  return runRead(ctx, async (tx) => {
    const centre = await resolveInTx(tx, ref, "id");
    const seen = new Set([centre.elementId]);
    let frontier = [centre.elementId];
    for (let level = 0; level < depth && frontier.length > 0 && seen.size < QUERY_LIMITS.maxSubgraphNodes; level++) {
      const result = await tx.run(
        /* Cypher */ `
        UNWIND $frontier AS eid
        MATCH (f) WHERE elementId(f) = eid
        MATCH (f)-[${pattern}]-(m) WHERE $withDocuments OR NOT m:Document
        RETURN DISTINCT elementId(m) AS eid LIMIT toInteger($cap)`,
        {
          frontier,
          cap: QUERY_LIMITS.maxSubgraphNodes + frontier.length,
          withDocuments: types.includes("MENTIONED_IN"),
        },
      );
      const next: string[] = [];
      for (const record of result.records) {
        const eid = String(record.get("eid"));
        if (seen.has(eid) || seen.size >= QUERY_LIMITS.maxSubgraphNodes) continue;
        seen.add(eid);
        next.push(eid);
      }
      frontier = next;
    }
    const ids = [...seen];
    const nodesResult = await tx.run(
      /* Cypher */ `UNWIND $ids AS eid MATCH (n) WHERE elementId(n) = eid RETURN ${NODE_MAP("n")} AS n`,
      { ids },
    );
    const edgesResult = await tx.run(
      /* Cypher */ `
      UNWIND $ids AS eid
      MATCH (x) WHERE elementId(x) = eid
      MATCH (x)-[r${pattern}]->(y) WHERE elementId(y) IN $ids
      RETURN ${EDGE_MAP("r")} AS e LIMIT ${MAX_EDGES}`,
      { ids },
    );
    return {
      nodes: nodesResult.records.map((r) => toGraphNode(r.get("n"))),
      edges: await toGraphEdges(
        tx,
        edgesResult.records.map((r) => r.get("e") as unknown),
      ),
    };
  });
}

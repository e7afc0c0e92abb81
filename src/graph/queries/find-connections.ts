/** How two entities are connected: shortest paths over the connection types (by default not places or documents). */
import { InputError } from "../../domain/errors.js";
import type { GraphPath } from "../../domain/views.js";
import { admitted } from "./admission.js";
import { checkConnectionTypes, relTypePattern } from "./connection-types.js";
import { EDGE_MAP, NODE_MAP, toGraphEdges, toGraphNode } from "./map-records.js";
import { QUERY_LIMITS, checkInt, runRead, type QueryContext } from "./query-context.js";
import { resolveInTx } from "./resolve-entity.js";

/** Options of findConnections. */
export interface ConnectionOptions {
  maxHops?: number;
  limit?: number;
  /** relationship types to follow; DEFAULT_CONNECTION_REL_TYPES when empty (see checkConnectionTypes) */
  types?: readonly string[] | null;
}

/**
 * The shortest paths between two entities (by id, name or alias), at most `maxHops` long, shortest first; among
 * paths of one length, those through fewer countries (weak links) and with more confident edges come first.
 * Longer alternatives are included when there are fewer than `limit` shortest ones. A super-hub (more than
 * QUERY_LIMITS.maxPathHubDegree connections of the followed types) is on a path only between its two ends.
 */
export async function findConnections(
  ctx: QueryContext,
  fromRef: string,
  toRef: string,
  options: ConnectionOptions = {},
): Promise<GraphPath[]> {
  const maxHops = checkInt(options.maxHops ?? 4, "maxHops", 1, QUERY_LIMITS.maxHops);
  const limit = checkInt(options.limit ?? 5, "limit", 1, QUERY_LIMITS.maxLimit);
  const pattern = relTypePattern(checkConnectionTypes(options.types));
  return admitted(ctx.pathSearches, () => searchPaths(ctx, fromRef, toRef, { maxHops, limit, pattern }), ctx.timeoutMs);
}

/** The read of findConnections, its arguments checked. */
function searchPaths(
  ctx: QueryContext,
  fromRef: string,
  toRef: string,
  { maxHops, limit, pattern }: { maxHops: number; limit: number; pattern: string },
): Promise<GraphPath[]> {
  return runRead(ctx, async (tx) => {
    const from = await resolveInTx(tx, fromRef, "from");
    const to = await resolveInTx(tx, toRef, "to");
    if (from.elementId === to.elementId) {
      throw new InputError(`"${fromRef}" and "${toRef}" are the same entity (${from.node.name}).`, {
        input: "to",
        suggestion: "Pass two different entities.",
      });
    }
    // SHORTEST k finds the k shortest paths of any length up to maxHops (allShortestPaths would drop a longer
    // alternative as soon as one shorter path exists). Cypher 5 cannot take the path bounds or k as parameters:
    // both are checked integers (maxHops 1..6, k <= 3 x 100).
    // A super-hub (more than maxPathHubDegree relationships of the followed types) is passed through only as the
    // common neighbour of the two ends (a - hub - b): the k shortest paths are searched through small entities only
    // (a node predicate Neo4j applies inside the search, from each node's degree), and the paths a - hub - b are
    // added. Through a federation of 60,000 members everyone is two hops from everyone; expanding its members is
    // what made the search explode.
    const candidates = Math.min(3 * limit, 300);
    const isSmall = (n: string) => /* Cypher */ `COUNT { (${n})-[${pattern}]-() } <= $hubDegree`;
    const throughHubs =
      maxHops < 2
        ? ""
        : /* Cypher */ `
        UNION
        WITH a, b
        MATCH p = (a)-[${pattern}]-(hub)-[${pattern}]-(b) WHERE NOT ${isSmall("hub")}
        RETURN p`;
    const result = await tx.run(
      /* Cypher */ `
      MATCH (a) WHERE elementId(a) = $from
      MATCH (b) WHERE elementId(b) = $to
      CALL {
        WITH a, b
        MATCH p = SHORTEST ${candidates} (a) (()-[${pattern}]-(y) WHERE y = b OR ${isSmall("y")}){1,${maxHops}} (b)
        RETURN p${throughHubs}
      }
      WITH p, nodes(p) AS ns
      WHERE all(i IN range(0, size(ns) - 2) WHERE NOT ns[i] IN ns[i + 1..])
      WITH p, length(p) AS hops, size([n IN nodes(p) WHERE n:Country]) AS countries,
           reduce(c = 0.0, r IN relationships(p) | c + coalesce(r.confidence, 0.0)) AS confidence
      ORDER BY hops, countries, confidence DESC
      LIMIT toInteger($limit)
      RETURN [n IN nodes(p) | ${NODE_MAP("n")}] AS nodes, [r IN relationships(p) | ${EDGE_MAP("r")}] AS edges`,
      { from: from.elementId, to: to.elementId, limit, hubDegree: QUERY_LIMITS.maxPathHubDegree },
    );
    const paths = result.records.map((r) => ({
      nodes: r.get("nodes") as unknown[],
      edges: r.get("edges") as unknown[],
    }));
    const edges = await toGraphEdges(
      tx,
      paths.flatMap((p) => p.edges),
    );
    let offset = 0;
    return paths.map((p) => {
      const pathEdges = edges.slice(offset, offset + p.edges.length);
      offset += p.edges.length;
      return { nodes: p.nodes.map(toGraphNode), edges: pathEdges };
    });
  });
}

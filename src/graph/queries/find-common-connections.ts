/** What two entities have in common: the entities directly connected to both. */
import { InputError } from "../../domain/errors.js";
import type { CommonConnection } from "../../domain/views.js";
import { checkConnectionTypes, relTypePattern } from "./connection-types.js";
import { EDGE_MAP, NODE_MAP, toGraphEdges, toGraphNode } from "./map-records.js";
import { QUERY_LIMITS, runRead, type QueryContext } from "./query-context.js";
import { resolveInTx } from "./resolve-entity.js";

/**
 * Entities connected to both `a` and `b` through the connection types (by default not places or documents), with
 * the edges to each; most connected first.
 */
export async function findCommonConnections(
  ctx: QueryContext,
  aRef: string,
  bRef: string,
  options: { types?: readonly string[] | null } = {},
): Promise<CommonConnection[]> {
  const types = checkConnectionTypes(options.types);
  const pattern = relTypePattern(types);
  return runRead(ctx, async (tx) => {
    const a = await resolveInTx(tx, aRef, "a");
    const b = await resolveInTx(tx, bRef, "b");
    if (a.elementId === b.elementId) {
      throw new InputError(`"${aRef}" and "${bRef}" are the same entity (${a.node.name}).`, {
        input: "b",
        suggestion: "Pass two different entities.",
      });
    }
    const result = await tx.run(
      /* Cypher */ `
      MATCH (a) WHERE elementId(a) = $a
      MATCH (b) WHERE elementId(b) = $b
      MATCH (a)-[ra${pattern}]-(c)-[rb${pattern}]-(b)
      WHERE c <> a AND c <> b AND ($withDocuments OR NOT c:Document)
      WITH c, collect(DISTINCT ra) AS ras, collect(DISTINCT rb) AS rbs
      ORDER BY size(ras) + size(rbs) DESC, c.name
      LIMIT toInteger($limit)
      RETURN ${NODE_MAP("c")} AS c, [r IN ras | ${EDGE_MAP("r")}] AS ras, [r IN rbs | ${EDGE_MAP("r")}] AS rbs`,
      { a: a.elementId, b: b.elementId, limit: QUERY_LIMITS.maxLimit, withDocuments: types.includes("MENTIONED_IN") },
    );
    const rows = result.records.map((r) => ({
      c: r.get("c") as unknown,
      ras: r.get("ras") as unknown[],
      rbs: r.get("rbs") as unknown[],
    }));
    const edges = await toGraphEdges(
      tx,
      rows.flatMap((row) => [...row.ras, ...row.rbs]),
    );
    let offset = 0;
    const take = (n: number) => {
      const slice = edges.slice(offset, offset + n);
      offset += n;
      return slice;
    };
    return rows.map((row) => ({
      node: toGraphNode(row.c),
      edgesToA: take(row.ras.length),
      edgesToB: take(row.rbs.length),
    }));
  });
}

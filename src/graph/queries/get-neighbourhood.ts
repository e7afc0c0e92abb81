/**
 * The neighbourhood of an entity, hub-aware: per relationship type, the top edges by support (documents, then the
 * latest document date) up to a page size, the total per type and a cursor for the next page. Edges carry their
 * support, not their evidence: an analyst reads the sentences of the edges they open (getEdgeEvidence).
 */
import { InputError } from "../../domain/errors.js";
import { isRelType, type RelType } from "../../domain/model.js";
import type { EdgeTypePage, Neighbourhood, SummaryEdge } from "../../domain/views.js";
import { checkConnectionTypes, relTypePattern } from "./connection-types.js";
import { NODE_MAP, SUMMARY_EDGE_MAP, toGraphNode, toSummaryEdge } from "./map-records.js";
import { QUERY_LIMITS, checkInt, runRead, type QueryContext, type ReadTx } from "./query-context.js";
import { resolveInTx } from "./resolve-entity.js";

/** Options of getNeighbourhood. */
export interface NeighbourhoodOptions {
  depth?: number;
  /** relationship types to follow; DEFAULT_CONNECTION_REL_TYPES when empty (see checkConnectionTypes) */
  types?: readonly string[] | null;
  /** edges per relationship type and per expanded entity (default NEIGHBOURHOOD_PAGE_SIZE) */
  pageSize?: number;
  /** the cursor of one type's page (EdgeTypePage.cursor): the next edges of that type at the centre, depth 1 */
  after?: string | null;
}

/** Edges per relationship type of a neighbourhood page, unless asked otherwise. */
export const NEIGHBOURHOOD_PAGE_SIZE = 25;
/** Most edges among the outer entities of a neighbourhood (those not expanded), by support. */
const MAX_OUTER_EDGES = 300;

/** The edge order of a neighbourhood: most documents first, then the most recent, then the key (stable pages). */
const BY_SUPPORT = (r: string) =>
  /* Cypher */ `coalesce(${r}.sourceCount, size(coalesce(${r}.sources, []))) DESC, coalesce(${r}.lastSeen, '') DESC, ${r}.key`;

interface PageCursor {
  type: RelType;
  offset: number;
}

/** The opaque cursor of a page: the relationship type and the offset of its next edge. */
export function encodeCursor(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify({ t: cursor.type, o: cursor.offset })).toString("base64url");
}

/** Reads a cursor made by encodeCursor; anything else is an InputError naming the argument. */
export function decodeCursor(text: string): PageCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    parsed = undefined;
  }
  const { t, o } = (parsed ?? {}) as { t?: unknown; o?: unknown };
  if (typeof t !== "string" || !isRelType(t) || typeof o !== "number" || !Number.isInteger(o) || o < 0) {
    throw new InputError(`The argument "after" is not a cursor of this API.`, {
      input: "after",
      suggestion: "Pass the `cursor` of a page returned by neighbourhood, unchanged.",
    });
  }
  return { type: t, offset: o };
}

/** One ranked page of one type at one expanded entity. */
interface RankedPage {
  eid: string;
  type: RelType;
  total: number;
  rows: { edge: unknown; other: string }[];
}

async function rankedPages(
  tx: ReadTx,
  frontier: string[],
  types: readonly RelType[],
  skip: number,
  pageSize: number,
): Promise<RankedPage[]> {
  const result = await tx.run(
    /* Cypher */ `
    UNWIND $frontier AS eid
    MATCH (f) WHERE elementId(f) = eid
    MATCH (f)-[r${relTypePattern(types)}]-(m) WHERE $withDocuments OR NOT m:Document
    WITH f, type(r) AS type, r, m ORDER BY ${BY_SUPPORT("r")}
    WITH f, type, collect([r, m]) AS ranked
    WITH f, type, size(ranked) AS total, ranked[toInteger($skip)..toInteger($skip + $pageSize)] AS page
    // a page past the end still reports its type's total
    UNWIND CASE WHEN size(page) = 0 THEN [null] ELSE page END AS x
    WITH f, type, total, x[0] AS r, x[1] AS m
    RETURN elementId(f) AS eid, type, total,
           collect(CASE WHEN r IS NULL THEN null ELSE {edge: ${SUMMARY_EDGE_MAP("r")}, other: elementId(m)} END) AS rows`,
    { frontier, skip, pageSize, withDocuments: types.includes("MENTIONED_IN") },
  );
  return result.records.map((record) => ({
    eid: String(record.get("eid")),
    type: record.get("type") as RelType,
    total: Number(record.get("total")),
    rows: record.get("rows") as { edge: unknown; other: string }[],
  }));
}

/**
 * The entity, the top `pageSize` edges of each type around it (and, with depth > 1, around each entity reached,
 * level by level), the edges among the outer entities, and per type at the centre the total and a cursor. At most
 * QUERY_LIMITS.maxSubgraphNodes nodes. With `after`, the next page of one type at the centre.
 */
export async function getNeighbourhood(
  ctx: QueryContext,
  ref: string,
  options: NeighbourhoodOptions = {},
): Promise<Neighbourhood> {
  const cursor = options.after ? decodeCursor(options.after) : undefined;
  const depth = cursor ? 1 : checkInt(options.depth ?? 1, "depth", 1, QUERY_LIMITS.maxDepth);
  const pageSize = checkInt(options.pageSize ?? NEIGHBOURHOOD_PAGE_SIZE, "pageSize", 1, QUERY_LIMITS.maxLimit);
  const types = cursor ? [cursor.type] : checkConnectionTypes(options.types);
  return runRead(ctx, async (tx) => {
    const centre = await resolveInTx(tx, ref, "id");
    const seen = new Set([centre.elementId]);
    const expanded = new Set<string>();
    const edges = new Map<string, SummaryEdge>();
    const pages: EdgeTypePage[] = [];
    let frontier = [centre.elementId];
    for (let level = 0; level < depth && frontier.length > 0; level++) {
      const skip = level === 0 ? (cursor?.offset ?? 0) : 0;
      const next: string[] = [];
      for (const page of await rankedPages(tx, frontier, types, skip, pageSize)) {
        let returned = 0;
        for (const row of page.rows) {
          const other = String(row.other);
          if (!seen.has(other)) {
            if (seen.size >= QUERY_LIMITS.maxSubgraphNodes) continue;
            seen.add(other);
            next.push(other);
          }
          const edge = toSummaryEdge(row.edge);
          edges.set(edge.key, edge);
          returned++;
        }
        if (level === 0) {
          const end = skip + returned;
          pages.push({
            type: page.type,
            total: page.total,
            returned,
            ...(end < page.total ? { cursor: encodeCursor({ type: page.type, offset: end }) } : {}),
          });
        }
      }
      for (const eid of frontier) expanded.add(eid);
      frontier = next;
    }
    const outer = [...seen].filter((eid) => !expanded.has(eid));
    if (outer.length > 1 && !cursor) {
      const among = await tx.run(
        /* Cypher */ `
        UNWIND $outer AS eid
        MATCH (x) WHERE elementId(x) = eid
        MATCH (x)-[r${relTypePattern(types)}]->(y) WHERE elementId(y) IN $outer
        WITH r ORDER BY ${BY_SUPPORT("r")} LIMIT ${MAX_OUTER_EDGES}
        RETURN ${SUMMARY_EDGE_MAP("r")} AS e`,
        { outer },
      );
      for (const record of among.records) {
        const edge = toSummaryEdge(record.get("e"));
        edges.set(edge.key, edge);
      }
    }
    const ids = [...seen];
    const nodesResult = await tx.run(
      /* Cypher */ `UNWIND $ids AS eid MATCH (n) WHERE elementId(n) = eid RETURN ${NODE_MAP("n")} AS n`,
      { ids },
    );
    const nodes = nodesResult.records.map((r) => toGraphNode(r.get("n")));
    pages.sort((a, b) => types.indexOf(a.type) - types.indexOf(b.type));
    return { nodes, edges: [...edges.values()], pages };
  });
}

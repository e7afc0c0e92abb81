/** What the graph holds at a glance: counts by label and type, the most connected, the latest documents and events. */
import { NODE_LABELS, REL_TYPES } from "../../domain/model.js";
import type { GraphOverview, TypeCount } from "../../domain/views.js";
import { getMostConnected } from "./get-most-connected.js";
import { NODE_MAP, loadDocuments, toGraphNode } from "./map-records.js";
import { checkInt, runRead, type QueryContext } from "./query-context.js";

/** Most entries in each list of the overview. */
export const MAX_OVERVIEW_LIST = 20;

// one count per label and per type, each answered from the count store; names come from the domain constants only
const COUNTS = /* Cypher */ [
  ...NODE_LABELS.map((l) => `MATCH (n:${l}) RETURN 'node' AS kind, '${l}' AS type, count(n) AS count`),
  ...REL_TYPES.map((t) => `MATCH ()-[r:${t}]->() RETURN 'rel' AS kind, '${t}' AS type, count(r) AS count`),
].join("\nUNION ALL\n");

/** The overview of the graph with `limit` entries in each list (people, organisations, documents, events). */
export async function getOverview(ctx: QueryContext, options: { limit?: number } = {}): Promise<GraphOverview> {
  const limit = checkInt(options.limit ?? 5, "limit", 1, MAX_OVERVIEW_LIST);
  const [people, organisations] = [
    await getMostConnected(ctx, { label: "Person", limit }),
    await getMostConnected(ctx, { label: "Organization", limit }),
  ];
  return runRead(ctx, async (tx) => {
    const counts = await tx.run(COUNTS);
    const nodes: TypeCount[] = [];
    const relationships: TypeCount[] = [];
    for (const r of counts.records) {
      const row = { type: String(r.get("type")), count: Number(r.get("count")) };
      (r.get("kind") === "node" ? nodes : relationships).push(row);
    }
    const docs = await tx.run(
      /* Cypher */ `
      MATCH (d:Document) WITH d ORDER BY coalesce(d.date, '') DESC, d.title LIMIT toInteger($limit)
      RETURN d.id AS id`,
      { limit },
    );
    const ids = docs.records.map((r) => String(r.get("id")));
    const loaded = await loadDocuments(tx, ids);
    const events = await tx.run(
      /* Cypher */ `
      MATCH (e:Event) WITH e ORDER BY coalesce(e.date, e.seenTo, '') DESC, e.name LIMIT toInteger($limit)
      RETURN ${NODE_MAP("e")} AS e`,
      { limit },
    );
    return {
      nodes,
      relationships,
      people,
      organisations,
      documents: ids.flatMap((id) => loaded.get(id) ?? []),
      events: events.records.map((r) => toGraphNode(r.get("e"))),
    };
  });
}

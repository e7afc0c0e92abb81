/** An entity's timeline: its meetings, agreements, memberships, positions and events in date order, with sources. */
import type { EntityTimeline } from "../../domain/views.js";
import { readEntityCard } from "./get-entity-card.js";
import { NODE_MAP, toGraphNode } from "./map-records.js";
import { runRead, type QueryContext } from "./query-context.js";
import { buildTimeline } from "./timeline-entries.js";

/** The timeline of an id, name or alias (at most QUERY_LIMITS.maxCardConnections edges, as its card). */
export async function getEntityTimeline(ctx: QueryContext, ref: string): Promise<EntityTimeline> {
  return runRead(ctx, async (tx) => {
    const card = await readEntityCard(tx, ref);
    const ids = [
      ...new Set(
        card.connections.flatMap(({ edge }) =>
          edge.type === "MET_WITH" && Array.isArray(edge.properties.events) ? edge.properties.events.map(String) : [],
        ),
      ),
    ];
    const result = await tx.run(
      /* Cypher */ `UNWIND $ids AS eventId MATCH (e:Event {id: eventId}) RETURN ${NODE_MAP("e")} AS e`,
      { ids },
    );
    const events = new Map(
      result.records.map((r) => {
        const node = toGraphNode(r.get("e"));
        return [node.id, node] as const;
      }),
    );
    return { node: card.node, entries: buildTimeline(card, events) };
  });
}

/** Pure: an entity card and the Event nodes of its meetings → the entity's timeline in date order. */
import type { RelType } from "../../domain/model.js";
import type { EntityCard, GraphEdge, GraphNode, TimelineEntry, TimelineKind } from "../../domain/views.js";

/** The relationship types a timeline shows, and what each entry is called. */
export const TIMELINE_KINDS: Partial<Record<RelType, TimelineKind>> = {
  MET_WITH: "meeting",
  SIGNED: "agreement",
  MEMBER_OF: "membership",
  HOLDS_POSITION: "position",
  PARTICIPATED_IN: "event",
};

const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

/** The earliest date of the documents an edge's evidence comes from, if any is dated. */
function earliestReport(edge: GraphEdge): string | undefined {
  const dates = edge.evidence.flatMap((e) => text(e.document.date) ?? []).sort();
  return dates[0];
}

/** The date of an entry: the edge's own, else its event's, else when it was first reported. */
function dateOf(edge: GraphEdge, event: GraphNode | undefined): Pick<TimelineEntry, "date" | "dateSource"> {
  const stated = text(edge.properties.date) ?? text(edge.properties.firstDate);
  if (stated) return { date: stated, dateSource: "stated" };
  const fromEvent = event ? (text(event.properties.date) ?? text(event.properties.seenFrom)) : undefined;
  if (fromEvent) return { date: fromEvent, dateSource: "event" };
  const reported = earliestReport(edge);
  return reported ? { date: reported, dateSource: "reported" } : {};
}

/** A MET_WITH edge's evidence narrowed to the documents that report one of its meetings (all of it when none do). */
function meetingEdge(edge: GraphEdge, event: GraphNode): GraphEdge {
  const sources = Array.isArray(event.properties.sources) ? event.properties.sources.map(String) : [];
  const evidence = edge.evidence.filter((e) => sources.includes(e.document.id));
  const date = text(event.properties.date);
  const properties = { ...edge.properties, date, events: [event.id], count: 1, firstDate: date, lastDate: date };
  return { ...edge, properties, evidence: evidence.length > 0 ? evidence : edge.evidence };
}

/** Compares two entries: dated ones by date, then undated ones; ties by kind and name. */
export function compareEntries(a: TimelineEntry, b: TimelineEntry): number {
  if (a.date !== b.date) {
    if (a.date === undefined) return 1;
    if (b.date === undefined) return -1;
    return a.date.localeCompare(b.date);
  }
  return a.kind.localeCompare(b.kind) || a.other.name.localeCompare(b.other.name);
}

/**
 * One entry per dated fact: each meeting of a MET_WITH edge (its Event nodes in `events`) on its own, every other
 * timeline edge once (taking part in one of those meetings is not listed again). Oldest first, undated last.
 */
export function buildTimeline(card: EntityCard, events: ReadonlyMap<string, GraphNode>): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  // taking part in a meeting that a MET_WITH entry already lists would say the same thing twice
  const meetingIds = new Set(
    card.connections.flatMap(({ edge }) =>
      edge.type === "MET_WITH" && Array.isArray(edge.properties.events) ? edge.properties.events.map(String) : [],
    ),
  );
  for (const { edge, other, direction } of card.connections) {
    const kind = TIMELINE_KINDS[edge.type];
    if (kind === undefined) continue;
    if (edge.type === "PARTICIPATED_IN" && events.has(other.id) && meetingIds.has(other.id)) continue;
    const eventIds = Array.isArray(edge.properties.events) ? edge.properties.events.map(String) : [];
    const meetings = kind === "meeting" ? eventIds.flatMap((id) => events.get(id) ?? []) : [];
    if (meetings.length > 0) {
      for (const event of meetings) {
        const one = meetingEdge(edge, event);
        entries.push({ kind, ...dateOf(one, event), edge: one, other, direction, event });
      }
      continue;
    }
    const event = other.label === "Event" ? other : undefined;
    entries.push({ kind, ...dateOf(edge, event), edge, other, direction });
  }
  return entries.sort(compareEntries);
}

/** Pure: partial dates (YYYY, YYYY-MM, YYYY-MM-DD) as day intervals, and whether an item falls in a date range. */
import { textProp, type GraphEdge, type GraphNode } from "./types.js";

/** An inclusive interval of days, as YYYY-MM-DD strings (they compare as text). */
export interface DayInterval {
  start: string;
  end: string;
}

/** The days a partial date covers: "2019" → 2019-01-01..2019-12-31; undefined when it is not a date. */
export function dayInterval(date: string | undefined): DayInterval | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date ?? "");
  if (!m) return undefined;
  const [, y, mo, d] = m;
  if (d) return { start: `${y}-${mo}-${d}`, end: `${y}-${mo}-${d}` };
  if (mo) return { start: `${y}-${mo}-01`, end: `${y}-${mo}-31` };
  return { start: `${y}-01-01`, end: `${y}-12-31` };
}

/** The date range of a filter; undefined when neither end is set. */
export function filterRange(since: string | undefined, until: string | undefined): DayInterval | undefined {
  if (!since && !until) return undefined;
  return { start: dayInterval(since)?.start ?? "0000-01-01", end: dayInterval(until)?.end ?? "9999-12-31" };
}

function spanOf(first: string | undefined, last: string | undefined): DayInterval | undefined {
  const a = dayInterval(first);
  const b = dayInterval(last ?? first);
  if (!a) return b;
  return { start: a.start, end: (b ?? a).end };
}

/** When a node happened: an event's date (else when it was reported), a document's date; undefined for the others. */
export function nodeSpan(node: GraphNode): DayInterval | undefined {
  const p = node.properties;
  if (node.label === "Event")
    return dayInterval(textProp(p, "date")) ?? spanOf(textProp(p, "seenFrom"), textProp(p, "seenTo"));
  if (node.label === "Document") return dayInterval(textProp(p, "date"));
  return undefined;
}

/** When a relationship held: its date, or the first to the last of its meetings; undefined when undated. */
export function edgeSpan(edge: GraphEdge): DayInterval | undefined {
  const p = edge.properties;
  return spanOf(textProp(p, "firstDate"), textProp(p, "lastDate")) ?? dayInterval(textProp(p, "date"));
}

/** True when the span overlaps the range. */
export function overlaps(span: DayInterval, range: DayInterval): boolean {
  return span.end >= range.start && span.start <= range.end;
}

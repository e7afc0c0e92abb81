/**
 * What one MET_WITH edge says about a pair of people: the distinct events (meetings) they met at, how many there
 * are, and the first and last known date. Merged the same way by resolution, the write plan and the writer, so a
 * pair keeps one edge however many documents, chunks or imports report its meetings.
 */
import type { PropertyValue } from "./model.js";

function strings(value: PropertyValue | undefined): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return typeof value === "string" ? [value] : [];
}

function bound(a: PropertyValue | undefined, b: PropertyValue | undefined, pick: "min" | "max"): string | undefined {
  const dates = [...strings(a), ...strings(b)].sort();
  return pick === "min" ? dates[0] : dates[dates.length - 1];
}

/**
 * The meeting summary of two sets of MET_WITH properties: events united (sorted), `count` the number of distinct
 * events (at least 1: a meeting reported without an event is still one meeting), first and last date.
 */
export function mergeMeetingProperties(
  a: Record<string, PropertyValue>,
  b: Record<string, PropertyValue>,
): Record<string, PropertyValue> {
  const events = [...new Set([...strings(a.events), ...strings(b.events)])].sort();
  const merged: Record<string, PropertyValue> = { ...a, ...b, events, count: Math.max(1, events.length) };
  const first = bound(a.firstDate, b.firstDate, "min");
  const last = bound(a.lastDate, b.lastDate, "max");
  if (first !== undefined) merged.firstDate = first;
  else delete merged.firstDate;
  if (last !== undefined) merged.lastDate = last;
  else delete merged.lastDate;
  return merged;
}

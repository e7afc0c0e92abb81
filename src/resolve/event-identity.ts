/**
 * Cross-document event identity: reports of the same meeting, signing, visit or congress in different documents
 * become one event. Two reports (or a report and an event already stored) are the same event when they have the
 * same kind, their principal participants overlap (the people when people are named, else every participant;
 * two shared, or all of the smaller side when it has one), their dates lie within EVENT_WINDOW_DAYS of every other
 * report of the event (the event's own date, else the publication date of the document), both are undated when
 * one is, and they name the same place when both name one. Two reports of one document are never merged: the
 * document already told them apart.
 *
 * Candidates are found through an index by kind, principal participant and week, so each report is compared only
 * with the events of its participants around its date, never with every stored event. Reports are taken in a canonical order (date, then id) and
 * a report joins the compatible event with the smallest id, so the grouping depends on the set of reports, not on
 * the order of files or the size of chunks; an event already stored keeps its id.
 */
import type { EventKind, PropertyValue } from "../domain/model.js";
import { foldText } from "../text/fold.js";

/** The widest spread, in days, of the dates of the reports of one event. */
export const EVENT_WINDOW_DAYS = 3;

/** One document's report of an event, with ids resolved across documents. */
export interface EventReport {
  /** the id the event gets when no other report joins it */
  id: string;
  document: string;
  kind: EventKind | string;
  /** global ids of every participant, sorted */
  participants: string[];
  /** the event's date (YYYY-MM-DD), else the document's publication date, as a day number */
  day?: number;
  /** the place as written */
  place?: string;
  properties: Record<string, PropertyValue>;
}

/** An event that has a node already: what its reports agreed on. */
export interface KnownEvent {
  id: string;
  kind: string;
  participants: readonly string[];
  sources: readonly string[];
  firstDay?: number;
  lastDay?: number;
  place?: string;
  properties: Record<string, PropertyValue>;
}

/** An event as resolved: its reports in this resolution, and the stored event it continues (if any). */
export interface ResolvedEvent {
  id: string;
  kind: string;
  participants: Set<string>;
  sources: Set<string>;
  firstDay?: number;
  lastDay?: number;
  place?: string;
  /** the first title seen (identifies events that name no participant) */
  title?: string;
  reports: EventReport[];
  stored?: KnownEvent;
}

const DAY_MS = 86_400_000;

/** The day number of a full date `YYYY-MM-DD`, else undefined (a month or a year is too vague to match on). */
export function dayOf(date: PropertyValue | undefined): number | undefined {
  if (typeof date !== "string") return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (m === null) return undefined;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

/** The date `YYYY-MM-DD` of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The participants that identify an event: its people when it names any, else every participant. */
export function principalOf(participants: Iterable<string>): string[] {
  const all = [...participants];
  const people = all.filter((p) => p.startsWith("person:"));
  return people.length > 0 ? people : all;
}

function placeKey(place: string | undefined): string | undefined {
  return place === undefined ? undefined : foldText(place).trim();
}

/** Width in days of the buckets events are indexed under (wider than the window, so a span covers two at most). */
const BUCKET_DAYS = 7;

/**
 * What identifies an event besides kind, date and place: its principal participants; for an event that names
 * none (a conference, a congress), its title.
 */
export function anchorsOf(participants: Iterable<string>, title: PropertyValue | undefined): string[] {
  const principal = principalOf(participants);
  if (principal.length > 0) return principal;
  return typeof title === "string" && title.trim() !== "" ? [`title:${foldText(title).trim()}`] : [];
}

/** The index keys of an event spanning firstDay..lastDay (undated: one bucket), per anchor. */
function eventKeys(kind: string, anchors: readonly string[], firstDay?: number, lastDay?: number): string[] {
  const buckets: string[] = [];
  if (firstDay === undefined || lastDay === undefined) buckets.push("u");
  else
    for (let b = Math.floor(firstDay / BUCKET_DAYS); b <= Math.floor(lastDay / BUCKET_DAYS); b++)
      buckets.push(String(b));
  return anchors.flatMap((p) => buckets.map((b) => `${kind}|${p}|${b}`));
}

/** The keys under which the events a report can join are indexed: its participants, the buckets of its window. */
function reportKeys(report: EventReport): string[] {
  const { day } = report;
  const anchors = anchorsOf(report.participants, report.properties.title);
  return day === undefined
    ? eventKeys(report.kind, anchors)
    : eventKeys(report.kind, anchors, day - EVENT_WINDOW_DAYS, day + EVENT_WINDOW_DAYS);
}

/**
 * Stored events indexed by kind, principal participant and week: the only events a new report is compared with,
 * so a person with thousands of meetings costs a report only the meetings of its own week.
 */
export class KnownEvents {
  private readonly events = new Map<string, KnownEvent>();
  private readonly byKey = new Map<string, Set<string>>();

  constructor(events: Iterable<KnownEvent> = []) {
    for (const event of events) this.upsert(event);
  }

  /** How many events are known. */
  get size(): number {
    return this.events.size;
  }

  /** The event with this id. */
  get(id: string): KnownEvent | undefined {
    return this.events.get(id);
  }

  /** True when an event node has this id. */
  has(id: string): boolean {
    return this.events.has(id);
  }

  /** Adds an event or replaces what is known about it. */
  upsert(event: KnownEvent): void {
    this.remove(event.id);
    this.events.set(event.id, event);
    const anchors = anchorsOf(event.participants, event.properties.title);
    for (const key of eventKeys(event.kind, anchors, event.firstDay, event.lastDay)) {
      let ids = this.byKey.get(key);
      if (ids === undefined) this.byKey.set(key, (ids = new Set()));
      ids.add(event.id);
    }
  }

  private remove(id: string): void {
    const old = this.events.get(id);
    if (old === undefined) return;
    const anchors = anchorsOf(old.participants, old.properties.title);
    for (const key of eventKeys(old.kind, anchors, old.firstDay, old.lastDay)) this.byKey.get(key)?.delete(id);
    this.events.delete(id);
  }

  /** Stored events a report could join (same kind, a shared principal participant, a nearby week), by id. */
  candidatesFor(report: EventReport): KnownEvent[] {
    const ids = new Set<string>();
    for (const key of reportKeys(report)) for (const id of this.byKey.get(key) ?? []) ids.add(id);
    return [...ids]
      .sort()
      .map((id) => this.events.get(id))
      .filter((e): e is KnownEvent => e !== undefined);
  }
}

function isCompatible(event: ResolvedEvent, report: EventReport): boolean {
  if (event.kind !== report.kind || event.sources.has(report.document)) return false;
  if ((event.firstDay === undefined) !== (report.day === undefined)) return false;
  if (event.firstDay !== undefined && event.lastDay !== undefined && report.day !== undefined) {
    const spread = Math.max(event.lastDay, report.day) - Math.min(event.firstDay, report.day);
    if (spread > EVENT_WINDOW_DAYS) return false;
  }
  const place = placeKey(report.place);
  if (place !== undefined && event.place !== undefined && placeKey(event.place) !== place) return false;
  const mine = anchorsOf(report.participants, report.properties.title);
  const theirs = new Set(anchorsOf(event.participants, event.title));
  const shared = mine.filter((p) => theirs.has(p)).length;
  return shared >= 1 && shared >= Math.min(2, mine.length, theirs.size);
}

function addReport(event: ResolvedEvent, report: EventReport): void {
  event.reports.push(report);
  event.sources.add(report.document);
  for (const p of report.participants) event.participants.add(p);
  if (report.day !== undefined) {
    event.firstDay = Math.min(event.firstDay ?? report.day, report.day);
    event.lastDay = Math.max(event.lastDay ?? report.day, report.day);
  }
  if (event.place === undefined && report.place !== undefined) event.place = report.place;
  const title = report.properties.title;
  if (event.title === undefined && typeof title === "string") event.title = title;
}

/** Groups reports into events, joining stored events where they fit; returns the event of each report id. */
export function resolveEvents(reports: readonly EventReport[], known: KnownEvents): Map<string, ResolvedEvent> {
  const order = [...reports].sort(
    (a, b) => (a.day ?? Infinity) - (b.day ?? Infinity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const index = new Map<string, Set<ResolvedEvent>>();
  const storedEvents = new Map<string, ResolvedEvent>();
  const indexEvent = (event: ResolvedEvent) => {
    for (const key of eventKeys(
      event.kind,
      anchorsOf(event.participants, event.title),
      event.firstDay,
      event.lastDay,
    )) {
      let set = index.get(key);
      if (set === undefined) index.set(key, (set = new Set()));
      set.add(event);
    }
  };
  const fromStored = (stored: KnownEvent): ResolvedEvent => {
    let event = storedEvents.get(stored.id);
    if (event === undefined) {
      event = {
        id: stored.id,
        kind: stored.kind,
        participants: new Set(stored.participants),
        sources: new Set(stored.sources),
        ...(stored.firstDay !== undefined ? { firstDay: stored.firstDay } : {}),
        ...(stored.lastDay !== undefined ? { lastDay: stored.lastDay } : {}),
        ...(stored.place !== undefined ? { place: stored.place } : {}),
        ...(typeof stored.properties.title === "string" ? { title: stored.properties.title } : {}),
        reports: [],
        stored,
      };
      storedEvents.set(stored.id, event);
      indexEvent(event);
    }
    return event;
  };
  const result = new Map<string, ResolvedEvent>();
  for (const report of order) {
    const candidates = new Set<ResolvedEvent>();
    for (const stored of known.candidatesFor(report)) candidates.add(fromStored(stored));
    for (const key of reportKeys(report)) for (const event of index.get(key) ?? []) candidates.add(event);
    let chosen: ResolvedEvent | undefined;
    for (const event of candidates) {
      if (isCompatible(event, report) && (chosen === undefined || event.id < chosen.id)) chosen = event;
    }
    if (chosen === undefined) {
      chosen = { id: report.id, kind: report.kind, participants: new Set(), sources: new Set(), reports: [] };
    }
    addReport(chosen, report);
    indexEvent(chosen);
    result.set(report.id, chosen);
  }
  return result;
}

function stringList(value: PropertyValue | undefined): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** What identity needs of an event node, read from its properties (as written for a resolved Event entity). */
export function knownEventOf(id: string, properties: Record<string, PropertyValue>): KnownEvent | undefined {
  const kind = properties.kind;
  if (typeof kind !== "string") return undefined;
  const firstDay = dayOf(properties.seenFrom);
  const lastDay = dayOf(properties.seenTo);
  const place = properties.place;
  return {
    id,
    kind,
    participants: stringList(properties.participantIds),
    sources: stringList(properties.sources),
    ...(firstDay !== undefined ? { firstDay } : {}),
    ...(lastDay !== undefined ? { lastDay } : {}),
    ...(typeof place === "string" ? { place } : {}),
    properties,
  };
}

/**
 * Stage: events. Each document's event becomes a report (kind, day, place, resolved participants); reports of one
 * happening in several documents (and imports) become one event (event-identity.ts), named after its kind, its
 * participants and its date. Pure.
 */
import type { Entity, PropertyValue } from "../domain/model.js";
import { shortHash } from "../text/fold.js";
import type { Cluster } from "./build-entity.js";
import { dateOfDay, dayOf, resolveEvents, type EventReport, type ResolvedEvent } from "./event-identity.js";
import type { Resolution } from "./resolution.js";
import type { IdentifiedEntities } from "./stage-ids.js";

/** The report of each event cluster (one node each), and the report id of each event node. */
function reportsOf(
  eventClusters: readonly Cluster[],
  globalIdOf: ReadonlyMap<string, string>,
): { reports: Map<string, EventReport>; reportIdOfNode: Map<string, string> } {
  const reports = new Map<string, EventReport>();
  const reportIdOfNode = new Map<string, string>();
  for (const c of eventClusters) {
    const n = c.nodes[0]!;
    const docId = n.doc?.document.id ?? "";
    const participants = [
      ...new Set(
        n.participants.map((p) => globalIdOf.get(`${docId}#${p}`)).filter((p): p is string => p !== undefined),
      ),
    ].sort();
    const kind = String(n.entity.properties.kind ?? "other");
    const id = `event:${docId}-${kind}-${shortHash(participants.join("|"))}`;
    reportIdOfNode.set(n.id, id);
    if (reports.has(id)) continue;
    const day = dayOf(n.entity.properties.date) ?? dayOf(n.doc?.document.date);
    const place = n.entity.properties.place;
    reports.set(id, {
      id,
      document: docId,
      kind,
      participants,
      ...(day !== undefined ? { day } : {}),
      ...(typeof place === "string" ? { place } : {}),
      properties: n.entity.properties,
    });
  }
  return { reports, reportIdOfNode };
}

/**
 * Resolves the event clusters into event entities, added to `identified` (entities, ids taken, node ids); returns
 * the event entities by id.
 */
export function identifyEvents(
  r: Resolution,
  eventClusters: readonly Cluster[],
  identified: IdentifiedEntities,
): Map<string, Entity> {
  const { entities, usedIds, globalIdOf } = identified;
  const nameOfId = new Map(entities.map((e) => [e.id, e] as const));
  const { reports, reportIdOfNode } = reportsOf(eventClusters, globalIdOf);
  // participants stored by earlier imports are labelled from the registry
  const labelOf = (id: string): string => {
    const inBatch = nameOfId.get(id);
    if (inBatch !== undefined) return shortLabel(inBatch);
    const stored = r.known.get(id);
    return stored === undefined ? "?" : (stored.acronym ?? stored.name);
  };
  const eventOfReport = resolveEvents([...reports.values()], r.known.events);
  const eventEntities = new Map<string, Entity>();
  for (const [nodeId, reportId] of reportIdOfNode) {
    const event = eventOfReport.get(reportId)!;
    globalIdOf.set(nodeId, event.id);
    if (eventEntities.has(event.id)) continue;
    const entity = eventEntity(event, labelOf);
    eventEntities.set(event.id, entity);
    usedIds.add(event.id);
    entities.push(entity);
  }
  return eventEntities;
}

/** The properties every report of an event agrees on, chosen so that they do not depend on the order of reports. */
function eventEntity(event: ResolvedEvent, labelOf: (id: string) => string): Entity {
  const stored = event.stored?.properties ?? {};
  const values = (name: string): string[] =>
    [stored[name], ...event.reports.map((r) => r.properties[name])]
      .filter((v): v is string => typeof v === "string" && v !== "")
      .sort();
  const properties: Record<string, PropertyValue> = { kind: event.kind };
  const title = values("title")[0];
  if (title !== undefined) properties.title = title;
  // the earliest full date, else the earliest partial one ("2024-10" says less than "2024-10-28")
  const dates = values("date");
  const date = dates.find((d) => dayOf(d) !== undefined) ?? dates[0];
  if (date !== undefined) properties.date = date;
  else {
    const dateText = values("dateText")[0];
    if (dateText !== undefined) properties.dateText = dateText;
  }
  if (event.place !== undefined) properties.place = event.place;
  const participants = [...event.participants].sort();
  properties.participantIds = participants;
  properties.sources = [...event.sources].sort();
  if (event.firstDay !== undefined) properties.seenFrom = dateOfDay(event.firstDay);
  if (event.lastDay !== undefined) properties.seenTo = dateOfDay(event.lastDay);
  const labels = participants.map(labelOf);
  return { id: event.id, type: "Event", name: eventName(event.kind, properties, labels), aliases: [], properties };
}

function shortLabel(entity: Entity | undefined): string {
  if (!entity) return "?";
  const acronym = entity.properties.acronym;
  return typeof acronym === "string" ? acronym : entity.name;
}

function eventName(kind: string, properties: Record<string, PropertyValue>, labels: string[]): string {
  const local = { properties };
  const list =
    labels.length <= 1 ? (labels[0] ?? "") : `${labels.slice(0, -1).join(", ")} and ${labels[labels.length - 1]}`;
  // an event always shows when it happened, or at least when it was reported: reports of different meetings of
  // the same people must not read the same
  const when =
    typeof local.properties.date === "string"
      ? ` (${local.properties.date})`
      : typeof local.properties.dateText === "string"
        ? ` (${local.properties.dateText}${typeof local.properties.seenFrom === "string" ? `, reported ${local.properties.seenFrom}` : ""})`
        : typeof local.properties.seenFrom === "string"
          ? ` (reported ${local.properties.seenFrom})`
          : "";
  const title =
    typeof local.properties.title === "string" ? local.properties.title : kind.charAt(0).toUpperCase() + kind.slice(1);
  switch (kind) {
    case "meeting":
      return `Meeting of ${list}${when}`;
    case "agreement":
    case "memorandum":
      return `${title} between ${list}${when}`;
    case "visit":
      return `Visit of ${list}${typeof local.properties.place === "string" ? ` to ${local.properties.place}` : ""}${when}`;
    default:
      return `${title}${when}`;
  }
}

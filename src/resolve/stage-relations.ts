/**
 * Stage: relations. Each document's relations are mapped to the resolved ids and merged by the key the writer uses
 * (type, ends, role or status); evidence is concatenated without repeats, the more confident report's properties
 * win, and a pair's meetings are united. Pure.
 */
import { mergeMeetingProperties } from "../domain/meetings.js";
import type { DocumentMeta, Entity, Evidence, PropertyValue, Relation } from "../domain/model.js";
import type { DocumentExtraction } from "../extract/types.js";

const evidenceKey = (e: Evidence) => `${e.document}|${e.start}|${e.end}`;

/** A merged relation and the keys of the evidence it holds. */
interface Merged {
  relation: Relation;
  evidenceKeys: Set<string>;
}

/** The key the writer merges relationships by: a role tells positions apart, a status memberships. */
function relationKey(type: Relation["type"], from: string, to: string, properties: Record<string, PropertyValue>) {
  const discriminator =
    type === "HOLDS_POSITION"
      ? String(properties.role ?? "")
      : type === "MEMBER_OF"
        ? String(properties.status ?? "")
        : "";
  return `${type}|${from}|${to}|${discriminator}`;
}

/** Adds one more report of a relation to the merged one. */
function mergeReport(merged: Merged, report: Relation, properties: Record<string, PropertyValue>): void {
  const existing = merged.relation;
  for (const e of report.evidence) {
    if (merged.evidenceKeys.has(evidenceKey(e))) continue;
    merged.evidenceKeys.add(evidenceKey(e));
    existing.evidence.push(e);
  }
  const before = existing.properties;
  if (report.confidence > existing.confidence) {
    existing.properties = { ...existing.properties, ...properties };
    existing.confidence = report.confidence;
  } else {
    for (const [k, v] of Object.entries(properties))
      if (existing.properties[k] === undefined) existing.properties[k] = v;
  }
  if (report.type === "MET_WITH")
    existing.properties = { ...existing.properties, ...mergeMeetingProperties(before, properties) };
}

/** The relations of every document on resolved ids, merged by key, sorted by key. */
export function mergeRelations(
  docs: readonly DocumentExtraction[],
  globalIdOf: ReadonlyMap<string, string>,
  eventEntities: ReadonlyMap<string, Entity>,
): Relation[] {
  const merged = new Map<string, Merged>();
  for (const doc of docs) {
    for (const r of doc.relations) {
      const from = globalIdOf.get(`${doc.document.id}#${r.from}`);
      const to = r.type === "MENTIONED_IN" ? r.to : globalIdOf.get(`${doc.document.id}#${r.to}`);
      if (from === undefined || to === undefined || from === to) continue;
      let properties: Record<string, PropertyValue> = { ...r.properties };
      if (r.type === "MET_WITH") properties = meetingOf(properties, doc.document, eventEntities, globalIdOf);
      // a pair of people has one MET_WITH edge; its meetings are listed in `events`
      const [a, b] = r.type === "MET_WITH" && from > to ? [to, from] : [from, to];
      const key = relationKey(r.type, a, b, properties);
      const existing = merged.get(key);
      if (existing !== undefined) {
        mergeReport(existing, r, properties);
        continue;
      }
      const evidence = dedupeEvidence(r.evidence);
      merged.set(key, {
        relation: { type: r.type, from: a, to: b, properties, evidence, confidence: r.confidence },
        evidenceKeys: new Set(evidence.map(evidenceKey)),
      });
    }
  }
  return [...merged.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, m]) => m.relation);
}

function dedupeEvidence(evidence: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const e of evidence) {
    const key = evidenceKey(e);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out;
}

/**
 * The MET_WITH properties of one document's meeting: the resolved event in `events` (count 1) and its date (else the
 * publication date of the report) as the first and last date; the document-local `eventId` is dropped.
 */
function meetingOf(
  properties: Record<string, PropertyValue>,
  document: DocumentMeta,
  eventEntities: ReadonlyMap<string, Entity>,
  globalIdOf: ReadonlyMap<string, string>,
): Record<string, PropertyValue> {
  const { eventId: localEvent, ...rest } = properties;
  const eventId = typeof localEvent === "string" ? globalIdOf.get(`${document.id}#${localEvent}`) : undefined;
  const date = [rest.date, eventEntities.get(eventId ?? "")?.properties.date, document.date].find(
    (d) => typeof d === "string",
  );
  const meeting: Record<string, PropertyValue> = { ...rest, events: eventId !== undefined ? [eventId] : [], count: 1 };
  if (typeof date === "string") {
    meeting.firstDate = date;
    meeting.lastDate = date;
  }
  return mergeMeetingProperties(meeting, {});
}

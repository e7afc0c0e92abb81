/** MET_WITH and the events of meetings and participation, from the relations the rows read in a sentence. */
import type { EventKind, Evidence } from "../../domain/model.js";
import type { FoundRelation } from "../patterns/find-relations.js";
import { EVENT_NOUN_KINDS } from "../patterns/relation-patterns.js";
import type { DocumentState } from "./document-state.js";
import type { DocumentGroups } from "./groups.js";
import { isOrgKey, isPersonKey } from "./keys.js";

type Pair = [string, string];

const peopleOf = (keys: string[]) => keys.filter(isPersonKey);
const orgsOf = (keys: string[]) => keys.filter(isOrgKey);

function hasPeople(d: DocumentState, s: number): boolean {
  return d.chunkKeys[s]!.some((k) => k !== undefined && isPersonKey(k));
}

/** The pairs who met by a row that gives no sides ("A and B met"). */
function pairsTogether(d: DocumentState, groups: DocumentGroups, r: FoundRelation, s: number): Pair[] {
  const p = peopleOf(r.a);
  const o = orgsOf(r.a);
  // two members of the one group the document lists came together, they did not meet each other
  const isOneGroup = p.every((k) => groups.groupMembers.includes(k));
  if (p.length === 2 && !isOneGroup) return [[p[0]!, p[1]!]];
  if (p.length === 0 && o.length === 2 && !hasPeople(d, s) && !o.some((k) => groups.holders.has(k)))
    return [[o[0]!, o[1]!]];
  return [];
}

/** The pairs who met by a row with two sides ("A received B"). */
function pairsAcross(d: DocumentState, groups: DocumentGroups, r: FoundRelation, s: number): Pair[] {
  const pa = peopleOf(r.a);
  const pb = peopleOf(r.b);
  // a person meeting an organisation meets its leader when this document names exactly one
  const withLeaders = (people: string[], keys: string[]) =>
    people.length > 0 ? people : orgsOf(keys).flatMap((o) => (groups.leaderOf.get(o) ? [groups.leaderOf.get(o)!] : []));
  const [sideA, sideB] = pa.length > 0 || pb.length > 0 ? [withLeaders(pa, r.a), withLeaders(pb, r.b)] : [pa, pb];
  if (sideA.length > 0 && sideB.length > 0) return sideA.flatMap((a) => sideB.map((b) => [a, b] as Pair));
  if (pa.length === 0 && pb.length === 0 && !hasPeople(d, s) && ![...r.a, ...r.b].some((o) => groups.holders.has(o)))
    return orgsOf(r.a).flatMap((a) => orgsOf(r.b).map((b) => [a, b] as Pair));
  return [];
}

/**
 * A meeting the rows read: who met whom (organisations meet as such only where nobody is named for them, in the
 * sentence or holding a post in them), the event, and its participants.
 */
export function addMeeting(
  d: DocumentState,
  groups: DocumentGroups,
  r: FoundRelation,
  s: number,
  evidence: Evidence,
): void {
  const pairs = (r.isPair ? pairsTogether(d, groups, r, s) : pairsAcross(d, groups, r, s)).filter(([a, b]) => a !== b);
  if (pairs.length === 0) return;
  const participants = [...new Set(pairs.flat())];
  const kind: EventKind = r.eventKind === "visit" ? "visit" : "meeting";
  const event = d.addEvent(kind, s, r.trigger, participants);
  for (const [a, b] of pairs) d.sink.add("MET_WITH", a, b, evidence, r.confidence, { eventId: event });
  for (const p of participants) d.sink.add("PARTICIPATED_IN", p, event, evidence, r.confidence);
}

/** Taking part in an event a noun names ("took part in the congress"): one event per noun, every participant. */
export function addParticipation(d: DocumentState, r: FoundRelation, s: number, evidence: Evidence): void {
  if (r.objectToken === undefined) return;
  const kind: EventKind = EVENT_NOUN_KINDS[r.objectLemma ?? ""] ?? "other";
  const participants = r.a.filter((k) => isPersonKey(k) || isOrgKey(k));
  if (participants.length === 0) return;
  const at = `${s}:${r.objectToken}`;
  const event = d.eventAt.get(at) ?? d.addEvent(kind, s, r.objectToken, participants);
  d.eventAt.set(at, event);
  for (const p of participants) d.sink.add("PARTICIPATED_IN", p, event, evidence, r.confidence);
}

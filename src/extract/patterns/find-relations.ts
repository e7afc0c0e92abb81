/**
 * findRelations: applies every row of RELATION_PATTERNS to a parsed sentence. For each trigger token, each side's
 * paths lead to tokens; a token stands for the entity whose chunk or description (a person's role phrase) holds
 * it, else for the people (failing them, the organisations) its own phrase names ("a delegation of the ILO headed
 * by X", "the president of X"), with conjuncts.
 */
import type { AnnotatedSentence, DependencyEdge } from "../../domain/annotation.js";
import { FUTURE_OR_DENIED, LEADING_WORDS, MEMBERSHIP_NOUNS } from "../lexicon/grammar.js";
import {
  LINEAR_INCLUSION,
  LINEAR_MEETING_ROWS,
  LINEAR_SIGNING,
  PARTY_NOUNS,
  RELATION_PATTERNS,
  STATUS_BY_GOVERNOR,
  type PatternRelation,
  type RelationPattern,
} from "./relation-patterns.js";

/** A relation read in a sentence, between entity keys. */
export interface FoundRelation {
  relation: PatternRelation;
  /** the parties: for MEMBER_OF `a` are members and `b` bodies; for `pair` rows all parties are in `a` and `b` is empty */
  a: string[];
  b: string[];
  isPair: boolean;
  trigger: number;
  patternId: string;
  confidence: number;
  status?: string;
  eventKind?: string;
  /** the lemma a `requires` condition matched (the signed document: "memorandum", "agreement") and its token */
  objectLemma?: string;
  objectToken?: number;
}

/** What the engine knows of a sentence's tokens: the entity each stands for and whether it is a person. */
export interface TokenOwners {
  ownerOf: (token: number) => string | undefined;
  isPerson: (key: string) => boolean;
  /** true for tokens of a role phrase ("the President of X" stands for X's president) */
  isRole: (token: number) => boolean;
  /** whether a party noun ("a delegation of X led by Y") stands for what its phrase names (a membership noun never does) */
  isExpanding: boolean;
  /** the entities a word refers back to ("it", "the federation", "both unions"), if it does */
  referentsOf?: (token: number) => string[];
  /** the people a group noun stands for whose members the document lists elsewhere ("The delegation included A, B") */
  membersOf?: (token: number) => string[];
}

const EXPAND_RELS = /^(appos|compound|flat|nmod|acl|obl:agent|obl:by|conj|amod|nsubj:pass|dep)/;

/** A preposition's edge is "nmod:x" under a noun and "obl:x" under a verb; parsers of noisy text mix them up. */
function matchesRel(pattern: string, rel: string): boolean {
  const swapped = pattern.startsWith("nmod:")
    ? `obl:${pattern.slice(5)}`
    : pattern.startsWith("obl:") && pattern !== "obl:agent"
      ? `nmod:${pattern.slice(4)}`
      : pattern;
  return matchesOne(pattern, rel) || matchesOne(swapped, rel);
}

function matchesOne(pattern: string, rel: string): boolean {
  if (pattern.endsWith(":*")) return rel === pattern.slice(0, -2) || rel.startsWith(pattern.slice(0, -1));
  return rel === pattern;
}

/** Tokens a path leads to from `start`. */
export function follow(edges: readonly DependencyEdge[], start: number, path: readonly string[]): number[] {
  let current = [start];
  for (const step of path) {
    const isUp = step.startsWith("<");
    const rel = isUp ? step.slice(1) : step;
    const next: number[] = [];
    for (const t of current) {
      for (const e of edges) {
        if (!matchesRel(rel, e.rel)) continue;
        if (isUp && e.dep === t && e.head >= 0) next.push(e.head);
        if (!isUp && e.head === t) next.push(e.dep);
      }
    }
    current = [...new Set(next)];
    if (current.length === 0) break;
  }
  return current;
}

/** The entities a token stands for (see the module comment). */
function entitiesOf(
  sentence: AnnotatedSentence,
  edges: readonly DependencyEdge[],
  token: number,
  owners: TokenOwners,
): string[] {
  const own = owners.ownerOf(token);
  const conj = edges.filter((e) => e.head === token && e.rel.startsWith("conj")).map((e) => e.dep);
  if (own !== undefined)
    return [own, ...conj.flatMap((c) => (owners.ownerOf(c) !== undefined ? [owners.ownerOf(c)!] : []))];
  const referents = owners.referentsOf?.(token) ?? [];
  if (referents.length > 0) return referents;
  // the token's own phrase, breadth first, two levels, when the token is a party noun or a role
  const lemma = sentence.tokens[token]!.lemma.toLowerCase();
  if (!owners.isExpanding || MEMBERSHIP_NOUNS.has(lemma) || (!owners.isRole(token) && !PARTY_NOUN_SET.has(lemma)))
    return [];
  const leaders = PARTY_NOUN_SET.has(lemma) ? peopleLeading(sentence, token, owners) : [];
  if (leaders.length > 0) return leaders;
  const found: string[] = [];
  let frontier = [token, ...conj];
  const seen = new Set(frontier);
  for (let depth = 0; depth < 3 && frontier.length > 0; depth++) {
    const next: number[] = [];
    for (const t of frontier) {
      const o = owners.ownerOf(t);
      if (o !== undefined && !found.includes(o)) found.push(o);
      if (o !== undefined && t !== token) continue;
      for (const e of edges) {
        if (e.head !== t || !EXPAND_RELS.test(e.rel) || seen.has(e.dep)) continue;
        seen.add(e.dep);
        next.push(e.dep);
      }
    }
    frontier = next;
  }
  const people = found.filter((k) => owners.isPerson(k));
  if (people.length > 0) return people;
  const members = owners.membersOf?.(token) ?? [];
  return members.length > 0 ? members : found;
}

function isFutureOrDenied(sentence: AnnotatedSentence, edges: readonly DependencyEdge[], trigger: number): boolean {
  // the trigger's own modifiers, the verb it is the complement of, and the modal of the clause it is the subject of
  // ("the accession of X to Y would strengthen ...")
  const governing = edges.filter((e) => e.dep === trigger && e.rel.startsWith("nsubj")).map((e) => e.head);
  const near = edges.filter(
    (e) =>
      (e.head === trigger && /^(aux|advmod|neg)/.test(e.rel)) ||
      (e.dep === trigger && e.rel === "xcomp") ||
      (governing.includes(e.head) && /^(aux|neg)/.test(e.rel)),
  );
  return near.some((e) => {
    // the modifier word: the dependent, except for "xcomp" where the governing verb is the word ("plan to meet")
    const other = e.dep === trigger ? e.head : e.dep;
    const t = sentence.tokens[other];
    return (
      t !== undefined && (FUTURE_OR_DENIED.has(t.lemma.toLowerCase()) || FUTURE_OR_DENIED.has(t.text.toLowerCase()))
    );
  });
}

/** The token (and its lemma) that satisfies the row's `requires` (no token when it requires nothing), or undefined when none does. */
function conditionMatch(
  edges: readonly DependencyEdge[],
  sentence: AnnotatedSentence,
  trigger: number,
  row: RelationPattern,
): { lemma?: string; token?: number } | undefined {
  if (!row.requires) return {};
  for (const c of row.requires) {
    for (const t of follow(edges, trigger, c.path)) {
      const lemma = sentence.tokens[t]!.lemma.toLowerCase();
      if (c.lemmas.length === 0 || c.lemmas.includes(lemma)) return { lemma, token: t };
    }
  }
  return undefined;
}

function side(
  sentence: AnnotatedSentence,
  edges: readonly DependencyEdge[],
  trigger: number,
  paths: readonly (readonly string[])[] | undefined,
  owners: TokenOwners,
): string[] {
  const keys = new Set<string>();
  for (const path of paths ?? [])
    for (const t of follow(edges, trigger, path)) for (const k of entitiesOf(sentence, edges, t, owners)) keys.add(k);
  return [...keys];
}

const PARTY_NOUN_SET: ReadonlySet<string> = new Set(PARTY_NOUNS);
const CLAUSE_BREAK = /^(;|:|\.|who|which|that|while|whereas|but)$/i;

/** People and organisations named along the text from `from` in direction `step`, until another verb or a clause break. */
function partiesAlong(sentence: AnnotatedSentence, from: number, step: 1 | -1, owners: TokenOwners): string[] {
  const found: string[] = [];
  for (let t = from; t >= 0 && t < sentence.tokens.length; t += step) {
    const token = sentence.tokens[t]!;
    const owner = owners.ownerOf(t);
    if (owner !== undefined) {
      if (!found.includes(owner)) found.push(owner);
      continue;
    }
    if (CLAUSE_BREAK.test(token.text) || (token.pos.startsWith("VB") && !/^(be|have)$/.test(token.lemma))) break;
  }
  return found;
}

/** The people a party noun's "headed by", "led by" names along the text ("a delegation of X headed by A and B"). */
function peopleLeading(sentence: AnnotatedSentence, token: number, owners: TokenOwners): string[] {
  const tokens = sentence.tokens;
  for (let k = token + 1; k + 1 < tokens.length && k <= token + 6; k++) {
    if (CLAUSE_BREAK.test(tokens[k]!.text)) break;
    if (LEADING_WORDS.has(tokens[k]!.text.toLowerCase()) && tokens[k + 1]!.text.toLowerCase() === "by")
      return partiesAlong(sentence, k + 2, 1, owners).filter((key) => owners.isPerson(key));
  }
  return [];
}

/** Meetings read along the text (LINEAR_MEETING_ROWS); they add to what the parse gives (a sink merges repeats). */
function findLinearMeetings(sentence: AnnotatedSentence, owners: TokenOwners): FoundRelation[] {
  const found: FoundRelation[] = [];
  sentence.tokens.forEach((token, trigger) => {
    const row = LINEAR_MEETING_ROWS.find(
      (r) => token.pos.startsWith(r.pos) && r.lemmas.includes(token.lemma.toLowerCase()),
    );
    if (!row) return;
    if (row.after && !row.after.includes(sentence.tokens[trigger + 1]?.text.toLowerCase() ?? "")) return;
    const before = sentence.tokens.slice(Math.max(0, trigger - 2), trigger).map((t) => t.text.toLowerCase());
    if (
      before.some((w) => FUTURE_OR_DENIED.has(w) || w === "to") ||
      (sentence.deps && isFutureOrDenied(sentence, sentence.deps, trigger))
    )
      return;
    const a = partiesAlong(sentence, trigger - 1, -1, owners);
    const b = partiesAlong(sentence, trigger + 1, 1, owners);
    // read along the text, a meeting needs a person on at least one side
    if (a.length > 0 && b.length > 0 && [...a, ...b].some((k) => owners.isPerson(k)))
      found.push({
        relation: "MET_WITH",
        a,
        b,
        isPair: false,
        trigger,
        patternId: `linear-${row.lemmas[0]}`,
        confidence: row.confidence,
        eventKind: "meeting",
      });
  });
  return found;
}

/** Agreements read along the text (LINEAR_SIGNING): every party named after "signed by" / "signed between". */
function findLinearSignings(sentence: AnnotatedSentence, owners: TokenOwners): FoundRelation[] {
  const found: FoundRelation[] = [];
  const tokens = sentence.tokens;
  tokens.forEach((token, trigger) => {
    if (!token.pos.startsWith("V") || !(LINEAR_SIGNING.lemmas as readonly string[]).includes(token.lemma)) return;
    if (!(LINEAR_SIGNING.after as readonly string[]).includes(tokens[trigger + 1]?.text.toLowerCase() ?? "")) return;
    if (sentence.deps && isFutureOrDenied(sentence, sentence.deps, trigger)) return;
    const parties = partiesAlong(sentence, trigger + 2, 1, owners);
    if (parties.length < 2) return;
    let document = trigger - 1;
    while (document >= 0 && !LINEAR_SIGNING.documents.includes(tokens[document]!.lemma.toLowerCase())) document -= 1;
    found.push({
      relation: "SIGNED",
      a: parties,
      b: [],
      isPair: true,
      trigger,
      patternId: LINEAR_SIGNING.id,
      confidence: LINEAR_SIGNING.confidence,
      ...(document >= 0 ? { objectLemma: tokens[document]!.lemma.toLowerCase(), objectToken: document } : {}),
    });
  });
  return found;
}

/** Bodies and members read along the text (LINEAR_INCLUSION): organisations only. */
function findLinearInclusions(sentence: AnnotatedSentence, owners: TokenOwners): FoundRelation[] {
  const found: FoundRelation[] = [];
  const tokens = sentence.tokens;
  tokens.forEach((token, trigger) => {
    if (!token.pos.startsWith("V") || !(LINEAR_INCLUSION.lemmas as readonly string[]).includes(token.lemma)) return;
    if (!(LINEAR_INCLUSION.relativeWords as readonly string[]).includes(tokens[trigger - 1]?.text.toLowerCase() ?? ""))
      return;
    // the body: the last name before the relative word, through a bracketed acronym or a comma
    let k = trigger - 2;
    while (k >= 0 && /^[,)]$/.test(tokens[k]!.text)) k -= 1;
    while (k >= 0 && tokens[k + 1]?.text === ")" && owners.ownerOf(k) !== undefined && tokens[k - 1]?.text === "(")
      k -= 2;
    const body = k >= 0 ? owners.ownerOf(k) : undefined;
    if (body === undefined || owners.isPerson(body)) return;
    const from = /^[:–—-]$/.test(tokens[trigger + 1]?.text ?? "") ? trigger + 2 : trigger + 1;
    const members = partiesAlong(sentence, from, 1, owners).filter((key) => !owners.isPerson(key) && key !== body);
    if (members.length > 0)
      found.push({
        relation: "MEMBER_OF",
        a: members,
        b: [body],
        isPair: false,
        trigger,
        patternId: "linear-inclusion",
        confidence: LINEAR_INCLUSION.confidence,
        status: "member",
      });
  });
  return found;
}

/** The status STATUS_BY_GOVERNOR gives a membership trigger through a modifier, its head or its head's head. */
function governedStatus(
  sentence: AnnotatedSentence,
  edges: readonly DependencyEdge[],
  trigger: number,
): string | undefined {
  const statusOf = (token: number) => STATUS_BY_GOVERNOR[sentence.tokens[token]!.lemma.toLowerCase()];
  // a modifier of the trigger first ("restoring GTUF's membership", "suspended affiliation")
  for (const e of edges)
    if (e.head === trigger && /^(amod|compound|acl)/.test(e.rel) && statusOf(e.dep)) return statusOf(e.dep);
  let current = [trigger];
  for (let depth = 0; depth < 2; depth++) {
    current = edges
      .filter((e) => current.includes(e.dep) && e.head >= 0 && !e.rel.startsWith("conj"))
      .map((e) => e.head);
    for (const head of current) {
      const status = statusOf(head);
      if (status) return status;
    }
  }
  return undefined;
}

/** Every relation the pattern rows read in a parsed sentence. */
export function findRelations(sentence: AnnotatedSentence, owners: TokenOwners): FoundRelation[] {
  const edges = sentence.deps;
  if (!edges) return [];
  const found: FoundRelation[] = [];
  const named: TokenOwners = { ...owners, referentsOf: undefined };
  sentence.tokens.forEach((token, trigger) => {
    const lemma = token.lemma.toLowerCase();
    for (const row of RELATION_PATTERNS) {
      if (!token.pos.startsWith(row.pos) || !row.lemmas.includes(lemma)) continue;
      const object = conditionMatch(edges, sentence, trigger, row);
      if (object === undefined || isFutureOrDenied(sentence, edges, trigger)) continue;
      const status = row.status ? (governedStatus(sentence, edges, trigger) ?? row.status) : undefined;
      const base = {
        trigger,
        patternId: row.id,
        confidence: row.confidence,
        relation: row.relation,
        ...(status ? { status } : {}),
        ...(row.eventKind ? { eventKind: row.eventKind } : {}),
        ...(object.lemma ? { objectLemma: object.lemma } : {}),
        ...(object.token !== undefined ? { objectToken: object.token } : {}),
      };
      const rowOwners = row.namedOnly ? named : owners;
      if (row.pair) {
        const parties = side(sentence, edges, trigger, row.pair, rowOwners);
        if (parties.length >= 2) found.push({ ...base, a: parties, b: [], isPair: true });
      }
      if (row.relation === "PARTICIPATED_IN") {
        const a = side(sentence, edges, trigger, row.a, owners);
        if (a.length > 0) found.push({ ...base, a, b: [], isPair: false });
        continue;
      }
      if (row.a || row.b) {
        const a = side(sentence, edges, trigger, row.a, rowOwners);
        const b = side(sentence, edges, trigger, row.b, rowOwners);
        if (a.length > 0 && b.length > 0) found.push({ ...base, a, b, isPair: false });
      }
    }
  });
  found.push(
    ...findLinearMeetings(sentence, owners),
    ...findLinearInclusions(sentence, owners),
    ...findLinearSignings(sentence, owners),
  );
  return found;
}

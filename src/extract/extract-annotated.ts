/**
 * extractAnnotated: one annotated document to local entities and relations with evidence. Pure: no I/O, no clock.
 * Chunks (people, organisations, roles, places) → the document's entities → positions by the rows of
 * POSITION_PATTERNS → meetings, agreements and memberships by the rows of RELATION_PATTERNS over the parse.
 */
import type { AnnotatedDocument } from "../domain/annotation.js";
import type {
  Diagnostic,
  DocumentMeta,
  Entity,
  EventKind,
  Evidence,
  PropertyValue,
  Relation,
  SourceDocument,
} from "../domain/model.js";
import { findDate } from "./dates.js";
import { foldText } from "./fold.js";
import { countryOf, countryOfCity } from "./lexicon/countries.js";
import {
  ANAPHOR_COUNTS,
  ANAPHOR_DETERMINERS,
  GENERIC_PARTY_NOUNS,
  GROUP_NOUNS,
  LISTING_WORDS,
  ORGANISATION_ANAPHORS,
  ORGANISATION_PRONOUNS,
  PERSONAL_PRONOUNS,
  PLURAL_DETERMINERS,
} from "./lexicon/grammar.js";
import { NOT_ORG_ACRONYMS } from "./lexicon/words.js";
import { AFFILIATION_PREFIX, chunkSentence, type Chunk } from "./mentions/chunk-sentence.js";
import { creditedOutlets } from "./mentions/credits.js";
import { documentEntities, sentenceEvidence, type DocEntity } from "./mentions/document-entities.js";
import { addDocumentMentions } from "./mentions/document-gazetteer.js";
import { isAcronymShape } from "./org-key.js";
import { findDependencyPositions, findPositions } from "./patterns/find-positions.js";
import { findRelations, type FoundRelation, type TokenOwners } from "./patterns/find-relations.js";
import { electingToken, isListNumber, officerLine } from "./patterns/officer-lists.js";
import { EVENT_NOUN_KINDS, HYPHEN_AFFILIATION, LINEAR_SIGNING } from "./patterns/relation-patterns.js";
import { findSurfaceMemberships } from "./patterns/surface-memberships.js";
import type { DocumentExtraction, EntityDetails, LocalRelation } from "./types.js";

/** Options of extraction. */
export interface ExtractOptions {
  /** the document's date (YYYY[-MM[-DD]]); relative dates resolve against it, else stay text */
  referenceDate?: string;
}

function metaOf(doc: SourceDocument): DocumentMeta {
  const meta: DocumentMeta = { id: doc.id, path: doc.path };
  if (doc.title !== undefined) meta.title = doc.title;
  if (doc.date !== undefined) meta.date = doc.date;
  if (doc.url !== undefined) meta.url = doc.url;
  if (doc.source !== undefined) meta.source = doc.source;
  if (doc.language !== undefined) meta.language = doc.language;
  return meta;
}

/** Confidence of a LOCATED_IN read from a name or a place written after it. */
const PLACE_CONFIDENCE = 0.8;

/** Countries a name holds as a word or words ("Federation of Trade Unions of the Republic of Kazakhstan", "Japanese ..."). */
function countriesInName(name: string): string[] {
  const words = name
    .split(/[\s,()]+/)
    .map((w) => w.replace(/['’]s$/u, ""))
    .filter(Boolean);
  const found: string[] = [];
  for (let i = 0; i < words.length; i++) {
    for (let n = 3; n >= 1; n--) {
      if (i + n > words.length) continue;
      const country = countryOf(words.slice(i, i + n).join(" "));
      if (country) {
        found.push(country);
        i += n - 1;
        break;
      }
    }
  }
  return found;
}

/** Roles that lead an organisation: its leader receives and visits for it. */
const LEADING_ROLE =
  /^(?!.*\b(vice|deputy|assistant|former|honorary)\b).*\b(chairman|chairperson|chairwoman|chair|president|head|leader|general secretary|secretary general|secretary-general|director general|director-general)\b/i;
/** The role of a person the text says leads an organisation without naming the post ("the union, led by X"). */
const LEADER_ROLE = "Leader";
/** How many sentences back "both unions", "the two sides" look for the pair they refer to. */
const PAIR_WINDOW = 6;
/** Confidence of a post read from a list of elected officers under the sentence naming the electing body. */
const OFFICER_LIST_CONFIDENCE = 0.75;
/** Sentences this short between a list and the sentence electing it are headings or "They are:", read through. */
const SHORT_LINE_TOKENS = 6;
const isOrgKey = (key: string) => key.startsWith("org:") || key.startsWith("acr:");
const isPersonKey = (key: string) => key.startsWith("person:");
const isDefinedPerson = (key: string | undefined): key is string => key !== undefined && isPersonKey(key);

/** Removes the news outlets the text credits (see credits.ts) from the document's people and organisations. */
function dropCreditedOutlets(
  text: string,
  entities: Map<string, DocEntity>,
  chunkKeys: (string | undefined)[][],
): void {
  const outlets = creditedOutlets(text);
  if (outlets.size === 0) return;
  for (const e of [...entities.values()]) {
    if (![e.name, ...e.surfaces].some((n) => outlets.has(foldText(n)))) continue;
    entities.delete(e.key);
    for (const keys of chunkKeys) keys.forEach((k, i) => (k === e.key ? (keys[i] = undefined) : undefined));
  }
}

/** Collects relations, one per type, ends and discriminator, with every sentence that states it. */
class RelationSink {
  readonly relations: LocalRelation[] = [];
  private readonly index = new Map<string, LocalRelation>();

  add(
    type: Relation["type"],
    from: string,
    to: string,
    evidence: Evidence,
    confidence: number,
    properties: Record<string, PropertyValue> = {},
  ): void {
    if (from === to) return;
    const [a, b] = type === "MET_WITH" && from > to ? [to, from] : [from, to];
    const id = `${type}|${a}|${b}|${type === "HOLDS_POSITION" ? String(properties.role ?? "") : ""}`;
    const existing = this.index.get(id);
    if (existing) {
      if (!existing.evidence.some((e) => e.start === evidence.start)) existing.evidence.push(evidence);
      existing.confidence = Math.max(existing.confidence, confidence);
      for (const [k, v] of Object.entries(properties))
        if (existing.properties[k] === undefined) existing.properties[k] = v;
      return;
    }
    const rel: LocalRelation = {
      type,
      from: a,
      to: b,
      properties: { ...properties },
      evidence: [evidence],
      confidence,
    };
    this.index.set(id, rel);
    this.relations.push(rel);
  }
}

/** Extracts entities and relations from one annotated document; content problems become diagnostics. */
export function extractAnnotated(
  doc: SourceDocument,
  annotated: AnnotatedDocument,
  options: ExtractOptions = {},
): DocumentExtraction {
  const diagnostics: Diagnostic[] = [];
  const chunks: Chunk[][] = annotated.sentences.map((s) => chunkSentence(s, annotated.text));
  const { entities, chunkKeys, taggedOrgs } = documentEntities(annotated, chunks);
  addDocumentMentions(annotated, chunks, chunkKeys, entities);
  dropCreditedOutlets(annotated.text, entities, chunkKeys);
  const sink = new RelationSink();
  const evidenceOf = (s: number) => sentenceEvidence(annotated, doc.text, doc.id, s);
  const eventAt = new Map<string, string>();
  const events = new Map<string, DocEntity & { participants: string[]; eventKind: EventKind }>();

  // positions, and the description of each person they make (its tokens stand for the person)
  const descriptorOwner: (string | undefined)[][] = annotated.sentences.map((s) => s.tokens.map(() => undefined));
  const orgOfPerson = new Map<string, string>();
  annotated.sentences.forEach((sentence, s) => {
    for (const p of findPositions(sentence.tokens, chunks[s]!)) {
      const person = chunkKeys[s]![p.person];
      const org = chunkKeys[s]![p.org];
      if (!person || !org || !isOrgKey(org)) continue;
      const role = p.role === undefined ? LEADER_ROLE : chunks[s]![p.role]!.text.replace(/\s+/g, " ");
      sink.add("HOLDS_POSITION", person, org, evidenceOf(s), p.confidence, { role });
      if (!orgOfPerson.has(person)) orgOfPerson.set(person, org);
      for (let t = p.first; t < p.end; t++) descriptorOwner[s]![t] ??= person;
    }
  });
  const orgByName = new Map<string, string>();
  for (const e of entities.values())
    if (isOrgKey(e.key)) for (const n of [e.name, ...e.surfaces, ...e.acronyms]) orgByName.set(foldText(n), e.key);
  // a body named only where another is said to be affiliated to it ("the Abc-affiliated X")
  const namedBody = (name: string, s: number): string | undefined => {
    if (!/^\p{Lu}/u.test(name) || name.includes(" ")) return undefined;
    const key = `acr:${name}`;
    if (!entities.has(key))
      entities.set(key, {
        key,
        type: "Organization",
        name,
        surfaces: [name],
        acronyms: [name],
        mentions: 1,
        isAcronymOnly: true,
        firstSentence: s,
        properties: {},
      });
    return key;
  };
  const countryEntity = (country: string, s: number): string => {
    const key = `country:${country}`;
    if (!entities.has(key))
      entities.set(key, {
        key,
        type: "Country",
        name: country,
        surfaces: [country],
        acronyms: [],
        mentions: 0,
        isAcronymOnly: false,
        firstSentence: s,
        properties: {},
      });
    return key;
  };
  // the place a sentence names after "in", "to" or "at" (a country, or a city the lexicon places)
  const placeOf = (s: number): { name: string; country: string } | undefined => {
    const tokens = annotated.sentences[s]!.tokens;
    for (let t = 0; t + 1 < tokens.length; t++) {
      if (!/^(in|to|at)$/i.test(tokens[t]!.text)) continue;
      const name = tokens[t + 1]!.text;
      const country = countryOf(name) ?? countryOfCity(name);
      if (
        country &&
        (tokens[t + 1]!.ner === "LOCATION" || tokens[t + 1]!.ner === "CITY" || tokens[t + 1]!.ner === "COUNTRY")
      )
        return { name, country };
    }
    return undefined;
  };
  const chunkOwner = (s: number, token: number): string | undefined => {
    const k = chunks[s]!.findIndex((c) => c.first <= token && token < c.end);
    return k >= 0 ? chunkKeys[s]![k] : undefined;
  };
  const addEvent = (kind: EventKind, s: number, trigger: number, participants: string[]): string => {
    const key = `event:${kind}:${s}:${trigger}`;
    const sentenceText = annotated.text.slice(annotated.sentences[s]!.start, annotated.sentences[s]!.end);
    const found = findDate(sentenceText, options.referenceDate);
    const properties: Record<string, string> = { kind };
    if (found?.date) properties.date = found.date;
    else if (found?.dateText) properties.dateText = found.dateText;
    const names = participants.map((p) => entities.get(p)?.name ?? p);
    const name = `${kind[0]!.toUpperCase()}${kind.slice(1)}: ${names.slice(0, 3).join(", ")}${names.length > 3 ? ", ..." : ""}`;
    properties.title = name;
    const place = placeOf(s);
    if (place) {
      properties.place = place.name;
      sink.add("LOCATED_IN", key, countryEntity(place.country, s), evidenceOf(s), PLACE_CONFIDENCE);
    }
    events.set(key, {
      key,
      type: "Event",
      name,
      surfaces: [],
      acronyms: [],
      mentions: 1,
      isAcronymOnly: false,
      firstSentence: s,
      properties,
      participants,
      eventKind: kind,
    });
    return key;
  };

  // the person a sentence is about: the subject of its main verb, named or referred to by a pronoun
  const topics = new Map<number, string | undefined>();
  const topicOf = (s: number): string | undefined => {
    if (topics.has(s)) return topics.get(s);
    topics.set(s, undefined); // a pronoun refers back, never to its own sentence's topic
    const deps = annotated.sentences[s]!.deps ?? [];
    const root = deps.find((e) => e.head < 0)?.dep;
    const subject = root === undefined ? undefined : deps.find((e) => e.head === root && e.rel === "nsubj")?.dep;
    const key = subject === undefined ? undefined : (chunkOwner(s, subject) ?? antecedentOf(s, subject));
    const topic = key !== undefined && isPersonKey(key) ? key : undefined;
    topics.set(s, topic);
    return topic;
  };
  // "he", "she", "his", "her": the person named before them in this sentence; else, for a subject, the person the
  // sentences before are about; else the person named last in the two sentences before
  function antecedentOf(s: number, t: number): string | undefined {
    const sentence = annotated.sentences[s]!;
    const token = sentence.tokens[t]!;
    if (!token.pos.startsWith("PRP") || !PERSONAL_PRONOUNS.has(token.text.toLowerCase())) return undefined;
    const peopleIn = (back: number) =>
      chunks[back]!.flatMap((c, k) =>
        c.kind === "person" && (back < s || c.end <= t) && chunkKeys[back]![k] ? [chunkKeys[back]![k]!] : [],
      ).filter(isPersonKey);
    const here = peopleIn(s);
    if (here.length > 0) return here[here.length - 1];
    const isSubject = (sentence.deps ?? []).some((e) => e.dep === t && e.rel === "nsubj");
    if (isSubject)
      for (let back = s - 1; back >= Math.max(0, s - 3); back--) {
        const topic = topicOf(back);
        if (topic !== undefined) return topic;
      }
    for (let back = s - 1; back >= Math.max(0, s - 2); back--) {
      const people = peopleIn(back);
      if (people.length > 0) return people[people.length - 1];
    }
    return undefined;
  }

  // organisations named before token t of sentence s (this sentence and `window` before), the last first
  const orgsBefore = (s: number, t: number, window = 2): string[] => {
    const found: string[] = [];
    for (let back = s; back >= Math.max(0, s - window); back--) {
      const cs = chunks[back]!;
      for (let k = cs.length - 1; k >= 0; k--) {
        const key = chunkKeys[back]![k];
        if (cs[k]!.kind === "org" && (back < s || cs[k]!.end <= t) && key && isOrgKey(key) && !found.includes(key))
          found.push(key);
      }
    }
    return found;
  };
  // "it", "the federation", "both unions", "the two sides": the organisations they refer back to
  const orgReferents = (s: number, t: number): string[] => {
    const sentence = annotated.sentences[s]!;
    const token = sentence.tokens[t]!;
    const word = token.text.toLowerCase();
    if (token.pos.startsWith("PRP") && ORGANISATION_PRONOUNS.has(word)) return orgsBefore(s, t).slice(0, 1);
    const lemma = token.lemma.toLowerCase();
    if (!token.pos.startsWith("NN") || !ORGANISATION_ANAPHORS.has(lemma)) return [];
    const determiners = (sentence.deps ?? [])
      .filter((e) => e.head === t && /^(det|nummod|det:predet|cc:preconj)$/.test(e.rel))
      .map((e) => sentence.tokens[e.dep]!.text.toLowerCase())
      .concat(t > 0 ? [sentence.tokens[t - 1]!.text.toLowerCase()] : []);
    if (!determiners.some((d) => ANAPHOR_DETERMINERS.has(d))) return [];
    const isPlural = token.pos === "NNS" || determiners.some((d) => PLURAL_DETERMINERS.has(d));
    // "both unions" looks further back than "the union": a pair is named once, then discussed for a while
    const before = orgsBefore(s, t, isPlural ? PAIR_WINDOW : 2);
    const count = Math.max(2, ...determiners.map((d) => ANAPHOR_COUNTS[d] ?? 2));
    if (isPlural) return before.length >= count ? before.slice(0, count) : [];
    if (GENERIC_PARTY_NOUNS.has(lemma)) return [];
    const named = before.find((k) => foldText(entities.get(k)?.name ?? "").includes(lemma));
    return named ? [named] : [];
  };

  // positions over the parse: they add holders, never descriptions (the rows above describe)
  annotated.sentences.forEach((sentence, s) => {
    for (const p of findDependencyPositions(sentence, chunks[s]!)) {
      const people = p.personTokens.map((t) => chunkOwner(s, t) ?? antecedentOf(s, t)).filter(isDefinedPerson);
      const orgs = p.orgTokens.flatMap((t) => {
        const own = chunkOwner(s, t);
        return own !== undefined ? [own] : orgReferents(s, t);
      });
      const role = chunks[s]![p.role]!.text.replace(/\s+/g, " ");
      for (const person of new Set(people))
        for (const org of new Set(orgs.filter(isOrgKey))) {
          sink.add("HOLDS_POSITION", person, org, evidenceOf(s), p.confidence, { role });
          if (!orgOfPerson.has(person)) orgOfPerson.set(person, org);
        }
    }
  });

  // lists of officers, one per line, under the sentence that says which body elected them
  const electingBody = (s: number, at: number): string | undefined => {
    const tokens = annotated.sentences[s]!.tokens;
    // the body nearest after the electing word ("elected at the Congress of X"), else the nearest before it
    const bodies = chunks[s]!.flatMap((c, k) => {
      const key = chunkKeys[s]![k];
      return c.kind === "org" && key && isOrgKey(key) ? [{ key, first: c.first }] : [];
    });
    const after = bodies.find((b) => b.first > at);
    const before = bodies.filter((b) => b.first < at).pop();
    if (after ?? before) return (after ?? before)!.key;
    const acronym = tokens.find((t) => isAcronymShape(t.text) && !NOT_ORG_ACRONYMS.has(t.text));
    return acronym ? (orgByName.get(foldText(acronym.text)) ?? namedBody(acronym.text, s)) : undefined;
  };
  // the body a list of officers ending before sentence s belongs to: named by the electing sentence above it, else
  // by an earlier electing sentence, else the body of the document's previous list ("the Women Conference elected")
  let lastListBody: string | undefined;
  const listBodyBefore = (s: number): string | undefined => {
    for (let back = s - 1; back >= Math.max(0, s - 25); back--) {
      const tokens = annotated.sentences[back]!.tokens;
      if (isListNumber(tokens) || officerLine(tokens, chunks[back]!) !== undefined) continue;
      const at = electingToken(tokens);
      if (at >= 0) {
        const body = electingBody(back, at);
        if (body !== undefined) return body;
        continue;
      }
      if (tokens.length > SHORT_LINE_TOKENS) break; // a heading or "They are:" is read through, prose is not
    }
    return lastListBody;
  };
  annotated.sentences.forEach((sentence, s) => {
    const line = officerLine(sentence.tokens, chunks[s]!);
    if (!line) return;
    const body = listBodyBefore(s);
    if (body === undefined) return;
    lastListBody = body;
    const role = chunks[s]![line.role]!.text.replace(/\s+/g, " ");
    for (const p of line.people) {
      const person = chunkKeys[s]![p];
      if (person && isPersonKey(person))
        sink.add("HOLDS_POSITION", person, body, evidenceOf(s), OFFICER_LIST_CONFIDENCE, { role });
    }
  });

  // the one person this document names as leading each organisation
  const leaders = new Map<string, Set<string>>();
  for (const r of sink.relations) {
    if (r.type !== "HOLDS_POSITION" || !LEADING_ROLE.test(String(r.properties.role ?? ""))) continue;
    if (!leaders.has(r.to)) leaders.set(r.to, new Set());
    leaders.get(r.to)!.add(r.from);
  }
  const holders = new Set(sink.relations.filter((r) => r.type === "HOLDS_POSITION").map((r) => r.to));
  const leaderOf = new Map(
    [...leaders].filter(([, people]) => people.size === 1).map(([org, people]) => [org, [...people][0]!] as const),
  );
  // the members of the one group the document lists ("The delegation included A, B and C"): a group noun that names
  // no one itself stands for them, before or after the list
  const memberLists = new Map<string, string[]>();
  annotated.sentences.forEach((sentence, s) =>
    sentence.tokens.forEach((token, t) => {
      if (!GROUP_NOUNS.has(token.lemma.toLowerCase())) return;
      const listing = sentence.tokens.findIndex(
        (w, k) => k > t && k <= t + 3 && LISTING_WORDS.has(w.text.toLowerCase()),
      );
      if (listing < 0) return;
      const members = chunks[s]!.flatMap((c, k) =>
        c.kind === "person" && c.first > listing && chunkKeys[s]![k] && isPersonKey(chunkKeys[s]![k]!)
          ? [chunkKeys[s]![k]!]
          : [],
      );
      if (members.length > 0) memberLists.set([...new Set(members)].sort().join("|"), [...new Set(members)]);
    }),
  );
  const groupMembers = memberLists.size === 1 ? [...memberLists.values()][0]! : [];
  const membersOf = (s: number, t: number): string[] =>
    GROUP_NOUNS.has(annotated.sentences[s]!.tokens[t]!.lemma.toLowerCase()) ? groupMembers : [];

  // the body named right after a person in a sentence: "Mr X of the Y Union", "X from the Y" (signs for the Y)
  const bodyNamedAfter = (s: number, person: string): string | undefined => {
    const tokens = annotated.sentences[s]!.tokens;
    const k = chunkKeys[s]!.indexOf(person);
    if (k < 0) return undefined;
    let t = chunks[s]![k]!.end;
    if (!/^(of|from)$/i.test(tokens[t]?.text ?? "")) return undefined;
    t += /^the$/i.test(tokens[t + 1]?.text ?? "") ? 2 : 1;
    const next = chunks[s]!.findIndex((c) => c.first === t && c.kind === "org");
    const key = next >= 0 ? chunkKeys[s]![next] : undefined;
    return key !== undefined && isOrgKey(key) ? key : undefined;
  };

  annotated.sentences.forEach((sentence, s) => {
    const isRole = (t: number) => chunks[s]!.some((c) => c.kind === "role" && c.first <= t && t < c.end);
    const forPeople: TokenOwners = {
      ownerOf: (t) => descriptorOwner[s]![t] ?? chunkOwner(s, t) ?? antecedentOf(s, t),
      isPerson: isPersonKey,
      isRole,
      isExpanding: true,
      referentsOf: (t) => orgReferents(s, t),
      membersOf: (t) => membersOf(s, t),
    };
    const forOrgs: TokenOwners = {
      ownerOf: (t) => chunkOwner(s, t),
      isPerson: () => false,
      isRole,
      isExpanding: true,
      referentsOf: (t) => orgReferents(s, t),
    };
    const evidence = evidenceOf(s);
    // people-side rows read once: meetings and events here, agreements below
    const personRelations = findRelations(sentence, forPeople);
    for (const r of personRelations) {
      if (r.relation === "MET_WITH") addMeeting(r, s, evidence);
      if (r.relation === "PARTICIPATED_IN" && r.objectToken !== undefined) {
        const kind: EventKind = EVENT_NOUN_KINDS[r.objectLemma ?? ""] ?? "other";
        const participants = r.a.filter((k) => isPersonKey(k) || isOrgKey(k));
        if (participants.length === 0) continue;
        const event = eventAt.get(`${s}:${r.objectToken}`) ?? addEvent(kind, s, r.objectToken, participants);
        eventAt.set(`${s}:${r.objectToken}`, event);
        for (const p of participants) sink.add("PARTICIPATED_IN", p, event, evidence, r.confidence);
      }
    }
    for (const r of findRelations(sentence, forOrgs)) {
      if (r.relation === "MEMBER_OF" && !r.isPair) {
        // an organisation on both sides is a body named in a list of bodies, not a member
        const members = r.a.filter((k) => isOrgKey(k) && !r.b.includes(k));
        for (const a of members)
          for (const b of r.b.filter(isOrgKey))
            sink.add("MEMBER_OF", a, b, evidence, r.confidence, { status: r.status ?? "member" });
      }
    }
    // memberships along the text where the parse loses them ("X, XX, affiliated to the Y")
    for (const m of findSurfaceMemberships(sentence.tokens, chunks[s]!)) {
      const body = chunkKeys[s]![m.body];
      if (!body || !isOrgKey(body)) continue;
      for (const member of m.members.map((k) => chunkKeys[s]![k]))
        if (member && isOrgKey(member) && member !== body)
          sink.add("MEMBER_OF", member, body, evidence, m.confidence, { status: "member" });
    }
    // "X-affiliated Y": the body by its name in this document, the member the next organisation
    sentence.tokens.forEach((token, t) => {
      const m = AFFILIATION_PREFIX.exec(token.text);
      if (!m) return;
      const body = orgByName.get(foldText(m[1]!)) ?? namedBody(m[1]!, s);
      const next = chunks[s]!.findIndex((c) => c.first > t && c.kind === "org");
      const member = next >= 0 && chunks[s]![next]!.first <= t + 3 ? chunkKeys[s]![next] : undefined;
      if (body && member && isOrgKey(member))
        sink.add("MEMBER_OF", member, body, evidence, HYPHEN_AFFILIATION.confidence, {
          status: HYPHEN_AFFILIATION.status,
        });
    });
    for (const r of personRelations) {
      if (r.relation !== "SIGNED") continue;
      // "A, B and C signed agreements with D": where the parse gives sides, the subjects are one side, not parties
      // to each other
      const hasSides = personRelations.some((o) => o.relation === "SIGNED" && !o.isPair && o.trigger === r.trigger);
      if (r.isPair && hasSides) continue;
      const party = (k: string) => (isPersonKey(k) ? (orgOfPerson.get(k) ?? bodyNamedAfter(s, k) ?? k) : k);
      // read along the text, every person named must sign for a body the text names
      if (r.patternId === LINEAR_SIGNING.id && r.a.some((k) => isPersonKey(k) && party(k) === k)) continue;
      // a side's parties are its organisations (a person signs for the one they hold a post in); a side with none
      // is the one person it names, if it names one
      const parties = (keys: string[]) => {
        const orgs = [...new Set(keys.map(party).filter(isOrgKey))];
        const people = keys.filter((k) => isPersonKey(k) && !orgOfPerson.has(k));
        return orgs.length > 0 ? orgs : people.length === 1 ? people : [];
      };
      // "A signed agreements with B and C": one agreement per counterpart; "A and B signed" names each signatory,
      // and every one is a party of one agreement among them all
      const everyone = (keys: string[]) => [...new Set(keys.map(party))].filter((k) => isOrgKey(k) || isPersonKey(k));
      // one document signed ("a memorandum") has every party on it; "agreements" are one per counterpart
      const isOneDocument = r.objectToken !== undefined && /^NNP?$/.test(sentence.tokens[r.objectToken]!.pos);
      const groups = r.isPair
        ? [everyone(r.a)]
        : isOneDocument
          ? [[...parties(r.a), ...parties(r.b)]]
          : parties(r.b).map((b) => [...parties(r.a), b]);
      groups.forEach((group, g) => {
        const signatories = [...new Set(group)];
        if (signatories.length < 2) return;
        const kind: EventKind = /^(memorandum|memoranda|mou|moc|understanding)$/.test(r.objectLemma ?? "")
          ? "memorandum"
          : "agreement";
        const event = addEvent(kind, s, r.trigger * 100 + g, signatories);
        for (const p of signatories) sink.add("SIGNED", p, event, evidence, r.confidence);
      });
    }
  });

  function hasPeople(s: number): boolean {
    return chunkKeys[s]!.some((k) => k !== undefined && isPersonKey(k));
  }

  function addMeeting(r: FoundRelation, s: number, evidence: Evidence): void {
    const people = (keys: string[]) => keys.filter(isPersonKey);
    const orgs = (keys: string[]) => keys.filter(isOrgKey);
    let pairs: [string, string][] = [];
    // organisations meet as such only where nobody is named for them: in the sentence, or holding a post in them
    if (r.isPair) {
      const p = people(r.a);
      const o = orgs(r.a);
      // two members of the one group the document lists came together, they did not meet each other
      const isOneGroup = p.every((k) => groupMembers.includes(k));
      if (p.length === 2 && !isOneGroup) pairs = [[p[0]!, p[1]!]];
      else if (p.length === 0 && o.length === 2 && !hasPeople(s) && !o.some((k) => holders.has(k)))
        pairs = [[o[0]!, o[1]!]];
    } else {
      const pa = people(r.a);
      const pb = people(r.b);
      // a person meeting an organisation meets its leader when this document names exactly one
      const withLeaders = (people: string[], keys: string[]) =>
        people.length > 0 ? people : orgs(keys).flatMap((o) => (leaderOf.get(o) ? [leaderOf.get(o)!] : []));
      const [sideA, sideB] = pa.length > 0 || pb.length > 0 ? [withLeaders(pa, r.a), withLeaders(pb, r.b)] : [pa, pb];
      if (sideA.length > 0 && sideB.length > 0)
        pairs = sideA.flatMap((a) => sideB.map((b) => [a, b] as [string, string]));
      else if (pa.length === 0 && pb.length === 0 && !hasPeople(s) && ![...r.a, ...r.b].some((o) => holders.has(o)))
        pairs = orgs(r.a).flatMap((a) => orgs(r.b).map((b) => [a, b] as [string, string]));
    }
    pairs = pairs.filter(([a, b]) => a !== b);
    if (pairs.length === 0) return;
    const participants = [...new Set(pairs.flat())];
    const kind: EventKind = r.eventKind === "visit" ? "visit" : "meeting";
    const event = addEvent(kind, s, r.trigger, participants);
    for (const [a, b] of pairs) sink.add("MET_WITH", a, b, evidence, r.confidence, { eventId: event });
    for (const p of participants) sink.add("PARTICIPATED_IN", p, event, evidence, r.confidence);
  }

  // organisations are in the country their name or the text says ("... of the Republic of Kazakhstan", "the ITUC in Brussels")
  for (const e of [...entities.values()]) {
    if (!isOrgKey(e.key) || e.type === "Confederation") continue;
    const countries = new Set(e.surfaces.flatMap(countriesInName));
    if (countries.size === 1) {
      const country = [...countries][0]!;
      e.properties.country = country;
      sink.add(
        "LOCATED_IN",
        e.key,
        countryEntity(country, e.firstSentence),
        evidenceOf(e.firstSentence),
        PLACE_CONFIDENCE,
      );
    }
  }
  chunks.forEach((cs, s) =>
    cs.forEach((c, k) => {
      const key = chunkKeys[s]![k];
      const country = c.place !== undefined ? (countryOf(c.place) ?? countryOfCity(c.place)) : undefined;
      if (key && country && isOrgKey(key))
        sink.add("LOCATED_IN", key, countryEntity(country, s), evidenceOf(s), PLACE_CONFIDENCE);
    }),
  );
  const all = [...entities.values(), ...events.values()];
  const used = new Set(sink.relations.flatMap((r) => [r.from, r.to]));
  // acronyms nobody defined are kept when the tagger called them organisations, a relation uses them or they recur;
  // others stay unconfirmed: resolution keeps them only where the reference data or the alias file knows them
  const unconfirmed = new Set(
    all
      .filter((e) => e.key.startsWith("acr:") && e.mentions < 2 && !used.has(e.key) && !taggedOrgs.has(e.key))
      .map((e) => e.key),
  );
  return pack(metaOf(doc), all, sink.relations, diagnostics, (s) => evidenceOf(s), unconfirmed);
}

function pack(
  document: DocumentMeta,
  locals: (DocEntity & { participants?: string[] })[],
  localRelations: LocalRelation[],
  diagnostics: Diagnostic[],
  evidenceOf: (s: number) => Evidence,
  unconfirmed: ReadonlySet<string>,
): DocumentExtraction {
  const details: Record<string, EntityDetails> = {};
  const keys = new Set(locals.map((e) => e.key));
  const entities: Entity[] = locals.map((e) => {
    const d: EntityDetails = { acronyms: e.acronyms, mentions: e.mentions, isAcronymOnly: e.isAcronymOnly };
    if (unconfirmed.has(e.key)) d.isUnconfirmed = true;
    if (e.participants) d.participants = e.participants;
    details[e.key] = d;
    return {
      id: e.key,
      type: e.type,
      name: e.name,
      aliases: e.surfaces.filter((s) => s !== e.name),
      properties: e.properties,
    };
  });
  const relations: Relation[] = localRelations.filter((r) => keys.has(r.from) && keys.has(r.to)).map((r) => ({ ...r }));
  for (const e of locals)
    relations.push({
      type: "MENTIONED_IN",
      from: e.key,
      to: document.id,
      properties: {},
      evidence: [evidenceOf(e.firstSentence)],
      confidence: 1,
    });
  return { document, documents: [document], entities, relations, diagnostics, details };
}

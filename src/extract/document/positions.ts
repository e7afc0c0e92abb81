/**
 * HOLDS_POSITION of one document: the symbol rows of POSITION_PATTERNS (which also make the descriptions that stand
 * for people), the rows over the parse, and lists of elected officers under the sentence naming the electing body.
 */
import { foldText } from "../fold.js";
import { NOT_ORG_ACRONYMS } from "../lexicon/words.js";
import { isAcronymShape } from "../org-key.js";
import { findDependencyPositions, findPositions } from "../patterns/find-positions.js";
import { electingToken, isListNumber, officerLine } from "../patterns/officer-lists.js";
import type { DocumentState } from "./document-state.js";
import { isDefinedPerson, isOrgKey, isPersonKey } from "./keys.js";
import type { References } from "./references.js";

/** The role of a person the text says leads an organisation without naming the post ("the union, led by X"). */
const LEADER_ROLE = "Leader";
/** Confidence of a post read from a list of elected officers under the sentence naming the electing body. */
const OFFICER_LIST_CONFIDENCE = 0.75;
/** Sentences this short between a list and the sentence electing it are headings or "They are:", read through. */
const SHORT_LINE_TOKENS = 6;

const roleText = (d: DocumentState, s: number, chunk: number) => d.chunks[s]![chunk]!.text.replace(/\s+/g, " ");

/** Positions of the symbol rows, and the description of each person they make (its tokens stand for the person). */
export function readPatternPositions(d: DocumentState): void {
  d.annotated.sentences.forEach((sentence, s) => {
    for (const p of findPositions(sentence.tokens, d.chunks[s]!)) {
      const person = d.chunkKeys[s]![p.person];
      const org = d.chunkKeys[s]![p.org];
      if (!person || !org || !isOrgKey(org)) continue;
      const role = p.role === undefined ? LEADER_ROLE : roleText(d, s, p.role);
      d.sink.add("HOLDS_POSITION", person, org, d.evidenceOf(s), p.confidence, { role });
      if (!d.orgOfPerson.has(person)) d.orgOfPerson.set(person, org);
      // a description stands for its person, but another person's name inside it stands for that person
      for (let t = p.first; t < p.end; t++) {
        const own = d.chunkOwner(s, t);
        if (own === undefined || !isPersonKey(own)) d.descriptorOwner[s]![t] ??= person;
      }
    }
  });
}

/** Positions over the parse: they add holders, never descriptions (the symbol rows describe). */
export function readDependencyPositions(d: DocumentState, refs: References): void {
  d.annotated.sentences.forEach((sentence, s) => {
    for (const p of findDependencyPositions(sentence, d.chunks[s]!)) {
      const people = p.personTokens.map((t) => d.chunkOwner(s, t) ?? refs.antecedentOf(s, t)).filter(isDefinedPerson);
      const orgs = p.orgTokens.flatMap((t) => {
        const own = d.chunkOwner(s, t);
        return own !== undefined ? [own] : refs.orgReferents(s, t);
      });
      const role = roleText(d, s, p.role);
      for (const person of new Set(people))
        for (const org of new Set(orgs.filter(isOrgKey))) {
          d.sink.add("HOLDS_POSITION", person, org, d.evidenceOf(s), p.confidence, { role });
          if (!d.orgOfPerson.has(person)) d.orgOfPerson.set(person, org);
        }
    }
  });
}

/** The body an electing sentence names: the nearest after the electing word, else the nearest before it. */
function electingBody(d: DocumentState, s: number, at: number): string | undefined {
  const tokens = d.annotated.sentences[s]!.tokens;
  const bodies = d.chunks[s]!.flatMap((c, k) => {
    const key = d.chunkKeys[s]![k];
    return c.kind === "org" && key && isOrgKey(key) ? [{ key, first: c.first }] : [];
  });
  const after = bodies.find((b) => b.first > at);
  const before = bodies.filter((b) => b.first < at).pop();
  if (after ?? before) return (after ?? before)!.key;
  const acronym = tokens.find((t) => isAcronymShape(t.text) && !NOT_ORG_ACRONYMS.has(t.text));
  return acronym ? (d.orgByName.get(foldText(acronym.text)) ?? d.namedBody(acronym.text, s)) : undefined;
}

/**
 * The body a list of officers ending before sentence s belongs to: named by the electing sentence above it, else by
 * an earlier electing sentence, else (undefined here) the body of the document's previous list.
 */
function listBodyBefore(d: DocumentState, s: number): string | undefined {
  for (let back = s - 1; back >= Math.max(0, s - 25); back--) {
    const tokens = d.annotated.sentences[back]!.tokens;
    if (isListNumber(tokens) || officerLine(tokens, d.chunks[back]!) !== undefined) continue;
    const at = electingToken(tokens);
    if (at >= 0) {
      const body = electingBody(d, back, at);
      if (body !== undefined) return body;
      continue;
    }
    if (tokens.length > SHORT_LINE_TOKENS) break; // a heading or "They are:" is read through, prose is not
  }
  return undefined;
}

/** Lists of officers, one per line, under the sentence that says which body elected them. */
export function readOfficerLists(d: DocumentState): void {
  // a list with no electing sentence of its own belongs to the previous list's body ("the Women Conference elected")
  let lastListBody: string | undefined;
  d.annotated.sentences.forEach((sentence, s) => {
    const line = officerLine(sentence.tokens, d.chunks[s]!);
    if (!line) return;
    const body = listBodyBefore(d, s) ?? lastListBody;
    if (body === undefined) return;
    lastListBody = body;
    const role = roleText(d, s, line.role);
    for (const p of line.people) {
      const person = d.chunkKeys[s]![p];
      if (person && isPersonKey(person))
        d.sink.add("HOLDS_POSITION", person, body, d.evidenceOf(s), OFFICER_LIST_CONFIDENCE, { role });
    }
  });
}

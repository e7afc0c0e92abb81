/**
 * References: what words that refer back stand for. "he", "she", "his", "her" for people; "it", "the federation",
 * "both unions", "the two sides", "the three organisations" for organisations.
 */
import { foldText } from "../fold.js";
import {
  ANAPHOR_COUNTS,
  ANAPHOR_DETERMINERS,
  GENERIC_PARTY_NOUNS,
  ORGANISATION_ANAPHORS,
  ORGANISATION_PRONOUNS,
  PERSONAL_PRONOUNS,
  PLURAL_DETERMINERS,
} from "../lexicon/grammar.js";
import type { DocumentState } from "./document-state.js";
import { isOrgKey, isPersonKey } from "./keys.js";

/** How many sentences back "both unions", "the two sides" look for the pair they refer to. */
const PAIR_WINDOW = 6;

export class References {
  private readonly topics = new Map<number, string | undefined>();

  constructor(private readonly d: DocumentState) {}

  /** The person a sentence is about: the subject of its main verb, named or referred to by a pronoun. */
  topicOf(s: number): string | undefined {
    if (this.topics.has(s)) return this.topics.get(s);
    this.topics.set(s, undefined); // a pronoun refers back, never to its own sentence's topic
    const deps = this.d.annotated.sentences[s]!.deps ?? [];
    const root = deps.find((e) => e.head < 0)?.dep;
    const subject = root === undefined ? undefined : deps.find((e) => e.head === root && e.rel === "nsubj")?.dep;
    const key = subject === undefined ? undefined : (this.d.chunkOwner(s, subject) ?? this.antecedentOf(s, subject));
    const topic = key !== undefined && isPersonKey(key) ? key : undefined;
    this.topics.set(s, topic);
    return topic;
  }

  /**
   * "he", "she", "his", "her": the person named before them in this sentence; else, for a subject, the person the
   * sentences before are about; else the person named last in the two sentences before.
   */
  antecedentOf(s: number, t: number): string | undefined {
    const { annotated, chunks, chunkKeys } = this.d;
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
        const topic = this.topicOf(back);
        if (topic !== undefined) return topic;
      }
    for (let back = s - 1; back >= Math.max(0, s - 2); back--) {
      const people = peopleIn(back);
      if (people.length > 0) return people[people.length - 1];
    }
    return undefined;
  }

  /** Organisations named before token t of sentence s (this sentence and `window` before), the last first. */
  orgsBefore(s: number, t: number, window = 2): string[] {
    const { chunks, chunkKeys } = this.d;
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
  }

  /** "it", "the federation", "both unions", "the two sides": the organisations they refer back to. */
  orgReferents(s: number, t: number): string[] {
    const sentence = this.d.annotated.sentences[s]!;
    const token = sentence.tokens[t]!;
    const word = token.text.toLowerCase();
    if (token.pos.startsWith("PRP") && ORGANISATION_PRONOUNS.has(word)) return this.orgsBefore(s, t).slice(0, 1);
    const lemma = token.lemma.toLowerCase();
    if (!token.pos.startsWith("NN") || !ORGANISATION_ANAPHORS.has(lemma)) return [];
    const determiners = (sentence.deps ?? [])
      .filter((e) => e.head === t && /^(det|nummod|det:predet|cc:preconj)$/.test(e.rel))
      .map((e) => sentence.tokens[e.dep]!.text.toLowerCase())
      .concat(t > 0 ? [sentence.tokens[t - 1]!.text.toLowerCase()] : []);
    if (!determiners.some((d) => ANAPHOR_DETERMINERS.has(d))) return [];
    const isPlural = token.pos === "NNS" || determiners.some((d) => PLURAL_DETERMINERS.has(d));
    // "both unions" looks further back than "the union": a pair is named once, then discussed for a while
    const before = this.orgsBefore(s, t, isPlural ? PAIR_WINDOW : 2);
    const count = Math.max(2, ...determiners.map((d) => ANAPHOR_COUNTS[d] ?? 2));
    if (isPlural) return before.length >= count ? before.slice(0, count) : [];
    if (GENERIC_PARTY_NOUNS.has(lemma)) return [];
    const named = before.find((k) => foldText(this.d.entities.get(k)?.name ?? "").includes(lemma));
    return named ? [named] : [];
  }
}

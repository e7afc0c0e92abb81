/**
 * chunkSentence: the named things of one annotated sentence as labelled token spans (person, organisation, role,
 * place). Named entities come from the annotator; organisation-name shapes the tagger misses ("IndustriALL Global
 * Union"), roles from the role lexicon, and the mending of spans the tagger runs together ("Confederation of
 * Trade Unions of Armenia Elen Manaseryan") come from general rules over tokens.
 */
import type { AnnotatedSentence, AnnotatedToken } from "../../domain/annotation.js";
import { countryOf, countryOfCity, isDemonym } from "../lexicon/countries.js";
import {
  CONNECTORS,
  EVENT_PREFIX_HEADS,
  EXTRA_ORG_HEADS,
  GROUP_WORDS,
  NAME_BREAKERS,
  NON_BODY_WORDS,
} from "../lexicon/organisations.js";
import { ROLE_MODIFIERS, ROLE_PHRASE_WORDS } from "../lexicon/roles.js";
import { isFormOfAddress, NAME_PARTICLES, NOT_ORG_ACRONYMS, ORG_HEADS, UNION_WORDS } from "../lexicon/words.js";
import { isAcronymShape } from "../org-key.js";

/** What a chunk names. */
export type ChunkKind = "person" | "org" | "role" | "place";

/** A labelled span of tokens [first, end) of a sentence. */
export interface Chunk {
  kind: ChunkKind;
  first: number;
  end: number;
  text: string;
  /** for organisations: the place written after the name ("the ITUC in Brussels") */
  place?: string;
}

/** A token that says its neighbour is affiliated to something ("ITUC-affiliated"): not part of a name. */
export const AFFILIATION_PREFIX = /^(.+)[-–](affiliated|affiliate)$/iu;

function lower(t: AnnotatedToken): string {
  return t.text.toLowerCase();
}

function isCapitalised(t: AnnotatedToken): boolean {
  return /^[\p{Lu}\p{N}]/u.test(t.text) || /^\p{Ll}+\p{Lu}/u.test(t.text);
}

// a Roman numeral with I, V or X ("XVII Congress"); "CCL" or "CLC" are acronyms
const ROMAN_NUMERAL = /^(?=.*[IVX])M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;

function isAcronymToken(t: AnnotatedToken): boolean {
  return isAcronymShape(t.text) && !NOT_ORG_ACRONYMS.has(t.text) && !ROMAN_NUMERAL.test(t.text);
}

function isOrgHead(word: string): boolean {
  return ORG_HEADS.has(word) || EXTRA_ORG_HEADS.has(word);
}

/** True for tokens that can be part of an organisation name but not of a person's. */
function isOrgWord(t: AnnotatedToken): boolean {
  const w = lower(t).replace(/['’]s?$/u, "");
  return (
    isOrgHead(w) ||
    UNION_WORDS.has(w) ||
    CONNECTORS.has(w) ||
    countryOf(w) !== undefined ||
    isDemonym(w) ||
    t.ner === "LOCATION" ||
    (isAcronymToken(t) && t.text.length <= 6)
  );
}

const SINGLE_WORD_ROLES: ReadonlySet<string> = new Set(
  ROLE_PHRASE_WORDS.filter((p) => p.length === 1).map((p) => p[0]!),
);

/**
 * A token joining roles with hyphens ("Secretary-Treasurer", "President-elect" aside): every part a role word; a
 * role followed by "general" is one too ("Treasurer-General").
 */
function isCompoundRole(word: string): boolean {
  const all = word.split(" ");
  const parts = all.length >= 2 && all[all.length - 1] === "general" ? all.slice(0, -1) : all;
  if (parts.length === 1 && parts.length < all.length) return SINGLE_WORD_ROLES.has(parts[0]!);
  return (
    parts.length >= 2 &&
    SINGLE_WORD_ROLES.has(parts[parts.length - 1]!) &&
    parts.every((p) => SINGLE_WORD_ROLES.has(p) || ROLE_MODIFIERS.has(p))
  );
}

/** The singular of a plural noun: its lemma, or the English plural ending taken off a proper noun's ("Directors"). */
function singularOf(t: AnnotatedToken): string {
  const lemma = t.lemma.toLowerCase();
  if (lemma !== lower(t)) return lemma;
  return lemma
    .replace(/ies$/, "y")
    .replace(/(ch|sh|ss|x)es$/, "$1")
    .replace(/([^s])s$/, "$1");
}

/** Marks role phrases (with the capitalised or lexicon modifiers before them) as "role". */
function markRoles(tokens: readonly AnnotatedToken[], labels: (ChunkKind | undefined)[]): void {
  const words = tokens.map((t) => lower(t).replace(/-/g, " "));
  // a plural noun matches its role by its lemma ("Directors", "representatives")
  const singulars = tokens.map((t) => (/^NNP?S$/.test(t.pos) ? singularOf(t).replace(/-/g, " ") : undefined));
  for (let i = 0; i < tokens.length; i++) {
    if (isCompoundRole(words[i]!)) {
      labels[i] = "role";
      continue;
    }
    for (const phrase of ROLE_PHRASE_WORDS) {
      // match phrase words against token words (a token may hold several: "vice-president", "secretary-general")
      let k = 0;
      let j = i;
      while (j < tokens.length && k < phrase.length) {
        const matched = [words[j]!, singulars[j]].find((w) => w?.split(" ").every((p, n) => phrase[k + n] === p));
        if (matched === undefined) break;
        k += matched.split(" ").length;
        j += 1;
      }
      if (k !== phrase.length) continue;
      // "General" after a role ("Executive Director General of X"), not the first word of a name after it
      if (/^general$/i.test(tokens[j]?.text ?? "") && !/^\p{Lu}/u.test(tokens[j + 1]?.text ?? "")) j += 1;
      let start = i;
      while (start > 0 && ROLE_MODIFIERS.has(words[start - 1]!) && labels[start - 1] === undefined) start -= 1;
      for (let n = start; n < j; n++) labels[n] = "role";
      i = j - 1;
      break;
    }
  }
}

/**
 * The end of a name after the lower-case words of the trade it may end with ("General Federation of Yemen workers'
 * trade unions"): extended only when those words end on "union(s)".
 */
function unionTail(tokens: readonly AnnotatedToken[], labels: readonly (ChunkKind | undefined)[], end: number): number {
  let j = end;
  let last = end;
  while (j < tokens.length && labels[j] === undefined && j < end + 4) {
    const w = lower(tokens[j]!);
    if (tokens[j]!.pos === "POS" && j > end) j += 1;
    else if (UNION_WORDS.has(w)) {
      j += 1;
      if (/^unions?$/.test(w)) last = j;
    } else break;
  }
  return last;
}

/**
 * Runs of capitalised tokens and connectors that hold an organisation head word: names the tagger missed, or cut
 * short ("Council of Uzbekistan Trade Union" + "’s Federation"). Tokens the tagger already called organisation join
 * the run.
 */
function markOrgShapes(tokens: readonly AnnotatedToken[], labels: (ChunkKind | undefined)[]): void {
  const isFree = (n: number) => labels[n] === undefined || labels[n] === "org";
  let i = 0;
  while (i < tokens.length) {
    if (
      !isFree(i) ||
      !isCapitalised(tokens[i]!) ||
      /^(the|a|an|on|in|at|for|during|after|before|with|by|to|from)$/i.test(tokens[i]!.text)
    ) {
      i += 1;
      continue;
    }
    let j = i;
    let lastCapital = i;
    while (j < tokens.length && isFree(j)) {
      const t = tokens[j]!;
      if ((t.pos.startsWith("VB") && labels[j] !== "org") || AFFILIATION_PREFIX.test(t.text)) break;
      if (isTaggerBoundary(tokens, j) || t.ner === "DATE" || t.ner === "NUMBER" || t.ner === "DURATION") break;
      // a form of address before a name ends the body's name ("... Nurses Federation Madam Rosa Klein")
      if (j > i && isFormOfAddress(t.text) && labels[j + 1] === "person") break;
      if (isCapitalised(t) || /^\p{Ll}+\p{Lu}/u.test(t.text) || (GROUP_WORDS.has(lower(t)) && j > i)) lastCapital = j;
      else if (!CONNECTORS.has(lower(t)) && !(UNION_WORDS.has(lower(t)) && j > i)) break;
      j += 1;
    }
    // the lower-case trade words go on a name that already has its head ("General Federation of X workers' unions")
    const isHeaded =
      lastCapital > i && tokens.slice(i, lastCapital + 1).some((t) => isCapitalised(t) && isOrgHead(lower(t)));
    const end = isHeaded ? unionTail(tokens, labels, lastCapital + 1) : lastCapital + 1;
    const hasHead = tokens.slice(i, end).some((t) => isOrgHead(lower(t)));
    if (hasHead && end - i >= 2) for (let n = i; n < end; n++) labels[n] = "org";
    i = Math.max(end, i + 1);
  }
}

/**
 * Trims one organisation name: a place after "in" says where the body is ("the ITUC in Brussels", kept as the
 * chunk's place), and a happening before "of" is not part of the body's name ("V Congress of the ITUC").
 */
function trimPiece(
  tokens: readonly AnnotatedToken[],
  labels: (ChunkKind | undefined)[],
  text: string,
  first: number,
  end: number,
  placeAfter: Map<number, string>,
): { first: number; end: number } {
  let f = first;
  let e = end;
  // "in" a place after any name; "for" a place after a bare acronym ("the ILO for Europe", not "Bureau for Europe")
  const isBareAcronym = f < e && isAcronymToken(tokens[f]!);
  const isPlace = (t: AnnotatedToken) =>
    t.ner === "LOCATION" || t.ner === "CITY" || countryOf(t.text) !== undefined || countryOfCity(t.text) !== undefined;
  // a place right after an acronym says where the body is ("ITUC Brussels")
  if (isBareAcronym && e - f >= 2 && tokens.slice(f + 1, e).every(isPlace)) {
    placeAfter.set(f + 1, text.slice(tokens[f + 1]!.start, tokens[e - 1]!.end));
    for (let m = f + 1; m < e; m++) labels[m] = undefined;
    e = f + 1;
  }
  for (let n = f + 1; n < e - 1; n++) {
    const w = lower(tokens[n]!);
    if (w !== "in" && !(w === "for" && n === f + 1 && isBareAcronym)) continue;
    const rest = tokens.slice(n + 1, e);
    if (rest.every(isPlace)) {
      placeAfter.set(n, text.slice(rest[0]!.start, rest[rest.length - 1]!.end));
      for (let m = n; m < e; m++) labels[m] = undefined;
      e = n;
      break;
    }
  }
  for (let n = f; n < Math.min(e - 2, f + 3); n++) {
    if (!EVENT_PREFIX_HEADS.has(lower(tokens[n]!)) || lower(tokens[n + 1]!) !== "of") continue;
    // "Trade Union Congress of X" is a body's name, "V Congress of X" a happening of the body
    if (tokens.slice(f, n).some((t) => UNION_WORDS.has(lower(t)))) break;
    const start = lower(tokens[n + 2]!) === "the" ? n + 3 : n + 2;
    for (let m = f; m < start; m++) labels[m] = undefined;
    f = start;
    break;
  }
  return { first: f, end: e };
}

/** "and" between two names the tagger kept apart ("the ILO and the All-China Federation ..."). */
function isTaggerBoundary(tokens: readonly AnnotatedToken[], j: number): boolean {
  const t = tokens[j]!;
  if (!/^(and|&)$/i.test(t.text) || t.ner === "ORGANIZATION") return false;
  const next = lower(tokens[j + 1] ?? t) === "the" ? tokens[j + 2] : tokens[j + 1];
  return tokens[j - 1]?.ner === "ORGANIZATION" && next?.ner === "ORGANIZATION";
}

/** Two or three capitalised words right after a role (and a comma or dash) are a name the tagger missed ("vice presidents, Sun Chunlan"). */
function markPeopleAfterRoles(tokens: readonly AnnotatedToken[], labels: (ChunkKind | undefined)[]): void {
  for (let i = 0; i < tokens.length; i++) {
    if (labels[i] !== "role" || labels[i + 1] === "role") continue;
    let start = i + 1;
    while (start < tokens.length && /^[,:–—-]$|^(mr|mrs|ms|dr|brother|sister|comrade)\.?$/i.test(tokens[start]!.text))
      start += 1;
    let end = start;
    while (
      end < tokens.length &&
      end - start < 3 &&
      labels[end] !== "role" &&
      /^\p{Lu}[\p{Ll}'’-]+$|^\p{Lu}{2,}$/u.test(tokens[end]!.text) &&
      tokens[end]!.pos.startsWith("NNP") &&
      isNameWord(tokens[end]!)
    )
      end += 1;
    if (end - start < 2 || labels.slice(start, end).some((l) => l === "person")) continue;
    if (
      labels.slice(start, end).some((l) => l === "org") &&
      tokens.slice(start, end).some((t) => t.ner === "ORGANIZATION")
    )
      continue;
    for (let n = start; n < end; n++) labels[n] = "person";
  }
}

/** One to three capitalised words right after a form of address are a name ("Bro Redzuan", "Mr. Osei Mensah"). */
function markPeopleAfterTitles(tokens: readonly AnnotatedToken[], labels: (ChunkKind | undefined)[]): void {
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!isFormOfAddress(tokens[i]!.text) || !isCapitalised(tokens[i]!)) continue;
    let end = i + 1;
    while (
      end < tokens.length &&
      end - i <= 3 &&
      labels[end] === undefined &&
      /^\p{Lu}[\p{Ll}'’-]+$/u.test(tokens[end]!.text) &&
      tokens[end]!.pos.startsWith("NNP") &&
      isNameWord(tokens[end]!)
    )
      end += 1;
    const isBesidePerson = labels[end] === "person" || labels[i + 1] === "person";
    if (end > i + 1 && !isBesidePerson) for (let n = i + 1; n < end; n++) labels[n] = "person";
  }
}

const OPENING_QUOTES = new Set(['"', "“", "«", "``", "'", "‘", "„"]);
const CLOSING_QUOTES = new Set(['"', "”", "»", "''", "'", "’", "“"]);

/** The end (after the closing quote) of a quoted run of one to six capitalised words starting at `i`, if there is one. */
function quotedNameEnd(tokens: readonly AnnotatedToken[], i: number): number | undefined {
  if (!OPENING_QUOTES.has(tokens[i]?.text ?? "")) return undefined;
  let end = i + 1;
  while (end < tokens.length && end - i <= 6 && !CLOSING_QUOTES.has(tokens[end]!.text)) {
    if (!isCapitalised(tokens[end]!) && !CONNECTORS.has(lower(tokens[end]!))) return undefined;
    end += 1;
  }
  return end > i + 1 && CLOSING_QUOTES.has(tokens[end]?.text ?? "") ? end + 1 : undefined;
}

/**
 * Quoted names of bodies: after a body's description ('Branch Association "Electroprofsoyuz"') the quote is part of
 * the name; before a lower-case union word ('the "Ev Sanaanii Negdel" trade union') the quoted words are the name.
 */
function markQuotedNames(tokens: readonly AnnotatedToken[], labels: (ChunkKind | undefined)[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const end = quotedNameEnd(tokens, i);
    if (end === undefined || labels.slice(i, end).some((l) => l === "person" || l === "role")) continue;
    const isAfterOrg = labels[i - 1] === "org";
    const isBeforeUnionWord =
      UNION_WORDS.has(lower(tokens[end] ?? tokens[i]!)) || isOrgHead(lower(tokens[end] ?? tokens[i]!));
    if (isAfterOrg) for (let n = i; n < end; n++) labels[n] = "org";
    else if (isBeforeUnionWord) for (let n = i + 1; n < end - 1; n++) labels[n] = "org";
  }
}

/** Lower-case particles between two parts of a name belong to it ("Guilarte de Nacimiento", "von der Leyen"). */
function joinNameParticles(tokens: readonly AnnotatedToken[], labels: (ChunkKind | undefined)[]): void {
  for (let i = 1; i + 1 < tokens.length; i++) {
    if (labels[i - 1] !== "person" || labels[i] !== undefined || !NAME_PARTICLES.has(tokens[i]!.text)) continue;
    let end = i;
    while (end < tokens.length && labels[end] === undefined && NAME_PARTICLES.has(tokens[end]!.text)) end += 1;
    if (labels[end] === "person") for (let n = i; n < end; n++) labels[n] = "person";
  }
}

/** A word that can be part of a person's name: not an organisation word (a tagger's "location" may be a name: "Sun Chunlan"). */
function isNameWord(t: AnnotatedToken): boolean {
  if (t.ner === "LOCATION")
    return countryOf(t.text) === undefined && countryOfCity(t.text) === undefined && !isOrgHead(lower(t));
  return !isOrgWord(t);
}

/** A hyphenated name at the head of a three-word "person" is an organisation's ("Memur-Sen Ali Yalçın"). */
function splitLeadingHyphenatedOrg(tokens: readonly AnnotatedToken[], labels: (ChunkKind | undefined)[]): void {
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (labels[i] !== "person" || labels[i - 1] === "person") continue;
    let end = i;
    while (labels[end] === "person") end += 1;
    if (end - i >= 3 && /^\p{Lu}\p{Ll}+(-\p{Lu}\p{Ll}*)+$/u.test(tokens[i]!.text)) labels[i] = "org";
  }
}

/**
 * An acronym at the head of a "person" after "of" or "the" is the organisation the role before it is in ("President
 * of the VGCL Bui Van Cuong"): nobody is the president of a person.
 */
function splitLeadingAcronym(tokens: readonly AnnotatedToken[], labels: (ChunkKind | undefined)[]): void {
  for (let i = 1; i + 2 < tokens.length; i++) {
    if (labels[i] !== "person" || labels[i - 1] === "person" || !isAcronymToken(tokens[i]!)) continue;
    if (!/^(of|the)$/i.test(tokens[i - 1]!.text)) continue;
    let end = i + 1;
    while (labels[end] === "person") end += 1;
    const rest = tokens.slice(i + 1, end);
    if (rest.length >= 2 && rest.every((t) => /^\p{Lu}\p{Ll}/u.test(t.text))) labels[i] = "org";
  }
}

/** A one-word "person" right before a role that a person follows is an organisation ("Memur-Sen Chair Ali Yalçın"). */
function relabelOrgBeforeRole(labels: (ChunkKind | undefined)[]): void {
  for (let i = 0; i + 2 < labels.length; i++) {
    const isSingle = labels[i] === "person" && labels[i - 1] !== "person";
    if (!isSingle || labels[i + 1] !== "role") continue;
    let r = i + 1;
    while (labels[r] === "role") r += 1;
    if (labels[r] === "person") labels[i] = "org";
  }
}

/**
 * Splits a person's name off the end of an organisation span ("... of Armenia Elen Manaseryan"): two or three
 * capitalised words right after a place, an organisation head word, an acronym or a bracket.
 */
function splitTrailingPerson(
  tokens: readonly AnnotatedToken[],
  labels: (ChunkKind | undefined)[],
  first: number,
  end: number,
): void {
  for (const size of [2, 3]) {
    const start = end - size;
    const before = tokens[start - 1];
    if (start <= first || !before) continue;
    const b = lower(before);
    const isAnchor =
      countryOf(before.text) !== undefined ||
      before.ner === "LOCATION" ||
      isOrgHead(b) ||
      isAcronymToken(before) ||
      b === ")" ||
      b === "”" ||
      b === '"';
    if (!isAnchor) continue;
    const tail = tokens.slice(start, end);
    const isNameTail = tail.every(
      (t) => (/^\p{Lu}[\p{Ll}'’-]+$/u.test(t.text) || /^\p{Lu}{2,}$/u.test(t.text)) && t.pos === "NNP" && !isOrgWord(t),
    );
    if (isNameTail) {
      for (let n = start; n < end; n++) labels[n] = "person";
      return;
    }
  }
}

/** A run of proper nouns right before a role is the organisation the role is in ("Hak-İş Chairman", "TOBB President"). */
function markOrgsBeforeRoles(tokens: readonly AnnotatedToken[], labels: (ChunkKind | undefined)[]): void {
  for (let i = 1; i < tokens.length; i++) {
    if (labels[i] !== "role" || labels[i - 1] !== undefined) continue;
    let start = i;
    while (
      start > 0 &&
      start > i - 4 &&
      labels[start - 1] === undefined &&
      /^NNPS?$/.test(tokens[start - 1]!.pos) &&
      isCapitalised(tokens[start - 1]!) &&
      !isFormOfAddress(tokens[start - 1]!.text)
    )
      start -= 1;
    if (start === i || start === 0) continue;
    const run = tokens.slice(start, i);
    // a country heads a name ("Türkiye Kamu-Sen Chair"), but alone or last it is the state ("Turkey President")
    if (
      run.some(
        (t, n) =>
          t.ner === "PERSON" ||
          t.ner === "DATE" ||
          (countryOf(t.text) !== undefined && (n === run.length - 1 || n > 0)) ||
          ROLE_MODIFIERS.has(lower(t)),
      )
    )
      continue;
    for (let n = start; n < i; n++) labels[n] = "org";
  }
}

/**
 * A description written before an acronym is not part of its name ("the Italian trade unions CGIL", "Georgian
 * trade union GTUC"): lower-case union words and demonyms before a final acronym leave the span.
 */
function dropDescriptionBeforeAcronym(
  tokens: readonly AnnotatedToken[],
  labels: (ChunkKind | undefined)[],
  f: number,
  e: number,
): { f: number; e: number } {
  if (e - f < 2 || !isAcronymToken(tokens[e - 1]!)) return { f, e };
  const before = tokens.slice(f, e - 1);
  const isDescription = before.every(
    (t) => UNION_WORDS.has(lower(t)) || isDemonym(lower(t)) || lower(t) === "national",
  );
  if (!isDescription || !before.some((t) => /^\p{Ll}/u.test(t.text))) return { f, e };
  for (let n = f; n < e - 1; n++) labels[n] = undefined;
  return { f: e - 1, e };
}

/**
 * A portfolio is not a body: what follows "Minister of" or comes before "Minister" without a body's head word
 * ("Minister of the Interior", "Tourism and Development Minister").
 */
function unlabelPortfolios(tokens: readonly AnnotatedToken[], labels: (ChunkKind | undefined)[]): void {
  for (let i = 1; i < tokens.length; i++) {
    if (labels[i] !== "role" || !/^ministers?$/i.test(tokens[i]!.text) || labels[i - 1] !== "org") continue;
    let start = i - 1;
    while (start > 0 && labels[start - 1] === "org") start -= 1;
    if (!tokens.slice(start, i).some((t) => isOrgHead(lower(t)))) for (let n = start; n < i; n++) labels[n] = undefined;
  }
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (labels[i] !== "role" || !/^ministers?$/i.test(tokens[i]!.text) || lower(tokens[i + 1]!) !== "of") continue;
    const start = lower(tokens[i + 2]!) === "the" ? i + 3 : i + 2;
    let end = start;
    while (labels[end] === "org") end += 1;
    if (end > start && !tokens.slice(start, end).some((t) => isOrgHead(lower(t))))
      for (let n = start; n < end; n++) labels[n] = undefined;
  }
}

/** Head words that start a second name inside a span ("... of the Federation of ...", "X and the Union of ..."). */
const NESTED_HEADS = new Set(["federation", "confederation", "union", "council", "association", "congress"]);

/** Splits "X of the Y" where Y starts with an organisation head word and X is a name already ("Trade Union of ... of the Federation of ..."). */
function splitNestedOrgs(
  tokens: readonly AnnotatedToken[],
  labels: (ChunkKind | undefined)[],
  first: number,
  end: number,
): number[] {
  const cuts: number[] = [];
  let hasHead = false;
  for (let n = first; n < end; n++) {
    const w = lower(tokens[n]!);
    if (n > first + 1 && w === "of" && hasHead) {
      const next = lower(tokens[n + 1] ?? tokens[n]!) === "the" ? n + 2 : n + 1;
      const head = tokens[next];
      if (head && next < end && NESTED_HEADS.has(lower(head))) {
        labels[n] = undefined;
        if (next === n + 2) labels[n + 1] = undefined;
        cuts.push(next);
        hasHead = false;
      }
    }
    const isHeadAfter = () => tokens.slice(n + 2, end).some((t) => NESTED_HEADS.has(lower(t)));
    // a list the tagger ran together: "Confederation of X, Federation of Y"
    if (n > first + 1 && w === "," && hasHead && tokens.slice(n + 1, end).some((t) => isOrgHead(lower(t)))) {
      const next = n + 1;
      if (next < end && isCapitalised(tokens[next]!)) {
        labels[n] = undefined;
        cuts.push(next);
        hasHead = false;
        continue;
      }
    }
    // "... of St. Vincent and the Grenadines" is one place, not two names
    const isPlaceAfter = () =>
      tokens
        .slice(n + 2, end)
        .every((t) => (t.ner === "LOCATION" || countryOf(t.text) !== undefined) && !isOrgHead(lower(t)));
    if (
      n > first &&
      w === "and" &&
      (hasHead || isHeadAfter()) &&
      lower(tokens[n + 1] ?? tokens[n]!) === "the" &&
      n + 2 < end &&
      !isPlaceAfter()
    ) {
      labels[n] = undefined;
      labels[n + 1] = undefined;
      cuts.push(n + 2);
      hasHead = false;
    }
    if (isOrgHead(w)) hasHead = true;
  }
  return cuts;
}

function spans(labels: readonly (ChunkKind | undefined)[], kind: ChunkKind): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== kind) continue;
    let j = i;
    while (j < labels.length && labels[j] === kind) j++;
    out.push([i, j]);
    i = j - 1;
  }
  return out;
}

/** The chunks of a sentence, in text order. */
export function chunkSentence(sentence: AnnotatedSentence, text: string): Chunk[] {
  const tokens = sentence.tokens;
  const labels: (ChunkKind | undefined)[] = tokens.map(() => undefined);
  markRoles(tokens, labels);
  tokens.forEach((t, i) => {
    if (labels[i] !== undefined) return;
    if (t.ner === "PERSON" && !isFormOfAddress(t.text) && isCapitalised(t)) labels[i] = "person";
    else if (t.ner === "ORGANIZATION" && !AFFILIATION_PREFIX.test(t.text)) labels[i] = "org";
  });
  markOrgShapes(tokens, labels);
  markQuotedNames(tokens, labels);
  markOrgsBeforeRoles(tokens, labels);
  markPeopleAfterRoles(tokens, labels);
  markPeopleAfterTitles(tokens, labels);
  joinNameParticles(tokens, labels);
  relabelOrgBeforeRole(labels);
  splitLeadingHyphenatedOrg(tokens, labels);
  splitLeadingAcronym(tokens, labels);
  // organisation spans: acronyms the tagger left out, a trailing person, nested names
  tokens.forEach((t, i) => {
    if (
      labels[i] === undefined &&
      isAcronymToken(t) &&
      countryOf(t.text) === undefined &&
      t.ner !== "PERSON" &&
      // a tagger's "location" in capitals that no gazetteer places is a body's acronym ("CITUB Bulgaria")
      (t.ner !== "LOCATION" || (countryOfCity(t.text) === undefined && t.text.replace(/[^\p{L}]/gu, "").length >= 4))
    )
      labels[i] = "org";
  });
  unlabelPortfolios(tokens, labels);
  const cuts = new Set<number>();
  const placeAfter = new Map<number, string>();
  for (const [first, end] of spans(labels, "org")) {
    // connectors at the edges belong to the sentence, not the name
    let f = first;
    let e = end;
    while (f < e && CONNECTORS.has(lower(tokens[f]!))) labels[f++] = undefined;
    while (e > f && CONNECTORS.has(lower(tokens[e - 1]!))) labels[--e] = undefined;
    ({ f, e } = dropDescriptionBeforeAcronym(tokens, labels, f, e));
    // "ILO Convention 87", "ABC Project": the body is the acronym, the rest is a thing of it
    if (e - f >= 2 && isAcronymToken(tokens[f]!) && NON_BODY_WORDS.has(lower(tokens[f + 1]!))) {
      for (let n = f + 1; n < e; n++) labels[n] = undefined;
      e = f + 1;
    }
    const pieceCuts = splitNestedOrgs(tokens, labels, f, e);
    for (const c of pieceCuts) cuts.add(c);
    const starts = [f, ...pieceCuts];
    starts.forEach((start, k) => {
      let pieceEnd = k + 1 < starts.length ? starts[k + 1]! : e;
      while (pieceEnd > start && labels[pieceEnd - 1] !== "org") pieceEnd -= 1;
      const trimmed = trimPiece(tokens, labels, text, start, pieceEnd, placeAfter);
      splitTrailingPerson(tokens, labels, trimmed.first, trimmed.end);
    });
  }
  // places: countries named outside organisation names
  tokens.forEach((t, i) => {
    if (labels[i] === undefined && (t.ner === "LOCATION" || t.ner === "COUNTRY") && countryOf(t.text) !== undefined)
      labels[i] = "place";
  });
  const chunks: Chunk[] = [];
  for (const kind of ["person", "org", "role", "place"] as const) {
    for (const [first, end] of spans(labels, kind)) {
      // a cut between nested names starts a new organisation
      let start = first;
      for (let n = first + 1; n <= end; n++) {
        const isBoundary = n === end || cuts.has(n);
        if (isBoundary) {
          const place = kind === "org" ? placeAfter.get(n) : undefined;
          chunks.push({
            kind,
            first: start,
            end: n,
            text: text.slice(tokens[start]!.start, tokens[n - 1]!.end),
            ...(place ? { place } : {}),
          });
          start = n;
        }
      }
    }
  }
  // names of people do not hold sentence words
  return chunks
    .filter((c) => !(c.kind === "person" && tokens.slice(c.first, c.end).some((t) => NAME_BREAKERS.has(t.text))))
    .sort((a, b) => a.first - b.first);
}

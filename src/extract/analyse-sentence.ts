/**
 * Mentions in one sentence: roles, organisations (with defined acronyms and organs), countries, cities and
 * person-name candidates, as non-overlapping spans over the sentence's tokens. Every loop is bounded by the
 * token count times a small constant, so the cost is linear in the sentence length.
 */
import type { EntityType } from "../domain/model.js";
import {
  countryOf,
  countryOfCity,
  isDemonym,
  isPlaceWord,
  MAX_CITY_WORDS,
  MAX_COUNTRY_WORDS,
  PLACE_FIRST_WORDS,
} from "./lexicon/countries.js";
import {
  GENERIC_ORG_WORDS,
  HONORIFICS,
  INTERNATIONAL_WORDS,
  MONTHS,
  NOT_NAME_WORDS,
  NOT_ORG_ACRONYMS,
  ORG_HEADS,
  ORGAN_HEADS,
  ORGAN_MODIFIERS,
  PERSON_VERBS,
  PLURAL_HEADS,
  QUOTE_VERBS,
  ROLE_PHRASES,
  UNION_WORDS,
  WEAK_HEADS,
} from "./lexicon/words.js";
import { orgKey } from "./org-key.js";
import { tokenize, type Token } from "./tokens.js";

/** A span of tokens [from, to) with its document offsets. */
export interface Span {
  from: number;
  to: number;
  start: number;
  end: number;
}

/** A role phrase ("General Secretary"). */
export interface RoleSpan extends Span {
  role: string;
}

/** How an organisation was named. */
export type OrgForm = "full" | "acronym" | "generic" | "descriptor";

/** An organisation mention. `itemStart`/`itemEnd` also cover its acronym definition and organs named with it. */
export interface OrgSpan extends Span {
  name: string;
  form: OrgForm;
  head: string;
  type: EntityType;
  countries: string[];
  /** acronyms defined for it in parentheses right after it */
  acronyms: string[];
  isPossessive: boolean;
  /** used where only an organisation fits ("the ITUC", "ITUC's", "ITUC General Secretary") */
  hasOrgContext: boolean;
  itemStart: number;
  itemEnd: number;
}

/** A country or city mention. */
export interface PlaceSpan extends Span {
  country: string;
  isDemonym: boolean;
  isCity: boolean;
  name: string;
}

/** A person-name candidate (2–3 capitalised name words, or one for a surname). */
export interface NameSpan extends Span {
  name: string;
  words: number;
  /** named in a context only people appear in (role, honorific, "said X", "X noted") */
  isStrong: boolean;
}

/** An acronym in parentheses that follows no organisation ("… as a member organization (CGT)"). */
export interface LooseAcronym extends Span {
  acronym: string;
}

/** Everything found in a sentence. */
export interface SentenceAnalysis {
  index: number;
  start: number;
  end: number;
  text: string;
  tokens: Token[];
  roles: RoleSpan[];
  orgs: OrgSpan[];
  places: PlaceSpan[];
  names: NameSpan[];
  looseAcronyms: LooseAcronym[];
}

const DETERMINERS = new Set([
  "the",
  "a",
  "an",
  "this",
  "that",
  "these",
  "those",
  "our",
  "its",
  "their",
  "his",
  "her",
  "my",
  "your",
  "today",
  "earlier",
  "moreover",
  "however",
  "recall",
  "reference",
  "both",
  "each",
  "every",
  "all",
  "during",
  "after",
  "before",
  "since",
  "when",
  "while",
  "as",
  "in",
  "on",
  "at",
  "from",
  "by",
  "for",
  "with",
  "to",
  "of",
  "and",
]);
/** generic words as written in a sentence (British spellings too) */
const GENERIC_TOKENS = new Set([...GENERIC_ORG_WORDS, "organisation", "centre"]);
const MONTH_SET = new Set<string>([
  ...MONTHS,
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
]);
const ROLE_WORDS = new Set(ROLE_PHRASES.flatMap(([p]) => p.split(" ")));

function spanOf(tokens: Token[], from: number, to: number): Span {
  return { from, to, start: tokens[from]!.start, end: tokens[to - 1]!.end };
}

// role phrases indexed by their first word, longest first
const ROLES_BY_FIRST_WORD = new Map<string, { words: string[]; role: string }[]>();
for (const [phrase, role] of ROLE_PHRASES) {
  const words = phrase.split(" ");
  const list = ROLES_BY_FIRST_WORD.get(words[0]!) ?? [];
  list.push({ words, role });
  ROLES_BY_FIRST_WORD.set(words[0]!, list);
}

function findRoles(tokens: Token[]): RoleSpan[] {
  const roles: RoleSpan[] = [];
  let i = 0;
  while (i < tokens.length) {
    let matched: RoleSpan | undefined;
    const candidates = tokens[i]!.isWord ? ROLES_BY_FIRST_WORD.get(tokens[i]!.lower) : undefined;
    for (const { words, role } of candidates ?? []) {
      if (i + words.length > tokens.length) continue;
      let ok = true;
      for (let k = 1; k < words.length && ok; k++) ok = tokens[i + k]!.lower === words[k];
      if (!ok) continue;
      const first = tokens[i]!;
      const last = tokens[i + words.length - 1]!;
      const next = tokens[i + words.length];
      const isCapitalised = first.isCap;
      const beforeOf = next?.lower === "of";
      if (role === "MP" ? first.text !== "MP" : !isCapitalised && !beforeOf) continue;
      matched = { ...spanOf(tokens, i, i + words.length), role };
      if (last.isPossessive) matched.end = last.end;
      break;
    }
    if (matched) {
      roles.push(matched);
      i = matched.to;
    } else i += 1;
  }
  return roles;
}

const MAX_PLACE_WORDS = Math.max(MAX_COUNTRY_WORDS, MAX_CITY_WORDS);

/** Multi-word country or city at token i (longest first). */
function placeAt(tokens: Token[], i: number): PlaceSpan | undefined {
  const first = tokens[i]!;
  if (!first.isWord || !first.isCap || !PLACE_FIRST_WORDS.has(first.lower)) return undefined;
  // the longest run of words that could be a place: words only, a possessive only at its end
  let limit = 1;
  while (
    limit < MAX_PLACE_WORDS &&
    i + limit < tokens.length &&
    tokens[i + limit]!.isWord &&
    !tokens[i + limit - 1]!.isPossessive
  )
    limit += 1;
  const forms: string[] = [first.text];
  for (let n = 2; n <= limit; n++) forms.push(`${forms[n - 2]!} ${tokens[i + n - 1]!.text}`);
  for (let n = limit; n >= 1; n--) {
    const form = forms[n - 1]!;
    const country = countryOf(form);
    if (
      country !== undefined &&
      (n > 1 || !(first.isAcronym && !["UK", "USA", "UAE", "DRC", "DPRK"].includes(first.text)))
    ) {
      return { ...spanOf(tokens, i, i + n), country, isDemonym: n === 1 && isDemonym(form), isCity: false, name: form };
    }
    const cityCountry = countryOfCity(form);
    if (cityCountry !== undefined)
      return { ...spanOf(tokens, i, i + n), country: cityCountry, isDemonym: false, isCity: true, name: form };
  }
  return undefined;
}

function findPlaces(tokens: Token[]): PlaceSpan[] {
  const places: PlaceSpan[] = [];
  let i = 0;
  while (i < tokens.length) {
    const place = placeAt(tokens, i);
    if (place) {
      places.push(place);
      i = place.to;
    } else i += 1;
  }
  return places;
}

// words that make a trade-union body international or regional even when a country is named in it
const STRONG_INTERNATIONAL = new Set([
  "international",
  "global",
  "world",
  "european",
  "pan-european",
  "regional",
  "continental",
  "interregional",
  "countries",
  "asian",
  "african",
  "american",
  "arab",
  "pacific",
  "nordic",
  "baltic",
  "caribbean",
  "eurasian",
  "turkic",
  "asia",
  "africa",
  "europe",
]);

function classifyOrg(tokens: string[], hasAcronymInName: boolean, countries: string[]): EntityType {
  const set = new Set(tokens);
  const isUnionBody =
    set.has("union") ||
    set.has("unions") ||
    set.has("trade") ||
    set.has("syndicate") ||
    set.has("federation") ||
    set.has("confederation");
  if (!isUnionBody) return "Organization";
  const isInternational =
    tokens.some((t) => STRONG_INTERNATIONAL.has(t)) || hasAcronymInName || new Set(countries).size > 1;
  return !isInternational && new Set(countries).size === 1 ? "Union" : "Confederation";
}

const TRADE_UNION_WORDS = new Set(["trade", "union", "unions", "workers", "workers'", "employees", "employees'"]);
const PLURAL_UNION_WORDS = new Set(["unions", "workers", "employees"]);
// words that go on a name after a country in it ("General Federation of Colombia Trade Unions")
const CONTINUING_AFTER_COUNTRY = new Set([
  "trade",
  "union",
  "unions",
  "workers",
  "workers'",
  "employees",
  "employees'",
  "labour",
  "labor",
]);

/** True when the capitalised words from token k name an organisation ("Federation of …", "ITUC"). */
function namesOrgAt(tokens: Token[], k: number): boolean {
  if (tokens[k]?.isAcronym) return true;
  for (let m = k; m < tokens.length && m - k < 12; m++) {
    const t = tokens[m]!;
    if (t.isWord && t.isCap && ORG_HEADS.has(t.lower) && !PLURAL_HEADS.has(t.lower)) return true;
    if (!(t.isWord && (t.isCap || t.lower === "of" || t.lower === "and" || t.lower === "for" || t.lower === "the")))
      return false;
  }
  return false;
}

/** True when the capitalised run from token k ends in an organisation head word ("Gas Workers' Union"). */
function runReachesHead(tokens: Token[], k: number): boolean {
  let last: Token | undefined;
  for (let m = k; m < tokens.length && m - k < 8 && tokens[m]!.isWord && tokens[m]!.isCap; m++) last = tokens[m];
  return last !== undefined && ORG_HEADS.has(last.lower);
}

interface Building {
  from: number;
  to: number;
  head: number;
}

/** Extends a name rightwards over "of/for (the) X…" groups; returns the new end (exclusive). */
function extendPost(
  tokens: Token[],
  head: number,
  isRole: (i: number) => boolean,
  countryEnds: Map<number, number>,
): number {
  let end = head + 1;
  if (tokens[head]!.isPossessive) return end;
  let guard = 0;
  while (end < tokens.length && guard++ < 6) {
    const of = tokens[end]!;
    if (of.lower !== "of" && of.lower !== "for") break;
    let k = end + 1;
    if (tokens[k]?.lower === "the") k += 1;
    const runStart = k;
    let stop = false;
    let afterPlural = false;
    while (k < tokens.length && k - head < 16) {
      const t = tokens[k]!;
      if (!t.isWord) break;
      if (isRole(k)) break;
      const placeEnd = countryEnds.get(k);
      if (placeEnd !== undefined) {
        k = placeEnd;
        // "General Federation of Colombia Trade Unions": the country is a modifier of what follows
        if (tokens[k]?.isCap && CONTINUING_AFTER_COUNTRY.has(tokens[k]!.lower)) continue;
        stop = true;
        break;
      }
      if (t.isAcronym) {
        k += 1;
        stop = true;
        break;
      }
      const isTradeUnionWord = TRADE_UNION_WORDS.has(t.lower);
      if (afterPlural && !isTradeUnionWord) break;
      // "Confederation of Labour Kwame Haapanen and …": a person's name after the organisation's name ends it
      if (
        k > runStart &&
        isNameWord(t) &&
        isNameWord(tokens[k + 1]) &&
        !isNameWord(tokens[k - 1]) &&
        !(tokens[k + 2]?.isWord && tokens[k + 2]!.isCap)
      )
        break;
      if (
        t.isCap ||
        t.isBrand ||
        (isTradeUnionWord && k === runStart) ||
        (isTradeUnionWord && tokens[k - 1]?.lower === "trade")
      ) {
        if (PLURAL_UNION_WORDS.has(t.lower)) afterPlural = true;
        k += 1;
        if (t.isPossessive) {
          stop = true;
          break;
        }
        continue;
      }
      if (t.lower === "and" && tokens[k + 1]?.isCap && k > runStart && !afterPlural) {
        k += 1;
        continue;
      }
      if (["countries", "states", "region"].includes(t.lower) && k > runStart && tokens[k - 1]!.isCap) {
        k += 1;
        stop = true;
        break;
      }
      break;
    }
    // "and" may not end a name
    while (k > runStart && tokens[k - 1]!.lower === "and") k -= 1;
    if (k === runStart) break;
    end = k;
    if (stop || tokens[k - 1]!.isPossessive) break;
  }
  return end;
}

function findOrgs(
  tokens: Token[],
  roles: RoleSpan[],
  places: PlaceSpan[],
): { orgs: OrgSpan[]; looseAcronyms: LooseAcronym[] } {
  const roleAt = new Set<number>();
  for (const r of roles) for (let i = r.from; i < r.to; i++) roleAt.add(i);
  const isRole = (i: number) => roleAt.has(i);
  const countryEnds = new Map<number, number>();
  const placeStarts = new Map<number, PlaceSpan>();
  for (const p of places) {
    placeStarts.set(p.from, p);
    if (!p.isCity) countryEnds.set(p.from, p.to);
  }
  const consumed = new Uint8Array(tokens.length);
  const orgs: OrgSpan[] = [];
  const organs: { span: Building; ownerBefore: boolean; postFrom: number }[] = [];

  const isSegmentWord = (i: number) => {
    const t = tokens[i];
    return t !== undefined && t.isWord && (t.isCap || t.isBrand) && !t.isAcronym && !isRole(i);
  };

  let i = 0;
  while (i < tokens.length) {
    if (!isSegmentWord(i) || consumed[i] === 1) {
      i += 1;
      continue;
    }
    // a run of capitalised words, possibly joined by "and"; a possessive ends it
    let j = i;
    while (j < tokens.length) {
      if (isSegmentWord(j)) {
        j += 1;
        if (tokens[j - 1]!.isPossessive) break;
        continue;
      }
      // "Education and Science Workers' Union", "Korea Oil and Gas Workers' Union"; not "Almaz Sultanov and …"
      const isJoinable = () =>
        !isNameWord(tokens[j - 1]) ||
        (j - 1 > i &&
          !isNameWord(tokens[j - 2]) &&
          !HONORIFICS.has(tokens[j - 2]!.lower) &&
          runReachesHead(tokens, j + 1));
      if (tokens[j]!.lower === "and" && j > i && isSegmentWord(j + 1) && !placeStarts.has(j - 1) && isJoinable()) {
        j += 1;
        continue;
      }
      break;
    }
    let segStart = i;
    while (segStart < j && DETERMINERS.has(tokens[segStart]!.lower)) segStart += 1;
    let head = -1;
    for (let k = j - 1; k >= segStart; k--) {
      if (ORG_HEADS.has(tokens[k]!.lower) && tokens[k]!.isCap) {
        head = k;
        break;
      }
    }
    if (head < 0) {
      i = j;
      continue;
    }
    // words before the head must not start with "and"
    while (segStart < head && tokens[segStart]!.lower === "and") segStart += 1;
    const headLower = tokens[head]!.lower;
    const end = head === j - 1 ? extendPost(tokens, head, isRole, countryEnds) : head + 1;
    const nameTokens = tokens.slice(segStart, end);
    const lowers = nameTokens.map((t) => t.lower);
    const modifiers = tokens.slice(segStart, head).map((t) => t.lower);
    const hasPost = end > head + 1;
    const isOrgan =
      ORGAN_HEADS.has(headLower) ||
      (WEAK_HEADS.has(headLower) && modifiers.some((m) => ORGAN_MODIFIERS.has(m))) ||
      headLower === "department" ||
      headLower === "office" ||
      // "the Council of the Ireland Confederation of Labour": a body of the organisation named after it
      (WEAK_HEADS.has(headLower) &&
        segStart === head &&
        hasPost &&
        tokens[head + 1]!.lower === "of" &&
        tokens[head + 2]?.lower === "the" &&
        namesOrgAt(tokens, head + 3));
    if (isOrgan) {
      const postFrom = hasPost ? head + 1 + (tokens[head + 2]?.lower === "the" ? 2 : 1) : -1;
      organs.push({
        span: { from: segStart, to: hasPost ? head + 1 : end, head },
        ownerBefore: segStart > 0,
        postFrom,
      });
      i = hasPost ? head + 1 : end;
      continue;
    }
    if (PLURAL_HEADS.has(headLower) && !hasPost) {
      i = j;
      continue;
    }
    if (PLURAL_HEADS.has(headLower)) {
      // "National Trade Union Centers of Moldova, …": a group, not one body
      i = end;
      continue;
    }
    const countries: string[] = [];
    for (let k = segStart; k < end; k++) {
      const p = placeStarts.get(k);
      if (p && !p.isCity) countries.push(p.country);
    }
    const content = lowers.filter((l) => !["of", "the", "and", "for"].includes(l));
    const hasProperWord = nameTokens.some(
      (t) =>
        t.isAcronym ||
        t.isBrand ||
        (!GENERIC_TOKENS.has(t.lower) && !["of", "the", "and", "for", "trade", "unions"].includes(t.lower)),
    );
    const weakWithoutSubstance =
      WEAK_HEADS.has(headLower) &&
      !content.some((c) => UNION_WORDS.has(c) || INTERNATIONAL_WORDS.has(c)) &&
      countries.length === 0 &&
      !nameTokens.some((t) => t.isAcronym);
    if (content.length < 2 || weakWithoutSubstance) {
      i = end;
      continue;
    }
    let form: OrgForm = "full";
    if (!hasProperWord) form = "generic";
    else if ((headLower === "center" || headLower === "centre") && lowers.includes("national") && countries.length > 0)
      form = "descriptor";
    else if (
      countries.length > 0 &&
      content.every((c) => GENERIC_TOKENS.has(c) || c === "unions" || countryOf(c) !== undefined || c === "republic")
    )
      form = "full";
    const first = tokens[segStart]!;
    const last = tokens[end - 1]!;
    const name = tokenTextRange(tokens, segStart, end);
    const org: OrgSpan = {
      ...spanOf(tokens, segStart, end),
      name,
      form,
      head: headLower,
      type: classifyOrg(
        lowers,
        nameTokens.some((t) => t.isAcronym),
        countries,
      ),
      countries,
      acronyms: [],
      isPossessive: last.isPossessive,
      hasOrgContext: true,
      itemStart: first.start,
      itemEnd: last.end,
    };
    orgs.push(org);
    for (let k = segStart; k < end; k++) consumed[k] = 1;
    i = end;
  }

  // acronyms and brand words standing alone (not in a headline written in capitals)
  let wordCount = 0;
  let upperCount = 0;
  for (const t of tokens) {
    if (!t.isWord) continue;
    // words start with a letter or a digit; only the latter may have no letter at all
    const first = t.text.charCodeAt(0);
    if (first >= 48 && first <= 57 && !/\p{L}/u.test(t.text)) continue;
    wordCount += 1;
    if (t.isUpper) upperCount += 1;
  }
  const isAllCaps = wordCount >= 3 && upperCount > wordCount / 2;
  for (let k = 0; k < tokens.length && !isAllCaps; k++) {
    const t = tokens[k]!;
    if (consumed[k] === 1 || isRole(k)) continue;
    const isCandidate =
      (t.isAcronym && !NOT_ORG_ACRONYMS.has(t.text) && /\p{Lu}(?:\p{Lu}|\p{N})/u.test(t.text)) || t.isBrand;
    if (!isCandidate) continue;
    if (placeStarts.has(k) && !placeStarts.get(k)!.isCity) continue;
    const prev = tokens[k - 1];
    const next = tokens[k + 1];
    const hasOrgContext =
      prev?.lower === "the" ||
      prev?.lower === "of" ||
      prev?.text === "/" ||
      t.isPossessive ||
      (next !== undefined &&
        (roleAt.has(k + 1) || (next.isCap && ORG_HEADS.has(next.lower) && !PLURAL_HEADS.has(next.lower)))) ||
      t.isBrand;
    orgs.push({
      ...spanOf(tokens, k, k + 1),
      name: t.text,
      form: "acronym",
      head: "",
      type: "Organization",
      countries: [],
      acronyms: [],
      isPossessive: t.isPossessive,
      hasOrgContext,
      itemStart: t.start,
      itemEnd: t.end,
    });
  }
  orgs.sort((a, b) => a.from - b.from);

  // "Name (ACR)" and "Name (ACR1, ACR2)": definitions; the acronyms inside are not separate mentions
  const looseAcronyms: LooseAcronym[] = [];
  const definitionTokens = new Set<number>();
  const fullByEnd = new Map<number, OrgSpan>();
  for (const o of orgs) if (o.form !== "acronym") fullByEnd.set(o.to, o);
  for (let k = 0; k < tokens.length; k++) {
    if (tokens[k]!.text !== "(") continue;
    const acronyms: number[] = [];
    let m = k + 1;
    while (m < tokens.length && acronyms.length < 4) {
      const t = tokens[m]!;
      if (!(t.isAcronym || t.isBrand)) break;
      acronyms.push(m);
      m += 1;
      if (tokens[m]?.text === "," || tokens[m]?.text === ";" || tokens[m]?.text === "/") m += 1;
      else break;
    }
    if (acronyms.length === 0 || tokens[m]?.text !== ")") continue;
    const owner = fullByEnd.get(k);
    for (const a of acronyms) definitionTokens.add(a);
    if (owner) {
      owner.acronyms.push(...acronyms.map((a) => tokens[a]!.text));
      owner.itemEnd = tokens[m]!.end;
    } else {
      for (const a of acronyms) looseAcronyms.push({ ...spanOf(tokens, a, a + 1), acronym: tokens[a]!.text });
    }
  }
  const kept = orgs.filter((o) => !(o.form === "acronym" && definitionTokens.has(o.from)));

  // organs: "General Council of the ITUC" → the ITUC; "RENGO's International Relations Department" → RENGO
  const keptByFrom = new Map(kept.map((o) => [o.from, o] as const));
  const keptByTo = new Map(kept.map((o) => [o.to, o] as const));
  for (const organ of organs) {
    const organStart = tokens[organ.span.from]!.start;
    const organEnd = tokens[organ.span.to - 1]!.end;
    if (organ.postFrom >= 0) {
      const owner = keptByFrom.get(organ.postFrom);
      if (owner) owner.itemStart = Math.min(owner.itemStart, organStart);
      continue;
    }
    const owner = keptByTo.get(organ.span.from);
    if (owner) owner.itemEnd = Math.max(owner.itemEnd, organEnd);
  }
  // "ILO/ACTRAV": the unit after the slash is the one meant
  for (let k = 0; k + 1 < kept.length; k++) {
    const a = kept[k]!;
    const b = kept[k + 1]!;
    if (b.from === a.to + 1 && tokens[a.to]!.text === "/") b.itemStart = a.itemStart;
  }
  return { orgs: kept, looseAcronyms };
}

function tokenTextRange(tokens: Token[], from: number, to: number): string {
  let out = "";
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (k > from) out += " ";
    out += t.text;
  }
  return out;
}

function isNameWord(t: Token | undefined): boolean {
  if (t === undefined || !t.isTitle) return false;
  return !(
    NOT_NAME_WORDS.has(t.lower) ||
    MONTH_SET.has(t.lower) ||
    ORG_HEADS.has(t.lower) ||
    ROLE_WORDS.has(t.lower) ||
    isPlaceWord(t.lower)
  );
}

/** Marks the tokens covered by an organisation's item span (sweep, linear). */
function coverOrgItems(tokens: Token[], orgs: OrgSpan[]): boolean[] {
  const covered = new Array<boolean>(tokens.length).fill(false);
  const byStart = [...orgs].sort((a, b) => a.itemStart - b.itemStart);
  let k = 0;
  let reach = -1;
  let o = 0;
  for (; k < tokens.length; k++) {
    const t = tokens[k]!;
    while (o < byStart.length && byStart[o]!.itemStart <= t.start) {
      reach = Math.max(reach, byStart[o]!.itemEnd);
      o += 1;
    }
    covered[k] = t.end <= reach;
  }
  return covered;
}

const CHAIN_LOOKBACK = 40;
const NAME_PARTICLES = new Set([
  "de",
  "da",
  "das",
  "do",
  "dos",
  "del",
  "della",
  "di",
  "du",
  "la",
  "le",
  "van",
  "von",
  "der",
  "den",
  "ter",
  "al",
  "el",
  "bin",
  "ibn",
  "bint",
]);
// "met X Y", "met with X Y", "thanked X Y": a person is the object ("with" only after a meeting word)
const OBJECT_CONTEXT = new Set(["met", "with", "thanked", "informed", "congratulated", "briefed", "greeted"]);
const OBJECT_CONTEXT_BEFORE = new Set(["met", "meeting", "meet", "meets", "talks"]);

function findNames(tokens: Token[], taken: Set<number>, roles: RoleSpan[], covered: boolean[]): NameSpan[] {
  const roleEnds = new Set(roles.map((r) => r.to));
  const roleStarts = new Set(roles.map((r) => r.from));
  const names: NameSpan[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (taken.has(i) || !isNameWord(tokens[i])) {
      i += 1;
      continue;
    }
    let j = i + 1;
    let initials = 0;
    let particles = 0;
    for (;;) {
      if (j < tokens.length && !taken.has(j) && isNameWord(tokens[j]) && !tokens[j - 1]!.isPossessive) {
        j += 1;
        continue;
      }
      // "Jean-Luc de la Cruz", "Ursula von der Leyen": particles between name words
      if (particles < 2 && NAME_PARTICLES.has(tokens[j]?.text ?? "") && !taken.has(j)) {
        let k = j;
        while (k < tokens.length && k - j < 2 && NAME_PARTICLES.has(tokens[k]!.text)) k += 1;
        if (isNameWord(tokens[k]) && !taken.has(k)) {
          particles += k - j;
          j = k;
          continue;
        }
      }
      // a middle initial: "Gilbert F. Houngbo"
      if (
        /^\p{Lu}$/u.test(tokens[j]?.text ?? "") &&
        tokens[j + 1]?.text === "." &&
        isNameWord(tokens[j + 2]) &&
        !taken.has(j + 2) &&
        initials === 0
      ) {
        initials += 1;
        j += 2;
        continue;
      }
      break;
    }
    const words = j - i - 2 * initials - particles;
    if (words > 3 || (initials > 0 && words < 2)) {
      i = j;
      continue;
    }
    const prev = tokens[i - 1];
    const prev2 = tokens[i - 2];
    const next = tokens[j];
    const next2 = tokens[j + 1];
    // "Chairman of the FPRK Satybaldy Dauletalin", "Head of the ILO/ACTRAV … Department Sergejus Glovackas"
    let back = i - 1;
    if (tokens[back]?.text === ",") back -= 1;
    let isAfterRoleOfOrg = false;
    if (back >= 0 && covered[back]) {
      let k = back;
      while (k >= 0 && i - k < CHAIN_LOOKBACK && (covered[k] || ["of", "the", ",", "/"].includes(tokens[k]!.lower)))
        k -= 1;
      isAfterRoleOfOrg = roleEnds.has(k + 1);
    }
    // "Minister of Labour and Social Protection of Kazakhstan Svetlana Zhakupova": a role's capitalised "of" phrase
    // "the Head of the Kyrgyz delegation, Mirlan Baigonchokov"
    if (!isAfterRoleOfOrg && (prev?.isCap || (prev?.text === "," && tokens[i - 2]?.lower === "delegation"))) {
      let k = prev.text === "," ? i - 2 : i - 1;
      let sawOf = false;
      while (
        k >= 0 &&
        i - k < CHAIN_LOOKBACK &&
        !roleEnds.has(k + 1) &&
        (tokens[k]!.isCap || covered[k] || ["of", "the", "and", "delegation"].includes(tokens[k]!.lower))
      ) {
        if (tokens[k]!.lower === "of") sawOf = true;
        k -= 1;
      }
      isAfterRoleOfOrg = roleEnds.has(k + 1) && sawOf && tokens[k + 1]?.lower === "of";
    }
    const isStrong =
      words >= 2 &&
      (roleEnds.has(i) ||
        (prev !== undefined && HONORIFICS.has(prev.lower.replace(/\.$/, ""))) ||
        (prev?.text === "." && prev2 !== undefined && HONORIFICS.has(prev2.lower)) ||
        (next !== undefined &&
          PERSON_VERBS.has(next.lower) &&
          !(prev !== undefined && DETERMINERS.has(prev.lower) && prev.lower !== "and")) ||
        (prev !== undefined && QUOTE_VERBS.has(prev.lower)) ||
        (prev !== undefined &&
          OBJECT_CONTEXT.has(prev.lower) &&
          (prev2 === undefined || OBJECT_CONTEXT_BEFORE.has(prev2.lower) || prev.lower !== "with")) ||
        (prev?.lower === "to" && prev2?.lower === "according") ||
        (next?.text === "," && (roleStarts.has(j + 1) || (next2?.lower === "the" && roleStarts.has(j + 2)))) ||
        isAfterRoleOfOrg);
    names.push({
      ...spanOf(tokens, i, j),
      name: tokenTextRange(tokens, i, j).replace(/ \./g, "."),
      words: words + initials,
      isStrong,
    });
    i = j;
  }
  return names;
}

/** Analyses one sentence of a document. */
export function analyseSentence(sentence: {
  index: number;
  start: number;
  end: number;
  text: string;
}): SentenceAnalysis {
  const tokens = tokenize(sentence.text, sentence.start);
  const roles = findRoles(tokens);
  const allPlaces = findPlaces(tokens);
  const { orgs, looseAcronyms } = findOrgs(tokens, roles, allPlaces);
  const covered = coverOrgItems(tokens, orgs);
  const taken = new Set<number>();
  for (const r of roles) for (let k = r.from; k < r.to; k++) taken.add(k);
  for (let k = 0; k < tokens.length; k++) if (covered[k]) taken.add(k);
  const places = allPlaces.filter((p) => !covered[p.from]);
  for (const p of places) for (let k = p.from; k < p.to; k++) taken.add(k);
  const names = findNames(tokens, taken, roles, covered);
  return {
    index: sentence.index,
    start: sentence.start,
    end: sentence.end,
    text: sentence.text,
    tokens,
    roles,
    orgs,
    places,
    names,
    looseAcronyms,
  };
}

/** The order-free key of an organisation mention's name (re-exported for the document pass). */
export { orgKey };

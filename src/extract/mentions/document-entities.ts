/**
 * documentEntities: the people, organisations and countries of one annotated document, with every chunk linked to
 * its entity. Within a document, an acronym defined in parentheses, or spelling a full name's initials, is that
 * organisation; a surname or part of a name is the one person whose full name holds it.
 */
import type { AnnotatedDocument } from "../../domain/annotation.js";
import type { EntityType, Evidence } from "../../domain/model.js";
import { isSamePersonName } from "../../resolve/person-names.js";
import { editDistance } from "../../text/edit-distance.js";
import { foldText } from "../fold.js";
import { countryOf, countryOfCity, isDemonym } from "../lexicon/countries.js";
import {
  EVENT_HEADS,
  FIELD_WORDS,
  FUNCTION_WORDS,
  GENERIC_SINGLE_WORDS,
  LOWER_PLURAL_HEADS,
  NON_BODY_WORDS,
  NOT_BODY_HEADS,
} from "../lexicon/organisations.js";
import { ROLE_PHRASE_WORDS } from "../lexicon/roles.js";
import {
  INTERNATIONAL_WORDS,
  isFormOfAddress,
  NOT_ORG_ACRONYMS,
  ORG_HEADS,
  ORGAN_HEADS,
  ORGAN_MODIFIERS,
  UNION_WORDS,
  WEAK_HEADS,
} from "../lexicon/words.js";
import { initialsOf, isAcronymShape, isSpecificOrgName, orgKey } from "../org-key.js";
import type { LocalEntity } from "../types.js";
import type { Chunk } from "./chunk-sentence.js";

/** An entity of the document being built: a LocalEntity whose evidence is the sentence it is first named in. */
export type DocEntity = Omit<LocalEntity, "evidence" | "participants" | "eventKind"> & { firstSentence: number };

/** Entities and the entity key of each chunk (undefined where a chunk names nothing kept). */
export interface DocumentEntities {
  entities: Map<string, DocEntity>;
  chunkKeys: (string | undefined)[][];
  /** entities the annotator's tagger named as organisations at least once, or that took an article */
  taggedOrgs: Set<string>;
}

const isAcronym = isAcronymShape;

/** An organisation's name as written, without a leading article, a possessive or a country's possessive. */
export function cleanOrgName(text: string): string {
  let name = text.replace(/\s+/g, " ").trim();
  name = name.replace(/^(the|a|an)\s+/i, "");
  const possessive = /^([\p{L} ]+?)['’]s\s+(.*)$/u.exec(name);
  if (possessive && countryOf(possessive[1]!) !== undefined) name = possessive[2]!;
  name = name.replace(/['’]s?$/u, "").replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N})»”"]+$/gu, "");
  return name;
}

/** A person's name as written, without honorifics or a possessive. */
export function cleanPersonName(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(/^(\S+)\s+/u, (all, first: string) => (isFormOfAddress(first) ? "" : all))
    .replace(/['’]s?$/u, "")
    .replace(/^[^\p{L}]+|[^\p{L}.]+$/gu, "")
    .trim();
}

/** A person written with a form of address ("Dr Yaw Baah") keeps that surface among its aliases, never as its name. */
function addTitledForm(e: DocEntity, before: string | undefined, name: string): void {
  if (before === undefined || !isFormOfAddress(before)) return;
  const titled = `${before} ${name}`;
  if (!e.surfaces.includes(titled)) e.surfaces.push(titled);
}

/** Role words that end a post's name ("member", "members", "president"). */
const ROLE_HEAD_WORDS: ReadonlySet<string> = new Set([
  ...ROLE_PHRASE_WORDS.filter((p) => p.length === 1).map((p) => p[0]!),
  "member",
  "members",
]);

/** True when a name names a body: not a happening, an organ of a body, or a generic or national word. */
export function isBodyName(name: string): boolean {
  const words = foldText(name)
    .split(/[^a-z0-9'’-]+/)
    .filter(Boolean);
  const last = words[words.length - 1] ?? "";
  const firstWord = words[0] ?? "";
  const hasUnionWord = words.some((w) => UNION_WORDS.has(w.replace(/['’]s?$/, "")));
  if (words.some((w) => NON_BODY_WORDS.has(w))) return false;
  if (words.length === 1 && /^[ivxlc]+$/.test(last) && name === name.toUpperCase()) return false;
  if (
    words.length === 1 &&
    (GENERIC_SINGLE_WORDS.has(last) ||
      isDemonym(last) ||
      countryOf(last) !== undefined ||
      countryOfCity(last) !== undefined)
  )
    return false;
  if (
    EVENT_HEADS.has(last) &&
    (!hasUnionWord ||
      /^(\d+(st|nd|rd|th)?|[ivxlc]+|first|second|third|fourth|fifth|world|annual|extraordinary|international)$/.test(
        firstWord,
      ))
  )
    return false;
  if (ORGAN_HEADS.has(firstWord) || (ORGAN_HEADS.has(last) && words.length <= 3)) return false;
  if (EVENT_HEADS.has(firstWord) || ["participants", "members", "delegates", "representatives"].includes(firstWord))
    return false;
  // a lower-case plural at the end is a description ("the federation's unions"), unless a capitalised head came
  // before it ("General Federation of X workers' trade unions")
  const rawWords = name.trim().split(/\s+/);
  const lastWord = rawWords[rawWords.length - 1] ?? "";
  const hasCapitalHead = rawWords.slice(0, -1).some((w) => /^\p{Lu}/u.test(w) && ORG_HEADS.has(foldText(w)));
  if (LOWER_PLURAL_HEADS.has(lastWord) && !hasCapitalHead) return false;
  // a description of many bodies ("South African Trade Unions", "Labor Unions"), not the name of one
  const isDescriptive = (w: string) =>
    UNION_WORDS.has(w) || isDemonym(w) || countryOf(w) !== undefined || GENERIC_SINGLE_WORDS.has(w);
  if (LOWER_PLURAL_HEADS.has(last) && words.slice(0, -1).every(isDescriptive)) return false;
  // a building or a state's executive ("Pyongyang International Airport", "the Coalition Government")
  if (words.length >= 2 && NOT_BODY_HEADS.has(last)) return false;
  // a post, not a body ("Executive Committee Members")
  if (ROLE_HEAD_WORDS.has(last)) return false;
  // a group of bodies: the head of the name (before "of", else its last head word) is plural ("Trade Unions of X",
  // "Regional Trade Union Centers"), where "Federation of Trade Unions" is one body
  const beforeOf = words.indexOf("of") > 0 ? words.slice(0, words.indexOf("of")) : words;
  const heads = beforeOf.filter((w) => ORG_HEADS.has(w) || LOWER_PLURAL_HEADS.has(w));
  if (heads.length > 0 && LOWER_PLURAL_HEADS.has(heads[heads.length - 1]!)) return false;
  // an organ of a body named by its acronym ("ABC Working Committee", "XYZ World Council")
  const rawFirst = name.trim().split(/\s+/)[0] ?? "";
  const isOrganHead = ORGAN_HEADS.has(last) || last === "committee" || last === "committees";
  const isWeakHead = WEAK_HEADS.has(last) && words.length >= 3; // "LO-FTF Council" is a body, "XYZ World Council" an organ
  if (words.length >= 2 && isAcronymShape(rawFirst) && (isOrganHead || isWeakHead)) return false;
  // a field of work, not a body ("Media and Communication", "Global Affairs")
  const content = words.filter((w) => !FUNCTION_WORDS.has(w));
  if (content.length > 0 && content.every((w) => FIELD_WORDS.has(w) || isDemonym(w))) return false;
  // an organ named by its function: "General Council", "Training Center of the X", "International Relations Department"
  const beforeLast = words[words.length - 2] ?? "";
  const owners = name.trim().split(/\s+/).slice(0, -2);
  const isOwnedOrgan = owners.every((w) => /^\p{Lu}[\p{Lu}\p{N}-]+(['’]s)?$/u.test(w));
  if ((WEAK_HEADS.has(last) || ORGAN_HEADS.has(last)) && ORGAN_MODIFIERS.has(beforeLast) && isOwnedOrgan) return false;
  if (WEAK_HEADS.has(words[1] ?? "") && ORGAN_MODIFIERS.has(firstWord) && words[2] === "of") return false;
  if (
    WEAK_HEADS.has(last) &&
    words.length <= 3 &&
    words
      .slice(0, -1)
      .every(
        (w) =>
          ORGAN_MODIFIERS.has(w) ||
          ["national", "political", "standing", "audit", "censors'", "censors’", "central"].includes(w),
      )
  )
    return false;
  if (["commission", "bureau"].includes(last) && words.length <= 2) return false;
  return true;
}

/** The type of an organisation from the words of its name. */
export function organisationType(name: string): EntityType {
  const words = foldText(name)
    .split(/[^a-z0-9']+/)
    .filter(Boolean);
  const isUnion = words.some((w) => UNION_WORDS.has(w)) || /\bglobal union\b/i.test(name);
  if (!isUnion) return "Organization";
  const isInternational =
    words.some((w) => INTERNATIONAL_WORDS.has(w) && w !== "general" && w !== "independent") ||
    /\bglobal union\b/i.test(name);
  return isInternational ? "Confederation" : "Union";
}

/**
 * True when an acronym can be spelt from the name's words in order, each content word giving the first one to three
 * of its letters and each function word none or its first ("COSATU": Congress of South African Trade Unions).
 */
export function spellsAcronym(acronym: string, name: string): boolean {
  const words = foldText(name)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  if (acronym.length < 3 || words.length < 2) return false;
  const letters = acronym.toLowerCase();
  const memo = new Map<string, boolean>();
  const fit = (w: number, a: number): boolean => {
    const id = `${w}|${a}`;
    const known = memo.get(id);
    if (known !== undefined) return known;
    let ok = false;
    if (w === words.length) ok = a === letters.length;
    else {
      const word = words[w]!;
      const isFunction = FUNCTION_WORDS.has(word);
      if (isFunction && fit(w + 1, a)) ok = true;
      for (let n = 1; !ok && n <= Math.min(3, word.length) && a + n <= letters.length; n++) {
        if (word.slice(0, n) !== letters.slice(a, a + n)) break;
        if (fit(w + 1, a + n)) ok = true;
      }
    }
    memo.set(id, ok);
    return ok;
  };
  return fit(0, 0);
}

// the words that say a bracket gives a name's acronym in another language: "(CTC, for its acronym in Spanish)"
const ACRONYM_WORDS = /^(acronym|initials|abbreviation)$/i;
/** True when the bracket holding an acronym closes at `t`, or after a comma that says it is the acronym. */
function closesAcronymBracket(tokens: readonly { text: string }[], t: number): boolean {
  if (tokens[t]?.text === ")") return true;
  if (tokens[t]?.text !== ",") return false;
  const close = tokens.findIndex((w, k) => k > t && k <= t + 8 && w.text === ")");
  return close > 0 && tokens.slice(t + 1, close).some((w) => ACRONYM_WORDS.test(w.text));
}

/** True when every content word of a name starts with a capital ("National Council of Trade Unions"). */
function isTitleCased(name: string): boolean {
  return name.split(" ").every((w) => FUNCTION_WORDS.has(w.toLowerCase()) || /^\p{Lu}/u.test(w));
}

/**
 * True when two names of one document differ by one mistyped letter inside the first name, the surname the same
 * ("Zhivko Mitrevski" / "Zfivko Mitrevski"): one person misspelt, not two. Across documents this is too loose.
 */
function isMisspeltTwin(a: string, b: string): boolean {
  const [x, y] = [a, b].map((n) => foldText(n).split(" "));
  if (x!.length !== 2 || y!.length !== 2 || x![1] !== y![1] || x![1]!.length < 6) return false;
  const [fa, fb] = [x![0]!, y![0]!];
  return fa.length === fb.length && fa.length >= 5 && fa[0] === fb[0] && editDistance(fa, fb, 1) === 1;
}

/** The entities of a document being built, the entity each chunk stands for, and the two ways to add to them. */
interface EntityTable {
  entities: Map<string, DocEntity>;
  chunkKeys: (string | undefined)[][];
  /** counts a mention of an entity (made on first mention) by one of its surfaces */
  touch: (key: string, type: EntityType, surface: string, sentence: number, isFull: boolean) => DocEntity;
  /** folds one entity into another: its surfaces, name (as an acronym), mentions and chunks */
  mergeEntity: (e: DocEntity, target: string) => void;
}

function entityTable(chunks: readonly Chunk[][]): EntityTable {
  const entities = new Map<string, DocEntity>();
  const chunkKeys: (string | undefined)[][] = chunks.map((cs) => cs.map(() => undefined));
  const touch = (key: string, type: EntityType, surface: string, sentence: number, isFull: boolean): DocEntity => {
    let e = entities.get(key);
    if (!e) {
      e = {
        key,
        type,
        name: surface,
        surfaces: [],
        acronyms: [],
        mentions: 0,
        isAcronymOnly: !isFull,
        firstSentence: sentence,
        properties: {},
      };
      entities.set(key, e);
    }
    e.mentions += 1;
    if (!e.surfaces.includes(surface)) e.surfaces.push(surface);
    if (isFull && (e.isAcronymOnly || surface.length > e.name.length)) {
      e.isAcronymOnly = false;
      e.name = surface;
    }
    return e;
  };
  const mergeEntity = (e: DocEntity, target: string) => {
    const into = entities.get(target)!;
    for (const surface of e.surfaces) if (!into.surfaces.includes(surface)) into.surfaces.push(surface);
    if (!into.acronyms.includes(e.name)) into.acronyms.push(e.name);
    into.mentions += e.mentions;
    entities.delete(e.key);
    for (const keys of chunkKeys) keys.forEach((k, i) => (k === e.key ? (keys[i] = target) : undefined));
  };
  return { entities, chunkKeys, touch, mergeEntity };
}

/** Organisations with full names, and acronyms defined next to them: "Name (ACR)" or "ACR (Name)". */
function addNamedOrganisations(
  table: EntityTable,
  doc: AnnotatedDocument,
  chunks: readonly Chunk[][],
): Map<string, string> {
  const { chunkKeys, touch } = table;
  const acronymKey = new Map<string, string>();
  chunks.forEach((cs, s) => {
    const tokens = doc.sentences[s]!.tokens;
    cs.forEach((c, k) => {
      if (c.kind !== "org") return;
      const name = cleanOrgName(c.text);
      if (name.length < 2 || isAcronym(name) || !isSpecificOrgName(name) || !/\p{Lu}/u.test(name) || !isBodyName(name))
        return;
      const key = `org:${orgKey(name)}`;
      chunkKeys[s]![k] = key;
      const e = touch(key, organisationType(name), name, s, true);
      const next = cs[k + 1];
      const isParenthesised =
        next && tokens[c.end]?.text === "(" && next.first === c.end + 1 && closesAcronymBracket(tokens, next.end);
      if (next && next.kind === "org" && isParenthesised && isAcronym(cleanOrgName(next.text))) {
        const acr = cleanOrgName(next.text);
        if (!acronymKey.has(acr)) acronymKey.set(acr, key);
        if (!e.acronyms.includes(acr)) e.acronyms.push(acr);
      }
      const prev = cs[k - 1];
      const isDefinedBefore =
        prev &&
        prev.kind === "org" &&
        tokens[c.first - 1]?.text === "(" &&
        prev.end === c.first - 1 &&
        tokens[c.end]?.text === ")";
      if (prev && isDefinedBefore && isAcronym(cleanOrgName(prev.text))) {
        const acr = cleanOrgName(prev.text);
        if (!acronymKey.has(acr)) acronymKey.set(acr, key);
        if (!e.acronyms.includes(acr)) e.acronyms.push(acr);
      }
    });
  });
  return acronymKey;
}

/** The one full name of the document whose initials spell an acronym, if exactly one does. */
function initialsLookup(fullOrgs: readonly DocEntity[]): (acr: string) => string | undefined {
  return (acr: string): string | undefined => {
    const folded = foldText(acr)
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, "");
    const fits = fullOrgs.filter((e) =>
      e.surfaces.some((s) => initialsOf(s).includes(folded) || spellsAcronym(folded, s)),
    );
    return fits.length === 1 ? fits[0]!.key : undefined;
  };
}

/** A short form ("the Federation of Trade Unions") is the one full name that holds it, or the one most named. */
function addShortForms(table: EntityTable, chunks: readonly Chunk[][], fullOrgs: readonly DocEntity[]): void {
  const { chunkKeys, touch } = table;
  chunks.forEach((cs, s) => {
    cs.forEach((c, k) => {
      if (c.kind !== "org" || chunkKeys[s]![k] !== undefined) return;
      const name = cleanOrgName(c.text);
      if (name.split(" ").length < 2 || isSpecificOrgName(name)) return;
      const folded = foldText(name);
      const holders = fullOrgs.filter((e) => e.surfaces.some((f) => foldText(f).includes(folded)));
      holders.sort((a, b) => b.mentions - a.mentions);
      const [first, second] = holders;
      // a name of generic words no longer name holds, written in capitals, is a body of its own ("the National
      // Council of Trade Unions")
      // (with a country in it, it is a description of a body named otherwise: "the National Centre of Ruritania")
      const hasCountry = name.split(" ").some((w) => countryOf(w) !== undefined);
      if (!first && !hasCountry && isTitleCased(name) && name.split(" ").length >= 4 && isBodyName(name)) {
        // an organ named after a body it holds ("the Council of the X Federation") stands for that body
        const held = fullOrgs.filter((e) => e.surfaces.some((f) => folded.includes(foldText(f))));
        const key = held.length === 1 ? held[0]!.key : `org:${orgKey(name)}`;
        chunkKeys[s]![k] = key;
        touch(key, held.length === 1 ? held[0]!.type : organisationType(name), name, s, held.length !== 1);
        return;
      }
      if (!first || (second && first.mentions < 2 * second.mentions)) return;
      chunkKeys[s]![k] = first.key;
      touch(first.key, first.type, name, s, false);
    });
  });
}

/** Acronyms: of a full name by definition or initials ("Cosatu"), else organisations of their own. */
function addAcronyms(
  table: EntityTable,
  doc: AnnotatedDocument,
  chunks: readonly Chunk[][],
  fullOrgs: readonly DocEntity[],
  byInitials: (acr: string) => string | undefined,
  acronymKey: ReadonlyMap<string, string>,
): void {
  const { entities, chunkKeys, touch, mergeEntity } = table;
  // a one-word name that spells another name's initials ("Cosatu") is that organisation
  for (const e of fullOrgs) {
    if (e.name.includes(" ")) continue;
    const target = byInitials(e.name);
    if (target === undefined || target === e.key) continue;
    mergeEntity(e, target);
  }
  chunks.forEach((cs, s) => {
    cs.forEach((c, k) => {
      if (c.kind !== "org" || chunkKeys[s]![k] !== undefined) return;
      const name = cleanOrgName(c.text);
      const isWord = /^\p{Lu}[\p{Ll}\p{Lu}-]+$/u.test(name) && !name.includes(" ");
      const isNumeral = /^(?=.*[IVX])[IVXLC]+$/.test(name);
      if (NOT_ORG_ACRONYMS.has(name) || isNumeral || (!isAcronym(name) && !(isWord && byInitials(name)))) return;
      const key = acronymKey.get(name) ?? byInitials(name);
      const target = key ?? `acr:${name}`;
      chunkKeys[s]![k] = target;
      const e = touch(target, key ? entities.get(key)!.type : "Organization", name, s, false);
      if (!e.acronyms.includes(name)) e.acronyms.push(name);
      // "UFCW Canada": the acronym with the place written right after it is a form of the body's name too
      const withPlace = `${name} ${c.place ?? ""}`;
      if (c.place && doc.sentences[s]!.tokens[c.end]?.text === c.place.split(" ")[0] && !e.surfaces.includes(withPlace))
        e.surfaces.push(withPlace);
    });
  });
}

/** A hyphenated acronym whose last part is another organisation of the document is that one. */
function mergeHyphenatedAcronyms(table: EntityTable): void {
  const { entities, mergeEntity } = table;
  // a hyphenated acronym whose last part is another organisation of the document is that one: its parent's
  // acronym written before it ("ABC-XYZ" where the text also names "Xyz"); "ABC-XYZ" alone stays itself
  for (const e of [...entities.values()]) {
    const parts = e.name.split(/[-–]/);
    if (!e.key.startsWith("acr:") || parts.length !== 2) continue;
    const last = foldText(parts[1]!);
    const owners = [...entities.values()].filter(
      (o) => o.key !== e.key && o.type !== "Person" && [...o.surfaces, ...o.acronyms].some((n) => foldText(n) === last),
    );
    if (owners.length === 1) mergeEntity(e, owners[0]!.key);
  }
}

/** A one-word "person" that is an organisation's name or acronym in this document is that organisation. */
function readPersonsThatAreOrgs(
  table: EntityTable,
  chunks: readonly Chunk[][],
  byInitials: (acr: string) => string | undefined,
): void {
  const { entities, chunkKeys, touch } = table;
  const orgBySurface = new Map<string, string>();
  for (const e of entities.values())
    for (const n of [...e.surfaces, ...e.acronyms]) orgBySurface.set(foldText(n), e.key);
  chunks.forEach((cs, s) => {
    cs.forEach((c, k) => {
      if (c.kind !== "person") return;
      const name = cleanPersonName(c.text);
      const org = name.includes(" ") ? undefined : (orgBySurface.get(foldText(name)) ?? byInitials(name));
      if (org === undefined) return;
      chunkKeys[s]![k] = org;
      c.kind = "org";
      touch(org, entities.get(org)!.type, name, s, false);
    });
  });
}

/** People: full names first, then parts of names that fit exactly one full name. */
function addPeople(table: EntityTable, doc: AnnotatedDocument, chunks: readonly Chunk[][]): void {
  const { entities, chunkKeys, touch } = table;
  const fullPeople: { key: string; name: string; words: string[] }[] = [];
  chunks.forEach((cs, s) => {
    cs.forEach((c, k) => {
      if (c.kind !== "person") return;
      const name = cleanPersonName(c.text);
      const words = name.split(" ").filter(Boolean);
      if (words.length < 2) return;
      // spellings of one name in one document ("Satybaldy" / "Satybalda Dauletalin") are one person
      // a name written surname first elsewhere in the document ("Kol Nikolaj" / "Nikolaj Kol") is the same person
      const reversed = words.length === 2 ? `${words[1]} ${words[0]}` : undefined;
      const same = fullPeople.find(
        (p) =>
          isSamePersonName(p.name, name) ||
          (reversed !== undefined && isSamePersonName(p.name, reversed)) ||
          isMisspeltTwin(p.name, name),
      );
      const key = same?.key ?? `person:${foldText(name)}`;
      chunkKeys[s]![k] = key;
      const e = touch(key, "Person", name, s, true);
      addTitledForm(e, doc.sentences[s]!.tokens[c.first - 1]?.text, name);
      if (same) same.words.push(...words.map(foldText).filter((w) => !same.words.includes(w)));
      else fullPeople.push({ key, name, words: words.map(foldText) });
    });
  });
  // a name that ends one longer name of the document, and only one, is that person ("Di Maio", "Luigi Di Maio")
  for (const short of [...fullPeople]) {
    const tail = (p: { words: string[] }) => p.words.slice(-short.words.length).join(" ");
    const longer = fullPeople.filter(
      (p) => p.key !== short.key && p.words.length > short.words.length && tail(p) === short.words.join(" "),
    );
    if (longer.length !== 1 || !entities.has(short.key)) continue;
    const from = entities.get(short.key)!;
    const into = entities.get(longer[0]!.key)!;
    for (const surface of from.surfaces) if (!into.surfaces.includes(surface)) into.surfaces.push(surface);
    into.mentions += from.mentions;
    entities.delete(short.key);
    fullPeople.splice(fullPeople.indexOf(short), 1);
    for (const keys of chunkKeys) keys.forEach((key, i) => (key === short.key ? (keys[i] = into.key) : undefined));
  }
  chunks.forEach((cs, s) => {
    cs.forEach((c, k) => {
      if (c.kind !== "person" || chunkKeys[s]![k] !== undefined) return;
      const name = cleanPersonName(c.text);
      if (name.length < 2) return;
      const word = foldText(name);
      const fits = fullPeople.filter((p) => p.words.includes(word));
      const key = fits.length === 1 ? fits[0]!.key : `person:${word}`;
      chunkKeys[s]![k] = key;
      const e = touch(key, "Person", name, s, fits.length !== 1);
      addTitledForm(e, doc.sentences[s]!.tokens[c.first - 1]?.text, name);
    });
  });
}

/** Countries named as places. */
function addCountries(table: EntityTable, chunks: readonly Chunk[][]): void {
  const { chunkKeys, touch } = table;
  chunks.forEach((cs, s) => {
    cs.forEach((c, k) => {
      if (c.kind !== "place") return;
      const country = countryOf(c.text);
      if (!country) return;
      const key = `country:${country}`;
      chunkKeys[s]![k] = key;
      touch(key, "Country", country, s, true);
    });
  });
}

/** Entities the tagger named as organisations at least once, or that took an article. */
function taggedOrganisations(table: EntityTable, doc: AnnotatedDocument, chunks: readonly Chunk[][]): Set<string> {
  const { chunkKeys } = table;
  const taggedOrgs = new Set<string>();
  chunks.forEach((cs, s) =>
    cs.forEach((c, k) => {
      const key = chunkKeys[s]![k];
      const tokens = doc.sentences[s]!.tokens;
      // the tagger's word, or an article: people do not take "the" ("The FTURB welcomed ...")
      const isTagged =
        tokens.slice(c.first, c.end).some((t) => t.ner === "ORGANIZATION") ||
        /^the$/i.test(tokens[c.first - 1]?.text ?? "") ||
        isListedWithNames(cs, k, tokens);
      if (key && c.kind === "org" && isTagged) taggedOrgs.add(key);
    }),
  );
  return taggedOrgs;
}

/** Builds the document's entities from the chunks of its sentences. */
export function documentEntities(doc: AnnotatedDocument, chunks: readonly Chunk[][]): DocumentEntities {
  const table = entityTable(chunks);
  const acronymKey = addNamedOrganisations(table, doc, chunks);
  const fullOrgs = [...table.entities.values()];
  const byInitials = initialsLookup(fullOrgs);
  addShortForms(table, chunks, fullOrgs);
  addAcronyms(table, doc, chunks, fullOrgs, byInitials, acronymKey);
  mergeHyphenatedAcronyms(table);
  readPersonsThatAreOrgs(table, chunks, byInitials);
  addPeople(table, doc, chunks);
  addCountries(table, chunks);
  const taggedOrgs = taggedOrganisations(table, doc, chunks);
  return { entities: table.entities, chunkKeys: table.chunkKeys, taggedOrgs };
}

const LIST_SEPARATORS = /^(,|&|and|\/|;|or)$/i;

/**
 * True when a chunk stands in a list of organisations ("COTU & FKE (Kenya), NOTU ...") or in brackets right after a
 * person or an organisation ("Mr. X (ABC)"): where an unexplained acronym is said to be a body.
 */
function isListedWithNames(cs: readonly Chunk[], k: number, tokens: readonly { text: string }[]): boolean {
  const c = cs[k]!;
  const between = (a: Chunk, b: Chunk) => tokens.slice(a.end, b.first).map((t) => t.text);
  const isListNeighbour = (other: Chunk | undefined, words: string[] | undefined) =>
    other?.kind === "org" &&
    words !== undefined &&
    words.length >= 1 &&
    words.length <= 2 &&
    words.every((w) => LIST_SEPARATORS.test(w));
  const prev = cs[k - 1];
  const next = cs[k + 1];
  if (isListNeighbour(prev, prev && between(prev, c)) || isListNeighbour(next, next && between(c, next))) return true;
  const isBracketed = tokens[c.first - 1]?.text === "(" && tokens[c.end]?.text === ")";
  return (
    isBracketed && prev !== undefined && prev.end === c.first - 1 && (prev.kind === "person" || prev.kind === "org")
  );
}

/** Evidence of sentence `s`: the source text of the sentence. */
export function sentenceEvidence(doc: AnnotatedDocument, sourceText: string, documentId: string, s: number): Evidence {
  const sentence = doc.sentences[s]!;
  const text = sourceText.slice(sentence.sourceStart, sentence.sourceEnd).trim();
  return {
    document: documentId,
    sentence: text.length > 0 ? text : " ",
    start: sentence.sourceStart,
    end: Math.max(sentence.sourceEnd, sentence.sourceStart),
  };
}

/**
 * What resolution merges, the lookups find: for every pair of names resolution puts in one cluster, the stored
 * search text and lookup keys of the one (plan-write) and the lookup keys of the other (queries) agree, through the
 * one folding of src/text. Names are generated with diacritics, ə, transliteration variants, homoglyphs, case and
 * spacing. LG_LONG_TESTS=1 runs many more cases.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { GraphNode } from "../../src/domain/views.js";
import { lookupKeysOf, SEARCH_TEXT_SEPARATOR, searchTerms } from "../../src/graph/plan-write.js";
import { matchLevel, nameForms } from "../../src/graph/queries/resolve-entity.js";
import { isSamePersonName, nameParts } from "../../src/resolve/person-names.js";
import { foldName, foldText } from "../../src/text/fold.js";

const RUNS = process.env.LG_LONG_TESTS === "1" ? 5000 : 300;

// syllables of Russian, Turkic, Caucasian and Balkan names as English-language sources write them
const SYLLABLES = [
  "sa",
  "ty",
  "bal",
  "dy",
  "dau",
  "le",
  "ta",
  "lin",
  "mo",
  "khba",
  "li",
  "yev",
  "zhu",
  "kov",
  "ma",
  "med",
  "ov",
  "ser",
  "gei",
  "pe",
  "tro",
  "va",
  "ash",
  "ur",
  "ni",
  "ko",
  "shen",
  "ko",
  "ra",
  "fik",
  "ou",
  "rov",
  "phi",
  "lip",
  "wa",
  "qa",
  "dir",
  "jor",
  "je",
  "vic",
  "an",
  "na",
  "gul",
  "nar",
  "kem",
  "al",
  "oz",
  "kan",
  "tsoi",
  "chen",
];

const word = fc
  .array(fc.constantFrom(...SYLLABLES), { minLength: 2, maxLength: 4 })
  .map((s) => s.join(""))
  .map((w) => w.charAt(0).toUpperCase() + w.slice(1));
const name = fc.tuple(word, word).map(([first, last]) => `${first} ${last}`);

/** Accented and special forms of a letter that fold back to it. */
const ACCENTED: Record<string, string[]> = {
  a: ["á", "ä", "ã", "å"],
  e: ["é", "ë", "ə", "ê"],
  i: ["í", "ı", "ï"],
  o: ["ö", "ó", "ø", "ô"],
  u: ["ü", "ú", "ū"],
  c: ["ç", "č"],
  s: ["ş", "š"],
  g: ["ğ"],
  n: ["ñ", "ń"],
  z: ["ž"],
  l: ["ł"],
  d: ["đ"],
};
/** Cyrillic letters that look like Latin ones. */
const LOOKALIKE: Record<string, string> = {
  a: "\u0430",
  e: "\u0435",
  o: "\u043e",
  p: "\u0440",
  c: "\u0441",
  x: "\u0445",
};
/** Spellings one transliteration convention writes for another's (either way round). */
const TRANSLITERATION: [RegExp, string][] = [
  [/kh/g, "h"],
  [/zh/g, "j"],
  [/yev/g, "iev"],
  [/ph/g, "f"],
  [/w/g, "v"],
  [/q/g, "k"],
  [/ou/g, "u"],
  [/sh/g, "sch"],
  [/y/g, "i"],
  [/l/g, "ll"],
];

type Change = (text: string, seed: number) => string;

/** Letter-level changes: what layers 1–3 of the folding (case, accents, ə, homoglyphs, spacing) undo. */
const LETTER_CHANGES: Change[] = [
  (t) => t.toUpperCase(),
  (t) => t.toLowerCase(),
  (t) => `  ${t.replace(/ /g, "   ")} `,
  (t, seed) =>
    t.replace(/[a-z]/g, (ch, i: number) => {
      const forms = ACCENTED[ch];
      return forms !== undefined && (i + seed) % 2 === 0 ? forms[seed % forms.length]! : ch;
    }),
  // one look-alike per word, between two Latin letters
  (t) =>
    t
      .split(" ")
      .map((w) => w.replace(/(?<=[A-Za-z])[aeopcx](?=[A-Za-z])/, (ch) => LOOKALIKE[ch]!))
      .join(" "),
];

/** Transliteration-level changes: what layer 4 (transliterationKey, resolution's person-name key) undoes. */
const SPELLING_CHANGES: Change[] = TRANSLITERATION.map(
  ([from, to]): Change =>
    (t) =>
      t.replace(from, to),
);

const changes = (pool: Change[]) =>
  fc.array(fc.tuple(fc.constantFrom(...pool), fc.nat(1000)), { minLength: 1, maxLength: 4 });

function apply(text: string, steps: [Change, number][]): string {
  return steps.reduce((t, [change, seed]) => change(t, seed), text);
}

/** The node planWrite stores for an entity named `stored`, as the lookups read it back. */
function storedNode(stored: string): { node: GraphNode; searchText: string; lookupKeys: string[] } {
  const node: GraphNode = {
    id: "person:x",
    label: "Person",
    labels: ["Person"],
    name: stored,
    aliases: [],
    properties: {},
  };
  return {
    node,
    searchText: searchTerms(stored, []).join(SEARCH_TEXT_SEPARATOR),
    lookupKeys: lookupKeysOf(stored, []),
  };
}

/** True when resolution merges the two person names on their folded keys (not on a typo). */
function resolutionMerges(a: string, b: string): boolean {
  const [x, y] = [nameParts(a), nameParts(b)];
  return isSamePersonName(a, b) && x.first === y.first && x.last === y.last;
}

describe("the lookups find every name resolution merges", () => {
  it("a case, accent, ə, homoglyph or spacing variant is an exact lookup of the stored node", () => {
    fc.assert(
      fc.property(name, changes(LETTER_CHANGES), (stored, steps) => {
        const typed = apply(stored, steps);
        fc.pre(resolutionMerges(stored, typed));
        const { node, searchText, lookupKeys } = storedNode(stored);
        // the exact stage: lookupKeys CONTAINS |foldName(typed)|
        expect(lookupKeys).toContain(foldName(typed));
        // the full-text stage ranks it exact too, on the forms its search text stores
        expect(matchLevel(typed, nameForms(node, searchText))).toBe(1);
      }),
      { numRuns: RUNS },
    );
  });

  it("a transliteration variant (with letter changes too) matches the stored node on its transliteration key", () => {
    fc.assert(
      fc.property(name, changes([...SPELLING_CHANGES, ...LETTER_CHANGES]), (stored, steps) => {
        const typed = apply(stored, steps);
        fc.pre(resolutionMerges(stored, typed));
        const { node, searchText } = storedNode(stored);
        expect(matchLevel(typed, nameForms(node, searchText))).toBeLessThanOrEqual(2);
        // and the other way round: a node stored under the variant is found by the original
        const other = storedNode(typed);
        expect(matchLevel(stored, nameForms(other.node, other.searchText))).toBeLessThanOrEqual(2);
      }),
      { numRuns: RUNS },
    );
  });

  it("surface forms resolution folds together (organisations, places) share their lookup key", () => {
    const orgWord = fc.constantFrom(
      "Federation",
      "Trade",
      "Unions",
      "Sendikası",
      "Həmkarlar",
      "İttifaqı",
      "Løn",
      "Straße",
      "Œuvre",
      "Confédération",
      "Générale",
      "of",
      "the",
      "Workers'",
      "O’Neill",
    );
    const orgName = fc.array(orgWord, { minLength: 1, maxLength: 5 }).map((w) => w.join(" "));
    fc.assert(
      fc.property(orgName, changes(LETTER_CHANGES), (stored, steps) => {
        const typed = apply(stored, steps);
        fc.pre(foldText(typed).trim().replace(/\s+/g, " ") === foldText(stored));
        expect(lookupKeysOf(stored, [])).toContain(foldName(typed));
      }),
      { numRuns: RUNS },
    );
  });

  it("finds the names the four old letter tables disagreed on", () => {
    for (const [stored, typed] of [
      ["Sahib Məmmədov", "Sahib Memmedov"],
      ["Zhanna Zhukova", "Janna Jukova"],
      ["Þóra Guðmundsdóttir", "Thora Gudmundsdottir"],
      ["Satybaldy Dauletalin", "Satybaldy Dauletаlin"], // Cyrillic а
    ] as const) {
      expect(resolutionMerges(stored, typed), typed).toBe(true);
      const { node, searchText } = storedNode(stored);
      expect(matchLevel(typed, nameForms(node, searchText)), typed).toBeLessThanOrEqual(2);
    }
    expect(lookupKeysOf("Sahib Məmmədov", [])).toContain("sahib memmedov");
    expect(searchTerms("Sahib Məmmədov", [])).toEqual(["Sahib Məmmədov", "Sahib Memmedov"]);
  });
});

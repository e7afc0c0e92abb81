/**
 * The one folding of names and text, in layers; each layer is the one before plus more:
 *
 * 1. `foldLetters`: invisible characters removed, homoglyphs inside Latin words made Latin, accents removed and the
 *    letters Unicode does not decompose (ı, ł, ø, ə, ß, þ…) written in ASCII; case kept. The accent-free variant
 *    stored beside each name in a node's search text ("Məmmədov" → "Memmedov").
 * 2. `foldText`: layer 1, lower case, apostrophes unified: the form resolution compares surface forms in.
 * 3. `foldName`: layer 2 with every run of punctuation and spaces one space: the exact-lookup key (`lookupKeys`),
 *    and the words of a full-text query.
 * 4. `transliterationKey` (transliterate.ts): layer 3 with transliteration variants unified word by word (kh/h,
 *    zh/j, y/i, doubled letters…): the key resolution compares person names by, and the key lookups match on.
 *
 * Because every layer extends the one before, two names equal at one layer are equal at every later one: what
 * resolution merges on its folded forms is found by the lookups on theirs. Pure.
 */
import { foldHomoglyphs } from "./homoglyphs.js";
import { removeInvisible } from "./invisible.js";

/** Letters that Unicode decomposition leaves alone, in ASCII. */
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ı: "i",
  İ: "I",
  ł: "l",
  Ł: "L",
  ø: "o",
  Ø: "O",
  đ: "d",
  Đ: "D",
  ð: "d",
  Ð: "D",
  ß: "ss",
  ẞ: "SS",
  æ: "ae",
  Æ: "AE",
  œ: "oe",
  Œ: "OE",
  ə: "e",
  Ə: "E",
  ħ: "h",
  Ħ: "H",
  þ: "th",
  Þ: "Th",
};
const SPECIAL_LETTER = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join("")}]`, "g");

/** Layer 1: accents, special letters, homoglyphs and invisible characters folded; case kept ("Satybaldı Özkan" → "Satybaldi Ozkan"). */
export function foldLetters(text: string): string {
  return foldHomoglyphs(removeInvisible(text))
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(SPECIAL_LETTER, (ch) => SPECIAL_LETTERS[ch] ?? ch)
    .normalize("NFC");
}

/** Layer 2: lower case, accent-free, apostrophes unified: the form names are compared in. */
export function foldText(text: string): string {
  return foldLetters(text)
    .toLowerCase()
    .replace(/[’‘`´]/g, "'");
}

/** Layer 3: punctuation and spaces as single spaces: "Kemal  ÖZKAN " → "kemal ozkan". */
export function foldName(name: string): string {
  return foldText(name)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The words of a name, folded: "Satybaldy  Dauletalin" → ["satybaldy", "dauletalin"]. */
export function nameTokens(name: string): string[] {
  const folded = foldName(name);
  return folded === "" ? [] : folded.split(" ");
}

/** A URL- and id-safe slug ("Kemal Özkan" → "kemal-ozkan"). */
export function slugify(text: string): string {
  const slug = foldText(text)
    .replace(/['"]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.length > 0 ? slug.slice(0, 120).replace(/-+$/, "") : "x";
}

/** A short deterministic hash (FNV-1a, 32 bits, hex), for ids made of many parts. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/**
 * Name comparison keys: case-, accent- and transliteration-insensitive, so that "Satibaldi Dauletalin",
 * "SATYBALDY DAULETALİN" and "Satybaldy Dauletalin" compare equal. Pure.
 */

import { removeInvisible } from "../../text/invisible.js";

/** Letters that Unicode decomposition does not fold to ASCII. */
const SPECIAL_LETTERS: Record<string, string> = {
  ı: "i",
  ø: "o",
  æ: "ae",
  œ: "oe",
  ß: "ss",
  đ: "d",
  ð: "d",
  ł: "l",
  þ: "th",
  ħ: "h",
};

/** Lower case, accents removed, punctuation as single spaces: "Kemal Özkan" → "kemal ozkan". */
export function foldName(name: string): string {
  return removeInvisible(name)
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[ıøæœßđðłþħ]/g, (c) => SPECIAL_LETTERS[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * A coarser key for transliteration variants of the same name (Cyrillic, Turkic and Arabic names written in Latin
 * letters in different ways): y/j/i, kh/h, ph/f, w/v, q/k and doubled letters compare equal.
 */
export function transliterationKey(name: string): string {
  return foldName(name)
    .replace(/kh/g, "h")
    .replace(/ph/g, "f")
    .replace(/ck/g, "k")
    .replace(/[yj]/g, "i")
    .replace(/w/g, "v")
    .replace(/q/g, "k")
    .replace(/x/g, "ks")
    .replace(/ou/g, "u")
    .replace(/(\p{L})\1+/gu, "$1");
}

/** The words of a name, folded: "Satybaldy  Dauletalin" → ["satybaldy", "dauletalin"]. */
export function nameTokens(name: string): string[] {
  const folded = foldName(name);
  return folded === "" ? [] : folded.split(" ");
}

/** Levenshtein distance, bounded: returns max + 1 as soon as the distance exceeds max. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length] ?? max + 1;
}

/** The typo budget for a word: none for short words, 1 up to 6 letters, 2 beyond. */
export function typoBudget(word: string): number {
  return word.length <= 3 ? 0 : word.length <= 6 ? 1 : 2;
}

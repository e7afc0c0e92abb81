/**
 * Person-name comparison that tolerates transliteration and typos: name words compared on their transliteration
 * key (text/transliterate.ts, which lookups match on too) and by small edit distances.
 */
import { editDistance } from "../text/edit-distance.js";
import { foldNameWord } from "../text/transliterate.js";

function consonants(word: string): string {
  return word.replace(/[aeiou]/g, "");
}

/** First and last name words of a personal name, folded. */
export function nameParts(name: string): { first?: string; last: string } {
  const words = name
    .split(/\s+/)
    .map(foldNameWord)
    .filter((w) => w.length > 0);
  const last = words[words.length - 1] ?? "";
  return words.length > 1 ? { first: words[0]!, last } : { last };
}

/** Close enough to be one spelling of the other: one edit in a long word, else edits to vowels only. */
function isClose(a: string, b: string): boolean {
  if (a === b) return true;
  const len = Math.max(a.length, b.length);
  // Slavic feminine forms are other people: Petrov / Petrova
  if (a === `${b}a` || b === `${a}a`) return false;
  if (len < 5) return false;
  const d = editDistance(a, b, 2);
  if (d > 2) return false;
  const sameConsonants = consonants(a) === consonants(b);
  return len >= 8 ? d === 1 || sameConsonants : d === 1 && sameConsonants && a.length === b.length;
}

/** True when two personal names can be the same person: close surnames and compatible first names. */
export function isSamePersonName(a: string, b: string): boolean {
  return isSamePersonParts(nameParts(a), nameParts(b));
}

/** isSamePersonName on names already split by nameParts (resolution caches the parts of every name). */
export function isSamePersonParts(x: { first?: string; last: string }, y: { first?: string; last: string }): boolean {
  if (x.last.length === 0 || y.last.length === 0) return false;
  // isClose allows at most two edits: longer length gaps can never match
  if (Math.abs(x.last.length - y.last.length) > 2) return false;
  if (!isClose(x.last, y.last)) return false;
  if (x.first === undefined || y.first === undefined) return true;
  if (x.first.length === 1 || y.first.length === 1) return x.first[0] === y.first[0];
  return isClose(x.first, y.first);
}

/** Person-name comparison that tolerates transliteration and typos: folded letters and small edit distances. */
import { foldText } from "../extract/fold.js";

// Spellings that differ only by transliteration convention (Russian, Turkic, German, French sources).
const TRANSLITERATIONS: [RegExp, string][] = [
  [/kh/g, "h"],
  [/dzh|dj|zh/g, "j"],
  [/tsch|tch|sch|ch/g, "c"],
  [/sh/g, "s"],
  [/ts|tz/g, "c"],
  [/ou/g, "u"],
  [/ph/g, "f"],
  [/w/g, "v"],
  [/q/g, "k"],
  [/x/g, "ks"],
  [/ck/g, "k"],
  [/ii|iy|yi|yy/g, "i"],
  [/y/g, "i"],
  [/(.)\1/g, "$1"],
];

/** A name word folded for comparison: accents and Turkic letters dropped, transliteration variants unified. */
export function foldNameWord(word: string): string {
  // Serbo-Croatian Đ is written Dj in plain Latin ("Srđa" / "Srdja")
  let w = foldText(word.replace(/đ/g, "dj").replace(/Đ/g, "Dj")).replace(/[^a-z]/g, "");
  for (const [re, to] of TRANSLITERATIONS) w = w.replace(re, to);
  return w;
}

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

/** Levenshtein distance, stopping early once it exceeds `max` (names are short, so this is cheap). */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
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

/** Person-name comparison that tolerates transliteration and typos: folded letters and small edit distances. */
import { foldText } from "../extract/fold.js";

/** A name word folded for comparison: accents and Turkic letters dropped, y→i (Satybaldy ~ Satibaldi). */
export function foldNameWord(word: string): string {
  return foldText(word).replace(/y/g, "i").replace(/[^a-z]/g, "");
}

/** First and last name words of a personal name, folded. */
export function nameParts(name: string): { first?: string; last: string } {
  const words = name.split(/\s+/).map(foldNameWord).filter((w) => w.length > 0);
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

function allowedDistance(a: string, b: string): number {
  const len = Math.max(a.length, b.length);
  return len >= 8 ? 2 : len >= 5 ? 1 : 0;
}

/** True when two personal names can be the same person: close surnames and compatible first names. */
export function isSamePersonName(a: string, b: string): boolean {
  const x = nameParts(a);
  const y = nameParts(b);
  if (x.last.length === 0 || y.last.length === 0) return false;
  const surname = allowedDistance(x.last, y.last);
  if (editDistance(x.last, y.last, surname) > surname) return false;
  if (x.first === undefined || y.first === undefined) return true;
  if (x.first.length === 1 || y.first.length === 1) return x.first[0] === y.first[0];
  const first = allowedDistance(x.first, y.first);
  return editDistance(x.first, y.first, first) <= first;
}

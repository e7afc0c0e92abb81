/** Sentence splitting with character offsets into the document text. Linear in the text length. */
import type { Sentence } from "../domain/model.js";

// Words after which a full stop does not end a sentence (compared lower-case, without the dot).
const ABBREVIATIONS = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
  "st",
  "no",
  "nos",
  "art",
  "vs",
  "etc",
  "e.g",
  "i.e",
  "cf",
  "approx",
  "ca",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "gen",
  "col",
  "lt",
  "capt",
  "rep",
  "sen",
  "gov",
  "hon",
  "rev",
  "inc",
  "ltd",
  "co",
  "corp",
  "jr",
  "sr",
  "mt",
  "ft",
  "u.s",
  "u.k",
  "u.n",
  "e.u",
  "p",
  "pp",
  "vol",
  "fig",
  "dept",
  "est",
  "govt",
  "int",
  "intl",
  "assn",
  "bros",
]);

const TERMINATORS = new Set([".", "!", "?", "…"]);
const CLOSERS = new Set(["”", '"', "’", "'", "»", ")", "]", "›"]);
const OPENERS = new Set(["“", '"', "‘", "'", "«", "(", "[", "‹", "–", "—", "-", "„"]);

/** Longest sentence kept whole; longer runs (tables, garbage) are cut at whitespace so later stages stay fast. */
export const MAX_SENTENCE_CHARS = 3000;

function isSpace(ch: string | undefined): boolean {
  return ch === " " || ch === "\t" || ch === "\n" || ch === "\u00a0" || ch === "\f" || ch === "\v";
}

function isUpperStart(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  return /[\p{Lu}\p{Lt}\p{N}]/u.test(ch);
}

/** The word (letters and inner dots) that ends just before `dot`. */
function wordBefore(text: string, dot: number, floor: number): string {
  let i = dot - 1;
  while (i >= floor && i > dot - 20 && /[\p{L}.]/u.test(text[i]!)) i -= 1;
  return text.slice(i + 1, dot);
}

function isNonFinalDot(text: string, dot: number, floor: number): boolean {
  const word = wordBefore(text, dot, floor);
  if (word.length === 0) return false;
  const lower = word.toLowerCase();
  if (ABBREVIATIONS.has(lower)) return true;
  // An initial ("J. Smith") or a dotted abbreviation ("U.S.").
  if (/^\p{Lu}$/u.test(word)) return true;
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true;
  return false;
}

/** Splits `text` into sentences; paragraphs (blank lines) are always boundaries. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const push = (start: number, end: number) => {
    let s = start;
    let e = end;
    while (s < e && isSpace(text[s])) s += 1;
    while (e > s && isSpace(text[e - 1])) e -= 1;
    while (e - s > MAX_SENTENCE_CHARS) {
      let cut = s + MAX_SENTENCE_CHARS;
      let back = cut;
      while (back > s + MAX_SENTENCE_CHARS / 2 && !isSpace(text[back])) back -= 1;
      if (back > s + MAX_SENTENCE_CHARS / 2) cut = back;
      let pieceEnd = cut;
      while (pieceEnd > s && isSpace(text[pieceEnd - 1])) pieceEnd -= 1;
      if (pieceEnd > s)
        sentences.push({ index: sentences.length, start: s, end: pieceEnd, text: text.slice(s, pieceEnd) });
      s = cut;
      while (s < e && isSpace(text[s])) s += 1;
    }
    if (e > s) sentences.push({ index: sentences.length, start: s, end: e, text: text.slice(s, e) });
  };

  let start = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i]!;
    if (ch === "\n") {
      // A blank line (only spaces between two newlines) ends the paragraph.
      let j = i + 1;
      while (j < n && (text[j] === " " || text[j] === "\t")) j += 1;
      if (j < n && text[j] === "\n") {
        push(start, i);
        while (j < n && isSpace(text[j])) j += 1;
        start = j;
        i = j;
        continue;
      }
      i += 1;
      continue;
    }
    if (!TERMINATORS.has(ch)) {
      i += 1;
      continue;
    }
    let j = i;
    while (j < n && TERMINATORS.has(text[j]!)) j += 1;
    while (j < n && CLOSERS.has(text[j]!)) j += 1;
    if (j < n && !isSpace(text[j])) {
      i = j;
      continue;
    }
    let k = j;
    while (k < n && (text[k] === " " || text[k] === "\t" || text[k] === "\u00a0")) k += 1;
    const next = text[k];
    const isBoundary =
      k >= n ||
      next === "\n" ||
      ((isUpperStart(next) || (next !== undefined && OPENERS.has(next))) &&
        !(ch === "." && j === i + 1 && isNonFinalDot(text, i, start)));
    if (isBoundary) {
      push(start, j);
      start = j;
    }
    i = j;
  }
  push(start, n);
  return sentences;
}

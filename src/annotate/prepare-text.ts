/**
 * prepareText: the text an annotator sees, mended where real articles break a parser, with a map back to the
 * source offsets (evidence quotes the source verbatim). Length-preserving where it can be: hard wraps inside a
 * sentence become spaces, homoglyphs their Latin letter, all-caps runs title case; sentences run together
 * ("said.The", "(VGCL)Bui") get a space; invisible controls are dropped.
 */
import { isInLatinWord, LATIN_LOOKALIKES } from "../text/homoglyphs.js";

/** The prepared text and, for each of its characters (and its end), the offset in the source. */
export interface PreparedText {
  text: string;
  toSource: (offset: number) => number;
}

/** Bump when the preparation changes: cached annotations of the old preparation are then not reused. */
export const PREPARE_TEXT_VERSION = 7;

// Homoglyphs inside Latin words (text/homoglyphs.ts), and the acute accent and modifier letters used as apostrophes.
const HOMOGLYPHS: Record<string, string> = {
  ...LATIN_LOOKALIKES,
  "\u00b4": "\u2019",
  "\u02bc": "\u2019",
  "\u2032": "\u2019",
};
// Zero-width characters and bidirectional controls: invisible, and they split words for any tokenizer.
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]/u;
const TERMINAL = /[.!?:;"”’)\]]$/u;
const CONTINUATION_END = /(?:,|\b(?:of|the|and|for|in|on|at|to|with|by|from|a|an|de|des|du|la|le|et|&)|[-–])$/iu;
const SMALL_WORDS = new Set([
  "OF",
  "AND",
  "THE",
  "FOR",
  "IN",
  "ON",
  "AT",
  "TO",
  "WITH",
  "BY",
  "FROM",
  "A",
  "AN",
  "DE",
  "DES",
  "DU",
  "LA",
  "LE",
  "ET",
  "DI",
  "DEL",
  "Y",
]);

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  return starts;
}

/** True when the text is hard-wrapped: most lines of its paragraphs are cut at a similar width without ending a sentence. */
function isHardWrapped(lines: string[]): boolean {
  const body = lines.map((l) => l.trimEnd()).filter((l) => l.length > 0);
  if (body.length < 6) return false;
  const cut = body.filter((l) => l.length >= 40 && l.length <= 100 && !TERMINAL.test(l));
  return cut.length >= 0.4 * body.length;
}

/** Newlines that are not sentence or paragraph breaks: replaced by a space. */
function joinWrappedLines(text: string, edits: Edit[]): void {
  const starts = lineStarts(text);
  const lines = starts.map((s, i) => text.slice(s, i + 1 < starts.length ? starts[i + 1]! - 1 : text.length));
  const isWrapped = isHardWrapped(lines);
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]!.trimEnd();
    const next = lines[i + 1]!.trimStart();
    if (line.length === 0 || next.length === 0) continue; // a paragraph break stays
    const continues = CONTINUATION_END.test(line) || /^\p{Ll}/u.test(next);
    const inWrappedParagraph = isWrapped && i > 0 && line.length >= 30;
    if (continues || inWrappedParagraph) edits.push({ at: starts[i + 1]! - 1, remove: 1, insert: " " });
  }
}

/** Title-cases runs of three or more all-capital words ("UNION OF AUTONOMOUS TRADE UNIONS"), keeping their length. */
function titleCaseShoutedRuns(text: string, edits: Edit[]): void {
  const word = /[\p{Lu}][\p{Lu}'’-]*/gu;
  const run: { start: number; end: number; w: string }[] = [];
  const flush = () => {
    const letters = run.reduce((n, r) => n + r.w.length, 0);
    if (run.length >= 3 && letters >= 12) {
      run.forEach((r, k) => {
        const lower = r.w.toLowerCase();
        const cased = k > 0 && SMALL_WORDS.has(r.w) ? lower : r.w[0] + lower.slice(1);
        if (cased.length === r.w.length && cased !== r.w)
          edits.push({ at: r.start, remove: r.w.length, insert: cased });
      });
    }
    run.length = 0;
  };
  let m: RegExpExecArray | null;
  let lastEnd = -1;
  while ((m = word.exec(text)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    const isWholeWord = !/\p{L}/u.test(text[end] ?? "") && !/\p{L}/u.test(text[start - 1] ?? "");
    const gap = lastEnd >= 0 ? text.slice(lastEnd, start) : "";
    if (!isWholeWord) {
      flush();
      lastEnd = -1;
      continue;
    }
    if (lastEnd >= 0 && !/^[\s,&“”"]*$/u.test(gap)) flush();
    run.push({ start, end, w: m[0] });
    lastEnd = end;
  }
  flush();
}

// Forms of address and abbreviated given names the tokenizer does not know: their full stop would end the sentence
// ("Bro. Francis Atwoli", "Md. Nasir Uddin"). Any title glued to the name that follows ("Mr.Antonnie", "Bro.Dr.Francis") is split the same way.
const UNKNOWN_TITLE_STOP =
  /\b(?:Bro|Sis|Cde|Comr|Hon|Engr|Md|Mohd)\.(?=\s?\p{Lu})|\b(?:Mr|Mrs|Ms|Dr|Prof|Bro|Sis|Cde|Hon|Engr)\.(?=\p{Lu})/gu;

/** The full stop after a title becomes a space (same length): "Bro. Francis" and "Mr.Antonnie" name a person. */
function unstopTitles(text: string, edits: Edit[]): void {
  let m: RegExpExecArray | null;
  while ((m = UNKNOWN_TITLE_STOP.exec(text)) !== null)
    edits.push({ at: m.index + m[0].length - 1, remove: 1, insert: " " });
}

/**
 * Sentences run together without a space ("has said.VGCL", "July 6.Cuong", "(VGCL)Bui"), commas without one, an
 * initial glued to a name ("S.Erdene"), and a name hyphened to an acronym ("Redzuan-EIWU": the hyphen gets spaces).
 */
function spaceRunTogether(text: string, edits: Edit[]): void {
  const patterns = [
    /(?<=\p{Ll}{2}|\d)[.!?](?=\p{Lu}\p{Ll})/gu,
    // an initial glued to the name ("S.Erdene")
    /(?<=(?:^|[\s(])\p{Lu})\.(?=\p{Lu}\p{Ll}{2})/gu,
    /(?<=\p{L}{2})\)(?=\p{Lu}\p{Ll})/gu,
    /(?<=\p{Ll}{2}),(?=\p{Lu}\p{Ll})/gu,
  ];
  for (const pattern of patterns) {
    let m: RegExpExecArray | null;
    while ((m = pattern.exec(text)) !== null) edits.push({ at: m.index + 1, remove: 0, insert: " " });
  }
  const nameHyphenAcronym = /(?<=\b\p{Lu}\p{Ll}{2,})-(?=\p{Lu}{2,}\b)/gu;
  let m: RegExpExecArray | null;
  while ((m = nameHyphenAcronym.exec(text)) !== null) {
    edits.push({ at: m.index, remove: 0, insert: " " });
    edits.push({ at: m.index + 1, remove: 0, insert: " " });
  }
}

function replaceCharacters(text: string, edits: Edit[]): void {
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (INVISIBLE.test(ch)) {
      edits.push({ at: i, remove: 1, insert: "" });
      continue;
    }
    const latin = HOMOGLYPHS[ch];
    if (latin === undefined) continue;
    const isApostrophe = ch === "\u00b4" || ch === "\u02bc" || ch === "\u2032";
    if (isApostrophe || isInLatinWord(text, i)) edits.push({ at: i, remove: 1, insert: latin });
  }
  // non-breaking and other odd spaces, tabs: a plain space (same length)
  for (let i = 0; i < text.length; i++)
    if (/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]/u.test(text[i]!)) edits.push({ at: i, remove: 1, insert: " " });
  // a carriage return is a newline's companion: a space keeps offsets
  for (let i = 0; i < text.length; i++)
    if (text[i] === "\r") edits.push({ at: i, remove: 1, insert: text[i + 1] === "\n" ? " " : "\n" });
}

/** Applies non-overlapping edits (the first at a position wins) and builds the offset map. */
function applyEdits(source: string, edits: Edit[]): PreparedText {
  edits.sort((a, b) => a.at - b.at || b.remove - a.remove);
  const pieces: string[] = [];
  // anchors: (prepared offset, source offset) at the start of every piece
  const anchorsPrepared: number[] = [0];
  const anchorsSource: number[] = [0];
  let cursor = 0;
  let prepared = 0;
  for (const edit of edits) {
    if (edit.at < cursor) continue;
    if (edit.at > cursor) {
      pieces.push(source.slice(cursor, edit.at));
      prepared += edit.at - cursor;
    }
    anchorsPrepared.push(prepared);
    anchorsSource.push(edit.at);
    pieces.push(edit.insert);
    prepared += edit.insert.length;
    cursor = edit.at + edit.remove;
    anchorsPrepared.push(prepared);
    anchorsSource.push(cursor);
  }
  pieces.push(source.slice(cursor));
  const text = pieces.join("");
  const toSource = (offset: number): number => {
    let lo = 0;
    let hi = anchorsPrepared.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (anchorsPrepared[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    const mapped = anchorsSource[lo]! + (offset - anchorsPrepared[lo]!);
    return Math.min(mapped, source.length);
  };
  return { text, toSource };
}

/** Prepares a document's text for annotation. */
export function prepareText(source: string): PreparedText {
  const edits: Edit[] = [];
  replaceCharacters(source, edits);
  joinWrappedLines(source, edits);
  spaceRunTogether(source, edits);
  unstopTitles(source, edits);
  titleCaseShoutedRuns(source, edits);
  return applyEdits(source, edits);
}

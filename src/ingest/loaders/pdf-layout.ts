/**
 * The text layer of a PDF as readable text: positioned runs of text (as pdf.js reports them) into lines, lines into
 * paragraphs, paragraphs across pages. A PDF has no paragraphs, only glyphs at places; a sentence wraps at every
 * line end and evidence quotes whole sentences, so wrapped lines are joined with a space and paragraphs are told
 * apart by what a reader sees: a wider gap, a change of type size, a short last line. Running headers and footers
 * (the same line at the top or bottom of most pages, page numbers) are dropped. Pure.
 */

/** A run of text at a place on a page (PDF user space: y grows upwards). */
export interface PdfTextRun {
  text: string;
  x: number;
  /** the baseline */
  y: number;
  width: number;
  fontSize: number;
  /** the run ends its line (pdf.js `hasEOL`) */
  hasEOL: boolean;
}

interface Line {
  text: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

/** Sentence-final punctuation, optionally followed by closing quotes or brackets. */
const ENDS_SENTENCE = /[.!?…:]["'”’»)\]]*$/u;
const STARTS_LOWER = /^\p{Ll}/u;
const PAGE_NUMBER = /^(?:(?:page|p\.)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
// control characters a broken font maps glyphs to are never text; white space among them is a space
const WHITE_CONTROLS = /[\t\n\v\f\r]/g;
const CONTROLS = /\p{Cc}/gu;

/** A gap this much wider than the usual line step starts a paragraph. */
const PARAGRAPH_GAP = 1.3;
/** A gap of this many times the type size starts a paragraph whatever the usual step (wider than double spacing). */
const WIDE_GAP = 2.5;
/** A type size this much larger or smaller than the line before's starts a paragraph (a heading). */
const SIZE_CHANGE = 0.15;
/** A line shorter than this share of the page's widest line ends its paragraph when it ends a sentence. */
const SHORT_LAST_LINE = 0.8;
/** A line shorter than this share ends its paragraph whatever its last character (a heading, a dateline). */
const SHORT_LINE = 0.6;

function sameLine(line: Line, run: PdfTextRun): boolean {
  return Math.abs(line.y - run.y) <= 0.5 * Math.max(line.fontSize, run.fontSize, 1);
}

/** Groups the runs of one page into lines, in content order, with a space where runs are apart. */
function linesOf(runs: readonly PdfTextRun[]): Line[] {
  const lines: Line[] = [];
  let current: (Line & { end: number }) | undefined;
  let isEnded = true;
  for (const run of runs) {
    const text = run.text.replace(WHITE_CONTROLS, " ").replace(CONTROLS, "");
    if (current === undefined || isEnded || !sameLine(current, run)) {
      current = { text, x: run.x, y: run.y, width: 0, fontSize: run.fontSize, end: run.x + run.width };
      lines.push(current);
    } else {
      const gap = run.x - current.end;
      if (gap > 0.15 * Math.max(run.fontSize, 1) && !/\s$/.test(current.text) && !/^\s/.test(text)) current.text += " ";
      current.text += text;
      current.end = Math.max(current.end, run.x + run.width);
      current.fontSize = Math.max(current.fontSize, run.fontSize);
    }
    current.width = current.end - current.x;
    isEnded = run.hasEOL;
  }
  return lines
    .map((l) => ({ text: l.text.replace(/\s+/g, " ").trim(), x: l.x, y: l.y, width: l.width, fontSize: l.fontSize }))
    .filter((l) => l.text !== "");
}

/** The key a running header or footer keeps from page to page (its numbers change). */
function runningKey(line: Line): string {
  return line.text.replace(/\d+/g, "#").toLowerCase();
}

/** The lines at the edges of a page: first and last as drawn, top and bottom as placed. */
function edgesOf(lines: readonly Line[]): Set<Line> {
  const edges = new Set<Line>();
  if (lines.length === 0) return edges;
  const byHeight = [...lines].sort((a, b) => b.y - a.y);
  for (const line of [lines[0]!, lines[lines.length - 1]!, byHeight[0]!, byHeight[byHeight.length - 1]!])
    edges.add(line);
  return edges;
}

/** Drops page numbers and lines repeated at the edges of most pages, once (a pass uncovers the next edge). */
function dropRunningLinesOnce(pages: Line[][]): Line[][] {
  const edges = pages.map(edgesOf);
  const counts = new Map<string, number>();
  for (const pageEdges of edges)
    for (const key of new Set([...pageEdges].map(runningKey))) counts.set(key, (counts.get(key) ?? 0) + 1);
  const isRunning = (line: Line) => pages.length >= 2 && (counts.get(runningKey(line)) ?? 0) > pages.length / 2;
  return pages.map((lines, p) =>
    lines.filter((line) => !edges[p]!.has(line) || !(PAGE_NUMBER.test(line.text) || isRunning(line))),
  );
}

/** Drops running headers and footers: a page can have a page number under a footer, or over a header. */
function dropRunningLines(pages: Line[][]): Line[][] {
  return dropRunningLinesOnce(dropRunningLinesOnce(pages));
}

/**
 * The usual line height as a multiple of the type size (CSS `line-height`, a word processor's line spacing): the
 * most common ratio of the step between consecutive baselines of the same type size to that size.
 */
function usualLineHeight(pages: readonly Line[][]): number | undefined {
  const counts = new Map<number, number>();
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const prev = lines[i - 1]!;
      const line = lines[i]!;
      const step = prev.y - line.y;
      if (step <= 0 || prev.fontSize <= 0 || Math.abs(prev.fontSize - line.fontSize) > SIZE_CHANGE * prev.fontSize)
        continue;
      const ratio = Math.round((step / prev.fontSize) * 20) / 20;
      counts.set(ratio, (counts.get(ratio) ?? 0) + 1);
    }
  }
  let best: number | undefined;
  let bestCount = 0;
  for (const [ratio, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== undefined && ratio < best)) {
      best = ratio;
      bestCount = count;
    }
  }
  return best;
}

function startsParagraph(prev: Line, line: Line, widest: number, lineHeight: number | undefined): boolean {
  if (Math.abs(prev.fontSize - line.fontSize) > SIZE_CHANGE * Math.max(prev.fontSize, line.fontSize)) return true;
  const step = prev.y - line.y;
  // back up the page: the next column; the sentence decides
  if (step <= 0) return ENDS_SENTENCE.test(prev.text);
  if (lineHeight !== undefined && step > PARAGRAPH_GAP * lineHeight * line.fontSize + 0.5) return true;
  if (step > WIDE_GAP * Math.max(prev.fontSize, line.fontSize)) return true;
  if (prev.width < SHORT_LINE * widest) return true;
  if (!ENDS_SENTENCE.test(prev.text)) return false;
  // a first-line indent after a sentence end, or a short last line
  return line.x > prev.x + 0.8 * line.fontSize || prev.width < SHORT_LAST_LINE * widest;
}

/**
 * Joins a wrapped line to the text before it. A word hyphenated at the line end is mended ("Confede-" "ration"); a
 * hyphen before a capital is a compound's own ("Franco-" "German").
 */
function joinWrapped(before: string, after: string): string {
  if (/\p{L}-$/u.test(before)) return STARTS_LOWER.test(after) ? before.slice(0, -1) + after : before + after;
  return `${before} ${after}`;
}

/** The paragraphs of one page. */
function paragraphsOf(lines: readonly Line[], lineHeight: number | undefined): string[] {
  const widest = Math.max(0, ...lines.map((l) => l.width));
  const paragraphs: string[] = [];
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    if (prev === undefined || startsParagraph(prev, line, widest, lineHeight)) paragraphs.push(line.text);
    else paragraphs[paragraphs.length - 1] = joinWrapped(paragraphs[paragraphs.length - 1]!, line.text);
  });
  return paragraphs;
}

/**
 * The readable text of a PDF's pages: paragraphs separated by a blank line, wrapped lines joined. A paragraph that
 * runs over a page break (no sentence end before it, a lower-case letter after it) is kept whole.
 */
export function layoutPdfText(pages: readonly (readonly PdfTextRun[])[]): string {
  const lines = dropRunningLines(pages.map(linesOf));
  const lineHeight = usualLineHeight(lines);
  const paragraphs: string[] = [];
  for (const pageLines of lines) {
    const pageParagraphs = paragraphsOf(pageLines, lineHeight);
    const first = pageParagraphs[0];
    const last = paragraphs[paragraphs.length - 1];
    if (first !== undefined && last !== undefined && !ENDS_SENTENCE.test(last) && STARTS_LOWER.test(first)) {
      paragraphs[paragraphs.length - 1] = joinWrapped(last, first);
      pageParagraphs.shift();
    }
    paragraphs.push(...pageParagraphs);
  }
  return paragraphs.join("\n\n");
}

/** Pure: how a source document is named and linked, and which parts of a sentence to highlight. */
import type { EvidenceDocument } from "./types.js";

/** An http(s) URL, or undefined for anything else (javascript:, file:, malformed). */
export function safeUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** A document's title; its file name only when it has no title; its id when it has neither. */
export function documentTitle(doc: EvidenceDocument): string {
  if (doc.title) return doc.title;
  const file = doc.path?.split(/[\\/]/).pop();
  return file ? file : `document ${doc.id}`;
}

// a text directive's terms: dashes, commas and ampersands have meanings there and are escaped
const fragmentTerm = (words: string[]) => encodeURIComponent(words.join(" ")).replace(/-/g, "%2D").replace(/,/g, "%2C");

/**
 * The source's URL with a text fragment (`#:~:text=start,end`) so that the browser scrolls to the sentence and
 * highlights it; undefined when the document has no http(s) URL.
 */
export function sentenceLink(doc: EvidenceDocument, sentence: string): string | undefined {
  const href = safeUrl(doc.url);
  if (!href) return undefined;
  const words = sentence.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return href;
  const base = href.split("#")[0];
  if (words.length <= 8) return `${base}#:~:text=${fragmentTerm(words)}`;
  return `${base}#:~:text=${fragmentTerm(words.slice(0, 4))},${fragmentTerm(words.slice(-4))}`;
}

/** One piece of a sentence: a highlighted name or the text between. */
export interface Segment {
  text: string;
  isHit: boolean;
}

/** Splits a sentence around every occurrence of the terms as whole words (case-insensitive, longest first). */
export function highlightTerms(sentence: string, terms: readonly string[]): Segment[] {
  const wanted = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length >= 2))].sort(
    (a, b) => b.length - a.length,
  );
  if (wanted.length === 0) return [{ text: sentence, isHit: false }];
  const escaped = wanted.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  // whole words only: "Federation of Trade Unions" is not highlighted inside "Confederation of Trade Unions"
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${escaped.join("|")})(?![\\p{L}\\p{N}])`, "giu");
  return sentence
    .split(pattern)
    .filter((part) => part !== "")
    .map((part) => ({ text: part, isHit: wanted.some((t) => t.toLowerCase() === part.toLowerCase()) }));
}

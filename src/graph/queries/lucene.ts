/** Builds full-text (Lucene) queries from user text: the text is split into words, so no query syntax gets through. */
import { typoBudget } from "../../text/edit-distance.js";
import { foldName } from "../../text/fold.js";

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** Escapes every Lucene query-syntax character with a backslash. */
export function escapeLucene(text: string): string {
  return text.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

/** Lucene's boolean operators, which the query parser reads as syntax when written in capitals. */
const OPERATORS = new Set(["and", "or", "not", "to"]);

/** Most words taken from a search text; the rest are ignored. */
export const MAX_QUERY_WORDS = 8;

/**
 * A typo-tolerant query: each word matches exactly (boosted) or within its typo budget (fuzzy `~`).
 * Returns undefined when the text has no word characters.
 */
export function buildFulltextQuery(text: string): string | undefined {
  const words = foldName(text)
    .split(" ")
    .filter((w) => w !== "")
    .slice(0, MAX_QUERY_WORDS);
  if (words.length === 0) return undefined;
  return words
    .map((word) => {
      const term = OPERATORS.has(word) ? `"${escapeLucene(word)}"` : escapeLucene(word);
      const budget = typoBudget(word);
      return budget === 0 || OPERATORS.has(word) ? `${term}^2` : `(${term}^2 OR ${term}~${budget})`;
    })
    .join(" ");
}

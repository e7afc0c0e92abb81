/** Word tokens of a sentence with absolute offsets into the document text. */

/** A token: a word or one punctuation character. */
export interface Token {
  /** the word as written, possessive ending removed */
  text: string;
  lower: string;
  start: number;
  /** end of `text` (the possessive ending, if any, is after it) */
  end: number;
  /** end including a possessive ending */
  fullEnd: number;
  isWord: boolean;
  isCap: boolean;
  /** all capitals and digits, 2 to 10 characters, two capitals or one and digits ("ITUC", "L20") */
  isAcronym: boolean;
  /** a mixed-case brand word with inner capitals ("IndustriALL") */
  isBrand: boolean;
  isPossessive: boolean;
}

// Words may contain inner hyphens and apostrophes; each group must start with a letter or digit, so no backtracking.
const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:[-'’][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*|[^\s]/gu;

/** Splits `text` (which starts at `offset` in the document) into tokens. */
export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0];
    const start = offset + m.index;
    const isWord = /^[\p{L}\p{N}]/u.test(raw);
    let word = raw;
    let isPossessive = false;
    if (isWord && /['’][sS]$/.test(raw) && raw.length > 2) {
      word = raw.slice(0, -2);
      isPossessive = true;
    }
    const isCap = isWord && /^\p{Lu}/u.test(word);
    const letters = word.replace(/[^\p{L}]/gu, "");
    const isAcronym =
      isWord && word.length >= 2 && word.length <= 10 && /^[\p{Lu}\p{N}]+$/u.test(word) && (/\p{Lu}.*\p{Lu}/u.test(word) || /^\p{Lu}\p{N}{1,3}$/u.test(word));
    const isBrand = isWord && !isAcronym && /^\p{Lu}?\p{Ll}+\p{Lu}{2,}$/u.test(letters);
    tokens.push({
      text: word,
      lower: word.toLowerCase(),
      start,
      end: start + word.length,
      fullEnd: start + raw.length,
      isWord,
      isCap,
      isAcronym,
      isBrand,
      isPossessive,
    });
  }
  return tokens;
}

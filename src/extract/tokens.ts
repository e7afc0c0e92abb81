/** Word tokens of a sentence with absolute offsets into the document text. */

/** A token: a word or one punctuation character. */
export interface Token {
  /** the word as written, possessive ending removed (a plural possessive keeps its apostrophe: "Workers'") */
  text: string;
  /** lower case, with ’ written as ' */
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
  /** one capital, then lower-case letters, with inner hyphens or apostrophes: the shape of a name word ("Jean-Luc") */
  isTitle: boolean;
  /** has a letter and no lower-case letter ("ITUC", "GENEVA") */
  isUpper: boolean;
  isPossessive: boolean;
}

// Character classes. ASCII is decided by code; anything else by a Unicode property test, so the scan stays
// one pass over the text with no backtracking.
const OTHER = 0;
const UPPER = 1;
const LOWER = 2;
const DIGIT = 3;
const MARK = 4;
/** a letter that is neither upper nor lower case (ideographs, modifier letters, title case) */
const LETTER = 5;
const SPACE = 6;

const UPPER_RE = /^\p{Lu}$/u;
const LOWER_RE = /^\p{Ll}$/u;
const LETTER_RE = /^\p{L}$/u;
const DIGIT_RE = /^\p{N}$/u;
const MARK_RE = /^\p{M}$/u;
const SPACE_RE = /^\s$/u;

function classOf(cp: number): number {
  if (cp < 128) {
    if (cp >= 97 && cp <= 122) return LOWER;
    if (cp >= 65 && cp <= 90) return UPPER;
    if (cp >= 48 && cp <= 57) return DIGIT;
    if (cp === 32 || (cp >= 9 && cp <= 13)) return SPACE;
    return OTHER;
  }
  const ch = String.fromCodePoint(cp);
  if (LOWER_RE.test(ch)) return LOWER;
  if (UPPER_RE.test(ch)) return UPPER;
  if (LETTER_RE.test(ch)) return LETTER;
  if (DIGIT_RE.test(ch)) return DIGIT;
  if (MARK_RE.test(ch)) return MARK;
  if (SPACE_RE.test(ch)) return SPACE;
  return OTHER;
}

const isAlnum = (c: number) => c === UPPER || c === LOWER || c === DIGIT || c === LETTER;
const isApostrophe = (cp: number) => cp === 39 || cp === 0x2019;

/** Classifies a word: capitalised, acronym, brand. One pass over its characters. */
function classify(word: string): Pick<Token, "isCap" | "isAcronym" | "isBrand" | "isTitle" | "isUpper"> {
  let uppers = 0;
  let lowers = 0;
  let digits = 0;
  let others = 0;
  let firstClass = -1;
  let length = 0;
  // brand: an optional capital, then lower case letters, then two or more capitals, letters only (marks and
  // punctuation are ignored): 0 = start, 1 = after the optional capital, 2 = in the lower run, 3 = in the capitals
  let brandState = 0;
  let trailingUppers = 0;
  let isBrandShape = true;
  // title shape: 0 = start, 1 = after the capital, 2 = in lower case, 3 = after a hyphen or apostrophe, 4 = in a
  // later group, -1 = not a title word
  let titleState = 0;
  let letters = 0;
  for (let i = 0; i < word.length;) {
    const cp = word.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    const c = classOf(cp);
    if (c === UPPER || c === LOWER || c === LETTER) letters += 1;
    if (titleState === 0) titleState = c === UPPER ? 1 : -1;
    else if (titleState === 1) titleState = c === LOWER || c === MARK ? 2 : -1;
    else if (titleState === 2 || titleState === 4)
      titleState = c === LOWER || c === MARK ? titleState : cp === 45 || isApostrophe(cp) ? 3 : -1;
    else if (titleState === 3) titleState = c === UPPER || c === LOWER || c === LETTER ? 4 : -1;
    length += 1;
    if (firstClass < 0) firstClass = c;
    if (c === UPPER) uppers += 1;
    else if (c === LOWER) lowers += 1;
    else if (c === DIGIT) digits += 1;
    else others += 1;
    if (c === UPPER) {
      if (brandState === 0) brandState = 1;
      else if (brandState === 1) isBrandShape = false;
      else {
        brandState = 3;
        trailingUppers += 1;
      }
    } else if (c === LOWER) {
      if (brandState === 3) isBrandShape = false;
      else brandState = 2;
    } else if (c === LETTER) isBrandShape = false;
  }
  const isCap = firstClass === UPPER;
  const isAllCapsDigits = others === 0 && lowers === 0 && uppers + digits === length;
  const isAcronym =
    length >= 2 &&
    length <= 10 &&
    isAllCapsDigits &&
    (uppers >= 2 || (uppers === 1 && isCap && digits >= 1 && digits <= 3));
  const isBrand = !isAcronym && isBrandShape && brandState === 3 && trailingUppers >= 2;
  return {
    isCap,
    isAcronym,
    isBrand,
    isTitle: titleState === 2 || titleState === 4,
    isUpper: letters > 0 && lowers === 0,
  };
}

/**
 * Splits `text` (which starts at `offset` in the document) into tokens. Words may contain inner hyphens and
 * apostrophes when a letter or digit follows them; "’s" is split off as a possessive ending, and a plural
 * possessive ("Workers' Union") keeps its apostrophe so that the name it is part of stays whole.
 */
export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const c = classOf(cp);
    if (c === SPACE) {
      i += width;
      continue;
    }
    const start = i;
    if (!isAlnum(c)) {
      i += width;
      const raw = text.slice(start, i);
      const abs = offset + start;
      const lower = raw === "’" ? "'" : raw.toLowerCase();
      tokens.push({
        text: raw,
        lower,
        start: abs,
        end: abs + raw.length,
        fullEnd: abs + raw.length,
        isWord: false,
        isCap: false,
        isAcronym: false,
        isBrand: false,
        isTitle: false,
        isUpper: false,
        isPossessive: false,
      });
      continue;
    }
    i += width;
    for (;;) {
      if (i >= n) break;
      const next = text.codePointAt(i)!;
      const nc = classOf(next);
      if (isAlnum(nc) || nc === MARK) {
        i += next > 0xffff ? 2 : 1;
        continue;
      }
      // an inner hyphen or apostrophe joins two groups when a letter or digit follows it
      if ((next === 45 || isApostrophe(next)) && i + 1 < n && isAlnum(classOf(text.codePointAt(i + 1)!))) {
        i += 1;
        continue;
      }
      break;
    }
    let raw = text.slice(start, i);
    let isPossessive = false;
    let word = raw;
    const last = raw.charCodeAt(raw.length - 1);
    if (raw.length > 2 && (last === 115 || last === 83) && isApostrophe(raw.charCodeAt(raw.length - 2))) {
      word = raw.slice(0, -2);
      isPossessive = true;
    } else if (
      (last === 115 || last === 83) &&
      i < n &&
      isApostrophe(text.charCodeAt(i)) &&
      (i + 1 >= n || !isAlnum(classOf(text.codePointAt(i + 1)!)))
    ) {
      // "Workers'": the apostrophe belongs to the word
      i += 1;
      raw = text.slice(start, i);
      word = raw;
    }
    const abs = offset + start;
    const { isCap, isAcronym, isBrand, isTitle, isUpper } = classify(word);
    tokens.push({
      text: word,
      lower: word.toLowerCase().replace(/’/g, "'"),
      start: abs,
      end: abs + word.length,
      fullEnd: abs + raw.length,
      isWord: true,
      isCap,
      isAcronym,
      isBrand,
      isTitle,
      isUpper,
      isPossessive,
    });
  }
  return tokens;
}

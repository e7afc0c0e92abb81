/**
 * Homoglyphs: Cyrillic and Greek letters that look like Latin ones ("Dauletаlin" with a Cyrillic "а"), as they
 * appear inside Latin words of badly converted text. Ingest replaces them in document text (keeping offsets) and
 * every fold replaces them in names, so a pasted name with one such letter still finds its node. Pure.
 */

/** The Latin letter each look-alike stands for. */
export const LATIN_LOOKALIKES: Readonly<Record<string, string>> = {
  "\u0430": "a",
  "\u0435": "e",
  "\u043e": "o",
  "\u0440": "p",
  "\u0441": "c",
  "\u0443": "y",
  "\u0445": "x",
  "\u0410": "A",
  "\u0412": "B",
  "\u0415": "E",
  "\u041a": "K",
  "\u041c": "M",
  "\u041d": "H",
  "\u041e": "O",
  "\u0420": "P",
  "\u0421": "C",
  "\u0422": "T",
  "\u0425": "X",
  "\u0456": "i",
  "\u0406": "I",
};

// a Latin letter, accented ones too ("ñ"), and the combining marks that may follow one in decomposed text
const LATIN_LETTER = /\p{Script=Latin}/u;
const COMBINING_MARK = /\p{M}/u;

/** True when the character at `i` stands next to a Latin letter (accents between aside), i.e. sits inside a Latin word. */
export function isInLatinWord(text: string, i: number): boolean {
  let before = i - 1;
  while (before >= 0 && COMBINING_MARK.test(text[before]!)) before -= 1;
  let after = i + 1;
  while (after < text.length && COMBINING_MARK.test(text[after]!)) after += 1;
  return LATIN_LETTER.test(text[before] ?? "") || LATIN_LETTER.test(text[after] ?? "");
}

/** Look-alikes inside Latin words become their Latin letter ("Dauletаlin" → "Dauletalin"); "Иван" stays. */
export function foldHomoglyphs(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const latin = LATIN_LOOKALIKES[ch];
    out += latin !== undefined && isInLatinWord(text, i) ? latin : ch;
  }
  return out;
}

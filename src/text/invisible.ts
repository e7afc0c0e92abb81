/**
 * Invisible format characters: bidirectional controls (U+202E RIGHT-TO-LEFT OVERRIDE…), zero-width characters
 * (U+200B…U+200D, U+2060 WORD JOINER, U+FEFF), the soft hyphen and the Arabic letter mark. They change how a name
 * looks or nothing at all, never what it says, and split or disguise words: "Daule\u200Btalin" reads as one
 * name but tokenises as two. Removed from every document text at ingest and from every looked-up name. Pure.
 */

/** The characters removed: soft hyphen, Arabic letter mark, Mongolian vowel separator, zero-width and bidi controls. */
export const INVISIBLE_CHARACTERS = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;

/** The text without invisible format characters: "Dau\u202Eletalin" → "Dauletalin". */
export function removeInvisible(text: string): string {
  return text.replace(INVISIBLE_CHARACTERS, "");
}

/** Text folding shared by extraction and resolution: diacritics, Turkic letters, spelling variants, slugs. */

const SPECIAL_LETTERS: Record<string, string> = {
  ı: "i",
  İ: "I",
  ł: "l",
  Ł: "L",
  ø: "o",
  Ø: "O",
  đ: "d",
  Đ: "D",
  ß: "ss",
  æ: "ae",
  Æ: "AE",
  œ: "oe",
  Œ: "OE",
  ə: "e",
  Ə: "E",
  ğ: "g",
  Ğ: "G",
  ş: "s",
  Ş: "S",
  ħ: "h",
  þ: "th",
};

/** Removes diacritics and maps letters with no decomposition (ı, ł, ø, ə) to ASCII. */
export function foldDiacritics(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[ıİłŁøØđĐßæÆœŒəƏğĞşŞħþ]/g, (ch) => SPECIAL_LETTERS[ch] ?? ch);
}

/** Lower-case, accent-free, apostrophes unified: the form names are compared in. */
export function foldText(text: string): string {
  return foldDiacritics(text)
    .toLowerCase()
    .replace(/[’‘`´]/g, "'");
}

/** A URL- and id-safe slug ("Kemal Özkan" → "kemal-ozkan"). */
export function slugify(text: string): string {
  const slug = foldText(text)
    .replace(/['"]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.length > 0 ? slug.slice(0, 120).replace(/-+$/, "") : "x";
}

/** A short deterministic hash (FNV-1a, 32 bits, hex), for ids made of many parts. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

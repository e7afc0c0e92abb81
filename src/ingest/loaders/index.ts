/** The registered document formats, most specific first; plain text is the fallback. */
import { htmlLoader } from "./html.js";
import type { DocumentLoader } from "./loader.js";
import { mdLoader } from "./md.js";
import { pdfLoader } from "./pdf.js";
import { txtLoader } from "./txt.js";

export type { BinaryLoader, DocumentLoader, LoadedMeta, LoadedText, TextLoader } from "./loader.js";

/** Every loader, tried in order. */
export const LOADERS: readonly DocumentLoader[] = [pdfLoader, htmlLoader, mdLoader, txtLoader];

/** File extensions an import picks up from a directory. */
export const DOCUMENT_EXTENSIONS = [".txt", ".md", ".markdown", ".html", ".htm", ".pdf"] as const;

/** The loader for `path` (plain text when no loader claims it). */
export function selectLoader(path: string): DocumentLoader {
  return LOADERS.find((l) => l.test(path)) ?? txtLoader;
}

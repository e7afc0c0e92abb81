/** Core of reading a document: bytes in, a SourceDocument out (byte checks, front matter, format, sentences). */
import { createHash } from "node:crypto";
import { InputError } from "../domain/errors.js";
import type { SourceDocument } from "../domain/model.js";
import { removeInvisible } from "../text/invisible.js";
import {
  checkSize,
  decodeCheckedBytes,
  DEFAULT_MAX_BYTES,
  emptyFileError,
  type ByteCheckOptions,
} from "./check-bytes.js";
import { splitFrontMatter, type FrontMatter } from "./front-matter.js";
import { selectLoader, type LoadedText } from "./loaders/index.js";
import { splitSentences } from "./split-sentences.js";

/** Options of loading a document. */
export type LoadDocumentOptions = ByteCheckOptions;

/** The id of a document: sha256 of its raw bytes, hex, first 16 characters. */
export function documentIdOf(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex").slice(0, 16);
}

const MAX_TITLE_CHARS = 160;

/** A short first line followed by a blank line is taken as the title (a headline). */
export function guessTitle(text: string): string | undefined {
  const nl = text.indexOf("\n");
  if (nl < 0) return undefined;
  const first = text.slice(0, nl).trim();
  if (first.length === 0 || first.length > MAX_TITLE_CHARS) return undefined;
  if (!/^[ \t]*\n/.test(text.slice(nl + 1))) return undefined;
  if (text.slice(nl + 1).trim().length === 0) return undefined;
  return first;
}

/** The SourceDocument of loaded text: front matter wins over what the format carries (HTML meta tags, PDF info). */
function sourceDocumentOf(
  bytes: Uint8Array,
  path: string,
  loaded: LoadedText,
  frontMatter: FrontMatter = {},
): SourceDocument {
  const text = loaded.text.trim() === "" ? "" : loaded.text;
  const title = frontMatter.title ?? loaded.title ?? guessTitle(text);
  const doc: SourceDocument = { id: documentIdOf(bytes), path, text, sentences: splitSentences(text) };
  if (title !== undefined) doc.title = title;
  for (const key of ["date", "url", "source", "language"] as const) {
    const value = frontMatter[key] ?? loaded.meta?.[key];
    if (value !== undefined) doc[key] = value;
  }
  return doc;
}

/**
 * Turns the raw bytes of a text format (.txt, .md, .html) into a SourceDocument; throws an InputError naming the
 * path on bad bytes or front matter. Binary formats (PDF) are read by loadDocument.
 */
export function loadDocumentFromBytes(
  bytes: Uint8Array,
  path: string,
  options: LoadDocumentOptions = {},
): SourceDocument {
  const loader = selectLoader(path);
  if (loader.kind !== "text")
    throw new TypeError(`loadDocumentFromBytes reads text formats; "${path}" is ${loader.name}: use loadDocument.`);
  // invisible format characters (bidi controls, zero-width characters) would split or disguise names
  const decoded = removeInvisible(decodeCheckedBytes(bytes, path, options));
  const { frontMatter, body } = splitFrontMatter(decoded, path);
  const loaded = loader.load(body);
  if (loaded.text.trim() === "" && body.trim() !== "") {
    throw new InputError(
      `Cannot import "${path}": it holds no readable text (only ${loader.name === "html" ? "markup, scripts and page furniture" : "markup"}).`,
      {
        input: path,
        suggestion: "Check that the file was saved completely (a saved web page with its text), or remove it.",
      },
    );
  }
  return sourceDocumentOf(bytes, path, loaded, frontMatter);
}

/** Turns the raw bytes of `path`, in any format, into a SourceDocument; throws an InputError naming the path. */
export async function loadDocument(
  bytes: Uint8Array,
  path: string,
  options: LoadDocumentOptions = {},
): Promise<SourceDocument> {
  const loader = selectLoader(path);
  if (loader.kind === "text") return loadDocumentFromBytes(bytes, path, options);
  checkSize(bytes, path, options);
  if (bytes.length === 0) throw emptyFileError(path);
  const loaded = await loader.load(bytes, path, { maxChars: options.maxBytes ?? DEFAULT_MAX_BYTES });
  return sourceDocumentOf(bytes, path, { ...loaded, text: removeInvisible(loaded.text) });
}

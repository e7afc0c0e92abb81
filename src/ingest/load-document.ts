/** Pure core of reading a document: bytes in, a SourceDocument out (byte checks, front matter, format, sentences). */
import { createHash } from "node:crypto";
import type { SourceDocument } from "../domain/model.js";
import { removeInvisible } from "../text/invisible.js";
import { decodeCheckedBytes, type ByteCheckOptions } from "./check-bytes.js";
import { splitFrontMatter } from "./front-matter.js";
import { selectLoader } from "./loaders/index.js";
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

/** Turns the raw bytes of `path` into a SourceDocument; throws an InputError naming the path on bad bytes or front matter. */
export function loadDocumentFromBytes(
  bytes: Uint8Array,
  path: string,
  options: LoadDocumentOptions = {},
): SourceDocument {
  // invisible format characters (bidi controls, zero-width characters) would split or disguise names
  const decoded = removeInvisible(decodeCheckedBytes(bytes, path, options));
  const { frontMatter, body } = splitFrontMatter(decoded, path);
  const loaded = selectLoader(path).load(body);
  const text = loaded.text.trim() === "" ? "" : loaded.text;
  const title = frontMatter.title ?? loaded.title ?? guessTitle(text);
  const doc: SourceDocument = { id: documentIdOf(bytes), path, text, sentences: splitSentences(text) };
  if (title !== undefined) doc.title = title;
  if (frontMatter.date !== undefined) doc.date = frontMatter.date;
  if (frontMatter.url !== undefined) doc.url = frontMatter.url;
  if (frontMatter.source !== undefined) doc.source = frontMatter.source;
  if (frontMatter.language !== undefined) doc.language = frontMatter.language;
  return doc;
}

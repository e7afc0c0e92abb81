/** The plug-in interface of document formats. */
import type { DocumentMeta } from "../../domain/model.js";

/** Metadata a format can carry itself (HTML meta tags, a PDF's information dictionary); front matter wins over it. */
export type LoadedMeta = Partial<Pick<DocumentMeta, "date" | "url" | "source" | "language">>;

/** Plain text and, when the format carries them, a title and metadata. */
export interface LoadedText {
  text: string;
  title?: string;
  meta?: LoadedMeta;
}

/** A text format: `test` picks it by path, `load` turns the decoded body (front matter removed) into plain text. */
export interface TextLoader {
  kind: "text";
  name: string;
  test(path: string): boolean;
  load(body: string): LoadedText;
}

/** Limits a binary loader keeps to. */
export interface BinaryLoadOptions {
  /** most characters of text the document may yield (its text layer can be far larger than its file) */
  maxChars: number;
}

/**
 * A binary format (PDF): `load` reads the raw bytes; it throws an InputError naming `path` when the file holds no
 * text to import.
 */
export interface BinaryLoader {
  kind: "binary";
  name: string;
  test(path: string): boolean;
  load(bytes: Uint8Array, path: string, options: BinaryLoadOptions): Promise<LoadedText>;
}

/** A document format. */
export type DocumentLoader = TextLoader | BinaryLoader;

/** Reads a document file from disk (the only file-system access of ingest). */
import { readFile, stat } from "node:fs/promises";
import { InputError } from "../domain/errors.js";
import type { SourceDocument } from "../domain/model.js";
import { DEFAULT_MAX_BYTES, tooLargeError } from "./check-bytes.js";
import { loadDocument, type LoadDocumentOptions } from "./load-document.js";

/** Reads and loads `path`; every failure is an InputError naming the path. */
export async function readDocument(path: string, options: LoadDocumentOptions = {}): Promise<SourceDocument> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      throw new InputError(`Cannot import "${path}": it is a directory, not a file.`, {
        input: path,
        suggestion: "Pass the directory itself to import all its documents.",
      });
    }
    if (info.size > maxBytes) throw tooLargeError(path, info.size, maxBytes);
    bytes = await readFile(path);
  } catch (cause) {
    if (cause instanceof InputError) throw cause;
    const code = (cause as NodeJS.ErrnoException).code;
    const what =
      code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : (cause as Error).message;
    throw new InputError(`Cannot import "${path}": ${what}.`, {
      input: path,
      suggestion: "Check the path and its permissions.",
      cause,
    });
  }
  return loadDocument(bytes, path, options);
}

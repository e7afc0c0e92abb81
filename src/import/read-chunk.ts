/**
 * The first step of a streamed import: the files of one chunk read into SourceDocuments (no extraction yet),
 * with unreadable files as failures and content already read in this run reported as a duplicate.
 */
import { InputError, LabourGraphError } from "../domain/errors.js";
import type { Diagnostic, SourceDocument } from "../domain/model.js";
import { readDocument } from "../ingest/read-document.js";

/** A file of a chunk that could not be read. */
export interface ChunkFailure {
  path: string;
  error: LabourGraphError;
}

/** The documents of one chunk, in file order. */
export interface ReadChunk {
  documents: SourceDocument[];
  failures: ChunkFailure[];
  /** DUPLICATE_DOCUMENT diagnostics: the same content under another name, read once */
  duplicates: Diagnostic[];
}

/** An unknown error as a LabourGraphError naming the file. */
export function asLabourGraphError(error: unknown, file: string): LabourGraphError {
  if (error instanceof LabourGraphError) return error;
  return new InputError(`Cannot import "${file}": ${error instanceof Error ? error.message : String(error)}.`, {
    input: file,
    cause: error,
  });
}

/** Reads the files of a chunk; `firstPathOf` maps content ids seen earlier in the run to their first path. */
export async function readChunk(files: readonly string[], firstPathOf: Map<string, string>): Promise<ReadChunk> {
  const chunk: ReadChunk = { documents: [], failures: [], duplicates: [] };
  for (const file of files) {
    let document: SourceDocument;
    try {
      document = await readDocument(file);
    } catch (error) {
      chunk.failures.push({ path: file, error: asLabourGraphError(error, file) });
      continue;
    }
    const first = firstPathOf.get(document.id);
    if (first !== undefined) {
      chunk.duplicates.push({
        documentId: document.id,
        level: "info",
        code: "DUPLICATE_DOCUMENT",
        message: `"${file}" has the same content as "${first}"; read once.`,
      });
      continue;
    }
    firstPathOf.set(document.id, file);
    chunk.documents.push(document);
  }
  return chunk;
}

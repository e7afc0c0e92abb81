/**
 * The first step of the pipeline: the files of one chunk read into SourceDocuments (no extraction yet), with
 * unreadable files as failures and content already read in this run reported as a duplicate.
 */
import type { Diagnostic, SourceDocument } from "../domain/model.js";
import { readDocument } from "../ingest/read-document.js";
import { failureOf, type ExtractionFailure } from "./failure.js";

/** The documents of one chunk, in file order. */
export interface ReadChunk {
  documents: SourceDocument[];
  failures: ExtractionFailure[];
  /** DUPLICATE_DOCUMENT diagnostics: the same content under another name, read once */
  duplicates: Diagnostic[];
}

/**
 * Reads the files of a chunk; `firstPathOf` maps content ids seen earlier in the run to their first path (a new
 * map: the chunk is the whole run).
 */
export async function readChunk(
  files: readonly string[],
  firstPathOf: Map<string, string> = new Map(),
): Promise<ReadChunk> {
  const chunk: ReadChunk = { documents: [], failures: [], duplicates: [] };
  for (const file of files) {
    let document: SourceDocument;
    try {
      document = await readDocument(file);
    } catch (error) {
      chunk.failures.push(failureOf(file, error));
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

/** Annotation and extraction of documents read already: the pipeline's step between reading and resolving. */
import { annotateAll, type AnnotateContext } from "../annotate/index.js";
import type { AnnotatedDocument } from "../domain/annotation.js";
import { ProvisionError } from "../domain/errors.js";
import type { SourceDocument } from "../domain/model.js";
import { extractAnnotated } from "../extract/extract-annotated.js";
import type { DocumentExtraction } from "../extract/types.js";
import { failureOf, type ExtractionFailure } from "./failure.js";

/** Extracts one annotated document; its front-matter date is the reference for relative dates. */
export function extractAnnotatedDocument(document: SourceDocument, annotated: AnnotatedDocument): DocumentExtraction {
  return extractAnnotated(document, annotated, document.date !== undefined ? { referenceDate: document.date } : {});
}

/**
 * Annotates and extracts documents read already, in their order. A document the NLP server could not annotate
 * (a timeout, a rejected text) is a failure; an NLP server that does not answer stops everything (ProvisionError).
 */
export async function extractDocuments(
  documents: readonly SourceDocument[],
  annotate: AnnotateContext,
): Promise<{ extractions: DocumentExtraction[]; failures: ExtractionFailure[] }> {
  const extractions: DocumentExtraction[] = [];
  const failures: ExtractionFailure[] = [];
  for (const outcome of await annotateAll(documents, annotate)) {
    if ("error" in outcome) {
      if (outcome.error instanceof ProvisionError) throw outcome.error;
      failures.push(failureOf(outcome.document.path, outcome.error));
      continue;
    }
    try {
      extractions.push(extractAnnotatedDocument(outcome.document, outcome.annotated));
    } catch (error) {
      failures.push(failureOf(outcome.document.path, error));
    }
  }
  return { extractions, failures };
}

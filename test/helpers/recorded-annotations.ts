/**
 * Extraction of short texts from annotations recorded once from the real CoreNLP server, for unit tests that
 * need DocumentExtractions without a server (resolution, reference data). A text without a recording fails with
 * the command that records it.
 */
import path from "node:path";
import {
  AnnotationCache,
  annotationKey,
  CORENLP_VERSION,
  CoreNlpAnnotator,
  PREPARE_TEXT_ID,
} from "../../src/annotate/index.js";
import { PROJECT_ROOT } from "../../src/config/config.js";
import type { SourceDocument } from "../../src/domain/model.js";
import type { DocumentExtraction } from "../../src/extract/types.js";
import { loadDocumentFromBytes } from "../../src/ingest/load-document.js";
import { extractAnnotatedDocument } from "../../src/pipeline/extract-documents.js";

/** Where recorded annotations live: an annotation cache committed with the tests. */
export const RECORDED_ANNOTATIONS = path.join(PROJECT_ROOT, "test", "fixtures", "annotations", "recorded");

/** The id the CoreNLP annotator of this version and settings has (the cache key of its recordings). */
export function recordedAnnotatorId(): string {
  return `${new CoreNlpAnnotator({ urls: ["http://127.0.0.1:9"], timeoutMs: 1, version: CORENLP_VERSION }).id}/${PREPARE_TEXT_ID}`;
}

/** The extraction of `text` (as the document `name`) from its recorded annotation. */
export function extractRecorded(text: string, name: string): DocumentExtraction {
  const doc: SourceDocument = loadDocumentFromBytes(new TextEncoder().encode(text), name);
  const annotated = new AnnotationCache(RECORDED_ANNOTATIONS).get(annotationKey(recordedAnnotatorId(), doc.text));
  if (!annotated) {
    throw new Error(
      `No recorded annotation of "${name}". Record it: npm run build && node scripts/record-annotation.js --recorded ${JSON.stringify(text)}`,
    );
  }
  return extractAnnotatedDocument(doc, annotated);
}

/** Annotation: SourceDocument → AnnotatedDocument through an NLP server, cached by content. */
import type { AnnotatedDocument } from "../domain/annotation.js";
import type { SourceDocument } from "../domain/model.js";
import { annotateDocument, type AnnotateContext } from "./annotate-document.js";
import { AnnotationCache } from "./annotation-cache.js";
import { CoreNlpAnnotator } from "./corenlp-annotator.js";

export { annotateDocument, PREPARE_TEXT_ID, type AnnotateContext } from "./annotate-document.js";
export { AnnotationCache, annotationKey } from "./annotation-cache.js";
export type { Annotator } from "./annotator.js";
export { CoreNlpAnnotator, NER_PROPERTIES, PARSE_PROPERTIES } from "./corenlp-annotator.js";
export { prepareText } from "./prepare-text.js";

/** The CoreNLP version the annotator is made for (part of the cache key). */
export const CORENLP_VERSION = "4.5.10";

/** How many documents are annotated at once per server: the managed server runs two threads. */
export const ANNOTATION_CONCURRENCY = 2;

/**
 * An annotation context over CoreNLP servers, with the cache in `cacheDir` (none when undefined). Requests go to the
 * servers in turn and ANNOTATION_CONCURRENCY documents per server are annotated at once, so n servers annotate
 * about n times as fast as one.
 */
export function createAnnotateContext(options: {
  urls: readonly string[];
  timeoutMs: number;
  cacheDir?: string;
}): AnnotateContext {
  const annotator = new CoreNlpAnnotator({
    urls: options.urls,
    timeoutMs: options.timeoutMs,
    version: CORENLP_VERSION,
  });
  const concurrency = ANNOTATION_CONCURRENCY * Math.max(1, options.urls.length);
  return options.cacheDir !== undefined
    ? { annotator, concurrency, cache: new AnnotationCache(options.cacheDir) }
    : { annotator, concurrency };
}

/** One document's annotation, or the error that stopped it. */
export type AnnotationOutcome =
  | { document: SourceDocument; annotated: AnnotatedDocument; isCached: boolean }
  | { document: SourceDocument; error: unknown };

/**
 * Annotates documents, the context's concurrency at a time (ANNOTATION_CONCURRENCY when unset), in their order; a
 * failure is an outcome, not a throw.
 */
export async function annotateAll(
  documents: readonly SourceDocument[],
  ctx: AnnotateContext,
  concurrency = ctx.concurrency ?? ANNOTATION_CONCURRENCY,
): Promise<AnnotationOutcome[]> {
  const outcomes: AnnotationOutcome[] = new Array(documents.length);
  let next = 0;
  const worker = async () => {
    while (next < documents.length) {
      const i = next++;
      const document = documents[i]!;
      try {
        const { annotated, isCached } = await annotateDocument(document, ctx);
        outcomes[i] = { document, annotated, isCached };
      } catch (error) {
        outcomes[i] = { document, error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return outcomes;
}

/** annotateDocument: a SourceDocument's prepared text through the annotator, cached by content. */
import type { AnnotatedDocument } from "../domain/annotation.js";
import type { SourceDocument } from "../domain/model.js";
import type { AnnotationCache } from "./annotation-cache.js";
import { annotationKey } from "./annotation-cache.js";
import type { Annotator } from "./annotator.js";
import { PREPARE_TEXT_VERSION, prepareText } from "./prepare-text.js";

/** The text preparation's part of an annotation's cache key. */
export const PREPARE_TEXT_ID = `prepare-${PREPARE_TEXT_VERSION}`;

/** What annotateDocument needs. */
export interface AnnotateContext {
  annotator: Annotator;
  cache?: AnnotationCache;
  signal?: AbortSignal;
  /** documents annotated at once (annotateAll); with several servers, enough to keep each of them busy */
  concurrency?: number;
}

/** Annotates a document (or takes its cached annotation); sentence source offsets point into `doc.text`. */
export async function annotateDocument(
  doc: SourceDocument,
  ctx: AnnotateContext,
): Promise<{ annotated: AnnotatedDocument; isCached: boolean }> {
  const prepared = prepareText(doc.text);
  const id = `${ctx.annotator.id}/${PREPARE_TEXT_ID}`;
  const key = annotationKey(id, doc.text);
  const cached = ctx.cache?.get(key);
  if (cached) return { annotated: cached, isCached: true };
  const raw = await ctx.annotator.annotate(prepared.text, {
    ...(ctx.signal ? { signal: ctx.signal } : {}),
    name: doc.path,
  });
  const annotated: AnnotatedDocument = {
    ...raw,
    annotator: id,
    sentences: raw.sentences.map((s) => ({
      ...s,
      sourceStart: prepared.toSource(s.start),
      sourceEnd: prepared.toSource(s.end),
    })),
  };
  ctx.cache?.put(key, annotated);
  return { annotated, isCached: false };
}

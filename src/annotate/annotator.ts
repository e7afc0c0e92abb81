/** The annotator interface: a text in, an AnnotatedDocument out. CoreNLP implements it; tests use recorded output. */
import type { AnnotatedDocument } from "../domain/annotation.js";

/** Something that annotates text. `id` names the annotator and its settings (part of the cache key). */
export interface Annotator {
  readonly id: string;
  annotate(text: string, options?: { signal?: AbortSignal; name?: string }): Promise<AnnotatedDocument>;
}

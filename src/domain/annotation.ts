/**
 * The annotated document: the one interface between annotation (an NLP server) and extraction. Extraction reads
 * only this, so its patterns are tested on recorded annotations and another annotator can replace CoreNLP.
 */
import { z } from "zod";

/** A token with its lemma, part of speech (Penn tags), named-entity tag and offsets in the annotated text. */
export const annotatedTokenSchema = z.object({
  text: z.string(),
  lemma: z.string(),
  pos: z.string(),
  /** PERSON, ORGANIZATION, LOCATION, MISC, ... or "O" */
  ner: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
/** A token. */
export type AnnotatedToken = z.infer<typeof annotatedTokenSchema>;

/** A typed dependency (Universal Dependencies, enhanced++): token indices within the sentence, head -1 for the root. */
export const dependencyEdgeSchema = z.object({
  rel: z.string(),
  head: z.number().int().min(-1),
  dep: z.number().int().nonnegative(),
});
/** A dependency edge. */
export type DependencyEdge = z.infer<typeof dependencyEdgeSchema>;

/** A sentence: its tokens, and its dependency edges when it was parsed. Offsets index the annotated text. */
export const annotatedSentenceSchema = z.object({
  index: z.number().int().nonnegative(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** offsets of the same sentence in the source document's text (evidence quotes the source verbatim) */
  sourceStart: z.number().int().nonnegative(),
  sourceEnd: z.number().int().nonnegative(),
  tokens: z.array(annotatedTokenSchema),
  /** null when the sentence was not sent to the dependency parser */
  deps: z.array(dependencyEdgeSchema).nullable(),
});
/** An annotated sentence. */
export type AnnotatedSentence = z.infer<typeof annotatedSentenceSchema>;

/** A named-entity mention: tokens [first, end) of one sentence. */
export const entityMentionSchema = z.object({
  sentence: z.number().int().nonnegative(),
  first: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  type: z.string(),
  text: z.string(),
});
/** An entity mention. */
export type EntityMention = z.infer<typeof entityMentionSchema>;

/** A whole annotated document. `text` is the normalised text that was annotated. */
export const annotatedDocumentSchema = z.object({
  /** the annotator and its settings, e.g. "corenlp-4.5.10/depparse-triggered/norm-1" */
  annotator: z.string(),
  text: z.string(),
  sentences: z.array(annotatedSentenceSchema),
  mentions: z.array(entityMentionSchema),
});
/** An annotated document. */
export type AnnotatedDocument = z.infer<typeof annotatedDocumentSchema>;

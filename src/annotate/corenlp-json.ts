/** Converts the JSON of the CoreNLP server into sentences of the AnnotatedDocument. Pure. */
import type { AnnotatedSentence, AnnotatedToken, DependencyEdge, EntityMention } from "../domain/annotation.js";

/** The parts of a CoreNLP server JSON answer that are read. */
export interface CoreNlpJson {
  sentences: {
    index: number;
    tokens: {
      index: number;
      word: string;
      originalText?: string;
      lemma?: string;
      pos?: string;
      ner?: string;
      characterOffsetBegin: number;
      characterOffsetEnd: number;
    }[];
    enhancedPlusPlusDependencies?: { dep: string; governor: number; dependent: number }[];
    basicDependencies?: { dep: string; governor: number; dependent: number }[];
    entitymentions?: { tokenBegin: number; tokenEnd: number; ner: string; text: string }[];
  }[];
}

/** Sentences and mentions of one CoreNLP answer, offsets shifted by `offset` (the chunk's start in the text). */
export function fromCoreNlpJson(
  json: CoreNlpJson,
  offset: number,
  firstIndex: number,
): { sentences: Omit<AnnotatedSentence, "sourceStart" | "sourceEnd">[]; mentions: EntityMention[] } {
  const sentences: Omit<AnnotatedSentence, "sourceStart" | "sourceEnd">[] = [];
  const mentions: EntityMention[] = [];
  for (const s of json.sentences) {
    if (s.tokens.length === 0) continue;
    const index = firstIndex + sentences.length;
    const tokens: AnnotatedToken[] = s.tokens.map((t) => ({
      text: t.originalText ?? t.word,
      lemma: t.lemma ?? t.word,
      pos: t.pos ?? "",
      ner: t.ner ?? "O",
      start: t.characterOffsetBegin + offset,
      end: t.characterOffsetEnd + offset,
    }));
    const raw = s.enhancedPlusPlusDependencies ?? s.basicDependencies;
    const deps: DependencyEdge[] | null = raw
      ? raw.map((d) => ({ rel: d.dep, head: d.governor - 1, dep: d.dependent - 1 }))
      : null;
    sentences.push({ index, start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end, tokens, deps });
    for (const m of s.entitymentions ?? [])
      mentions.push({ sentence: index, first: m.tokenBegin, end: m.tokenEnd, type: m.ner, text: m.text });
  }
  return { sentences, mentions };
}

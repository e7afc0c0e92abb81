/**
 * The annotation figures of the benchmark: the extractor (annotate through the cache, extract) on fresh and warm
 * caches, and the ceiling it cannot beat: the same CoreNLP server called directly with the same annotators and
 * properties on the same prepared texts, as many requests at once as the extractor makes.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  ANNOTATION_CONCURRENCY,
  CORENLP_VERSION,
  CoreNlpAnnotator,
  createAnnotateContext,
  prepareText,
} from "../annotate/index.js";
import type { SourceDocument } from "../domain/model.js";
import { extractDocuments } from "../extract-files.js";
import type { DocumentExtraction } from "../extract/types.js";

const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;

/** What the annotation benchmark measures. */
export interface AnnotationFigures {
  /** documents per second of annotate + extract on a fresh cache */
  docsPerSec: number;
  /** the CoreNLP server called directly on the same texts */
  nlpDocsPerSec: number;
  /** docsPerSec / nlpDocsPerSec */
  nlpRatio: number;
  /** sentences sent to the dependency parser / all sentences */
  parsedSentenceShare: number;
  /** a second extraction of the unchanged documents (warm cache) against the first */
  cachedSpeedup: number;
  failures: number;
}

/** Runs the three measurements on `documents` against the NLP servers at `urls`. */
export async function benchAnnotation(
  documents: readonly SourceDocument[],
  urls: readonly string[],
  timeoutMs: number,
): Promise<{ figures: AnnotationFigures; extractions: DocumentExtraction[] }> {
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), "lg-bench-annotations-"));
  try {
    // the ceiling first, so that the server's first requests (JIT warm-up) do not count against the extractor
    const annotator = new CoreNlpAnnotator({ urls, timeoutMs, version: CORENLP_VERSION });
    const texts = documents.map((d) => prepareText(d.text).text);
    let parsed = 0;
    let sentences = 0;
    let next = 0;
    const ceilingStarted = performance.now();
    await Promise.all(
      Array.from({ length: ANNOTATION_CONCURRENCY }, async () => {
        while (next < texts.length) {
          const annotated = await annotator.annotate(texts[next++]!);
          sentences += annotated.sentences.length;
          parsed += annotated.sentences.filter((s) => s.deps !== null).length;
        }
      }),
    );
    const ceilingMs = performance.now() - ceilingStarted;
    const annotate = createAnnotateContext({ urls, timeoutMs, cacheDir });
    const firstStarted = performance.now();
    const first = await extractDocuments(documents, annotate);
    const firstMs = performance.now() - firstStarted;
    const warmStarted = performance.now();
    await extractDocuments(documents, annotate);
    const warmMs = performance.now() - warmStarted;
    const docsPerSec = (documents.length / firstMs) * 1000;
    const nlpDocsPerSec = (documents.length / ceilingMs) * 1000;
    return {
      figures: {
        docsPerSec: round(docsPerSec),
        nlpDocsPerSec: round(nlpDocsPerSec),
        nlpRatio: round(docsPerSec / nlpDocsPerSec),
        parsedSentenceShare: round(sentences > 0 ? parsed / sentences : 0, 3),
        cachedSpeedup: round(firstMs / Math.max(warmMs, 1), 1),
        failures: first.failures.length,
      },
      extractions: first.extractions,
    };
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

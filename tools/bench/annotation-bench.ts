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
} from "../../src/annotate/index.js";
import type { Extraction, SourceDocument } from "../../src/domain/model.js";
import { extractChunk, type PipelineRun } from "../../src/pipeline/index.js";
import type { AliasTable } from "../../src/resolve/alias-table.js";
import { resolveExtraction } from "../../src/resolve/resolve-extraction.js";
import { round } from "./latency.js";

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

/**
 * Runs the three measurements on `documents` against the NLP servers at `urls`; the first extraction (the
 * pipeline's step after reading, on a fresh cache) is resolved across all documents with `aliases`.
 */
export async function benchAnnotation(
  documents: readonly SourceDocument[],
  urls: readonly string[],
  timeoutMs: number,
  aliases: AliasTable,
): Promise<{ figures: AnnotationFigures; extraction: Extraction; resolveMs: number }> {
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
    const run: PipelineRun = {
      annotate: createAnnotateContext({ urls, timeoutMs, cacheDir }),
      aliases,
      firstPathOf: new Map(),
    };
    const first = await extractChunk(documents, run, "together");
    const firstMs = first.timings.extractMs;
    const warmMs = (await extractChunk(documents, run, "none")).timings.extractMs;
    const docsPerSec = (documents.length / firstMs) * 1000;
    const nlpDocsPerSec = (documents.length / ceilingMs) * 1000;
    return {
      figures: {
        docsPerSec: round(docsPerSec, 2),
        nlpDocsPerSec: round(nlpDocsPerSec, 2),
        nlpRatio: round(docsPerSec / nlpDocsPerSec, 2),
        parsedSentenceShare: round(sentences > 0 ? parsed / sentences : 0, 3),
        cachedSpeedup: round(firstMs / Math.max(warmMs, 1), 1),
        failures: first.failures.length,
      },
      extraction: first.resolved[0] ?? resolveExtraction([], aliases),
      resolveMs: first.timings.resolveMs,
    };
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

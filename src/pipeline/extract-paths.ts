/**
 * `labour-graph extract` over the pipeline: files and folders to resolved extractions (read → annotate → extract
 * → resolve), without a database. A file that cannot be read is reported as a failure and the others go on.
 * extractFiles resolves the whole corpus at once (it fits in memory: `extract`, quality measurement);
 * extractEachFile streams chunks and resolves each document on its own (`extract --out`).
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { AnnotateContext } from "../annotate/index.js";
import type { Extraction } from "../domain/model.js";
import type { DocumentExtraction } from "../extract/types.js";
import { resolveExtraction } from "../resolve/resolve-extraction.js";
import { runChunkStep, type PipelineRun } from "./chunk-step.js";
import { expandPaths } from "./expand-paths.js";
import type { ExtractionFailure } from "./failure.js";
import { loadAliasTable } from "./load-aliases.js";

/** Options of extractFiles. */
export interface ExtractFilesOptions {
  /** the curated alias file; defaults to aliases/aliases.yaml when it exists */
  aliasesPath?: string;
  /** the NLP server(s) and annotation cache */
  annotate: AnnotateContext;
  /** the reference data (file or folder); defaults to aliases/reference/ when it exists; false: none */
  referencePath?: string | false;
}

async function startRun(paths: string[], options: ExtractFilesOptions) {
  const aliases = await loadAliasTable(options.aliasesPath, options.referencePath);
  const { files, failures } = await expandPaths(paths);
  const run: PipelineRun = { annotate: options.annotate, aliases, firstPathOf: new Map() };
  return { run, files, failures };
}

/** Reads, extracts and resolves every document under `paths`; unreadable files are failures, not exceptions. */
export async function extractFiles(
  paths: string[],
  options: ExtractFilesOptions,
): Promise<{ extraction: Extraction; failures: ExtractionFailure[] }> {
  const { run, files, failures } = await startRun(paths, options);
  // the whole corpus is one chunk
  const step = await runChunkStep(files, run, { resolve: "together" });
  const extraction = step.resolved[0] ?? resolveExtraction([], run.aliases);
  extraction.diagnostics.push(...step.read.duplicates);
  return { extraction, failures: [...failures, ...step.read.failures, ...step.failures] };
}

/**
 * Extracts every document under `paths` on its own (resolved within the document) and hands each to `each`, a
 * chunk of documents at a time, so that a large folder is not held in memory.
 */
export async function extractEachFile(
  paths: string[],
  options: ExtractFilesOptions,
  each: (extraction: Extraction, document: DocumentExtraction["document"]) => Promise<void>,
): Promise<{ extracted: number; failures: ExtractionFailure[] }> {
  const { run, files, failures } = await startRun(paths, options);
  let extracted = 0;
  for (let from = 0; from < files.length; from += OUT_CHUNK) {
    const step = await runChunkStep(files.slice(from, from + OUT_CHUNK), run, { resolve: "each" });
    failures.push(...step.read.failures, ...step.failures);
    for (const [i, extraction] of step.resolved.entries()) {
      await each(extraction, step.extractions[i]!.document);
      extracted += 1;
    }
  }
  return { extracted, failures };
}

/** `extract --out`: one extraction file per document in `outDir`, named like it (`devNN_slug.txt` → `devNN_slug.json`). */
export async function extractFilesToDirectory(
  paths: string[],
  outDir: string,
  options: ExtractFilesOptions,
  serialise: (extraction: Extraction) => string,
): Promise<{ written: number; failures: ExtractionFailure[] }> {
  await mkdir(outDir, { recursive: true });
  const { extracted, failures } = await extractEachFile(paths, options, (extraction, document) =>
    writeFile(path.join(outDir, `${extractionFileName(document.path)}.json`), serialise(extraction)),
  );
  return { written: extracted, failures };
}

/** The name an extraction file takes from its document's path: the file name without its extension. */
export function extractionFileName(documentPath: string): string {
  return path.basename(documentPath).replace(/\.[^.]+$/, "");
}

const OUT_CHUNK = 50;

/**
 * The parts of the product the benchmark drives in-process, loaded lazily: the extraction entry point and the
 * scorer are built by other work streams, and the harness reports what is missing instead of failing to load.
 */
import type { Extraction } from "../domain/model.js";

/** extractFiles(paths, {aliasesPath}) of src/extract-files.ts. */
export type ExtractFiles = (paths: string[], options: { aliasesPath?: string }) => Promise<{ extraction: Extraction; failures: unknown[] }>;

/** scoreExtraction(extraction, gold) of src/quality/score-extraction.ts (the result shape is read defensively). */
export type ScoreExtraction = (extraction: Extraction, gold: never) => unknown;

async function importOptional<T>(specifier: string, name: string): Promise<T | undefined> {
  try {
    const module = (await import(specifier)) as Record<string, unknown>;
    return typeof module[name] === "function" ? (module[name] as T) : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_MODULE_NOT_FOUND") return undefined;
    throw error;
  }
}

/** The extraction entry point, or undefined when it is not built yet. */
export function loadExtractFiles(): Promise<ExtractFiles | undefined> {
  return importOptional<ExtractFiles>(["..", "extract-files.js"].join("/"), "extractFiles");
}

/** The scorer, or undefined when it is not built yet. */
export function loadScoreExtraction(): Promise<ScoreExtraction | undefined> {
  return importOptional<ScoreExtraction>(["..", "quality", "score-extraction.js"].join("/"), "scoreExtraction");
}

/** Import orchestration: files → extraction (ingest, extract, resolve) → planWrite → writePlan, with logging. */
import type { Driver } from "neo4j-driver";
import path from "node:path";
import type { LabourGraphError } from "./domain/errors.js";
import type { Diagnostic, Extraction } from "./domain/model.js";
import { extractFiles, type ExtractionFailure } from "./extract-files.js";
import { mapDriverError } from "./graph/errors.js";
import { planWrite } from "./graph/plan-write.js";
import { writePlan, type WriteCounters } from "./graph/writer.js";
import { silentLogger, type Logger } from "./log.js";

/** Progress of an import: files done out of total, and the rate so far. */
export interface ImportProgress {
  done: number;
  total: number;
  docsPerSecond: number;
}

/** Options of importPaths and importExtraction. */
export interface ImportOptions {
  driver: Driver;
  database: string;
  logger?: Logger;
  /** the curated alias file; defaults to aliases/aliases.yaml when it exists */
  aliasesPath?: string;
  onProgress?: (progress: ImportProgress) => void;
  /** documents per write transaction (1 = one transaction per document) */
  maxDocumentsPerTransaction?: number;
}

/** A file that was not imported, and why. */
export interface ImportFailure {
  path: string;
  code: string;
  message: string;
  suggestion?: string;
}

/** What an import did (plain JSON: printed by `import --json`). */
export interface ImportSummary {
  documents: { total: number; imported: number; replaced: number; skipped: number; failed: number };
  imported: { path: string; id: string }[];
  replaced: { path: string; id: string; previous: string[] }[];
  skipped: { path: string; id: string; reason: string }[];
  failed: ImportFailure[];
  counters: WriteCounters;
  diagnostics: { total: number; byCode: Record<string, number> };
  durationMs: number;
}

export type { ExtractionFailure };

function failureOf(pathName: string, error: LabourGraphError): ImportFailure {
  return {
    path: pathName,
    code: error.code,
    message: error.message,
    ...(error.suggestion ? { suggestion: error.suggestion } : {}),
  };
}

function countByCode(diagnostics: readonly Diagnostic[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const d of diagnostics) counts[d.code] = (counts[d.code] ?? 0) + 1;
  return counts;
}

/** Writes an extraction that is already made (files that could not be read are passed as failures). */
export async function importExtraction(
  extraction: Extraction,
  failures: readonly ExtractionFailure[],
  options: ImportOptions,
  startedAt: number = Date.now(),
): Promise<ImportSummary> {
  const log = options.logger ?? silentLogger;
  for (const failure of failures) log.error(`[${failure.path}] not imported: ${failure.error.message}`);
  const plan = planWrite(extraction);
  const diagnostics = [...extraction.diagnostics, ...plan.diagnostics];
  const total = plan.documents.length + failures.length;
  let lastReport = 0;
  // the rate counts the writes only: extraction has already happened, and its time is in durationMs
  const writesStartedAt = Date.now();
  const written = await writePlan(options.driver, plan, {
    database: options.database,
    logger: log,
    ...(options.maxDocumentsPerTransaction !== undefined
      ? { maxDocumentsPerTransaction: options.maxDocumentsPerTransaction }
      : {}),
    onProgress: (done) => {
      const elapsed = (Date.now() - writesStartedAt) / 1000;
      const progress = { done: done + failures.length, total, docsPerSecond: elapsed > 0 ? done / elapsed : 0 };
      options.onProgress?.(progress);
      // long imports report on stderr every two seconds; short ones stay quiet
      if (Date.now() - lastReport > 2000 && progress.done < total) {
        lastReport = Date.now();
        log.info(`${progress.done}/${total} files, ${progress.docsPerSecond.toFixed(1)} docs/s`);
      }
    },
  });

  const summary: ImportSummary = {
    documents: { total, imported: 0, replaced: 0, skipped: 0, failed: failures.length },
    imported: [],
    replaced: [],
    skipped: [],
    failed: failures.map((f) => failureOf(f.path, f.error)),
    counters: written.counters,
    diagnostics: { total: diagnostics.length, byCode: countByCode(diagnostics) },
    durationMs: 0,
  };
  for (const outcome of written.documents) {
    switch (outcome.status) {
      case "imported":
        summary.documents.imported++;
        summary.imported.push({ path: outcome.path, id: outcome.id });
        break;
      case "replaced":
        summary.documents.replaced++;
        summary.replaced.push({ path: outcome.path, id: outcome.id, previous: outcome.previous });
        log.info(`[${outcome.path}] replaced its earlier version (${outcome.previous.join(", ")})`);
        break;
      case "skipped":
        summary.documents.skipped++;
        summary.skipped.push({ path: outcome.path, id: outcome.id, reason: outcome.reason });
        log.debug(`[${outcome.path}] skipped: already imported (${outcome.id})`);
        break;
      case "failed":
        summary.documents.failed++;
        summary.failed.push(failureOf(outcome.path, outcome.error));
        break;
    }
  }
  summary.durationMs = Date.now() - startedAt;
  return summary;
}

/** Imports files and folders: reads, extracts and resolves them all, then writes each document in its own right. */
export async function importPaths(paths: readonly string[], options: ImportOptions): Promise<ImportSummary> {
  const startedAt = Date.now();
  const log = options.logger ?? silentLogger;
  // fail fast, before extracting anything, when the database cannot be reached
  try {
    await options.driver.verifyConnectivity({ database: options.database });
  } catch (error) {
    throw mapDriverError(error, `database "${options.database}"`);
  }
  // absolute paths, so that a changed file is recognised whichever folder the import was started from
  const absolute = paths.map((p) => path.resolve(p));
  const { extraction, failures } = await extractFiles(
    absolute,
    options.aliasesPath !== undefined ? { aliasesPath: options.aliasesPath } : {},
  );
  const extractedIn = ((Date.now() - startedAt) / 1000).toFixed(1);
  const extracted = `extracted ${extraction.documents.length} documents (${extraction.entities.length} entities, ${extraction.relations.length} relations) in ${extractedIn} s`;
  // a long extraction gets a line on stderr before the writes start; a short one is logged at debug only
  if (Date.now() - startedAt > 2000) log.info(`${extracted}; writing`);
  else log.debug(extracted);
  return importExtraction(extraction, failures, options, startedAt);
}

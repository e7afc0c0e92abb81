/**
 * `labour-graph import` over the pipeline: each chunk step's resolved extraction → planWrite → writePlan, with
 * the summary, progress and logging of an import.
 */
import type { Driver } from "neo4j-driver";
import path from "node:path";
import type { LabourGraphError } from "../domain/errors.js";
import type { Diagnostic, Extraction, SourceDocument } from "../domain/model.js";
import { mapDriverError } from "../graph/errors.js";
import { planWrite, type WritePlan } from "../graph/plan-write.js";
import {
  emptyCounters,
  findStoredDocuments,
  readStoredEntities,
  readStoredEvents,
  sumCounters,
  writePlan,
  type DocumentOutcome,
  type WriteCounters,
} from "../graph/writer.js";
import { silentLogger, type Logger } from "../log.js";
import { runChunkStep, type ExtractionSource, type PipelineRun } from "./chunk-step.js";
import { expandPaths } from "./expand-paths.js";
import type { ExtractionFailure } from "./failure.js";
import { loadAliasTable } from "./load-aliases.js";
import {
  knownEntitiesOf,
  recordKnownEntities,
  recordResolvedEvents,
  recordStoredEvents,
} from "./record-known-entities.js";

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
  /** the reference data (file or folder); defaults to aliases/reference/ when it exists; false: none */
  referencePath?: string | false;
  onProgress?: (progress: ImportProgress) => void;
  /**
   * importPaths: documents per chunk, each written in one transaction (default DEFAULT_CHUNK_DOCUMENTS);
   * importExtraction: documents per write transaction (1 = one transaction per document)
   */
  maxDocumentsPerTransaction?: number;
}

/**
 * Options of importPaths: those of every import, and how documents become extractions (the NLP server(s) with the
 * annotation cache, or another extractor: see ExtractionSource).
 */
export type ImportPathsOptions = ImportOptions & ExtractionSource;

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

function importFailureOf(pathName: string, error: LabourGraphError): ImportFailure {
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

function emptySummary(): ImportSummary {
  return {
    documents: { total: 0, imported: 0, replaced: 0, skipped: 0, failed: 0 },
    imported: [],
    replaced: [],
    skipped: [],
    failed: [],
    counters: emptyCounters(),
    diagnostics: { total: 0, byCode: {} },
    durationMs: 0,
  };
}

/** Adds the outcome of each written document to the summary. */
function recordOutcomes(summary: ImportSummary, outcomes: readonly DocumentOutcome[], log: Logger): void {
  for (const outcome of outcomes) {
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
        summary.failed.push(importFailureOf(outcome.path, outcome.error));
        break;
    }
  }
}

/** Writes an extraction that is already made (files that could not be read are passed as failures). */
export async function importExtraction(
  extraction: Extraction,
  failures: readonly ExtractionFailure[],
  options: ImportOptions,
  startedAt: number = Date.now(),
): Promise<ImportSummary> {
  const log = options.logger ?? silentLogger;
  // the summary lists every failure; the log repeats them only at debug level, so that each is printed once
  for (const failure of failures) log.debug(`[${failure.path}] not imported: ${failure.error.message}`);
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

  const summary = emptySummary();
  summary.documents = { total, imported: 0, replaced: 0, skipped: 0, failed: failures.length };
  summary.failed = failures.map((f) => importFailureOf(f.path, f.error));
  summary.counters = written.counters;
  summary.diagnostics = { total: diagnostics.length, byCode: countByCode(diagnostics) };
  recordOutcomes(summary, written.documents, log);
  summary.durationMs = Date.now() - startedAt;
  return summary;
}

/** Documents per chunk when none is given: small enough to bound memory, big enough for cheap transactions. */
export const DEFAULT_CHUNK_DOCUMENTS = 200;

/** The summary, progress and logging of one importPaths run. */
class ImportRun {
  readonly summary = emptySummary();
  private lastReport = Date.now();

  constructor(
    private readonly options: ImportPathsOptions,
    private readonly log: Logger,
    private readonly totalFiles: number,
    private readonly startedAt: number,
    /** files done before the first chunk (those not found) */
    private done: number,
  ) {}

  addDiagnostics(diagnostics: readonly Diagnostic[]): void {
    this.summary.diagnostics.total += diagnostics.length;
    for (const [code, n] of Object.entries(countByCode(diagnostics)))
      this.summary.diagnostics.byCode[code] = (this.summary.diagnostics.byCode[code] ?? 0) + n;
  }

  addFailure(failure: ExtractionFailure): void {
    this.log.debug(`[${failure.path}] not imported: ${failure.error.message}`);
    this.summary.documents.failed++;
    this.summary.failed.push(importFailureOf(failure.path, failure.error));
  }

  /** Counts `files` as done and reports the progress. */
  advance(files: number): void {
    this.done += files;
    const elapsed = (Date.now() - this.startedAt) / 1000;
    const report = { done: this.done, total: this.totalFiles, docsPerSecond: elapsed > 0 ? this.done / elapsed : 0 };
    this.options.onProgress?.(report);
    // long imports report on stderr every two seconds; short ones stay quiet
    if (Date.now() - this.lastReport > 2000 && report.done < report.total) {
      this.lastReport = Date.now();
      this.log.info(`${report.done}/${report.total} files, ${report.docsPerSecond.toFixed(1)} docs/s`);
    }
  }

  /** The documents not stored yet; those stored unchanged are counted as skipped (one query for the chunk). */
  async keepChanged(documents: SourceDocument[]): Promise<SourceDocument[]> {
    const { driver, database } = this.options;
    const stored = await findStoredDocuments(
      driver,
      database,
      documents.map((d) => d.id),
    );
    return documents.filter((document) => {
      if (!stored.has(document.id)) return true;
      this.summary.documents.skipped++;
      this.summary.skipped.push({ path: document.path, id: document.id, reason: "unchanged" });
      this.log.debug(`[${document.path}] skipped: already imported (${document.id})`);
      return false;
    });
  }

  /** Writes the plan of one chunk in one transaction: a crash leaves it all written or not at all. */
  async write(plan: WritePlan, chunkFiles: number, chunkSize: number): Promise<void> {
    const written = await writePlan(this.options.driver, plan, {
      database: this.options.database,
      logger: this.log,
      maxDocumentsPerTransaction: chunkSize,
      maxRowsPerTransaction: Number.MAX_SAFE_INTEGER,
    });
    sumCounters(this.summary.counters, written.counters);
    recordOutcomes(this.summary, written.documents, this.log);
    this.advance(chunkFiles);
  }
}

/** Fails fast, before extracting anything, when the database cannot be reached. */
async function checkConnectivity(driver: Driver, database: string): Promise<void> {
  try {
    await driver.verifyConnectivity({ database });
  } catch (error) {
    throw mapDriverError(error, `database "${database}"`);
  }
}

/**
 * Imports files and folders as a stream of chunks (DEFAULT_CHUNK_DOCUMENTS files by position in the sorted file
 * list, or `maxDocumentsPerTransaction`). Each chunk is read, checked against the stored documents in one query,
 * extracted, resolved against the known entities (those stored before the import, plus those earlier chunks
 * wrote), planned and written in one transaction, then dropped; the next chunk is extracted while the write of
 * the previous one runs (one write in flight). Because a chunk commits whole and the registry of known entities
 * says what the database says, an import killed between chunks and run again gives the graph of a single run.
 */
export async function importPaths(paths: readonly string[], options: ImportPathsOptions): Promise<ImportSummary> {
  const startedAt = Date.now();
  const log = options.logger ?? silentLogger;
  const { driver, database } = options;
  await checkConnectivity(driver, database);
  const aliases = await loadAliasTable(options.aliasesPath, options.referencePath);
  // absolute paths, so that a changed file is recognised whichever folder the import was started from
  const { files, failures: missing } = await expandPaths(paths.map((p) => path.resolve(p)));
  const known = knownEntitiesOf(await readStoredEntities(driver, database));
  recordStoredEvents(known, await readStoredEvents(driver, database));
  log.debug(`${files.length} files to read; ${known.size} entities known from the graph`);
  const chunkSize = Math.max(1, options.maxDocumentsPerTransaction ?? DEFAULT_CHUNK_DOCUMENTS);
  const source: ExtractionSource =
    options.annotate !== undefined ? { annotate: options.annotate } : { extractDocuments: options.extractDocuments };
  const pipeline: PipelineRun = { ...source, aliases, firstPathOf: new Map(), known };
  const run = new ImportRun(options, log, files.length + missing.length, startedAt, missing.length);
  run.summary.documents.total = missing.length;
  for (const failure of missing) run.addFailure(failure);

  let inFlight: Promise<void> | undefined;
  try {
    for (let from = 0; from < files.length; from += chunkSize) {
      const chunkFiles = files.slice(from, from + chunkSize);
      // annotation (the NLP server) runs while the previous chunk is written
      const step = await runChunkStep(chunkFiles, pipeline, {
        resolve: "together",
        // unchanged documents are neither extracted nor written
        keep: (documents) => run.keepChanged(documents),
      });
      run.summary.documents.total += step.read.documents.length + step.read.failures.length;
      for (const failure of [...step.read.failures, ...step.failures]) run.addFailure(failure);
      run.addDiagnostics(step.read.duplicates);
      const extraction = step.resolved[0];
      let plan: WritePlan | undefined;
      if (extraction !== undefined) {
        plan = planWrite(extraction);
        run.addDiagnostics(extraction.diagnostics);
        run.addDiagnostics(plan.diagnostics);
        // recorded before the write commits: the next chunk, extracted meanwhile, resolves against these entities
        recordKnownEntities(known, plan);
        recordResolvedEvents(known, extraction);
      }
      await inFlight;
      inFlight = plan !== undefined ? run.write(plan, chunkFiles.length, chunkSize) : undefined;
      // observed now, rethrown by the await above: a write failing during the next extraction is not "unhandled"
      inFlight?.catch(() => undefined);
      if (plan === undefined) run.advance(chunkFiles.length);
    }
    await inFlight;
  } catch (error) {
    // a failed write must not be left unobserved while the error of another step is thrown
    await inFlight?.catch(() => undefined);
    throw error;
  }
  run.summary.durationMs = Date.now() - startedAt;
  return run.summary;
}

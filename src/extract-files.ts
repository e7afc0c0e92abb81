/**
 * extractFiles: files and folders to one resolved Extraction (ingest → extract → resolve), without a database.
 * A file that cannot be read is reported as a failure and the others go on. The per-step functions are
 * exported so the importer can stream documents through the same steps (in chunks, see importPaths); this
 * whole-corpus form is for `labour-graph extract` and quality measurement, where the corpus fits in memory.
 */
import type { Stats } from "node:fs";
import { existsSync } from "node:fs";
import { lstat, mkdir, readdir, realpath, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { annotateAll, type AnnotateContext } from "./annotate/index.js";
import { PROJECT_ROOT } from "./config/config.js";
import type { AliasFile } from "./domain/aliases.js";
import type { AnnotatedDocument } from "./domain/annotation.js";
import { InputError, LabourGraphError, ProvisionError } from "./domain/errors.js";
import type { Diagnostic, Extraction, SourceDocument } from "./domain/model.js";
import type { ReferenceData } from "./domain/reference.js";
import { extractAnnotated } from "./extract/extract-annotated.js";
import type { DocumentExtraction } from "./extract/types.js";
import { DOCUMENT_EXTENSIONS } from "./ingest/loaders/index.js";
import { readAliasFile } from "./ingest/read-aliases.js";
import { readDocument } from "./ingest/read-document.js";
import { readReferenceData } from "./ingest/read-reference.js";
import type { AliasTable } from "./resolve/alias-table.js";
import { buildResolutionTable } from "./resolve/reference-table.js";
import { resolveExtraction } from "./resolve/resolve-extraction.js";

/** The alias file used when none is given (if it exists). */
export const DEFAULT_ALIASES_FILE = path.join(PROJECT_ROOT, "aliases", "aliases.yaml");

/** The reference data used when none is given (if it exists): a folder of YAML files. */
export const DEFAULT_REFERENCE_PATH = path.join(PROJECT_ROOT, "aliases", "reference");

/** A file that could not be read or extracted. */
export interface ExtractionFailure {
  path: string;
  error: LabourGraphError;
}

/** Options of extractFiles. */
export interface ExtractFilesOptions {
  /** the curated alias file; defaults to aliases/aliases.yaml when it exists */
  aliasesPath?: string;
  /** the NLP server(s) and annotation cache */
  annotate: AnnotateContext;
  /** the reference data (file or folder); defaults to aliases/reference/ when it exists; false: none */
  referencePath?: string | false;
}

function isDocumentFile(name: string): boolean {
  const lower = name.toLowerCase();
  return DOCUMENT_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

function skipped(p: string, reason: string, suggestion: string, cause?: unknown): ExtractionFailure {
  return {
    path: p,
    error: new InputError(`Cannot import "${p}": ${reason}.`, { input: p, suggestion, ...(cause ? { cause } : {}) }),
  };
}

const SUPPORTED = `Supported formats: ${DOCUMENT_EXTENSIONS.join(", ")} (text files in UTF-8 or with a byte order mark; PDF files with a text layer).`;

/**
 * Expands directories (recursively, sorted) into document files; files named directly are kept as given. Every
 * path that is not imported is reported as a failure with its reason (a broken symbolic link, a format that is not
 * a document format, an unreadable folder), except hidden entries (names starting with "."), which are skipped.
 * Symbolic links are followed, each folder once.
 */
export async function expandPaths(paths: string[]): Promise<{ files: string[]; failures: ExtractionFailure[] }> {
  const files: string[] = [];
  const failures: ExtractionFailure[] = [];
  const walked = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    const real = await realpath(dir);
    if (walked.has(real)) return; // a link back to a folder already walked
    walked.add(real);
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      await visit(path.join(dir, entry.name), false);
    }
  };
  const visit = async (p: string, isNamed: boolean): Promise<void> => {
    let info: Stats;
    try {
      info = await stat(p);
    } catch (cause) {
      const isLink = await lstat(p).then(
        (l) => l.isSymbolicLink(),
        () => false,
      );
      const code = (cause as NodeJS.ErrnoException).code;
      failures.push(
        isLink && code === "ENOENT"
          ? skipped(p, "a symbolic link whose target does not exist", "Fix or remove the link.", cause)
          : skipped(
              p,
              code === "ENOENT" ? "no such file or directory" : (cause as Error).message,
              "Check the path.",
              cause,
            ),
      );
      return;
    }
    if (info.isDirectory()) {
      try {
        await walk(p);
      } catch (cause) {
        failures.push(
          skipped(p, `the folder cannot be read (${(cause as Error).message})`, "Check its permissions.", cause),
        );
      }
    } else if (!info.isFile()) {
      failures.push(skipped(p, "not a regular file (a device, socket or pipe)", "Import only document files."));
    } else if (isDocumentFile(p) || (isNamed && path.extname(p) === "")) {
      files.push(p);
    } else {
      const ext = path.extname(p).toLowerCase() || "(no extension)";
      failures.push(skipped(p, `"${ext}" is not a supported document format`, SUPPORTED));
    }
  };
  for (const p of paths) await visit(p, true);
  return { files: [...new Set(files)], failures };
}

/** Reads the curated alias file: the given one, else aliases/aliases.yaml when it exists, else none. */
export async function readCuratedAliases(aliasesPath?: string): Promise<AliasFile | undefined> {
  if (aliasesPath !== undefined) return readAliasFile(aliasesPath);
  if (existsSync(DEFAULT_ALIASES_FILE)) return readAliasFile(DEFAULT_ALIASES_FILE);
  return undefined;
}

/** Reads the reference data: the given file or folder, else aliases/reference/ when it exists; false: none. */
export async function readReference(referencePath?: string | false): Promise<ReferenceData | undefined> {
  if (referencePath === false) return undefined;
  if (referencePath !== undefined) return readReferenceData(referencePath);
  if (existsSync(DEFAULT_REFERENCE_PATH)) return readReferenceData(DEFAULT_REFERENCE_PATH);
  return undefined;
}

/**
 * Loads the alias table of resolution: the curated alias file (see readCuratedAliases) above the reference data
 * (see readReference), both optional.
 */
export async function loadAliasTable(aliasesPath?: string, referencePath?: string | false): Promise<AliasTable> {
  const [aliases, reference] = await Promise.all([readCuratedAliases(aliasesPath), readReference(referencePath)]);
  return buildResolutionTable(aliases ?? {}, reference?.entries ?? []);
}

/** Extracts one annotated document; its front-matter date is the reference for relative dates. */
export function extractAnnotatedDocument(document: SourceDocument, annotated: AnnotatedDocument): DocumentExtraction {
  return extractAnnotated(document, annotated, document.date !== undefined ? { referenceDate: document.date } : {});
}

/**
 * Annotates and extracts documents read already, in their order. A document the NLP server could not annotate
 * (a timeout, a rejected text) is a failure; an NLP server that does not answer stops everything (ProvisionError).
 */
export async function extractDocuments(
  documents: readonly SourceDocument[],
  annotate: AnnotateContext,
): Promise<{ extractions: DocumentExtraction[]; failures: ExtractionFailure[] }> {
  const extractions: DocumentExtraction[] = [];
  const failures: ExtractionFailure[] = [];
  for (const outcome of await annotateAll(documents, annotate)) {
    if ("error" in outcome) {
      if (outcome.error instanceof ProvisionError) throw outcome.error;
      failures.push({ path: outcome.document.path, error: asLabourGraphError(outcome.error, outcome.document.path) });
      continue;
    }
    try {
      extractions.push(extractAnnotatedDocument(outcome.document, outcome.annotated));
    } catch (error) {
      failures.push({ path: outcome.document.path, error: asLabourGraphError(error, outcome.document.path) });
    }
  }
  return { extractions, failures };
}

/** Reads files, one document per distinct content; unreadable files and repeated contents are reported. */
export async function readDocuments(
  files: readonly string[],
): Promise<{ documents: SourceDocument[]; failures: ExtractionFailure[]; duplicates: Diagnostic[] }> {
  const documents: SourceDocument[] = [];
  const failures: ExtractionFailure[] = [];
  const duplicates: Diagnostic[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    try {
      const document = await readDocument(file);
      // the same content under two names is one document
      const first = seen.get(document.id);
      if (first !== undefined) {
        duplicates.push({
          documentId: document.id,
          level: "info",
          code: "DUPLICATE_DOCUMENT",
          message: `"${file}" has the same content as "${first}"; read once.`,
        });
        continue;
      }
      seen.set(document.id, file);
      documents.push(document);
    } catch (error) {
      failures.push({ path: file, error: asLabourGraphError(error, file) });
    }
  }
  return { documents, failures, duplicates };
}

function asLabourGraphError(error: unknown, file: string): LabourGraphError {
  if (error instanceof LabourGraphError) return error;
  return new InputError(`Cannot import "${file}": ${error instanceof Error ? error.message : String(error)}.`, {
    input: file,
    cause: error,
  });
}

/** Reads, extracts and resolves every document under `paths`; unreadable files are failures, not exceptions. */
export async function extractFiles(
  paths: string[],
  options: ExtractFilesOptions,
): Promise<{ extraction: Extraction; failures: ExtractionFailure[] }> {
  const aliases = await loadAliasTable(options.aliasesPath, options.referencePath);
  const { files, failures } = await expandPaths(paths);
  const read = await readDocuments(files);
  const extracted = await extractDocuments(read.documents, options.annotate);
  const extraction = resolveExtraction(extracted.extractions, aliases);
  extraction.diagnostics.push(...read.duplicates);
  return { extraction, failures: [...failures, ...read.failures, ...extracted.failures] };
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
  const aliases = await loadAliasTable(options.aliasesPath, options.referencePath);
  const { files, failures } = await expandPaths(paths);
  let extracted = 0;
  for (let from = 0; from < files.length; from += OUT_CHUNK) {
    const read = await readDocuments(files.slice(from, from + OUT_CHUNK));
    const result = await extractDocuments(read.documents, options.annotate);
    failures.push(...read.failures, ...result.failures);
    for (const x of result.extractions) {
      await each(resolveExtraction([x], aliases), x.document);
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

export { resolveExtraction };

/**
 * extractFiles: files and folders to one resolved Extraction (ingest → extract → resolve), without a database.
 * A file that cannot be read is reported as a failure and the others go on. The per-step functions are
 * exported so the importer can stream documents through the same steps (in chunks, see importPaths); this
 * whole-corpus form is for `labour-graph extract` and quality measurement, where the corpus fits in memory.
 */
import { existsSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { PROJECT_ROOT } from "./config/config.js";
import type { AliasFile } from "./domain/aliases.js";
import { InputError, LabourGraphError } from "./domain/errors.js";
import type { Diagnostic, Extraction, SourceDocument } from "./domain/model.js";
import type { ReferenceData } from "./domain/reference.js";
import { extractDocument } from "./extract/extract-document.js";
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
  /** the reference data (file or folder); defaults to aliases/reference/ when it exists; false: none */
  referencePath?: string | false;
}

function isDocumentFile(name: string): boolean {
  const lower = name.toLowerCase();
  return DOCUMENT_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Expands directories (recursively, document extensions only, sorted); files are kept as given. */
export async function expandPaths(paths: string[]): Promise<{ files: string[]; failures: ExtractionFailure[] }> {
  const files: string[] = [];
  const failures: ExtractionFailure[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && isDocumentFile(entry.name)) files.push(full);
    }
  };
  for (const p of paths) {
    try {
      const info = await stat(p);
      if (info.isDirectory()) await walk(p);
      else files.push(p);
    } catch (cause) {
      failures.push({
        path: p,
        error: new InputError(
          `Cannot import "${p}": ${(cause as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or directory" : (cause as Error).message}.`,
          {
            input: p,
            suggestion: "Check the path.",
            cause,
          },
        ),
      });
    }
  }
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

/** Extracts one document read already; its front-matter date is the reference for relative dates. */
export function extractSourceDocument(document: SourceDocument): DocumentExtraction {
  return extractDocument(document, document.date !== undefined ? { referenceDate: document.date } : {});
}

/** Reads and extracts one file. */
export async function extractFile(file: string): Promise<{ document: SourceDocument; extraction: DocumentExtraction }> {
  const document = await readDocument(file);
  return { document, extraction: extractSourceDocument(document) };
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
  options: ExtractFilesOptions = {},
): Promise<{ extraction: Extraction; failures: ExtractionFailure[] }> {
  const aliases = await loadAliasTable(options.aliasesPath, options.referencePath);
  const { files, failures } = await expandPaths(paths);
  const extractions: DocumentExtraction[] = [];
  const seen = new Map<string, string>();
  const duplicates: Diagnostic[] = [];
  for (const file of files) {
    try {
      const { extraction } = await extractFile(file);
      // the same content under two names is one document
      const first = seen.get(extraction.document.id);
      if (first !== undefined) {
        duplicates.push({
          documentId: extraction.document.id,
          level: "info",
          code: "DUPLICATE_DOCUMENT",
          message: `"${file}" has the same content as "${first}"; read once.`,
        });
        continue;
      }
      seen.set(extraction.document.id, file);
      extractions.push(extraction);
    } catch (error) {
      failures.push({ path: file, error: asLabourGraphError(error, file) });
    }
  }
  const extraction = resolveExtraction(extractions, aliases);
  extraction.diagnostics.push(...duplicates);
  return { extraction, failures };
}

export { extractDocument, resolveExtraction };

/**
 * extractFiles: files and folders to one resolved Extraction (ingest → extract → resolve), without a database.
 * A file that cannot be read is reported as a failure and the others go on. The per-step functions are
 * exported so the importer can stream documents through the same steps (in chunks, see importPaths); this
 * whole-corpus form is for `labour-graph extract` and quality measurement, where the corpus fits in memory.
 */
import type { Stats } from "node:fs";
import { existsSync } from "node:fs";
import { lstat, readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { PROJECT_ROOT } from "./config/config.js";
import { InputError, LabourGraphError } from "./domain/errors.js";
import type { Diagnostic, Extraction, SourceDocument } from "./domain/model.js";
import { extractDocument } from "./extract/extract-document.js";
import type { DocumentExtraction } from "./extract/types.js";
import { DOCUMENT_EXTENSIONS } from "./ingest/loaders/index.js";
import { readAliasFile } from "./ingest/read-aliases.js";
import { readDocument } from "./ingest/read-document.js";
import { buildAliasTable, EMPTY_ALIAS_TABLE, type AliasTable } from "./resolve/alias-table.js";
import { resolveExtraction } from "./resolve/resolve-extraction.js";

/** The alias file used when none is given (if it exists). */
export const DEFAULT_ALIASES_FILE = path.join(PROJECT_ROOT, "aliases", "aliases.yaml");

/** A file that could not be read or extracted. */
export interface ExtractionFailure {
  path: string;
  error: LabourGraphError;
}

/** Options of extractFiles. */
export interface ExtractFilesOptions {
  /** the curated alias file; defaults to aliases/aliases.yaml when it exists */
  aliasesPath?: string;
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

const SUPPORTED = `Supported formats: ${DOCUMENT_EXTENSIONS.join(", ")} (text files, UTF-8 or with a byte order mark).`;

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

/** Loads the alias table: the given file, else aliases/aliases.yaml when it exists, else an empty table. */
export async function loadAliasTable(aliasesPath?: string): Promise<AliasTable> {
  if (aliasesPath !== undefined) return buildAliasTable(await readAliasFile(aliasesPath));
  if (existsSync(DEFAULT_ALIASES_FILE)) return buildAliasTable(await readAliasFile(DEFAULT_ALIASES_FILE));
  return EMPTY_ALIAS_TABLE;
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
  const aliases = await loadAliasTable(options.aliasesPath);
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

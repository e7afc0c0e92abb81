/** The files a run reads: files and folders expanded into document files, each path not read named with its reason. */
import type { Stats } from "node:fs";
import { lstat, readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { InputError } from "../domain/errors.js";
import { DOCUMENT_EXTENSIONS } from "../ingest/loaders/index.js";
import type { ExtractionFailure } from "./failure.js";

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

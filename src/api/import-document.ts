/**
 * The authenticated importDocument mutation's adapter: the text becomes a temporary file with YAML front matter
 * (title, date, url) and goes through the same importer as `labour-graph import`.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { InputError } from "../domain/errors.js";
import { isoDateSchema } from "../domain/model.js";
import type { ImportDocumentFn, ImportDocumentInput } from "./resolvers.js";

/** The part of the importer's summary the mutation reports. */
export interface ImportPathsSummary {
  imported: { id: string }[];
  replaced: { id: string }[];
  skipped: { id: string }[];
  failed: { message: string }[];
  counters: { nodesCreated: number; relationshipsCreated: number };
  diagnostics: { total: number; byCode: Record<string, number> };
}

/** Most characters accepted in importDocument's text. */
export const MAX_IMPORT_TEXT = 500_000;

function frontMatter(input: ImportDocumentInput): string {
  const lines = (["title", "date", "url"] as const)
    .filter((k) => input[k] !== undefined && input[k] !== null)
    .map((k) => `${k}: ${JSON.stringify(input[k])}`);
  return lines.length === 0 ? "" : `---\n${lines.join("\n")}\n---\n`;
}

/** Builds importDocument from an importPaths-like function. */
export function createImportDocument(importPaths: (paths: string[]) => Promise<ImportPathsSummary>): ImportDocumentFn {
  return async (input) => {
    if (input.text.trim() === "")
      throw new InputError("The document text is empty.", { input: "text", suggestion: "Send the article's text." });
    if (input.text.length > MAX_IMPORT_TEXT)
      throw new InputError(`The document text is longer than ${MAX_IMPORT_TEXT} characters.`, { input: "text" });
    if (input.date !== undefined && input.date !== null && !isoDateSchema.safeParse(input.date).success) {
      throw new InputError(`The date "${String(input.date).slice(0, 40)}" is not YYYY, YYYY-MM or YYYY-MM-DD.`, {
        input: "date",
      });
    }
    const dir = await mkdtemp(path.join(tmpdir(), "labour-graph-import-"));
    try {
      const file = path.join(dir, "document.txt");
      await writeFile(file, `${frontMatter(input)}${input.text}`, "utf8");
      const summary = await importPaths([file]);
      const failure = summary.failed[0];
      if (failure) throw new InputError(`The document was not imported: ${failure.message}`, { input: "text" });
      const doc = summary.imported[0] ?? summary.replaced[0] ?? summary.skipped[0];
      return {
        documentId: doc?.id ?? "",
        nodes: summary.counters.nodesCreated,
        edges: summary.counters.relationshipsCreated,
        diagnostics: Object.entries(summary.diagnostics.byCode).map(([code, n]) => `${code}: ${n}`),
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
}

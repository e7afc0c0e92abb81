/** `labour-graph import <file|dir>... [--aliases <file>] [--json] [--batch <n>]`: documents into the graph. */
import { Command } from "commander";
import { existsSync } from "node:fs";
import { z } from "zod";
import { InputError } from "../../domain/errors.js";
import { importPaths, type ImportSummary } from "../../pipeline/import-paths.js";
import { annotateContextFor, withDriver, type CliContext } from "../context.js";

const optionsSchema = z.object({
  aliases: z.string().min(1).optional(),
  json: z.boolean().optional(),
  batch: z.coerce.number().int().min(1).max(1000).optional(),
});

const MAX_LISTED = 10;

/** The human-readable summary printed at the end of an import. */
export function formatSummary(summary: ImportSummary): string {
  const d = summary.documents;
  const c = summary.counters;
  const lines = [
    `${d.total} documents: ${d.imported} imported, ${d.replaced} replaced, ${d.skipped} skipped (unchanged), ${d.failed} failed, in ${(summary.durationMs / 1000).toFixed(1)} s`,
    `graph: ${c.nodesCreated} nodes created, ${c.relationshipsCreated} relationships created, ${c.propertiesSet} properties set` +
      (c.nodesDeleted + c.relationshipsDeleted > 0
        ? `, ${c.nodesDeleted} nodes and ${c.relationshipsDeleted} relationships removed`
        : ""),
  ];
  for (const r of summary.replaced) lines.push(`replaced: ${r.path} (was ${r.previous.join(", ")})`);
  // a re-import of a big folder skips thousands of files: name a few, count the rest (--json lists them all)
  for (const s of summary.skipped.slice(0, MAX_LISTED)) lines.push(`skipped: ${s.path} (already imported as ${s.id})`);
  if (summary.skipped.length > MAX_LISTED) lines.push(`skipped: ... and ${summary.skipped.length - MAX_LISTED} more`);
  for (const f of summary.failed)
    lines.push(`failed: ${f.path}: ${f.message}${f.suggestion ? ` ${f.suggestion}` : ""}`);
  const codes = Object.entries(summary.diagnostics.byCode).sort(([, a], [, b]) => b - a);
  if (codes.length > 0)
    lines.push(`diagnostics: ${summary.diagnostics.total} (${codes.map(([code, n]) => `${code} ${n}`).join(", ")})`);
  return lines.join("\n");
}

/** Builds the `import` command. Exit code 2 when any file failed (the others are imported all the same). */
export function importCommand(ctx: CliContext): Command {
  return new Command("import")
    .description(
      "import .txt, .md, .html and .pdf documents (files or folders) into the graph; unchanged documents are skipped",
    )
    .argument("<paths...>", "files or folders to import")
    .option("--aliases <file>", "the curated alias file (default: aliases/aliases.yaml when it exists)")
    .option("--batch <n>", "documents per chunk, each read, resolved and written in one transaction (default 200)")
    .option("--json", "print the summary as one JSON object")
    .action(async (paths: string[], raw: unknown) => {
      const opts = optionsSchema.parse(raw);
      if (opts.aliases !== undefined && !existsSync(opts.aliases)) {
        throw new InputError(`The alias file "${opts.aliases}" does not exist.`, {
          input: opts.aliases,
          suggestion: "Check the path, or leave out --aliases to use aliases/aliases.yaml.",
        });
      }
      const annotate = await annotateContextFor(ctx);
      const summary = await withDriver(ctx, (driver) =>
        importPaths(paths, {
          annotate,
          driver,
          database: ctx.config.neo4j.database,
          logger: ctx.logger("import"),
          ...(opts.aliases !== undefined ? { aliasesPath: opts.aliases } : {}),
          ...(opts.batch !== undefined ? { maxDocumentsPerTransaction: opts.batch } : {}),
        }),
      );
      ctx.print(opts.json ? JSON.stringify(summary) : formatSummary(summary));
      if (summary.failed.length > 0) {
        // the summary above has named each file and its reason; the error only counts them
        throw new InputError(
          `${summary.failed.length} of ${summary.documents.total} files were not imported (listed ${opts.json ? 'under "failed"' : 'as "failed:"'} above).`,
          {
            suggestion:
              "The other files were imported. Fix or remove the files listed, then run the import again (imported documents are skipped).",
          },
        );
      }
    });
}

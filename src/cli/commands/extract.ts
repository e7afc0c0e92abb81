/** `labour-graph extract <file|dir>... [--json] [--aliases <file>]`: the resolved extraction, without a database. */
import { Command } from "commander";
import { z } from "zod";
import { InputError } from "../../domain/errors.js";
import type { Extraction } from "../../domain/model.js";
import { extractFiles, extractFilesToDirectory } from "../../pipeline/extract-paths.js";
import { annotateContextFor, type CliContext } from "../context.js";
import { EXIT } from "../handle-error.js";

const optionsSchema = z.object({
  aliases: z.string().min(1).optional(),
  json: z.boolean().optional(),
  out: z.string().min(1).optional(),
});

/** The `extract --json` output: the issue's contract (documents, entities, relations, diagnostics). */
export function toExtractJson(extraction: Extraction): unknown {
  return {
    documents: extraction.documents.map((d) => ({
      id: d.id,
      title: d.title,
      date: d.date,
      path: d.path,
      ...(d.url ? { url: d.url } : {}),
    })),
    entities: extraction.entities.map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      aliases: e.aliases,
      properties: e.properties,
    })),
    relations: extraction.relations.map((r) => ({
      type: r.type,
      from: r.from,
      to: r.to,
      properties: r.properties,
      evidence: r.evidence,
      confidence: r.confidence,
    })),
    diagnostics: extraction.diagnostics,
  };
}

/** A readable summary: counts, then entities by type and the connecting relations with their evidence counts. */
export function formatExtraction(extraction: Extraction): string {
  const names = new Map(extraction.entities.map((e) => [e.id, e.name] as const));
  const lines = [
    `${extraction.documents.length} documents, ${extraction.entities.length} entities, ${extraction.relations.length} relations, ${extraction.diagnostics.length} diagnostics`,
  ];
  for (const type of ["Person", "Union", "Confederation", "Organization", "Country", "Event"] as const) {
    const of = extraction.entities.filter((e) => e.type === type);
    if (of.length === 0) continue;
    lines.push("", `${type} (${of.length})`);
    for (const e of of) lines.push(`  ${e.name}${e.aliases.length > 0 ? `  [${e.aliases.join(" | ")}]` : ""}`);
  }
  const connecting = extraction.relations.filter((r) => r.type !== "MENTIONED_IN");
  if (connecting.length > 0) lines.push("", `Relations (${connecting.length}, MENTIONED_IN not listed)`);
  for (const r of connecting) {
    const props = Object.entries(r.properties)
      .filter(([k]) => k !== "eventId")
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(" ");
    lines.push(
      `  ${names.get(r.from) ?? r.from} -[${r.type}${props ? ` ${props}` : ""}]-> ${names.get(r.to) ?? r.to}  (${r.evidence.length} evidence, confidence ${r.confidence})`,
    );
  }
  return lines.join("\n");
}

/** Builds the `extract` command. Exit code 2 when every file failed. */
export function extractCommand(ctx: CliContext): Command {
  return new Command("extract")
    .description(
      "extract and resolve entities and relations from .txt, .md, .html and .pdf documents, without the database",
    )
    .argument("<paths...>", "files or folders")
    .option("--aliases <file>", "the curated alias file (default: aliases/aliases.yaml when it exists)")
    .option("--json", "print the extraction as one JSON object")
    .option(
      "--out <dir>",
      "write one extraction JSON per document into <dir>, named like the document (doc.txt → doc.json)",
    )
    .action(async (paths: string[], raw: unknown) => {
      const opts = optionsSchema.parse(raw);
      const annotate = await annotateContextFor(ctx);
      const aliases = opts.aliases !== undefined ? { aliasesPath: opts.aliases } : {};
      if (opts.out !== undefined) {
        const { written, failures } = await extractFilesToDirectory(
          paths,
          opts.out,
          { ...aliases, annotate },
          (extraction) => `${JSON.stringify(toExtractJson(extraction))}\n`,
        );
        for (const f of failures)
          process.stderr.write(
            `failed: ${f.path}: ${f.error.message}${f.error.suggestion ? ` ${f.error.suggestion}` : ""}\n`,
          );
        if (written === 0 && failures.length > 0)
          throw new InputError(`None of the ${failures.length} files could be read.`, {
            suggestion: "Fix the files listed above and run again.",
          });
        ctx.print(
          opts.json
            ? JSON.stringify({ written, failed: failures.length, out: opts.out })
            : `${written} extractions written to ${opts.out}${failures.length > 0 ? `, ${failures.length} failed` : ""}`,
        );
        if (failures.length > 0) ctx.exitWith(EXIT.ERROR);
        return;
      }
      const { extraction, failures } = await extractFiles(paths, { ...aliases, annotate });
      for (const f of failures)
        process.stderr.write(
          `failed: ${f.path}: ${f.error.message}${f.error.suggestion ? ` ${f.error.suggestion}` : ""}\n`,
        );
      if (extraction.documents.length === 0 && failures.length > 0) {
        throw new InputError(`None of the ${failures.length} files could be read.`, {
          suggestion: "Fix the files listed above and run again.",
        });
      }
      ctx.print(opts.json ? JSON.stringify(toExtractJson(extraction)) : formatExtraction(extraction));
    });
}

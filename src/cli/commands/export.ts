/** `labour-graph export --format graphml|json|csv --out <path> [--around <name> --depth N]`. */
import { Command } from "commander";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { InputError } from "../../domain/errors.js";
import { EXPORT_FORMATS, readGraphExport, toCsvExport, toGraphML, toJsonExport } from "../../graph/export.js";
import { resolveEntity } from "../../graph/queries/index.js";
import { withDriver, type CliContext } from "../context.js";

/** Deepest neighbourhood an export may take. */
const MAX_EXPORT_DEPTH = 6;

/** Options of `export`. */
export const exportOptionsSchema = z
  .object({
    format: z.enum(EXPORT_FORMATS),
    out: z.string().min(1),
    around: z.string().min(1).optional(),
    depth: z.coerce.number().int().min(1).max(MAX_EXPORT_DEPTH).optional(),
    json: z.boolean().default(false),
  })
  .strict()
  .refine((o) => o.depth === undefined || o.around !== undefined, {
    path: ["depth"],
    message: "--depth sets the hops around --around; pass --around <name> with it, or leave --depth out",
  });

function writeOutput(file: string, text: string): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  } catch (error) {
    throw new InputError(`Cannot write "${file}": ${(error as Error).message}.`, {
      input: file,
      suggestion: "Choose a path in a folder you can write to.",
      cause: error,
    });
  }
}

/** Builds the `export` command. */
export function exportCommand(ctx: CliContext): Command {
  return new Command("export")
    .exitOverride() // usage errors reach handleError (exit 2) instead of exiting with commander's 1
    .description("export the graph (or a neighbourhood) with its evidence and sources as GraphML, JSON or CSV")
    .requiredOption("--format <format>", `one of ${EXPORT_FORMATS.join(", ")}`)
    .requiredOption("--out <path>", "the output file (graphml, json) or folder (csv: nodes.csv and edges.csv)")
    .option("--around <name>", "only the neighbourhood of this entity (name, alias or id)")
    .option("--depth <n>", `hops around --around, 1 to ${MAX_EXPORT_DEPTH} (default 1)`)
    .option("--json", "print a JSON summary")
    .action(async (raw: unknown) => {
      const opts = exportOptionsSchema.parse(raw);
      const out = path.resolve(opts.out);
      const graph = await withDriver(ctx, async (driver) => {
        const database = ctx.config.neo4j.database;
        const around =
          opts.around === undefined
            ? undefined
            : await resolveEntity({ driver, database, timeoutMs: ctx.config.server.queryTimeoutMs }, opts.around);
        return readGraphExport(driver, {
          database,
          ...(around === undefined ? {} : { aroundId: around.id, depth: opts.depth ?? 1 }),
        });
      });
      const files: string[] = [];
      switch (opts.format) {
        case "graphml":
          writeOutput(out, toGraphML(graph));
          files.push(out);
          break;
        case "json":
          writeOutput(out, toJsonExport(graph));
          files.push(out);
          break;
        case "csv": {
          const { nodes, edges } = toCsvExport(graph);
          for (const [name, text] of [
            ["nodes.csv", nodes],
            ["edges.csv", edges],
          ] as const) {
            writeOutput(path.join(out, name), text);
            files.push(path.join(out, name));
          }
          break;
        }
        default:
          throw new InputError(`Unknown format ${String(opts.format satisfies never)}.`);
      }
      const summary = {
        format: opts.format,
        nodes: graph.nodes.length,
        relationships: graph.relationships.length,
        files,
        scope: graph.scope,
      };
      ctx.print(
        opts.json
          ? JSON.stringify(summary, null, 2)
          : `Exported ${summary.nodes} nodes and ${summary.relationships} relationships${graph.scope.around ? ` around ${graph.scope.around} (depth ${graph.scope.depth})` : ""} to ${files.join(", ")}`,
      );
    });
}

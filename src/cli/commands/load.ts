/** `labour-graph load <export.json> [--json]`: re-imports a JSON export (MERGE on ids and keys; safe to repeat). */
import { Command } from "commander";
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { InputError } from "../../domain/errors.js";
import { loadGraphExport, parseGraphExport } from "../../graph/load-export.js";
import { withDriver, type CliContext } from "../context.js";

/** Options of `load`. */
export const loadOptionsSchema = z.object({ json: z.boolean().default(false) });

/** Builds the `load` command. */
export function loadCommand(ctx: CliContext): Command {
  return new Command("load")
    .exitOverride() // usage errors reach handleError (exit 2) instead of exiting with commander's 1
    .description("load a JSON export (from `labour-graph export --format json`) into the database")
    .argument("<file>", "the JSON export")
    .option("--json", "print a JSON summary")
    .action(async (file: string, raw: unknown) => {
      const opts = loadOptionsSchema.parse(raw);
      let text: string;
      try {
        text = readFileSync(path.resolve(file), "utf8");
      } catch (error) {
        throw new InputError(`Cannot read "${file}": ${(error as Error).message}.`, {
          input: file,
          suggestion: "Pass the path of a JSON export.",
          cause: error,
        });
      }
      const graph = parseGraphExport(text, `"${file}"`);
      const summary = await withDriver(ctx, (driver) =>
        loadGraphExport(driver, graph, { database: ctx.config.neo4j.database }),
      );
      ctx.print(
        opts.json
          ? JSON.stringify({ file, ...summary })
          : `Loaded ${summary.nodes} nodes and ${summary.relationships} relationships from ${file}`,
      );
    });
}

/** `labour-graph reference load|stats [--file <file|folder>]`: the reference data of the labour movement. */
import { Command } from "commander";
import { z } from "zod";
import { loadReference, requireReference } from "../../reference.js";
import { referenceStats } from "../../resolve/reference-table.js";
import { withDriver, type CliContext } from "../context.js";

/** Options of `reference load` and `reference stats`. */
export const referenceOptionsSchema = z.object({
  file: z.string().min(1).optional(),
  json: z.boolean().default(false),
});

const FILE_HELP = "the reference data: a YAML file or a folder of them (default: aliases/reference/)";

/** Builds the `reference` command and its `load` and `stats` subcommands. */
export function referenceCommand(ctx: CliContext): Command {
  const command = new Command("reference").description(
    "the reference data of the international labour movement (aliases/reference/): load it, count it",
  );
  command
    .command("load")
    .exitOverride()
    .description("write the reference organisations and their affiliations to the database (safe to repeat)")
    .option("--file <path>", FILE_HELP)
    .option("--json", "print a JSON summary")
    .action(async (raw: unknown) => {
      const opts = referenceOptionsSchema.parse(raw);
      const summary = await withDriver(ctx, (driver) =>
        loadReference({
          driver,
          database: ctx.config.neo4j.database,
          logger: ctx.logger("reference"),
          ...(opts.file !== undefined ? { referencePath: opts.file } : {}),
        }),
      );
      const { counters } = summary;
      ctx.print(
        opts.json
          ? JSON.stringify(summary)
          : `Loaded ${summary.organisations} organisations and ${summary.memberships} affiliations (${summary.source}): ${counters.nodesCreated} nodes and ${counters.relationshipsCreated} relationships created, ${counters.propertiesSet} properties set`,
      );
    });
  command
    .command("stats")
    .exitOverride()
    .description("count the reference organisations, those with a country and a source, and their affiliations")
    .option("--file <path>", FILE_HELP)
    .option("--json", "print the figures as JSON")
    .action(async (raw: unknown) => {
      const opts = referenceOptionsSchema.parse(raw);
      const stats = referenceStats((await requireReference(opts.file)).entries);
      ctx.print(
        opts.json
          ? JSON.stringify(stats)
          : `${stats.organisations} organisations, ${stats.withCountry} with a country, ${stats.withSource} with a source, ${stats.memberships} affiliations`,
      );
    });
  return command;
}

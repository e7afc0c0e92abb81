/** `labour-graph top [--label Union] [--limit N] [--json]`: the most connected entities. */
import { Command } from "commander";
import { z } from "zod";
import { QUERY_LIMITS, getMostConnected } from "../../graph/queries/index.js";
import { withDriver, type CliContext } from "../context.js";
import { formatRanked } from "../format/top.js";

/** Options of `top`. */
export const topOptionsSchema = z.object({
  label: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(QUERY_LIMITS.maxLimit).default(10),
  json: z.boolean().default(false),
});

/** Builds the `top` command. */
export function topCommand(ctx: CliContext): Command {
  return new Command("top")
    .exitOverride() // usage errors reach handleError (exit 2) instead of exiting with commander's 1
    .description("rank entities by their number of distinct connections")
    .option(
      "--label <label>",
      "only entities with this label (Person, Union, Confederation, Organization, Country, Event)",
    )
    .option("--limit <n>", `how many, 1 to ${QUERY_LIMITS.maxLimit}`, "10")
    .option("--json", "print [{ node, degree }] as JSON")
    .action(async (raw: unknown) => {
      const opts = topOptionsSchema.parse(raw);
      const ranked = await withDriver(ctx, (driver) =>
        getMostConnected(
          { driver, database: ctx.config.neo4j.database, timeoutMs: ctx.config.server.queryTimeoutMs },
          { limit: opts.limit, ...(opts.label === undefined ? {} : { label: opts.label }) },
        ),
      );
      ctx.print(opts.json ? JSON.stringify(ranked, null, 2) : formatRanked(ranked, opts.label));
    });
}

/** `labour-graph path <a> <b> [--max-hops N] [--limit N] [--json]`: how two entities are connected, with evidence. */
import { Command } from "commander";
import { z } from "zod";
import { NotFoundError } from "../../domain/errors.js";
import { findConnections, QUERY_LIMITS, resolveEntity } from "../../graph/queries/index.js";
import { withDriver, type CliContext } from "../context.js";
import { formatPaths } from "../format/path.js";
import { relTypesOptionSchema, TYPES_OPTION_HELP } from "./neighbours.js";

/** Options of `path`. */
export const pathOptionsSchema = z.object({
  maxHops: z.coerce.number().int().min(1).max(QUERY_LIMITS.maxHops).default(4),
  limit: z.coerce.number().int().min(1).max(QUERY_LIMITS.maxLimit).default(5),
  types: relTypesOptionSchema,
  json: z.boolean().default(false),
});

/** Builds the `path` command. */
export function pathCommand(ctx: CliContext): Command {
  return new Command("path")
    .exitOverride() // usage errors reach handleError (exit 2) instead of exiting with commander's 1
    .description("show the shortest connections between two entities, each hop with its evidence sentences")
    .argument("<a>", "first name, alias or id (quote names with spaces)")
    .argument("<b>", "second name, alias or id")
    .option("--max-hops <n>", `longest path, 1 to ${QUERY_LIMITS.maxHops}`, "4")
    .option("--limit <n>", "most paths shown", "5")
    .option("--types <list>", TYPES_OPTION_HELP)
    .option("--json", "print { from, to, maxHops, paths } as JSON")
    .action(async (a: string, b: string, raw: unknown) => {
      const opts = pathOptionsSchema.parse(raw);
      await withDriver(ctx, async (driver) => {
        const qctx = { driver, database: ctx.config.neo4j.database, timeoutMs: ctx.config.server.queryTimeoutMs };
        const paths = await findConnections(qctx, a, b, {
          maxHops: opts.maxHops,
          limit: opts.limit,
          types: opts.types,
        });
        const first = paths[0];
        const from = first?.nodes[0] ?? (await resolveEntity(qctx, a));
        const to = first?.nodes[first.nodes.length - 1] ?? (await resolveEntity(qctx, b));
        if (opts.json) ctx.print(JSON.stringify({ from, to, maxHops: opts.maxHops, paths }, null, 2));
        if (paths.length === 0) {
          throw new NotFoundError(`No connection between ${from.name} and ${to.name} within ${opts.maxHops} hops.`, {
            input: `${a} / ${b}`,
            suggestion:
              opts.maxHops < QUERY_LIMITS.maxHops
                ? `Allow longer paths with --max-hops ${QUERY_LIMITS.maxHops}.`
                : "They are not connected in the graph.",
          });
        }
        if (!opts.json) ctx.print(formatPaths(from, to, paths, opts.maxHops));
      });
    });
}

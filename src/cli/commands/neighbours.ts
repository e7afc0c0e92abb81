/** `labour-graph neighbours <name> [--depth N] [--types A,B] [--json]`: who and what is around an entity. */
import { Command } from "commander";
import { z } from "zod";
import { QUERY_LIMITS, getNeighbourhood } from "../../graph/queries/index.js";
import { withDriver, type CliContext } from "../context.js";
import { formatNeighbourhood } from "../format/neighbours.js";

/** `--types A,B`: relationship types, comma-separated, upper-cased; shared by `neighbours` and `path`. */
export const relTypesOptionSchema = z
  .string()
  .optional()
  .transform((t) =>
    t === undefined
      ? undefined
      : t
          .split(",")
          .map((x) => x.trim().toUpperCase())
          .filter((x) => x !== ""),
  );

/** The help of `--types`. */
export const TYPES_OPTION_HELP =
  "only these relationship types, comma-separated (default: all but LOCATED_IN and MENTIONED_IN; e.g. MET_WITH,LOCATED_IN)";

/** Options of `neighbours`. */
export const neighboursOptionsSchema = z.object({
  depth: z.coerce.number().int().min(1).max(QUERY_LIMITS.maxDepth).default(1),
  types: relTypesOptionSchema,
  json: z.boolean().default(false),
});

/** Builds the `neighbours` command. */
export function neighboursCommand(ctx: CliContext): Command {
  return new Command("neighbours")
    .exitOverride() // usage errors reach handleError (exit 2) instead of exiting with commander's 1
    .alias("neighbors")
    .description("list the entities within N hops of an entity and the edges among them, with evidence")
    .argument("<name...>", "a name, alias or id (quotes optional)")
    .option("--depth <n>", `hops, 1 to ${QUERY_LIMITS.maxDepth}`, "1")
    .option("--types <list>", TYPES_OPTION_HELP)
    .option("--json", "print { nodes, edges } as JSON")
    .action(async (words: string[], raw: unknown) => {
      const opts = neighboursOptionsSchema.parse(raw);
      const subgraph = await withDriver(ctx, (driver) =>
        getNeighbourhood(
          { driver, database: ctx.config.neo4j.database, timeoutMs: ctx.config.server.queryTimeoutMs },
          words.join(" "),
          {
            depth: opts.depth,
            ...(opts.types === undefined ? {} : { types: opts.types }),
          },
        ),
      );
      ctx.print(
        opts.json
          ? JSON.stringify(subgraph, null, 2)
          : formatNeighbourhood(subgraph, subgraph.nodes[0]?.id ?? "", opts.depth),
      );
    });
}

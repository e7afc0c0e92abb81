/** `labour-graph neighbours <name> [--depth N] [--types A,B] [--json]`: who and what is around an entity. */
import { Command } from "commander";
import { z } from "zod";
import { NEIGHBOURHOOD_PAGE_SIZE, QUERY_LIMITS, getEdgeEvidence, getNeighbourhood } from "../../graph/queries/index.js";
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
  pageSize: z.coerce.number().int().min(1).max(QUERY_LIMITS.maxLimit).default(NEIGHBOURHOOD_PAGE_SIZE),
  after: z.string().optional(),
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
    .option(
      "--page-size <n>",
      `edges per relationship type, 1 to ${QUERY_LIMITS.maxLimit}`,
      String(NEIGHBOURHOOD_PAGE_SIZE),
    )
    .option("--after <cursor>", "the next page of one type, as printed after its count")
    .option("--json", "print { nodes, edges, pages } as JSON (edges with their support, without evidence)")
    .action(async (words: string[], raw: unknown) => {
      const opts = neighboursOptionsSchema.parse(raw);
      const { neighbourhood, evidence } = await withDriver(ctx, async (driver) => {
        const queries = { driver, database: ctx.config.neo4j.database, timeoutMs: ctx.config.server.queryTimeoutMs };
        const found = await getNeighbourhood(queries, words.join(" "), {
          depth: opts.depth,
          pageSize: opts.pageSize,
          ...(opts.types === undefined ? {} : { types: opts.types }),
          ...(opts.after === undefined ? {} : { after: opts.after }),
        });
        // the text shows one sentence per edge of the page: read only those edges' evidence
        const sentences = opts.json
          ? new Map()
          : await getEdgeEvidence(
              queries,
              found.edges.map((e) => e.key),
            );
        return { neighbourhood: found, evidence: sentences };
      });
      ctx.print(
        opts.json
          ? JSON.stringify(neighbourhood, null, 2)
          : formatNeighbourhood(neighbourhood, neighbourhood.nodes[0]?.id ?? "", opts.depth, evidence),
      );
    });
}

/** `labour-graph who <name> [--json]`: an entity card with roles, memberships, meetings and agreements, dated and sourced. */
import { Command } from "commander";
import { z } from "zod";
import { getEntityCard } from "../../graph/queries/index.js";
import { withDriver, type CliContext } from "../context.js";
import { formatEntityCard } from "../format/card.js";

/** Options of `who`. */
export const whoOptionsSchema = z.object({ json: z.boolean().default(false) });

/** Builds the `who` command. */
export function whoCommand(ctx: CliContext): Command {
  return new Command("who")
    .exitOverride() // usage errors reach handleError (exit 2) instead of exiting with commander's 1
    .description(
      "show an entity's card: label, aliases, roles, memberships, meetings and agreements with dates and sources",
    )
    .argument("<name...>", "a name, alias or id (quotes optional)")
    .option("--json", "print the card as JSON")
    .action(async (words: string[], raw: unknown) => {
      const opts = whoOptionsSchema.parse(raw);
      const card = await withDriver(ctx, (driver) =>
        getEntityCard(
          { driver, database: ctx.config.neo4j.database, timeoutMs: ctx.config.server.queryTimeoutMs },
          words.join(" "),
        ),
      );
      ctx.print(opts.json ? JSON.stringify(card, null, 2) : formatEntityCard(card));
    });
}

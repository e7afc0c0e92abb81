/** `labour-graph start` (npm start): database, schema, seed import, then the API and explorer. */
import { Command } from "commander";
import { managedNeo4jFor } from "../../graph/connection.js";
import { migrate } from "../../graph/migrate.js";
import { withDriver, type CliContext } from "../context.js";

/** Builds the `start` command. */
export function startCommand(ctx: CliContext): Command {
  return new Command("start")
    .description("start (or reuse) the database, apply the schema, import seeds/, and serve the API and explorer")
    .action(async () => {
      const log = ctx.logger("start");
      if (ctx.config.neo4j.uri === undefined) {
        const { status, alreadyRunning } = await managedNeo4jFor(ctx.config, ctx.logger("db")).start();
        log.info(`${alreadyRunning ? "reusing" : "started"} Neo4j at ${status.uri}`);
      } else {
        log.info(`using NEO4J_URI ${ctx.config.neo4j.uri}`);
      }
      await withDriver(ctx, (driver) => migrate(driver, { database: ctx.config.neo4j.database, logger: ctx.logger("migrate") }));
      log.warn("the importer and the API are not built yet: the database is running and migrated");
    });
}

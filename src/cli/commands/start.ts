/** `labour-graph start` (npm start): database, schema, seed import, then the API and explorer. */
import { Command } from "commander";
import path from "node:path";
import { PROJECT_ROOT } from "../../config/config.js";
import { managedNeo4jFor } from "../../graph/connection.js";
import { importPaths } from "../../import.js";
import { withDriver, type CliContext } from "../context.js";
import { serveApi } from "./serve.js";

/** The seed documents `start` imports. */
const SEEDS_DIR = path.join(PROJECT_ROOT, "seeds");

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
      // documents already imported are skipped, so a restart is cheap
      const seeds = await withDriver(ctx, (driver) =>
        importPaths([SEEDS_DIR], { driver, database: ctx.config.neo4j.database, logger: ctx.logger("import") }),
      );
      const { imported, replaced, skipped, failed } = seeds.documents;
      log.info(`seeds: ${imported} imported, ${replaced} replaced, ${skipped} already there, ${failed} failed`);
      for (const failure of seeds.failed) log.warn(`seed ${failure.path} was not imported: ${failure.message}`);

      await serveApi(ctx);
    });
}

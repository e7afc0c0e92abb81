/** `labour-graph start` (npm start): database, schema, seed import, then the API and explorer. */
import { Command } from "commander";
import path from "node:path";
import { createAnnotateContext } from "../../annotate/index.js";
import { PROJECT_ROOT } from "../../config/config.js";
import { managedNeo4jFor } from "../../graph/connection.js";
import { importPaths } from "../../pipeline/import-paths.js";
import { ensureNlpServer } from "../../provision/ensure-nlp-server.js";
import { loadReference } from "../../reference.js";
import { withDriver, type CliContext } from "../context.js";
import { serveApi } from "./serve.js";

/** The seed documents `start` imports. */
const SEEDS_DIR = path.join(PROJECT_ROOT, "seeds");

/** Builds the `start` command. */
export function startCommand(ctx: CliContext): Command {
  return new Command("start")
    .description(
      "start (or reuse) the database and the NLP server, apply the schema, load the reference data, import seeds/, and serve the API and explorer",
    )
    .action(async () => {
      const log = ctx.logger("start");
      const startDatabase = async () => {
        if (ctx.config.neo4j.uri === undefined) {
          const { status, alreadyRunning } = await managedNeo4jFor(ctx.config, ctx.logger("db")).start();
          log.info(`${alreadyRunning ? "reusing" : "started"} Neo4j at ${status.uri}`);
        } else {
          log.info(`using NEO4J_URI ${ctx.config.neo4j.uri}`);
        }
      };
      // the two servers load side by side: CoreNLP's models take as long as Neo4j's start
      const [, nlp] = await Promise.all([startDatabase(), ensureNlpServer(ctx.config, ctx.logger("nlp"))]);
      if (ctx.config.nlp.url !== undefined) log.info(`using NLP_URL ${nlp.urls.join(", ")}`);
      const annotate = createAnnotateContext({
        urls: nlp.urls,
        timeoutMs: ctx.config.nlp.timeoutMs,
        cacheDir: ctx.config.nlp.cacheDir,
      });
      // the schema is applied by the first command that opens the database (withDriver)
      // the reference data first, so the seeds resolve to its organisations; an unchanged version writes nothing
      await withDriver(ctx, (driver) =>
        loadReference({ driver, database: ctx.config.neo4j.database, logger: ctx.logger("reference") }),
      );

      // documents already imported are skipped, so a restart is cheap
      const seeds = await withDriver(ctx, (driver) =>
        importPaths([SEEDS_DIR], {
          annotate,
          driver,
          database: ctx.config.neo4j.database,
          logger: ctx.logger("import"),
        }),
      );
      const { imported, replaced, skipped, failed } = seeds.documents;
      log.info(`seeds: ${imported} imported, ${replaced} replaced, ${skipped} already there, ${failed} failed`);
      for (const failure of seeds.failed) log.warn(`seed ${failure.path} was not imported: ${failure.message}`);

      await serveApi(ctx);
    });
}

/** `labour-graph serve`: the GraphQL API, /healthz and the explorer on one HTTP server. */
import { Command } from "commander";
import { z } from "zod";
import type { AnnotateContext } from "../../annotate/index.js";
import { createImportDocument } from "../../api/import-document.js";
import { createApiServer } from "../../api/index.js";
import { ERROR_CODES, LabourGraphError } from "../../domain/errors.js";
import { createDriver, resolveConnection } from "../../graph/connection.js";
import { importPaths } from "../../pipeline/import-paths.js";
import { annotateContextFor, openDatabase, type CliContext } from "../context.js";

const serveOptionsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).optional(),
  host: z.string().min(1).optional(),
});

/** Where to listen; defaults come from the configuration (HOST, PORT). */
export interface ServeOptions {
  port?: number;
  host?: string;
}

/**
 * Serves the API until SIGINT or SIGTERM, then stops accepting connections, lets in-flight requests finish, stops
 * Apollo and closes the driver. Also used by `labour-graph start` (npm start).
 */
export async function serveApi(ctx: CliContext, options: ServeOptions = {}): Promise<void> {
  const log = ctx.logger("serve");
  // fail fast when the database goes away: the API answers 503 instead of retrying for 30 s
  const driverOptions = { maxTransactionRetryTimeMs: 1000 };
  // the schema is applied first, as for every command; a database that is down does not stop the API, which answers
  // 503 until it is back (then `labour-graph db migrate`, or a restart, applies pending migrations)
  const driver = await openDatabase(ctx, { driverOptions }).then(
    ({ driver: opened }) => opened,
    (error: unknown) => {
      if (!(error instanceof LabourGraphError) || error.code !== ERROR_CODES.DATABASE_UNAVAILABLE) throw error;
      log.warn(`${error.message} Serving anyway: the API answers 503 until the database is reachable.`);
      return createDriver(resolveConnection(ctx.config), driverOptions);
    },
  );
  const database = ctx.config.neo4j.database;
  let annotate: Promise<AnnotateContext> | undefined;
  const server = createApiServer({
    config: ctx.config,
    driver,
    logger: ctx.logger("api"),
    // the NLP server is needed only once a document arrives (the mutation exists only with JWT_SECRET)
    importDocument: createImportDocument(async (paths) =>
      importPaths(paths, {
        annotate: await (annotate ??= annotateContextFor(ctx)),
        driver,
        database,
        logger: ctx.logger("import"),
      }),
    ),
  });
  let address: { url: string };
  try {
    address = await server.listen(options.port ?? ctx.config.server.port, options.host ?? ctx.config.server.host);
  } catch (error) {
    await driver.close();
    throw error;
  }
  log.info(`GraphQL API at ${address.url}/graphql, explorer at ${address.url}/, health at ${address.url}/healthz`);
  log.info(
    ctx.config.server.jwtSecret ? "authenticated writes enabled (importDocument with a JWT)" : "public read-only mode",
  );
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      log.info(`${signal}: finishing in-flight requests, then stopping`);
      process.off("SIGINT", onInt);
      process.off("SIGTERM", onTerm);
      server
        .close()
        .catch((error: unknown) =>
          log.error(`error while stopping: ${error instanceof Error ? error.message : String(error)}`),
        )
        .finally(() => {
          driver.close().finally(resolve);
        });
    };
    const onInt = () => stop("SIGINT");
    const onTerm = () => stop("SIGTERM");
    process.on("SIGINT", onInt);
    process.on("SIGTERM", onTerm);
  });
  log.info("stopped");
}

/** Builds the `serve` command. */
export function serveCommand(ctx: CliContext): Command {
  return new Command("serve")
    .description("serve the GraphQL API (/graphql), /healthz and the web explorer (/)")
    .option("--port <port>", `port to listen on (default: PORT or ${ctx.config.server.port})`)
    .option("--host <host>", `interface to listen on (default: HOST or ${ctx.config.server.host})`)
    .action(async (raw: unknown) => {
      const opts = serveOptionsSchema.parse(raw);
      await serveApi(ctx, {
        ...(opts.port !== undefined ? { port: opts.port } : {}),
        ...(opts.host !== undefined ? { host: opts.host } : {}),
      });
    });
}

/** The CLI's composition root: configuration, loggers and the driver are built here and passed down. */
import type { Driver } from "neo4j-driver";
import { createAnnotateContext, type AnnotateContext } from "../annotate/index.js";
import { loadConfig, type Config } from "../config/config.js";
import { createDriver, resolveConnection, type ConnectionSettings } from "../graph/connection.js";
import { mapDriverError } from "../graph/errors.js";
import { migrate } from "../graph/migrate.js";
import { createLogger, type Logger } from "../log.js";
import { ensureNlpServer } from "../provision/ensure-nlp-server.js";
import { EXIT, type ExitCode } from "./handle-error.js";

/** What every command receives. */
export interface CliContext {
  config: Config;
  logger(component: string): Logger;
  /** writes a command result to stdout */
  print(text: string): void;
  /** sets the exit code of a command that completed (e.g. `db status` of a stopped database: 3) */
  exitWith(code: ExitCode): void;
  /** the exit code set by exitWith (0 unless set) */
  readonly exitCode: ExitCode;
}

/** Builds the context from the process environment (the only place that reads process.env). */
export function createCliContext(env: NodeJS.ProcessEnv = process.env): CliContext {
  const config = loadConfig(env);
  let exitCode: ExitCode = EXIT.OK;
  return {
    config,
    logger: (component) => createLogger(component, config.logLevel),
    print: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
    exitWith: (code) => {
      exitCode = code;
    },
    get exitCode() {
      return exitCode;
    },
  };
}

/** How a command uses the database's schema. */
export interface DatabaseUse {
  /**
   * "apply" (the default): pending migrations are applied before the command touches the graph, so that every
   * command finds the constraints and indexes it relies on, on a brand-new database too. "as-is": the command
   * inspects or migrates the database itself (`db status`, `db migrate`).
   */
  schema?: "apply" | "as-is";
  /** driver options (e.g. the API's short retry time) */
  driverOptions?: Parameters<typeof createDriver>[1];
}

/**
 * Opens a driver for the configured database, fails fast when it is unreachable, applies pending migrations,
 * and returns it: the one place where commands get a database. The caller closes the driver.
 */
export async function openDatabase(
  ctx: CliContext,
  use: DatabaseUse = {},
): Promise<{ driver: Driver; settings: ConnectionSettings }> {
  const settings = resolveConnection(ctx.config);
  const driver = createDriver(settings, use.driverOptions);
  try {
    // fail fast with a clear message instead of letting the driver retry a dead address for 30 s
    await driver.verifyConnectivity({ database: settings.database }).catch((error: unknown) => {
      throw mapDriverError(error, settings.uri);
    });
    if ((use.schema ?? "apply") === "apply") {
      await migrate(driver, { database: settings.database, logger: ctx.logger("migrate") });
    }
    return { driver, settings };
  } catch (error) {
    await driver.close();
    throw error;
  }
}

/** Opens the database (see openDatabase), runs `work`, and always closes the driver. */
export async function withDriver<T>(
  ctx: CliContext,
  work: (driver: Driver, settings: ConnectionSettings) => Promise<T>,
  use: DatabaseUse = {},
): Promise<T> {
  const { driver, settings } = await openDatabase(ctx, use);
  try {
    return await work(driver, settings);
  } finally {
    await driver.close();
  }
}

/** The annotation context of the configured NLP server(s), starting the managed one when NLP_URL is not set. */
export async function annotateContextFor(ctx: CliContext): Promise<AnnotateContext> {
  const { urls } = await ensureNlpServer(ctx.config, ctx.logger("nlp"));
  return createAnnotateContext({ urls, timeoutMs: ctx.config.nlp.timeoutMs, cacheDir: ctx.config.nlp.cacheDir });
}

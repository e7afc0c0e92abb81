/** The CLI's composition root: configuration, loggers and the driver are built here and passed down. */
import type { Driver } from "neo4j-driver";
import { loadConfig, type Config } from "../config/config.js";
import { createDriver, resolveConnection, type ConnectionSettings } from "../graph/connection.js";
import { mapDriverError } from "../graph/errors.js";
import { createLogger, type Logger } from "../log.js";

/** What every command receives. */
export interface CliContext {
  config: Config;
  logger(component: string): Logger;
  /** writes a command result to stdout */
  print(text: string): void;
}

/** Builds the context from the process environment (the only place that reads process.env). */
export function createCliContext(env: NodeJS.ProcessEnv = process.env): CliContext {
  const config = loadConfig(env);
  return {
    config,
    logger: (component) => createLogger(component, config.logLevel),
    print: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  };
}

/** Opens a driver for the configured database, runs `work`, and always closes it. */
export async function withDriver<T>(
  ctx: CliContext,
  work: (driver: Driver, settings: ConnectionSettings) => Promise<T>,
): Promise<T> {
  const settings = resolveConnection(ctx.config);
  const driver = createDriver(settings);
  try {
    // fail fast with a clear message instead of letting the driver retry a dead address for 30 s
    await driver.verifyConnectivity({ database: settings.database }).catch((error: unknown) => {
      throw mapDriverError(error, settings.uri);
    });
    return await work(driver, settings);
  } finally {
    await driver.close();
  }
}

/** Connection settings and the driver: the managed local Neo4j unless NEO4J_URI points elsewhere. */
import neo4j, { type Driver } from "neo4j-driver";
import type { Config } from "../config/config.js";
import { ConfigError } from "../domain/errors.js";
import { ManagedNeo4j } from "./provision/managed-neo4j.js";

/** Everything needed to open a session. */
export interface ConnectionSettings {
  uri: string;
  user: string;
  password: string;
  database: string;
}

/** The managed Neo4j described by the configuration. */
export function managedNeo4jFor(config: Config, logger?: ManagedNeo4jLogger): ManagedNeo4j {
  return new ManagedNeo4j({ ...config.managed, ...(logger ? { logger } : {}) });
}
type ManagedNeo4jLogger = ConstructorParameters<typeof ManagedNeo4j>[0]["logger"];

/** Resolves where to connect: NEO4J_URI with its credentials, or the managed server and its generated password. */
export function resolveConnection(config: Config): ConnectionSettings {
  const { neo4j: db } = config;
  if (db.uri !== undefined) {
    if (db.password === undefined) {
      throw new ConfigError("NEO4J_URI is set but NEO4J_PASSWORD is not.", {
        input: "NEO4J_PASSWORD",
        suggestion: "Set NEO4J_PASSWORD to the password of that server (there is no default password).",
      });
    }
    return { uri: db.uri, user: db.user, password: db.password, database: db.database };
  }
  const managed = managedNeo4jFor(config);
  const password = db.password ?? managed.readPassword();
  if (password === undefined) {
    throw new ConfigError(
      `The managed database in ${config.managed.home} has not been started yet (no password file).`,
      {
        input: config.managed.home,
        suggestion: "Run `labour-graph db start` first, or set NEO4J_URI and NEO4J_PASSWORD for an existing server.",
      },
    );
  }
  return { uri: managed.uri, user: db.user, password, database: db.database };
}

/** Creates a driver; integers come back as JavaScript numbers when they fit. */
export function createDriver(
  settings: ConnectionSettings,
  options: { maxConnectionPoolSize?: number; maxTransactionRetryTimeMs?: number } = {},
): Driver {
  return neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password), {
    disableLosslessIntegers: true,
    connectionTimeout: 10_000,
    connectionAcquisitionTimeout: 30_000,
    maxConnectionPoolSize: options.maxConnectionPoolSize ?? 100,
    // the API fails fast (503) rather than retrying managed transactions for the driver's default 30 s
    ...(options.maxTransactionRetryTimeMs !== undefined
      ? { maxTransactionRetryTime: options.maxTransactionRetryTimeMs }
      : {}),
    userAgent: "labour-graph",
  });
}

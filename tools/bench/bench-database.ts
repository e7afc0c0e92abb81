/**
 * The benchmark's database: its own managed Neo4j (home .neo4j-bench, Bolt 7694, HTTP 7484, never the user's
 * data; LG_BENCH_HOME, LG_BENCH_BOLT_PORT, LG_BENCH_HTTP_PORT override them) unless NEO4J_URI points at a server,
 * which the benchmark then empties.
 */
import type { Driver } from "neo4j-driver";
import path from "node:path";
import { loadConfig, PROJECT_ROOT, type Config } from "../../src/config/config.js";
import { createDriver, resolveConnection, type ConnectionSettings } from "../../src/graph/connection.js";
import { migrate } from "../../src/graph/migrate.js";
import type { Logger } from "../../src/log.js";
import { ManagedNeo4j } from "../../src/provision/managed-neo4j.js";

/** An open benchmark database. */
export interface BenchDatabase {
  config: Config;
  settings: ConnectionSettings;
  driver: Driver;
  isManaged: boolean;
  heap: string;
  pageCache: string;
  /** environment for child processes (the importer CLI, the API) so that they use this database */
  childEnv: NodeJS.ProcessEnv;
  close(): Promise<void>;
}

/** The configuration of the benchmark: the bench's own home and ports override the user's managed database. */
export function benchConfig(env: NodeJS.ProcessEnv): Config {
  return loadConfig({
    ...env,
    LABOUR_GRAPH_HOME: env.LG_BENCH_HOME ?? path.join(PROJECT_ROOT, ".neo4j-bench"),
    NEO4J_BOLT_PORT: env.LG_BENCH_BOLT_PORT ?? "7694",
    NEO4J_HTTP_PORT: env.LG_BENCH_HTTP_PORT ?? "7484",
    NEO4J_HEAP: env.LG_BENCH_HEAP ?? env.NEO4J_HEAP ?? "1g",
    NEO4J_PAGECACHE: env.LG_BENCH_PAGECACHE ?? env.NEO4J_PAGECACHE ?? "512m",
  });
}

/**
 * Starts (if managed) and migrates the benchmark database. close() closes the driver and stops the managed server
 * when this call started it (not one found running, nor with LG_BENCH_KEEP_DB=1): the benchmark leaves nothing
 * running that it started, also when it fails half-way.
 */
export async function openBenchDatabase(env: NodeJS.ProcessEnv, logger: Logger): Promise<BenchDatabase> {
  const config = benchConfig(env);
  let stopStarted = async (): Promise<void> => {};
  if (config.neo4j.isManaged) {
    const managed = new ManagedNeo4j({ ...config.managed, logger, startTimeoutMs: 240_000 });
    const stop = async () => {
      if (env.LG_BENCH_KEEP_DB === "1") return;
      const { wasRunning } = await managed.stop();
      if (wasRunning) logger.info(`stopped the benchmark Neo4j on ${managed.uri}`);
    };
    try {
      const { alreadyRunning } = await managed.start();
      if (!alreadyRunning) stopStarted = stop;
      logger.info(
        `${alreadyRunning ? "using the running" : "started the"} benchmark Neo4j at ${managed.uri} (home ${config.managed.home})`,
      );
    } catch (error) {
      // a start that timed out may have left the server starting: stop it (a taken port left nothing to stop)
      await stop().catch(() => undefined);
      throw error;
    }
  }
  const settings = resolveConnection(config);
  const driver = createDriver(settings, { maxConnectionPoolSize: 128 });
  const close = async () => {
    await driver.close();
    await stopStarted();
  };
  try {
    await migrate(driver, { database: settings.database });
  } catch (error) {
    await close();
    throw error;
  }
  const childEnv: NodeJS.ProcessEnv = {
    ...env,
    NEO4J_URI: settings.uri,
    NEO4J_USER: settings.user,
    NEO4J_PASSWORD: settings.password,
    NEO4J_DATABASE: settings.database,
  };
  return {
    config,
    settings,
    driver,
    isManaged: config.neo4j.isManaged,
    heap: config.neo4j.isManaged ? config.managed.heap : "unknown (NEO4J_URI)",
    pageCache: config.neo4j.isManaged ? config.managed.pageCache : "unknown (NEO4J_URI)",
    childEnv,
    close,
  };
}

/**
 * Deletes every node but the migration records, in batches so that a big graph does not need a big heap:
 * relationships first, because one DETACH DELETE of a hub (a union mentioned by 100,000 documents) alone holds more
 * transaction state than the default transaction memory limit allows.
 */
export async function emptyDatabase(driver: Driver, database: string): Promise<void> {
  const session = driver.session({ database });
  try {
    // CALL ... IN TRANSACTIONS needs an auto-commit transaction, hence session.run
    await session.run(/* Cypher */ `
      MATCH ()-[r]->()
      CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS`);
    await session.run(/* Cypher */ `
      MATCH (n) WHERE NOT n:__Neo4jMigration
      CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS`);
  } finally {
    await session.close();
  }
}

/** Node, relationship and document counts. */
export interface GraphCounts {
  nodes: number;
  relationships: number;
  documents: number;
}

/** Node and relationship counts, for the report. */
export async function countGraph(driver: Driver, database: string): Promise<GraphCounts> {
  const { records } = await driver.executeQuery(
    /* Cypher */ `
    CALL { MATCH (n) WHERE NOT n:__Neo4jMigration RETURN count(n) AS nodes }
    CALL { MATCH ()-[r]->() RETURN count(r) AS relationships }
    CALL { MATCH (d:Document) RETURN count(d) AS documents }
    RETURN nodes, relationships, documents`,
    {},
    { database },
  );
  const r = records[0];
  return {
    nodes: Number(r?.get("nodes") ?? 0),
    relationships: Number(r?.get("relationships") ?? 0),
    documents: Number(r?.get("documents") ?? 0),
  };
}

/** Owns a driver to the test database and offers the few things integration tests need. */
import type { Driver } from "neo4j-driver";
import path from "node:path";
import { inject } from "vitest";
import { createAnnotateContext, type AnnotateContext } from "../../src/annotate/index.js";
import { PROJECT_ROOT } from "../../src/config/config.js";
import { createDriver, type ConnectionSettings } from "../../src/graph/connection.js";
import type { Plain } from "../../src/graph/plain.js";
import { runCypher } from "../../src/graph/run-cypher.js";

/** A test's handle on the real database. */
export class TestHelper {
  readonly settings: ConnectionSettings & { testHome?: string };
  private driverInstance: Driver | undefined;

  constructor() {
    const provided = inject("neo4j");
    if (provided === undefined) {
      throw new Error(
        "TestHelper: no database was provided. Run this file in the `db` vitest project (test/global-setup.ts).",
      );
    }
    this.settings = provided;
  }

  /** The shared driver (opened on first use). */
  get driver(): Driver {
    this.driverInstance ??= createDriver(this.settings);
    return this.driverInstance;
  }

  /** Runs Cypher in a write transaction and returns plain records. */
  async runCypher(query: string, params: Record<string, unknown> = {}): Promise<Record<string, Plain>[]> {
    return (await runCypher(this.driver, query, { database: this.settings.database, params, isWrite: true })).rows;
  }

  /** Empties the graph but keeps the schema and the migration records. */
  async clearGraph(): Promise<void> {
    await this.runCypher(/* Cypher */ `MATCH (n) WHERE NOT n:__Neo4jMigration DETACH DELETE n`);
  }

  /** Environment for running the built CLI against the test database. */
  cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    return {
      ...process.env,
      NEO4J_URI: this.settings.uri,
      NEO4J_USER: this.settings.user,
      NEO4J_PASSWORD: this.settings.password,
      NEO4J_DATABASE: this.settings.database,
      // the CLI annotates through the test NLP server, with the tests' annotation cache
      NLP_URL: inject("nlp").url,
      NLP_CACHE_DIR: TEST_ANNOTATION_CACHE,
      LOG_LEVEL: "warn",
      ...extra,
    };
  }

  /** Closes the driver; call in afterAll. */
  async close(): Promise<void> {
    await this.driverInstance?.close();
    this.driverInstance = undefined;
  }
}

/** Where the tests cache annotations (never the user's cache): unchanged fixtures are annotated once per machine. */
export const TEST_ANNOTATION_CACHE = path.join(PROJECT_ROOT, ".labour-graph-test", "annotations");

/** The annotation context of the test NLP server (provided by the global setup as inject("nlp")). */
export function testAnnotateContext(options: { isCached?: boolean } = {}): AnnotateContext {
  const { url } = inject("nlp");
  return createAnnotateContext({
    urls: [url],
    timeoutMs: 120_000,
    ...(options.isCached === false ? {} : { cacheDir: TEST_ANNOTATION_CACHE }),
  });
}

/**
 * Database loss: a separate managed Neo4j (its own home and ports, so the shared test database is never
 * killed) is stopped during an import and under the API. The importer exits with a clear message and a later
 * run completes; the API answers 503 with a clear error while the database is down and recovers by itself.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiServer, type ApiServer } from "../../src/api/index.js";
import { spawnImport } from "../../src/bench/child-import.js";
import { generateCorpus } from "../../src/bench/generate-corpus.js";
import { loadConfig, PROJECT_ROOT } from "../../src/config/config.js";
import { createDriver, type ConnectionSettings } from "../../src/graph/connection.js";
import { migrate } from "../../src/graph/migrate.js";
import { ManagedNeo4j } from "../../src/graph/provision/managed-neo4j.js";
import { silentLogger } from "../../src/log.js";

const DOCUMENTS = 600;
const STACK_LINE = /^\s+at .+\(.*:\d+:\d+\)$/m;

describe("losing the database", () => {
  const managed = new ManagedNeo4j({
    home: process.env.LG_ROBUST_HOME ?? path.join(PROJECT_ROOT, ".neo4j-robust"),
    boltPort: Number(process.env.LG_ROBUST_BOLT_PORT ?? 7695),
    httpPort: Number(process.env.LG_ROBUST_HTTP_PORT ?? 7485),
    heap: "512m",
    pageCache: "128m",
    startTimeoutMs: 240_000,
  });
  let settings: ConnectionSettings;
  let driver: Driver;
  let dir: string;
  let env: NodeJS.ProcessEnv;

  const documentCount = async () => {
    const { records } = await driver.executeQuery(/* Cypher */ `MATCH (d:Document) RETURN count(d) AS n`, {}, { database: settings.database });
    return Number(records[0]?.get("n") ?? 0);
  };

  beforeAll(async () => {
    await managed.start();
    settings = { uri: managed.uri, user: "neo4j", password: managed.readPassword() ?? "", database: "neo4j" };
    driver = createDriver(settings);
    await migrate(driver, { database: settings.database });
    await driver.executeQuery(/* Cypher */ `MATCH (n) WHERE NOT n:__Neo4jMigration DETACH DELETE n`, {}, { database: settings.database });
    dir = mkdtempSync(path.join(os.tmpdir(), "lg-dbloss-"));
    await generateCorpus({ dir, count: DOCUMENTS, seed: 31 });
    env = { ...process.env, NEO4J_URI: settings.uri, NEO4J_USER: settings.user, NEO4J_PASSWORD: settings.password, NEO4J_DATABASE: settings.database, LOG_LEVEL: "warn" };
  }, 300_000);

  afterAll(async () => {
    await driver?.close();
    await managed.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it("makes the importer exit with a clear message, and a later run completes the import", async () => {
    const run = spawnImport([dir], env, ["--batch", "5"]);
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline && run.child.exitCode === null && (await documentCount()) === 0) await new Promise((r) => setTimeout(r, 20));
    expect(run.child.exitCode, "the import ended before the database could be stopped").toBeNull();
    await managed.stop(0); // SIGKILL: the database is lost, not shut down politely

    const failed = await run.done;
    expect(failed.code).toBe(2);
    expect(failed.stderr).toMatch(/not reachable/);
    expect(failed.stderr).toMatch(/labour-graph db start|NEO4J_URI/);
    expect(failed.stderr).not.toMatch(STACK_LINE);

    await managed.start();
    const resumed = await spawnImport([dir], env).done;
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(await documentCount()).toBe(DOCUMENTS);
    const { records } = await driver.executeQuery(
      /* Cypher */ `MATCH ()-[r]->() WITH type(r) AS t, r.key AS k, count(*) AS c WHERE c > 1 RETURN count(*) AS duplicates`,
      {},
      { database: settings.database },
    );
    expect(Number(records[0]?.get("duplicates"))).toBe(0);
  }, 300_000);

  it("makes the API answer 503 with a clear error while it is down, and the API recovers by itself", async () => {
    const config = loadConfig({ NEO4J_URI: settings.uri, NEO4J_PASSWORD: settings.password, LOG_LEVEL: "silent", QUERY_TIMEOUT_MS: "5000" });
    const apiDriver = createDriver(settings);
    const api: ApiServer = createApiServer({ config, driver: apiDriver, logger: silentLogger });
    try {
      const { url } = await api.listen(0, "127.0.0.1");
      const search = () =>
        fetch(`${url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: /* GraphQL */ `query { search(text: "Federation") { score node { id name } } }` }),
        });
      expect((await search()).status).toBe(200);

      // clients keep asking while the database dies and comes back: every answer is a 200 or a 503, never a 500
      const statuses = new Map<number, number>();
      let networkErrors = 0;
      let isLoading = true;
      const client = async () => {
        while (isLoading) {
          try {
            const response = await search();
            await response.arrayBuffer();
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          } catch {
            networkErrors++;
          }
          await new Promise((r) => setTimeout(r, 50));
        }
      };
      const load = Promise.all(Array.from({ length: 8 }, client));

      await managed.stop(0);
      const down = await search();
      expect(down.status).toBe(503);
      const body = (await down.json()) as { errors?: { message: string; extensions?: Record<string, unknown> }[] };
      expect(body.errors?.[0]?.message).toMatch(/not reachable/);
      expect(body.errors?.[0]?.extensions?.code).toBe("DATABASE_UNAVAILABLE");
      expect(JSON.stringify(body)).not.toMatch(/\n\s+at |stacktrace/i);
      expect((await fetch(`${url}/healthz`)).status).toBe(503);

      await managed.start();
      let status = 0;
      const deadline = Date.now() + 90_000;
      while (Date.now() < deadline && status !== 200) {
        status = (await search()).status;
        if (status !== 200) await new Promise((r) => setTimeout(r, 500));
      }
      expect(status).toBe(200);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      isLoading = false;
      await load;
      expect(networkErrors).toBe(0);
      expect([...statuses.keys()].sort()).toEqual([200, 503]);
    } finally {
      await api.close();
      await apiDriver.close();
    }
  }, 300_000);
});

/**
 * Database loss: a Neo4j of this file's own (its own home and ports, never the shared test database) is killed
 * with SIGKILL in the middle of an import and under API load. The importer exits with code 2 and a clear message,
 * and the re-run leaves exactly the graph a clean import leaves; the API answers 503 with a clear JSON error while
 * the database is down and serves again by itself, without a restart, when it returns.
 */
import type { Driver } from "neo4j-driver";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createApiServer } from "../../src/api/index.js";
import { loadConfig, PROJECT_ROOT } from "../../src/config/config.js";
import { createDriver, type ConnectionSettings } from "../../src/graph/connection.js";
import { migrate } from "../../src/graph/migrate.js";
import type { ImportSummary } from "../../src/index.js";
import { silentLogger } from "../../src/log.js";
import { ManagedNeo4j } from "../../src/provision/managed-neo4j.js";
import { isProcessAlive } from "../../src/provision/system.js";
import { spawnImport } from "../../tools/bench/child-import.js";
import { generateCorpus } from "../../tools/bench/generate-corpus.js";
import { dumpGraph } from "../../tools/bench/graph-dump.js";
import { TEST_ANNOTATION_CACHE } from "../helpers/test-helper.js";

const DOCUMENTS = 400;
// Every run is the same command: chunks are taken by position in the sorted file list and each commits whole, so
// the re-run and the clean run cut the corpus the same way; small chunks make the loss land mid-import.
const IMPORT_ARGS = ["--batch", "20"] as const;
/** a line of a JavaScript stack trace */
const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

/** Polls `condition` until it holds; fails with `what` after `timeoutMs`. */
async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("losing the database", () => {
  // Not the shared test database: this file kills its server. A home of its own, ports of its own.
  const managed = new ManagedNeo4j({
    home: path.resolve(process.env.LG_ROBUST_HOME ?? path.join(PROJECT_ROOT, ".neo4j-robust")),
    boltPort: Number(process.env.LG_ROBUST_BOLT_PORT ?? 7695),
    httpPort: Number(process.env.LG_ROBUST_HTTP_PORT ?? 7485),
    heap: "512m",
    pageCache: "128m",
    startTimeoutMs: 240_000,
  });
  let isStartedHere = false;
  let settings: ConnectionSettings;
  let driver: Driver;
  let dir: string;
  let env: NodeJS.ProcessEnv;

  const documentCount = async () => {
    const { records } = await driver.executeQuery(
      /* Cypher */ `MATCH (d:Document) RETURN count(d) AS n`,
      {},
      { database: settings.database },
    );
    return Number(records[0]?.get("n") ?? 0);
  };
  const clearGraph = () =>
    driver.executeQuery(
      /* Cypher */ `MATCH (n) WHERE NOT n:__Neo4jMigration DETACH DELETE n`,
      {},
      { database: settings.database },
    );

  /** Kills the server as a crash or an OOM kill would: no shutdown, no goodbye on open connections. */
  const crashDatabase = async () => {
    const { pid } = await managed.status();
    if (pid === undefined) throw new Error(`the Neo4j in ${managed.paths.home} is not running`);
    process.kill(pid, "SIGKILL");
    await waitFor(() => !isProcessAlive(pid), `Neo4j (pid ${pid}) to die`, 30_000);
    await managed.stop(); // forgets the dead process's state file
  };

  beforeAll(async () => {
    const { alreadyRunning } = await managed.start();
    if (alreadyRunning) {
      // killing it would kill someone else's database
      throw new Error(
        `A Neo4j already runs in ${managed.paths.home}; this test kills its database, so it only uses one it started. ` +
          "Stop it (LABOUR_GRAPH_HOME=<home> labour-graph db stop) or set LG_ROBUST_HOME, LG_ROBUST_BOLT_PORT and LG_ROBUST_HTTP_PORT.",
      );
    }
    isStartedHere = true;
    settings = { uri: managed.uri, user: "neo4j", password: managed.readPassword() ?? "", database: "neo4j" };
    driver = createDriver(settings);
    await migrate(driver, { database: settings.database });
    await clearGraph();
    dir = mkdtempSync(path.join(os.tmpdir(), "lg-dbloss-"));
    await generateCorpus({ dir, count: DOCUMENTS, seed: 31 });
    env = {
      ...process.env,
      NEO4J_URI: settings.uri,
      NEO4J_USER: settings.user,
      NEO4J_PASSWORD: settings.password,
      NEO4J_DATABASE: settings.database,
      NLP_URL: inject("nlp").url,
      NLP_CACHE_DIR: TEST_ANNOTATION_CACHE,
      LOG_LEVEL: "warn",
    };
  }, 300_000);

  afterAll(async () => {
    await driver?.close();
    if (isStartedHere) await managed.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it("stops an import with exit code 2 and a clear message, and the re-run gives the graph of a clean import", async () => {
    const run = spawnImport([dir], env, IMPORT_ARGS);
    await waitFor(
      async () => run.child.exitCode !== null || (await documentCount()) > 0,
      "the import's first committed batch",
      120_000,
    );
    expect(run.child.exitCode, "the import ended before its database could be killed").toBeNull();
    // freeze the importer while its database dies, so that the loss lands mid-import whatever the timing
    run.child.kill("SIGSTOP");
    await crashDatabase();
    run.child.kill("SIGCONT");

    const failed = await run.done;
    expect(failed.code, failed.stderr).toBe(2);
    expect(failed.stderr).toMatch(/^error: The database (at bolt:\/\/\S+|"neo4j") is not reachable\.$/m);
    expect(failed.stderr).toMatch(
      /^hint: Start it with `labour-graph db start` \(or check NEO4J_URI\), then retry\.$/m,
    );
    expect(failed.stderr).not.toMatch(STACK_LINE);

    await managed.start();
    // the documents committed before the loss survive it, each with all its nodes and relationships
    const committed = await documentCount();
    expect(committed).toBeGreaterThan(0);
    expect(committed).toBeLessThan(DOCUMENTS);

    const resumed = await spawnImport([dir], env, [...IMPORT_ARGS, "--json"]).done;
    expect(resumed.code, resumed.stderr).toBe(0);
    const summary = JSON.parse(resumed.stdout) as ImportSummary;
    expect(summary.documents).toMatchObject({
      total: DOCUMENTS,
      imported: DOCUMENTS - committed,
      replaced: 0,
      skipped: committed,
      failed: 0,
    });
    const afterResume = await dumpGraph(driver, settings.database);

    // a skipped document that had been half written would be missing nodes or evidence here
    await clearGraph();
    const clean = await spawnImport([dir], env, IMPORT_ARGS).done;
    expect(clean.code, clean.stderr).toBe(0);
    const afterClean = await dumpGraph(driver, settings.database);
    const resumeLines = new Set(afterResume);
    const cleanLines = new Set(afterClean);
    const differences = {
      onlyAfterResume: afterResume.filter((line) => !cleanLines.has(line)),
      onlyAfterCleanImport: afterClean.filter((line) => !resumeLines.has(line)),
    };
    expect(differences).toEqual({ onlyAfterResume: [], onlyAfterCleanImport: [] });
    expect(afterResume).toEqual(afterClean);
  }, 400_000);

  it("answers 503 with a clear JSON error while the database is down, and serves again by itself when it returns", async () => {
    const config = loadConfig({
      NEO4J_URI: settings.uri,
      NEO4J_PASSWORD: settings.password,
      LOG_LEVEL: "silent",
      QUERY_TIMEOUT_MS: "5000",
    });
    // the driver options of `labour-graph serve`: managed transactions retry for 1 s, then the API answers 503
    const apiDriver = createDriver(settings, { maxTransactionRetryTimeMs: 1000 });
    const api = createApiServer({ config, driver: apiDriver, logger: silentLogger });
    try {
      const { url } = await api.listen(0, "127.0.0.1");
      // a custom resolver (search) and a generated query (people): the two ways the API reaches the database
      const search = () =>
        fetch(`${url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            query: /* GraphQL */ `
              query {
                search(text: "Federation", limit: 5) {
                  node {
                    id
                  }
                }
                people(limit: 5, sort: [{ id: ASC }]) {
                  id
                  name
                }
              }
            `,
          }),
        });
      const healthy = await search();
      expect(healthy.status).toBe(200);
      // what was found; search scores are left out, Lucene recomputes them from its segments after a restart
      const answerOf = async (response: Response) => {
        const { data } = (await response.json()) as {
          data: { search: { node: { id: string } }[]; people: { id: string; name: string }[] };
        };
        return { searchHits: data.search.length, people: data.people };
      };
      const before = await answerOf(healthy);
      expect(before.searchHits).toBeGreaterThan(0);
      expect(before.people.length).toBeGreaterThan(0);

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
          await new Promise((r) => setTimeout(r, 20));
        }
      };
      const load = Promise.all(Array.from({ length: 8 }, client));
      await waitFor(() => statuses.get(200) !== undefined, "the first answer under load", 30_000);

      await crashDatabase();
      const down = await search();
      expect(down.status).toBe(503);
      expect(down.headers.get("content-type")).toMatch(/^application\/json/);
      const text = await down.text();
      const body = JSON.parse(text) as { errors?: { message: string; extensions?: Record<string, unknown> }[] };
      expect(body.errors?.[0]?.message).toBe(
        "The database is not reachable right now. Retry in a few seconds; if it persists, start it with `labour-graph db start`.",
      );
      expect(body.errors?.[0]?.extensions).toEqual({ code: "DATABASE_UNAVAILABLE" });
      expect(text).not.toMatch(/stacktrace|ECONNREFUSED|Neo4jError|ServiceUnavailable|\n\s+at /i);
      const health = await fetch(`${url}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({ status: "unavailable", database: "unreachable" });

      await managed.start();
      // the same server, not restarted: it notices by itself that the database is back
      await waitFor(async () => (await search()).status === 200, "the API to answer 200 again", 60_000);
      const recovered = await search();
      expect(recovered.status).toBe(200);
      expect(await answerOf(recovered)).toEqual(before);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      const answeredBefore = statuses.get(200) ?? 0;
      await waitFor(() => (statuses.get(200) ?? 0) >= answeredBefore + 8, "the clients to get answers again", 30_000);
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

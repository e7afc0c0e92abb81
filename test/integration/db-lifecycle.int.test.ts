/**
 * The managed Neo4j itself: start, status, a second start as a no-op, data kept across stop/start, a taken port.
 * Runs its own server in a temporary home on its own ports, so the shared test database is untouched.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config/config.js";
import { ProvisionError } from "../../src/domain/errors.js";
import { createDriver } from "../../src/graph/connection.js";
import { ManagedNeo4j } from "../../src/provision/managed-neo4j.js";
import { runCli } from "../helpers/run-cli.js";
import { TEST_ANNOTATION_CACHE } from "../helpers/test-helper.js";

const BOLT = Number(process.env.LG_LIFECYCLE_BOLT_PORT ?? 7697);
const HTTP = Number(process.env.LG_LIFECYCLE_HTTP_PORT ?? 7487);
const home = mkdtempSync(path.join(tmpdir(), "labour-graph-lifecycle-"));
const env = {
  ...process.env,
  NEO4J_URI: "",
  LABOUR_GRAPH_HOME: home,
  NEO4J_BOLT_PORT: String(BOLT),
  NEO4J_HTTP_PORT: String(HTTP),
  NEO4J_HEAP: "512m",
  NEO4J_PAGECACHE: "64m",
  // the import annotates through the test NLP server, with the tests' annotation cache
  NLP_URL: inject("nlp").url,
  NLP_CACHE_DIR: TEST_ANNOTATION_CACHE,
  LOG_LEVEL: "warn",
};

async function query(cypher: string): Promise<unknown[]> {
  const password = new ManagedNeo4j({
    home,
    boltPort: BOLT,
    httpPort: HTTP,
    heap: "512m",
    pageCache: "64m",
  }).readPassword();
  const driver = createDriver({
    uri: `bolt://127.0.0.1:${BOLT}`,
    user: "neo4j",
    password: password ?? "",
    database: "neo4j",
  });
  try {
    const { records } = await driver.executeQuery(cypher, {}, { database: "neo4j" });
    return records.map((r) => r.toObject());
  } finally {
    await driver.close();
  }
}

describe("labour-graph db start | stop | status", () => {
  afterAll(async () => {
    await runCli(["db", "stop"], env);
    rmSync(home, { recursive: true, force: true });
  });

  it("reports a stopped server before the first start, with exit code 3 (as LSB status)", async () => {
    const result = await runCli(["db", "status", "--json"], env);
    expect(result.code).toBe(3);
    expect(JSON.parse(result.stdout)).toMatchObject({ managed: true, running: false, home });
  });

  it("starts a real Neo4j 5.26 with APOC on 127.0.0.1 with a generated, private password", async () => {
    const result = await runCli(["db", "start", "--json"], env, { timeoutMs: 300_000 });
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.code).toBe(0);
    const status = JSON.parse(result.stdout);
    expect(status).toMatchObject({ running: true, alreadyRunning: false, uri: `bolt://127.0.0.1:${BOLT}` });

    const apoc = await runCli(["cypher", "RETURN apoc.version() AS apoc, 1 + 1 AS two", "--json"], env);
    expect(apoc.code).toBe(0);
    expect(JSON.parse(apoc.stdout)).toEqual([{ apoc: expect.stringMatching(/^5\.26\./), two: 2 }]);

    const [components] = (await query(
      "CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition",
    )) as {
      version: string;
      edition: string;
    }[];
    expect(components?.version).toMatch(/^5\.26\./);
    expect(components?.edition).toBe("community");

    const passwordFile = path.join(home, "password");
    expect(statSync(passwordFile).mode & 0o777).toBe(0o600);
  });

  it("applies the schema on the first command of a brand-new database: import seeds/, then who, exit 0", async () => {
    const imported = await runCli(["import", path.join(PROJECT_ROOT, "seeds")], env, { timeoutMs: 300_000 });
    expect(imported.code, imported.stderr).toBe(0);
    const who = await runCli(["who", "Dauletalin"], env);
    expect(who.code, who.stderr).toBe(0);
    expect(who.stdout).toContain("Satybaldy Dauletalin");
    const constraints = (await query("SHOW CONSTRAINTS YIELD name RETURN count(*) AS n")) as { n: number }[];
    expect(constraints[0]?.n).toBeGreaterThan(5);
    const index = (await query("SHOW INDEXES YIELD name WHERE name = 'entity_names' RETURN name")) as unknown[];
    expect(index).toEqual([{ name: "entity_names" }]);
  });

  it("listens only on the loopback interface", async () => {
    const [row] = (await query("CALL dbms.listConfig('server.bolt.listen_address') YIELD value RETURN value")) as {
      value: string;
    }[];
    expect(row?.value).toBe(`127.0.0.1:${BOLT}`);
  });

  it("treats a second start as a no-op", async () => {
    const before = JSON.parse((await runCli(["db", "status", "--json"], env)).stdout);
    const result = await runCli(["db", "start", "--json"], env);
    expect(result.code).toBe(0);
    const after = JSON.parse(result.stdout);
    expect(after.alreadyRunning).toBe(true);
    expect(after.pid).toBe(before.pid);
  });

  it("keeps data across stop and start", async () => {
    await runCli(["cypher", "CREATE (:LifecycleProbe {token: $t})", "--write", "--param", "t=kept"], env);
    const stop = await runCli(["db", "stop"], env, { timeoutMs: 120_000 });
    expect(stop.code).toBe(0);
    const stopped = await runCli(["db", "status", "--json"], env);
    expect(stopped.code).toBe(3);
    expect(JSON.parse(stopped.stdout).running).toBe(false);

    const start = await runCli(["db", "start"], env, { timeoutMs: 300_000 });
    expect(start.code).toBe(0);
    const rows = await runCli(["cypher", "MATCH (p:LifecycleProbe) RETURN p.token AS token", "--json"], env);
    expect(JSON.parse(rows.stdout)).toEqual([{ token: "kept" }]);
  });

  it("refuses to start on a taken port with an error that names the port and the variable", async () => {
    const blocker = net.createServer();
    const takenPort = await new Promise<number>((resolve) =>
      blocker.listen(0, "127.0.0.1", () => resolve((blocker.address() as net.AddressInfo).port)),
    );
    const otherHome = mkdtempSync(path.join(tmpdir(), "labour-graph-taken-"));
    try {
      const managed = new ManagedNeo4j({
        home: otherHome,
        boltPort: takenPort,
        httpPort: HTTP + 100,
        heap: "512m",
        pageCache: "64m",
      });
      // the port is checked before anything is fetched, so this fails at once
      await expect(managed.start()).rejects.toThrowError(ProvisionError);
      await expect(managed.start()).rejects.toThrowError(new RegExp(`Port ${takenPort}.*in use`));
      const cli = await runCli(["db", "start"], {
        ...env,
        LABOUR_GRAPH_HOME: otherHome,
        NEO4J_BOLT_PORT: String(takenPort),
      });
      expect(cli.code).toBe(2);
      expect(cli.stderr).toContain("NEO4J_BOLT_PORT");
    } finally {
      blocker.close();
      rmSync(otherHome, { recursive: true, force: true });
    }
  });

  it("says that NEO4J_URI is used instead when it is set", async () => {
    const result = await runCli(["db", "start"], {
      ...env,
      NEO4J_URI: `bolt://127.0.0.1:${BOLT}`,
      NEO4J_PASSWORD: "x",
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`NEO4J_URI is set: using the existing server at bolt://127.0.0.1:${BOLT}`);
  });

  it("stops cleanly", async () => {
    const result = await runCli(["db", "stop", "--json"], env, { timeoutMs: 120_000 });
    expect(JSON.parse(result.stdout)).toEqual({ stopped: true });
    expect(JSON.parse((await runCli(["db", "stop", "--json"], env)).stdout)).toEqual({ stopped: false });
  });
});

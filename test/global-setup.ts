/**
 * Picks the database for the `db` test project: NEO4J_URI if set; else Testcontainers when a Docker engine
 * answers; else the managed local Neo4j in its own test home and ports (never the user's data), started if needed.
 * Applies the migrations, then provides the connection to the tests through inject("neo4j").
 * Picks the NLP server the same way, side by side with the database: NLP_URL if set, else the managed CoreNLP in its
 * own test home and port; provided through inject("nlp").
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { PROJECT_ROOT } from "../src/config/config.js";
import { createDriver, type ConnectionSettings } from "../src/graph/connection.js";
import { migrate } from "../src/graph/migrate.js";
import { checkNlpUrls } from "../src/provision/ensure-nlp-server.js";
import { ManagedCoreNLP, type ManagedCoreNLPOptions } from "../src/provision/managed-corenlp.js";
import { ManagedNeo4j } from "../src/provision/managed-neo4j.js";
import { readNeo4jVersions } from "../src/provision/versions.js";

declare module "vitest" {
  export interface ProvidedContext {
    neo4j: ConnectionSettings & { testHome?: string };
    /** the CoreNLP server the tests annotate with */
    nlp: { url: string };
  }
}

function dockerAnswers(): boolean {
  try {
    execFileSync("docker", ["info"], { stdio: "ignore", timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}

/** Where the managed test database lives; overridable so that parallel checkouts do not collide. */
export function testManagedOptions(env = process.env) {
  return {
    home: path.resolve(env.LG_TEST_HOME ?? path.join(PROJECT_ROOT, ".neo4j-test")),
    boltPort: Number(env.LG_TEST_BOLT_PORT ?? 7688),
    httpPort: Number(env.LG_TEST_HTTP_PORT ?? 7475),
    heap: env.LG_TEST_HEAP ?? "1g",
    pageCache: "256m",
  };
}

/** Where the managed test CoreNLP runs; overridable so that parallel checkouts do not collide. */
export function testNlpOptions(env = process.env): ManagedCoreNLPOptions {
  return {
    home: path.resolve(env.LG_TEST_NLP_HOME ?? path.join(PROJECT_ROOT, ".corenlp-test")),
    port: Number(env.LG_TEST_NLP_PORT ?? 9011),
    heap: env.LG_TEST_NLP_HEAP ?? "4g",
    timeoutMs: 60_000,
    threads: 2,
  };
}

/** Stops a server at teardown unless it was running already (a developer's watch loop) or a keep variable is 1. */
function teardownFor(
  alreadyRunning: boolean,
  stop: () => Promise<unknown>,
  keepVariables: string[],
): () => Promise<void> {
  const isKept = alreadyRunning || keepVariables.some((variable) => process.env[variable] === "1");
  return isKept ? async () => {} : async () => void (await stop());
}

async function setupNlp(): Promise<{ url: string; teardown: () => Promise<void> }> {
  const external = process.env.NLP_URL?.split(",")[0]?.trim();
  if (external) {
    await checkNlpUrls([external]);
    return { url: external, teardown: async () => {} };
  }
  const managed = new ManagedCoreNLP({
    ...testNlpOptions(),
    startTimeoutMs: 240_000,
    portVariable: "LG_TEST_NLP_PORT",
  });
  const { status, alreadyRunning } = await managed.start();
  return {
    url: status.url,
    teardown: teardownFor(alreadyRunning, () => managed.stop(), ["LG_TEST_KEEP_DB", "LG_TEST_KEEP_NLP"]),
  };
}

async function setupNeo4j(): Promise<{
  settings: ConnectionSettings & { testHome?: string };
  teardown: () => Promise<void>;
}> {
  if (process.env.NEO4J_URI) {
    const settings = {
      uri: process.env.NEO4J_URI,
      user: process.env.NEO4J_USER ?? "neo4j",
      password: process.env.NEO4J_PASSWORD ?? "",
      database: process.env.NEO4J_DATABASE ?? "neo4j",
    };
    return { settings, teardown: async () => {} };
  }
  if (dockerAnswers()) {
    const { Neo4jContainer } = await import("@testcontainers/neo4j");
    const container = await new Neo4jContainer(readNeo4jVersions().dockerImage).withApoc().start();
    const settings = {
      uri: container.getBoltUri(),
      user: container.getUsername(),
      password: container.getPassword(),
      database: "neo4j",
    };
    return { settings, teardown: async () => void (await container.stop()) };
  }
  const options = testManagedOptions();
  const managed = new ManagedNeo4j({ ...options, startTimeoutMs: 240_000 });
  const { alreadyRunning } = await managed.start();
  const password = managed.readPassword();
  if (password === undefined) throw new Error(`global-setup: the test Neo4j in ${options.home} has no password file`);
  const settings = { uri: managed.uri, user: "neo4j", password, database: "neo4j", testHome: options.home };
  return { settings, teardown: teardownFor(alreadyRunning, () => managed.stop(), ["LG_TEST_KEEP_DB"]) };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // CoreNLP loads its models while the database starts
  const [db, nlp] = await Promise.allSettled([setupNeo4j(), setupNlp()]);
  if (db.status === "rejected" || nlp.status === "rejected") {
    // stop what did start before reporting what did not
    if (db.status === "fulfilled") await db.value.teardown();
    if (nlp.status === "fulfilled") await nlp.value.teardown();
    throw db.status === "rejected" ? db.reason : (nlp as PromiseRejectedResult).reason;
  }
  const driver = createDriver(db.value.settings);
  try {
    await migrate(driver, { database: db.value.settings.database });
  } finally {
    await driver.close();
  }
  project.provide("neo4j", db.value.settings);
  project.provide("nlp", { url: nlp.value.url });
  return async () => {
    await Promise.all([db.value.teardown(), nlp.value.teardown()]);
  };
}

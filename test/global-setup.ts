/**
 * Picks the database for the `db` test project: NEO4J_URI if set; else Testcontainers when a Docker engine
 * answers; else the managed local Neo4j in its own test home and ports (never the user's data), started if needed.
 * Applies the migrations, then provides the connection to the tests through inject("neo4j").
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { PROJECT_ROOT } from "../src/config/config.js";
import { createDriver, type ConnectionSettings } from "../src/graph/connection.js";
import { migrate } from "../src/graph/migrate.js";
import { ManagedNeo4j } from "../src/graph/provision/managed-neo4j.js";
import { readNeo4jVersions } from "../src/graph/provision/versions.js";

declare module "vitest" {
  export interface ProvidedContext {
    neo4j: ConnectionSettings & { testHome?: string };
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

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let settings: ConnectionSettings & { testHome?: string };
  let teardown: () => Promise<void> = async () => {};

  if (process.env.NEO4J_URI) {
    settings = {
      uri: process.env.NEO4J_URI,
      user: process.env.NEO4J_USER ?? "neo4j",
      password: process.env.NEO4J_PASSWORD ?? "",
      database: process.env.NEO4J_DATABASE ?? "neo4j",
    };
  } else if (dockerAnswers()) {
    const { Neo4jContainer } = await import("@testcontainers/neo4j");
    const container = await new Neo4jContainer(readNeo4jVersions().dockerImage).withApoc().start();
    settings = {
      uri: container.getBoltUri(),
      user: container.getUsername(),
      password: container.getPassword(),
      database: "neo4j",
    };
    teardown = async () => void (await container.stop());
  } else {
    const options = testManagedOptions();
    const managed = new ManagedNeo4j({ ...options, startTimeoutMs: 240_000 });
    const { alreadyRunning } = await managed.start();
    const password = managed.readPassword();
    if (password === undefined) throw new Error(`global-setup: the test Neo4j in ${options.home} has no password file`);
    settings = { uri: managed.uri, user: "neo4j", password, database: "neo4j", testHome: options.home };
    // leave a server we found running (a developer's watch loop); stop one we started (CI)
    if (!alreadyRunning && process.env.LG_TEST_KEEP_DB !== "1") teardown = async () => void (await managed.stop());
  }

  const driver = createDriver(settings);
  try {
    await migrate(driver, { database: settings.database });
  } finally {
    await driver.close();
  }
  project.provide("neo4j", settings);
  return teardown;
}

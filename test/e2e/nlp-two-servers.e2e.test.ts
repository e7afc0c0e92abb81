/**
 * Annotation spread over two CoreNLP servers: the test NLP server and one started here (its own home and port,
 * LG_NLP_SECOND_PORT, default 9034), each behind a proxy that counts connections. The seeds are imported through
 * both with an empty annotation cache (so the servers are really called), then through one alone: both servers were
 * used and the two graphs are the same.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config/config.js";
import { ManagedCoreNLP } from "../../src/provision/managed-corenlp.js";
import { runCli } from "../helpers/run-cli.js";
import { TcpProxy } from "../helpers/tcp-proxy.js";
import { TestHelper } from "../helpers/test-helper.js";
import { canonicalDump } from "../integration/import-helpers.js";

const SECOND_PORT = Number(process.env.LG_NLP_SECOND_PORT ?? 9034);
const START_MS = 300_000;
const helper = new TestHelper();
const home = mkdtempSync(path.join(tmpdir(), "labour-graph-nlp-second-"));
const second = new ManagedCoreNLP({
  home,
  port: SECOND_PORT,
  heap: "2g",
  timeoutMs: 60_000,
  threads: 2,
  startTimeoutMs: START_MS,
  portVariable: "LG_NLP_SECOND_PORT",
});
let first: TcpProxy;
let other: TcpProxy;

/** Imports the seeds with these NLP servers and a cache of its own, empty at the start; returns the graph. */
async function importSeedsThrough(urls: string[]): Promise<string[]> {
  await helper.clearGraph();
  const cache = mkdtempSync(path.join(tmpdir(), "labour-graph-nlp-cache-"));
  try {
    const result = await runCli(
      ["import", path.join(PROJECT_ROOT, "seeds")],
      helper.cliEnv({ NLP_URL: urls.join(","), NLP_CACHE_DIR: cache }),
      { timeoutMs: 300_000 },
    );
    expect(result.code, result.stderr).toBe(0);
    return await canonicalDump(helper);
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

describe("annotation over two NLP servers", () => {
  beforeAll(async () => {
    await second.start();
    const testServer = new URL(inject("nlp").url);
    first = new TcpProxy(testServer.hostname, Number(testServer.port));
    other = new TcpProxy("127.0.0.1", SECOND_PORT);
    await first.start();
    await other.start();
  }, START_MS + 60_000);

  afterAll(async () => {
    await first?.stop();
    await other?.stop();
    await second.stop();
    await helper.clearGraph();
    await helper.close();
    rmSync(home, { recursive: true, force: true });
  });

  it("calls both servers and writes the graph one server writes", async () => {
    const both = await importSeedsThrough([`http://127.0.0.1:${first.port}`, `http://127.0.0.1:${other.port}`]);
    expect(first.connections).toBeGreaterThan(0);
    expect(other.connections).toBeGreaterThan(0);
    const viaOther = other.connections;
    const one = await importSeedsThrough([`http://127.0.0.1:${first.port}`]);
    expect(other.connections).toBe(viaOther);
    expect(both.some((line) => line.startsWith("R MET_WITH"))).toBe(true);
    expect(both).toEqual(one);
  }, 900_000);
});

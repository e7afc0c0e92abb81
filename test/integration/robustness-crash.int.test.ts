/**
 * Crash safety: an import killed with SIGKILL halfway through, then run again, leaves exactly the graph a
 * clean single import leaves (compared as a canonical sorted dump of nodes, relationships and properties).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnImport } from "../../tools/bench/child-import.js";
import { generateCorpus } from "../../tools/bench/generate-corpus.js";
import { dumpGraph } from "../../tools/bench/graph-dump.js";
import { TestHelper } from "../helpers/test-helper.js";

const DOCUMENTS = 400;
// Every run is the same command. Chunks are taken by position in the sorted file list and each commits whole,
// so small chunks make the kill land between commits; the re-run and the clean run use the same chunks.
const IMPORT_ARGS = ["--batch", "20"] as const;

describe("an import killed with SIGKILL halfway", () => {
  const helper = new TestHelper();
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "lg-crash-"));
    await generateCorpus({ dir, count: DOCUMENTS, seed: 11 });
    await helper.clearGraph();
  });

  afterAll(async () => {
    await helper.clearGraph();
    await helper.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const documentCount = async () =>
    Number((await helper.runCypher(/* Cypher */ `MATCH (d:Document) RETURN count(d) AS n`))[0]?.n ?? 0);

  it("is resumed by a second run into the same graph a clean single run gives", async () => {
    const env = helper.cliEnv({ LOG_LEVEL: "warn" });
    const first = spawnImport([dir], env, IMPORT_ARGS);
    let atKill = 0;
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline && first.child.exitCode === null) {
      atKill = await documentCount();
      if (atKill > 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    first.child.kill("SIGKILL");
    const killed = await first.done;
    expect(
      killed.signal,
      `the first import ended before it could be killed (exit ${String(killed.code)}): ${killed.stderr}`,
    ).toBe("SIGKILL");
    const afterKill = await documentCount();
    expect(atKill).toBeGreaterThan(0);
    expect(afterKill).toBeLessThan(DOCUMENTS);

    const resumed = await spawnImport([dir], env, [...IMPORT_ARGS, "--json"]).done;
    expect(resumed.code, resumed.stderr).toBe(0);
    // the documents committed before the kill are recognised, not written again
    expect((JSON.parse(resumed.stdout) as { documents: { skipped: number } }).documents.skipped).toBeGreaterThanOrEqual(
      afterKill,
    );
    expect(await documentCount()).toBe(DOCUMENTS);
    const afterResume = await dumpGraph(helper.driver, helper.settings.database);

    await helper.clearGraph();
    const clean = await spawnImport([dir], env, IMPORT_ARGS).done;
    expect(clean.code, clean.stderr).toBe(0);
    const afterClean = await dumpGraph(helper.driver, helper.settings.database);

    expect(afterResume.length).toBe(afterClean.length);
    expect(afterResume).toEqual(afterClean);
  });
});

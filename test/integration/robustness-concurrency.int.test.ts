/** Concurrency: two imports of overlapping folders at the same time give no duplicate nodes, edges or evidence. */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnImport } from "../../tools/bench/child-import.js";
import { articlePath, generateCorpus } from "../../tools/bench/generate-corpus.js";
import { TestHelper } from "../helpers/test-helper.js";

const DOCUMENTS = 240;

describe("two imports of overlapping folders at once", () => {
  const helper = new TestHelper();
  let root: string;
  let left: string;
  let right: string;

  beforeAll(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), "lg-concurrent-"));
    const corpus = path.join(root, "corpus");
    await generateCorpus({ dir: corpus, count: DOCUMENTS, seed: 23 });
    // left holds articles 0..159 and right 80..239: the middle third is imported by both at once
    left = path.join(root, "left");
    right = path.join(root, "right");
    for (const [folder, from, to] of [
      [left, 0, 160],
      [right, 80, DOCUMENTS],
    ] as const) {
      mkdirSync(folder, { recursive: true });
      for (let i = from; i < to; i++)
        copyFileSync(path.join(corpus, articlePath(i)), path.join(folder, path.basename(articlePath(i))));
    }
    await helper.clearGraph();
  });

  afterAll(async () => {
    await helper.clearGraph();
    await helper.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("leaves every node id, relationship key and evidence sentence once", async () => {
    const env = helper.cliEnv({ LOG_LEVEL: "warn" });
    const imports = [spawnImport([left], env, ["--batch", "2"]), spawnImport([right], env, ["--batch", "2"])] as const;
    // the test means something only if documents were written while both importers were alive
    let isWrittenWhileBothRun = false;
    while (!isWrittenWhileBothRun && imports.every((i) => i.child.exitCode === null && i.child.signalCode === null)) {
      const [row] = await helper.runCypher(/* Cypher */ `MATCH (d:Document) RETURN count(d) AS n`);
      isWrittenWhileBothRun = Number(row?.n) > 0 && imports.every((i) => i.child.exitCode === null);
      await new Promise((r) => setTimeout(r, 20));
    }
    const [a, b] = await Promise.all([imports[0].done, imports[1].done]);
    expect(isWrittenWhileBothRun, "one import finished before the other started writing").toBe(true);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);

    // the overlapping documents have different paths in the two folders but the same content, hence one id
    const [docs] = await helper.runCypher(
      /* Cypher */ `MATCH (d:Document) RETURN count(d) AS n, count(DISTINCT d.id) AS ids`,
    );
    expect(docs).toEqual({ n: DOCUMENTS, ids: DOCUMENTS });

    const duplicateNodes = await helper.runCypher(/* Cypher */ `
      MATCH (n) WHERE NOT n:__Neo4jMigration
      WITH n.id AS id, count(*) AS copies WHERE copies > 1
      RETURN id, copies LIMIT 10`);
    expect(duplicateNodes).toEqual([]);

    const duplicateEdges = await helper.runCypher(/* Cypher */ `
      MATCH ()-[r]->()
      WITH type(r) AS type, r.key AS key, count(*) AS copies WHERE copies > 1
      RETURN type, key, copies LIMIT 10`);
    expect(duplicateEdges).toEqual([]);

    const repeatedEvidence = await helper.runCypher(/* Cypher */ `
      MATCH ()-[r]->()
      WITH r, [i IN range(0, size(r.evidence) - 1) | r.evidenceDocs[i] + '|' + r.evidence[i]] AS pairs
      UNWIND pairs AS pair
      WITH r, pair, count(*) AS copies WHERE copies > 1
      RETURN r.key AS key, pair, copies LIMIT 10`);
    expect(repeatedEvidence).toEqual([]);

    const [edges] = await helper.runCypher(/* Cypher */ `MATCH ()-[r]->() RETURN count(r) AS n`);
    expect(Number(edges?.n)).toBeGreaterThan(0);
  });
});

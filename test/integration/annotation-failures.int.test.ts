/**
 * What the importer does when the NLP server cannot annotate: a document that times out is reported by name and
 * skipped while the others are imported; an NLP server that does not answer stops the import before anything is
 * written, with one message that says what to do.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, inject, it } from "vitest";
import { createAnnotateContext } from "../../src/annotate/index.js";
import { ProvisionError } from "../../src/domain/errors.js";
import { importPaths } from "../../src/pipeline/import-paths.js";
import { TestHelper } from "../helpers/test-helper.js";

const helper = new TestHelper();
const work = mkdtempSync(path.join(tmpdir(), "lg-annotation-failures-"));
const SHORT = "Anna Petrova, President of the Ruritanian Teachers Union, met with John Smith in Vienna.\n";
// long enough that annotating it takes far more than the timeout below, even on a fast machine
const LONG = `${"The General Secretary of the Northern Transport Union met the President of the Federation of Trade Unions of Ruritania, and both sides signed a memorandum of cooperation. ".repeat(1200)}\n`;

beforeEach(async () => {
  await helper.clearGraph();
});

afterAll(async () => {
  await helper.close();
  rmSync(work, { recursive: true, force: true });
});

describe("annotation failures", () => {
  it("reports a document that times out by name and imports the others", async () => {
    writeFileSync(path.join(work, "short.txt"), SHORT);
    writeFileSync(path.join(work, "long.txt"), LONG);
    const annotate = createAnnotateContext({ urls: [inject("nlp").url], timeoutMs: 4000 });
    const summary = await importPaths([path.join(work, "short.txt"), path.join(work, "long.txt")], {
      annotate,
      driver: helper.driver,
      database: helper.settings.database,
    });
    expect(summary.documents.imported).toBe(1);
    expect(summary.failed.map((f) => path.basename(f.path))).toEqual(["long.txt"]);
    expect(summary.failed[0]!.message).toMatch(/long\.txt.*timed out/);
    const rows = await helper.runCypher(/* Cypher */ `MATCH (d:Document) RETURN d.path AS path`);
    expect(rows.map((r) => path.basename(String(r.path)))).toEqual(["short.txt"]);
  });

  it("stops before writing anything when the NLP server does not answer, saying what to do", async () => {
    writeFileSync(path.join(work, "short.txt"), SHORT);
    const annotate = createAnnotateContext({ urls: ["http://127.0.0.1:9"], timeoutMs: 5000 });
    const run = importPaths([path.join(work, "short.txt")], {
      annotate,
      driver: helper.driver,
      database: helper.settings.database,
    });
    await expect(run).rejects.toBeInstanceOf(ProvisionError);
    await expect(run).rejects.toThrow(/does not answer.*|labour-graph nlp start|NLP_URL/);
    const rows = await helper.runCypher(/* Cypher */ `MATCH (n) WHERE NOT n:__Neo4jMigration RETURN count(n) AS n`);
    expect(rows[0]!.n).toBe(0);
  });
});

/**
 * Importing files and folders end to end (ingest, extraction, resolution, write) through importPaths and the
 * built CLI: corrupt files among good ones, re-import, a file changed on disk, exit codes, an unreachable database.
 * The CLI tests need `npm run build` first.
 */
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config/config.js";
import { importPaths, type ImportSummary } from "../../src/pipeline/import-paths.js";
import { runCli } from "../helpers/run-cli.js";
import { TestHelper, testAnnotateContext } from "../helpers/test-helper.js";
import { canonicalDump, contentId, expectEverySentenceVerbatim, graphCounts } from "./import-helpers.js";

const FIXTURES = path.join(PROJECT_ROOT, "test", "fixtures", "import", "good");
const helper = new TestHelper();
const work = mkdtempSync(path.join(tmpdir(), "lg-import-files-"));
const options = () => ({ annotate: testAnnotateContext(), driver: helper.driver, database: helper.settings.database });

/** A fresh copy of the good fixtures in its own folder. */
function goodFolder(name: string): string {
  const dir = path.join(work, name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(FIXTURES, dir, { recursive: true });
  return dir;
}

/** Adds an empty file, a binary file and a file that is not valid UTF-8 to a folder. */
function addCorruptFiles(dir: string): string[] {
  const files = {
    "empty.txt": Buffer.alloc(0),
    "binary.txt": Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x01,
    ]),
    "latin1.txt": Buffer.from(
      "The Confédération générale du travail met with the Federation of Trade Unions of Ruritania.\n",
      "latin1",
    ),
  };
  return Object.entries(files).map(([name, bytes]) => {
    writeFileSync(path.join(dir, name), bytes);
    return path.join(dir, name);
  });
}

describe("importing files", () => {
  beforeEach(async () => {
    await helper.clearGraph();
  });

  afterAll(async () => {
    await helper.clearGraph();
    await helper.close();
    rmSync(work, { recursive: true, force: true });
  });

  it("imports the good files of a folder, reports each corrupt file by name, and loses nothing imported earlier", async () => {
    const dir = goodFolder("mixed");
    const first = path.join(dir, "a-brussels-meeting.md");
    const earlierSummary = await importPaths([first], options());
    expect(earlierSummary.documents).toMatchObject({ imported: 1, failed: 0 });
    const earlier = await canonicalDump(helper);
    expect(earlier.some((line) => line.startsWith("R "))).toBe(true);
    const names = async () =>
      new Map(
        (
          await helper.runCypher(
            /* Cypher */ `MATCH (n) WHERE NOT n:__Neo4jMigration RETURN n.id AS id, [n.name] + coalesce(n.aliases, []) AS names`,
          )
        ).map((r) => [String(r.id), r.names as string[]]),
      );
    const earlierNames = await names();

    const corrupt = addCorruptFiles(dir);
    const summary = await importPaths([dir], options());
    expect(summary.failed.map((f) => f.path).sort()).toEqual(corrupt.sort());
    for (const failure of summary.failed) expect(failure.message).toContain(path.basename(failure.path));
    expect(summary.documents).toMatchObject({ imported: 2, skipped: 1, failed: 3 });
    expect(summary.skipped.map((s) => s.path)).toEqual([first]);

    const documents = await helper.runCypher(/* Cypher */ `MATCH (d:Document) RETURN d.path AS path ORDER BY path`);
    expect(documents.map((d) => path.basename(String(d.path)))).toEqual([
      "a-brussels-meeting.md",
      "b-cooperation-agreement.txt",
      "c-congress.html",
    ]);
    // every node of the earlier import is still there with its names (later documents may add aliases and
    // properties), and every earlier evidence entry too
    const laterNames = await names();
    for (const [id, before] of earlierNames) expect(laterNames.get(id), id).toEqual(expect.arrayContaining(before));
    const [kept] = await helper.runCypher(
      /* Cypher */ `MATCH ()-[r]->() WHERE $a IN r.evidenceDocs RETURN count(r) AS count`,
      {
        a: contentId(readFileSync(first)),
      },
    );
    expect(kept?.count).toBe(earlier.filter((l) => l.startsWith("R ")).length);
    await expectEverySentenceVerbatim(helper);
  });

  it("leaves the graph identical when the same folder is imported again, and reports every document as skipped", async () => {
    const dir = goodFolder("again");
    const first = await importPaths([dir], options());
    expect(first.documents).toMatchObject({ total: 3, imported: 3, failed: 0 });
    expect(first.counters.relationshipsCreated).toBeGreaterThan(0);
    const before = await canonicalDump(helper);
    const counts = await graphCounts(helper);

    const second = await importPaths([dir], options());
    expect(second.documents).toMatchObject({ total: 3, imported: 0, skipped: 3, failed: 0 });
    expect(second.counters).toMatchObject({ nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 0 });
    expect(await graphCounts(helper)).toEqual(counts);
    expect(await canonicalDump(helper)).toEqual(before);
  });

  it("replaces the evidence of a file changed on disk and keeps the other files' evidence as it was", async () => {
    const dir = goodFolder("changed");
    await importPaths([dir], options());
    const changedFile = path.join(dir, "b-cooperation-agreement.txt");
    const oldId = contentId(readFileSync(changedFile));
    const untouched = (await canonicalDump(helper)).filter((line) => line.startsWith("R ") && !line.includes(oldId));

    writeFileSync(changedFile, `${readFileSync(changedFile, "utf8").split("\n\n")[0] ?? ""}\n`);
    const newId = contentId(readFileSync(changedFile));
    const summary = await importPaths([dir], options());
    expect(summary.documents).toMatchObject({ replaced: 1, skipped: 2, failed: 0 });
    expect(summary.replaced).toEqual([{ path: changedFile, id: newId, previous: [oldId] }]);

    const [stale] = await helper.runCypher(
      /* Cypher */ `
      OPTIONAL MATCH (d:Document {id: $old}) OPTIONAL MATCH ()-[r]->() WHERE $old IN r.sources OR $old IN r.evidenceDocs
      RETURN count(DISTINCT d) AS docs, count(r) AS rels`,
      { old: oldId },
    );
    expect(stale).toEqual({ docs: 0, rels: 0 });
    const after = await canonicalDump(helper);
    for (const line of untouched) expect(after).toContain(line);
    const [orphans] = await helper.runCypher(/* Cypher */ `
      MATCH (n) WHERE NOT n:Document AND NOT n:__Neo4jMigration AND NOT (n)-[:MENTIONED_IN]->() RETURN count(n) AS count`);
    expect(orphans?.count).toBe(0);
    await expectEverySentenceVerbatim(helper);
  });

  describe("the import command", () => {
    it("prints a JSON summary and exits 2 when a file failed, having imported the good ones", async () => {
      const dir = goodFolder("cli");
      const corrupt = addCorruptFiles(dir);
      const result = await runCli(["import", dir, "--json"], helper.cliEnv());
      expect(result.code, result.stderr).toBe(2);
      const summary = JSON.parse(result.stdout) as ImportSummary;
      expect(summary.documents).toMatchObject({ imported: 3, failed: 3 });
      expect(summary.failed.map((f) => f.path).sort()).toEqual(corrupt.sort());
      // named once, in the summary: the closing error counts them instead of listing them again
      for (const file of corrupt) expect(result.stderr).not.toContain(path.basename(file));
      expect(result.stderr).toContain('error: 3 of 6 files were not imported (listed under "failed" above).');
      const [docs] = await helper.runCypher(/* Cypher */ `MATCH (d:Document) RETURN count(d) AS count`);
      expect(docs?.count).toBe(3);
    });

    it("exits 0 with a readable summary through `npm run import` when every file is imported or unchanged", async () => {
      const dir = goodFolder("npm");
      const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
        const child = spawn("npm", ["run", "--silent", "import", "--", dir], {
          cwd: PROJECT_ROOT,
          env: helper.cliEnv(),
        });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
        child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
        child.on("error", reject);
        child.on("close", (code) => resolve({ code, stdout, stderr }));
      });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/3 documents: 3 imported, 0 replaced, 0 skipped \(unchanged\), 0 failed/);
      const again = await runCli(["import", dir], helper.cliEnv());
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toMatch(/3 documents: 0 imported, 0 replaced, 3 skipped \(unchanged\), 0 failed/);
    });

    it("stops with one clear message and exit 2 when the database cannot be reached", async () => {
      const dir = goodFolder("down");
      const result = await runCli(
        ["import", dir],
        helper.cliEnv({ NEO4J_URI: "bolt://127.0.0.1:1", NEO4J_PASSWORD: "x" }),
        { timeoutMs: 60_000 },
      );
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/not reachable/);
      expect(result.stderr).not.toContain("a-brussels-meeting.md");
      expect(result.stdout).toBe("");
    });
  });
});

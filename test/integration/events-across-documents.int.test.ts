/**
 * One node per real-world thing across documents (issue 12): 400 near-copies of the seeds, imported by the real
 * importer, give one Event per meeting and one MET_WITH edge per pair of people, with the number of meetings; the
 * CLI finds FPRK by its acronym and prints no two identical paths; importing the same files in another order and
 * batch size, over separate runs, gives the same events and the same names; a typo seen first never becomes a name.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importPaths } from "../../src/pipeline/import-paths.js";
import { EDITIONS, nearCopies, TYPO, writeCopies } from "../fixtures/near-copies/generate-near-copies.js";
import { runCli } from "../helpers/run-cli.js";
import { testAnnotateContext, TestHelper } from "../helpers/test-helper.js";

const helper = new TestHelper();
const tmp = mkdtempSync(path.join(os.tmpdir(), "lg-near-copies-"));
const copies = nearCopies(400);
const forward = writeCopies(path.join(tmp, "forward"), copies);
const reversed = writeCopies(path.join(tmp, "reversed"), [...copies].reverse());

const importRun = (paths: string[], batch?: number) =>
  importPaths(paths, {
    annotate: testAnnotateContext(),
    driver: helper.driver,
    database: helper.settings.database,
    ...(batch !== undefined ? { maxDocumentsPerTransaction: batch } : {}),
  });

/**
 * The graph without ids, paths or evidence order: entities by label and name, events by kind, date, place,
 * participants' names and sources, relationships by type, ends and the documents and meetings behind them.
 */
async function canonicalDump(): Promise<string[]> {
  const names = new Map<string, string>();
  for (const r of await helper.runCypher(/* Cypher */ `
      MATCH (n) WHERE NOT n:__Neo4jMigration AND NOT n:Event AND NOT n:Document RETURN n.id AS id, n.name AS name`))
    names.set(String(r.id), String(r.name));
  const events = new Map<string, string>();
  for (const r of await helper.runCypher(/* Cypher */ `MATCH (e:Event) RETURN e.id AS id, properties(e) AS p`)) {
    const p = r.p as Record<string, unknown>;
    const people = ((p.participantIds as string[] | undefined) ?? []).map((id) => names.get(id) ?? id).sort();
    const sources = [...((p.sources as string[] | undefined) ?? [])].sort();
    events.set(
      String(r.id),
      `Event ${String(p.kind)} ${String(p.date ?? p.dateText ?? "-")} @${String(p.place ?? "-")} ${String(p.name ?? "")}[${people.join("; ")}] <${sources.join(",")}>`,
    );
  }
  const label = (id: string) => events.get(id) ?? names.get(id) ?? `Document ${id}`;
  const lines = [...events.values()];
  for (const r of await helper.runCypher(/* Cypher */ `
      MATCH (n) WHERE NOT n:__Neo4jMigration AND NOT n:Event AND NOT n:Document
      RETURN labels(n) AS labels, n.name AS name, n.aliases AS aliases, n.acronym AS acronym, n.country AS country`)) {
    const aliases = [...((r.aliases as string[] | null) ?? [])].sort();
    lines.push(
      `N ${[...(r.labels as string[])].sort().join(":")} ${String(r.name)} ${String(r.acronym)} ${String(r.country)} [${aliases.join("; ")}]`,
    );
  }
  // an edge's documents: all of them, from the supports on their mentions (`sources` keeps only the first 50, which
  // depend on the import order); a mention's document is its own
  for (const r of await helper.runCypher(/* Cypher */ `
      MATCH (a)-[r]->(b) WHERE NOT a:__Neo4jMigration
      OPTIONAL MATCH (a)-[m:MENTIONED_IN]->(d:Document) WHERE r.key IN coalesce(m.supports, [])
      WITH a, r, b, CASE WHEN type(r) = 'MENTIONED_IN' THEN r.sources ELSE collect(d.id) END AS sources
      RETURN type(r) AS type, a.id AS a, b.id AS b, sources, r.sourceCount AS sourceCount, r.events AS events,
             r.count AS count, r.firstDate AS first, r.lastDate AS last, r.status AS status, r.role AS role`)) {
    const meetings = ((r.events as string[] | null) ?? []).map(label).sort();
    const sources = [...((r.sources as string[] | null) ?? [])].sort();
    lines.push(
      `R ${String(r.type)} ${label(String(r.a))} -> ${label(String(r.b))} ${String(r.status)} ${String(r.role)} ` +
        `count=${String(r.count)} ${String(r.first)}..${String(r.last)} ${String(r.sourceCount)} <${sources.join(",")}> {${meetings.join(" | ")}}`,
    );
  }
  return lines.sort();
}

beforeAll(async () => {
  await helper.clearGraph();
  const summary = await importRun([forward]);
  expect(summary.documents).toMatchObject({ imported: copies.length, failed: 0 });
});

afterAll(async () => {
  rmSync(tmp, { recursive: true, force: true });
  await helper.clearGraph();
  await helper.close();
});

describe("400 near-copies of the seeds", () => {
  it("give one MET_WITH edge per pair of people, counting one meeting per edition", async () => {
    const pairs = await helper.runCypher(/* Cypher */ `
      MATCH (a:Person)-[r:MET_WITH]-(b:Person) WHERE a.id < b.id
      RETURN a.name AS a, b.name AS b, count(r) AS edges, collect(r.count)[0] AS count,
             collect(r.sourceCount)[0] AS sources, collect(r.firstDate)[0] AS first, collect(r.lastDate)[0] AS last`);
    expect(pairs.length).toBeGreaterThanOrEqual(5);
    for (const p of pairs) {
      expect(p.edges, `${String(p.a)} / ${String(p.b)}`).toBe(1);
      expect(Number(p.count), `${String(p.a)} / ${String(p.b)}`).toBe(EDITIONS.length);
      expect(Number(p.sources)).toBeGreaterThan(EDITIONS.length);
      expect(String(p.first).slice(0, 4)).toBe(String(EDITIONS[0]));
      expect(String(p.last).slice(0, 4)).toBe(String(EDITIONS[EDITIONS.length - 1]));
    }
  });

  it("make each meeting one Event whose sources list every copy that reports it", async () => {
    const [meetings] = await helper.runCypher(/* Cypher */ `
      MATCH (e:Event {kind: 'meeting'})
      RETURN count(e) AS events, min(size(e.sources)) AS fewest, sum(size(e.sources)) AS reports`);
    const [reports] = await helper.runCypher(/* Cypher */ `
      MATCH (e:Event {kind: 'meeting'})-[:MENTIONED_IN]->(d:Document) RETURN count(*) AS reports`);
    // every seed meeting once per edition, each reported by the copies of its seed in that edition
    expect(Number(meetings?.reports)).toBe(Number(reports?.reports));
    expect(Number(meetings?.fewest)).toBeGreaterThan(1);
    const [perEdition] = await helper.runCypher(/* Cypher */ `
      MATCH (e:Event {kind: 'meeting'}) WITH substring(e.seenFrom, 0, 4) AS year, count(e) AS n
      RETURN collect(DISTINCT n) AS counts, count(year) AS years`);
    expect(Number(perEdition?.years)).toBe(EDITIONS.length);
    expect(perEdition?.counts as unknown[]).toHaveLength(1);
  });

  it("name Dauletalin by the form most documents use, though the first file has the typo", async () => {
    const people = await helper.runCypher(/* Cypher */ `
      MATCH (p:Person) WHERE p.name CONTAINS 'Dauletalin' RETURN p.name AS name, p.aliases AS aliases`);
    expect(people).toHaveLength(1);
    expect(people[0]?.name).toBe(`${TYPO.correct} Dauletalin`);
    expect(people[0]?.aliases).toContain(`${TYPO.wrong} Dauletalin`);
  });

  it("answer `who FPRK` with the federation and `path` without two identical paths", async () => {
    const env = helper.cliEnv();
    const who = await runCli(["who", "FPRK"], env);
    expect(who.code, who.stderr).toBe(0);
    expect(who.stdout.split("\n")[0]).toContain("Federation of Trade Unions of the Republic of Kazakhstan");
    const path = await runCli(["path", "Tomoko Yoshino", "Kudratulla Rafikov", "--json"], env);
    expect(path.code, path.stderr).toBe(0);
    const result = JSON.parse(path.stdout) as { paths: { nodes: { id: string }[]; edges: { type: string }[] }[] };
    expect(result.paths.length).toBeGreaterThan(0);
    const shown = result.paths.map((p) => p.nodes.map((n) => n.id).join(" ") + p.edges.map((e) => e.type).join(" "));
    expect(new Set(shown).size).toBe(shown.length);
    const text = await runCli(["path", "Tomoko Yoshino", "Kudratulla Rafikov"], env);
    // each path's line without its number: no two may read the same
    const heads = text.stdout
      .split("\n")
      .filter((l) => /^\d+\. /.test(l))
      .map((l) => l.replace(/^\d+\. /, ""));
    expect(heads.length).toBeGreaterThan(1);
    expect(new Set(heads).size, heads.join("\n")).toBe(heads.length);
  });

  it("give the same events and names in reverse order, another batch size and two runs", async () => {
    const once = await canonicalDump();
    await helper.clearGraph();
    const files = [...copies].reverse();
    const half = writeCopies(path.join(tmp, "second-half"), files.slice(0, 200));
    const rest = writeCopies(path.join(tmp, "first-half"), files.slice(200));
    await importRun([half], 37);
    await importRun([rest], 3);
    expect(await canonicalDump()).toEqual(once);
    await helper.clearGraph();
    await importRun([reversed], 400);
    expect(await canonicalDump()).toEqual(once);
  });
});

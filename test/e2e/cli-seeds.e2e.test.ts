/**
 * The analyst CLI on the seeds, imported by the real importer: the acceptance questions of issue 5 asked from the
 * command line, and the GraphML / JSON exports of the seeds (parse, counts, round trip into an empty database).
 * Expected answers are read from the database with Cypher.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config/config.js";
import type { GraphPath, RankedEntity, Subgraph } from "../../src/domain/views.js";
import { importPaths } from "../../src/pipeline/import-paths.js";
import { runCli } from "../helpers/run-cli.js";
import { TestHelper, testAnnotateContext } from "../helpers/test-helper.js";

const helper = new TestHelper();
const env = helper.cliEnv();
const tmp = mkdtempSync(path.join(os.tmpdir(), "lg-cli-seeds-"));

async function dump(): Promise<unknown> {
  const nodes = await helper.runCypher(/* Cypher */ `
    MATCH (n) WHERE NOT n:__Neo4jMigration
    RETURN n.id AS id, apoc.coll.sort(labels(n)) AS labels, [k IN apoc.coll.sort(keys(n)) | [k, valueType(n[k]), n[k]]] AS props ORDER BY id`);
  const rels = await helper.runCypher(/* Cypher */ `
    MATCH (a)-[r]->(b) WHERE NOT a:__Neo4jMigration
    RETURN type(r) AS type, r.key AS key, a.id AS from, b.id AS to, [k IN apoc.coll.sort(keys(r)) | [k, valueType(r[k]), r[k]]] AS props
    ORDER BY type, key, from, to`);
  return { nodes, rels };
}

beforeAll(async () => {
  await helper.clearGraph();
  const summary = await importPaths([path.join(PROJECT_ROOT, "seeds")], {
    annotate: testAnnotateContext(),
    driver: helper.driver,
    database: helper.settings.database,
  });
  expect(summary.documents.failed).toBe(0);
});

afterAll(async () => {
  rmSync(tmp, { recursive: true, force: true });
  await helper.clearGraph();
  await helper.close();
});

describe("the CLI on the seeds", () => {
  it("who Dauletalin lists everyone he met and his roles", async () => {
    const r = await runCli(["who", "Dauletalin"], env);
    expect(r.code).toBe(0);
    const met = await helper.runCypher(
      /* Cypher */ `MATCH (:Person {id: 'person:satybaldy-dauletalin'})-[:MET_WITH]-(m) RETURN DISTINCT m.name AS name`,
    );
    expect(met.length).toBeGreaterThanOrEqual(5);
    const meetings = r.stdout.split("Meetings:")[1] ?? "";
    for (const m of met) expect(meetings).toContain(`met ${String(m.name)} (`);
    const roles = (r.stdout.split("Roles:")[1] ?? "").split("\n\n")[0];
    expect(roles).toContain("  - Chairman, Federation of Trade Unions of the Republic of Kazakhstan (Union)");
  });

  it("path Yoshino → Rafikov goes through Dauletalin with the stored evidence", async () => {
    const r = await runCli(["path", "Tomoko Yoshino", "Kudratulla Rafikov", "--json"], env);
    expect(r.code).toBe(0);
    const { paths } = JSON.parse(r.stdout) as { paths: GraphPath[] };
    const first = paths[0]!;
    expect(first.nodes.map((n) => n.name)).toEqual(["Tomoko Yoshino", "Satybaldy Dauletalin", "Kudratulla Rafikov"]);
    for (const edge of first.edges) {
      const [stored] = await helper.runCypher(
        /* Cypher */ `MATCH ()-[r]->() WHERE r.key = $key RETURN r.evidence AS evidence`,
        { key: edge.key },
      );
      expect(edge.evidence.map((e) => e.sentence)).toEqual(stored?.evidence);
    }
    const text = await runCli(["path", "Tomoko Yoshino", "Kudratulla Rafikov", "--limit", "1"], env);
    expect(text.stdout).toMatch(
      /^1 connection between Tomoko Yoshino and Kudratulla Rafikov:\n\n1\. Tomoko Yoshino —MET_WITH[^\n]*→ Satybaldy Dauletalin —MET_WITH[^\n]*→ Kudratulla Rafikov {2}\(2 hops\)/,
    );
    expect(text.stdout).toContain(`      “${first.edges[1]!.evidence[0]!.sentence.slice(0, 80)}`);
  });

  it("neighbours of Dauletalin include the people he met; top ranks as the database does", async () => {
    const sub = JSON.parse((await runCli(["neighbours", "Satybaldy Dauletalin", "--json"], env)).stdout) as Subgraph;
    const met = await helper.runCypher(
      /* Cypher */ `MATCH (:Person {id: 'person:satybaldy-dauletalin'})-[:MET_WITH]-(m) RETURN collect(DISTINCT m.id) AS ids`,
    );
    expect(sub.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(met[0]?.ids as string[]));
    const expected = await helper.runCypher(/* Cypher */ `
      MATCH (n:Person)-[r]-(m) WHERE type(r) <> 'MENTIONED_IN'
      RETURN n.name AS name, count(DISTINCT m) AS degree ORDER BY degree DESC, name LIMIT 5`);
    const ranked = JSON.parse(
      (await runCli(["top", "--label", "Person", "--limit", "5", "--json"], env)).stdout,
    ) as RankedEntity[];
    expect(ranked.map((x) => [x.node.name, x.degree])).toEqual(expected.map((e) => [e.name, Number(e.degree)]));
  });

  it("an ambiguous or unknown name exits 1 with candidates", async () => {
    const ambiguous = await runCli(["who", "Trade Unions"], env);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toContain("is ambiguous");
    // each candidate with its type, country and number of connections
    expect(ambiguous.stderr).toMatch(
      /Federation of Trade Unions of Uzbekistan \(Union, Uzbekistan, \d+ connections, id org:federation-of-trade-unions-of-uzbekistan\)/,
    );
    const unknown = await runCli(["path", "Zzyzx Qwertyuiop", "Tomoko Yoshino"], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No entity is called "Zzyzx Qwertyuiop"');
  });
});

describe("exports of the seeds", () => {
  it("GraphML parses as XML with the database's node and edge counts", async () => {
    const file = path.join(tmp, "seeds.graphml");
    expect((await runCli(["export", "--format", "graphml", "--out", file], env)).code).toBe(0);
    const xml = readFileSync(file, "utf8");
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === "node" || n === "edge" }).parse(xml);
    const [c] = await helper.runCypher(/* Cypher */ `
      MATCH (n) WHERE NOT n:__Neo4jMigration WITH count(n) AS nodes
      MATCH (a)-[r]->() WHERE NOT a:__Neo4jMigration RETURN nodes, count(r) AS rels`);
    expect(doc.graphml.graph.node.length).toBe(Number(c?.nodes));
    expect(doc.graphml.graph.edge.length).toBe(Number(c?.rels));
  });

  it("the JSON export loaded into an empty database reproduces the same graph", async () => {
    const file = path.join(tmp, "seeds.json");
    expect((await runCli(["export", "--format", "json", "--out", file], env)).code).toBe(0);
    const before = await dump();
    await helper.clearGraph();
    const r = await runCli(["load", file], env);
    expect(r.code).toBe(0);
    expect(await dump()).toEqual(before);
  });
});

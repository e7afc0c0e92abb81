/**
 * The analyst CLI as a user runs it (the built bin/labour-graph.js) against a real Neo4j holding the fixture graph:
 * who, path, neighbours, top, export and load, in text and --json, with not-found, ambiguous, usage and
 * database-down exits. Expectations are read from the database with Cypher, not written down.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EntityCard, GraphPath, RankedEntity, Subgraph } from "../../src/domain/views.js";
import { writeExploreFixture } from "../fixtures/explore-graph.js";
import { closedPort } from "../helpers/closed-port.js";
import { runCli } from "../helpers/run-cli.js";
import { TestHelper } from "../helpers/test-helper.js";

const helper = new TestHelper();
const env = helper.cliEnv();
const tmp = mkdtempSync(path.join(os.tmpdir(), "lg-cli-"));

async function metWith(name: string): Promise<string[]> {
  const rows = await helper.runCypher(
    /* Cypher */ `MATCH (:Person {name: $name})-[:MET_WITH]-(m) RETURN DISTINCT m.name AS name ORDER BY name`,
    { name },
  );
  return rows.map((r) => String(r.name));
}

beforeAll(async () => {
  await helper.clearGraph();
  await writeExploreFixture(helper);
});

afterAll(async () => {
  rmSync(tmp, { recursive: true, force: true });
  await helper.clearGraph();
  await helper.close();
});

describe("labour-graph who", () => {
  it("prints a card with roles, memberships, dated meetings and numbered sources", async () => {
    const r = await runCli(["who", "Satybaldy", "Dauletalin"], env);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Satybaldy Dauletalin \(Person\)/);
    expect(r.stdout).toContain(
      "Roles:\n  - Chairman, Federation of Trade Unions of the Republic of Kazakhstan (Union)",
    );
    for (const name of await metWith("Satybaldy Dauletalin"))
      expect(r.stdout).toMatch(new RegExp(`Meetings:[\\s\\S]*met ${name} \\(Person\\)  \\[\\d`));
    const [mo] = await helper.runCypher(
      /* Cypher */ `MATCH (:Person {name: 'Sattar Mohbaliyev'})-[r:MET_WITH]-(:Person {name: 'Satybaldy Dauletalin'}) RETURN r.date AS date`,
    );
    expect(r.stdout).toContain(`  - ${String(mo?.date)}  met Sattar Mohbaliyev`);
    const docs = await helper.runCypher(
      /* Cypher */ `MATCH (:Person {name: 'Satybaldy Dauletalin'})-[:MENTIONED_IN]->(d) RETURN d.title AS title`,
    );
    for (const d of docs) expect(r.stdout).toMatch(new RegExp(`Sources:[\\s\\S]*\\[\\d\\] ${String(d.title)}`));
  });

  it("shows an organisation's members, people and agreements", async () => {
    const r = await runCli(["who", "FPRK"], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "Memberships:\n  - member of International Trade Union Confederation (member) (Confederation)",
    );
    expect(r.stdout).toContain("People:\n  - Satybaldy Dauletalin — Chairman (Person)");
    expect(r.stdout).toMatch(
      /Agreements:\n {2}- 2021-10 {2}signed Agreement on cooperation between FTUU and FPRK \(Event\)/,
    );
  });

  it("resolves an accented alias and prints the same entity as JSON", async () => {
    const r = await runCli(["who", "Satybaldı Dauletalin", "--json"], env);
    expect(r.code).toBe(0);
    const card = JSON.parse(r.stdout) as EntityCard;
    expect(card.node.id).toBe("person:satybaldy-dauletalin");
    const [row] = await helper.runCypher(
      /* Cypher */ `MATCH (:Person {id: 'person:satybaldy-dauletalin'})-[r]-() WHERE type(r) <> 'MENTIONED_IN' RETURN count(r) AS n`,
    );
    expect(card.connections.length).toBe(Number(row?.n));
    expect(card.connections.every((c) => c.edge.evidence.length > 0)).toBe(true);
  });

  it("exits 1 and lists candidates for an unknown name", async () => {
    const r = await runCli(["who", "Yoshino Tanaka"], env);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain('No entity is called "Yoshino Tanaka"');
    expect(r.stderr).toMatch(/candidates:\n {2}- Tomoko Yoshino \(Person, \d+ connections, id person:tomoko-yoshino\)/);
  });

  it("exits 1 and lists both candidates for an ambiguous name", async () => {
    const r = await runCli(["who", "R. Saito"], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("is ambiguous");
    expect(r.stderr).toMatch(/Ryo Saito \(Person, \d+ connections, id person:ryo-saito\)/);
    expect(r.stderr).toMatch(/Rie Saito \(Person, \d+ connections, id person:rie-saito\)/);
  });
});

describe("labour-graph path", () => {
  it("prints the connection as arrows with indented evidence and sources", async () => {
    const r = await runCli(["path", "Tomoko Yoshino", "Kudratulla Rafikov"], env);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const [hop1] = await helper.runCypher(
      /* Cypher */ `MATCH (:Person {name: 'Tomoko Yoshino'})-[r:MET_WITH]-(:Person {name: 'Satybaldy Dauletalin'}) RETURN r.date AS date, r.evidence[0] AS sentence`,
    );
    const [hop2] = await helper.runCypher(
      /* Cypher */ `MATCH (:Person {name: 'Kudratulla Rafikov'})-[r:MET_WITH]-(:Person {name: 'Satybaldy Dauletalin'}) RETURN r.date AS date, r.evidence[0] AS sentence, r.evidenceDocs[0] AS doc`,
    );
    const [doc] = await helper.runCypher(
      /* Cypher */ `MATCH (d:Document {id: $id}) RETURN d.title AS title, d.date AS date`,
      { id: hop2?.doc },
    );
    expect(r.stdout).toContain(
      `1. Tomoko Yoshino —MET_WITH (${String(hop1?.date)})→ Satybaldy Dauletalin —MET_WITH (${String(hop2?.date)})→ Kudratulla Rafikov  (2 hops)`,
    );
    expect(r.stdout).toContain(`      “${String(hop1?.sentence)}” — `);
    expect(r.stdout).toContain(`      “${String(hop2?.sentence)}” — ${String(doc?.title)}, ${String(doc?.date)}`);
  });

  it("prints the paths as JSON with evidence on every edge", async () => {
    const r = await runCli(["path", "FTUU", "Tomoko Yoshino", "--json", "--max-hops", "4"], env);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { paths: GraphPath[]; from: { id: string } };
    expect(out.from.id).toBe("org:federation-of-trade-unions-of-uzbekistan");
    expect(out.paths.length).toBeGreaterThan(0);
    for (const p of out.paths) {
      expect(p.nodes[p.nodes.length - 1]?.id).toBe("person:tomoko-yoshino");
      expect(p.edges.length).toBe(p.nodes.length - 1);
      for (const e of p.edges) expect(e.evidence[0]?.sentence).toBeTruthy();
    }
  });

  it("exits 1 with a hint when no path is short enough", async () => {
    const r = await runCli(["path", "Tomoko Yoshino", "Kudratulla Rafikov", "--max-hops", "1"], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("No connection between Tomoko Yoshino and Kudratulla Rafikov within 1 hops");
    expect(r.stderr).toContain("--max-hops 6");
  });

  it("exits 2 on bad options, naming the option", async () => {
    const r = await runCli(["path", "Tomoko Yoshino", "Kudratulla Rafikov", "--max-hops", "99"], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("maxHops");
    const missing = await runCli(["path", "Tomoko Yoshino"], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("missing required argument 'b'");
  });
});

describe("labour-graph neighbours and top", () => {
  it("lists everyone Dauletalin met among his neighbours, with edges and evidence", async () => {
    const r = await runCli(["neighbours", "Dauletalin", "--depth", "1"], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Satybaldy Dauletalin \(Person\): \d+ entities within 1 hop/);
    for (const name of await metWith("Satybaldy Dauletalin")) expect(r.stdout).toContain(`  - ${name}  (`);
    expect(r.stdout).toContain("Edges:");
    expect(r.stdout).toContain("Satybaldy Dauletalin —MET_WITH (2024-06)→ Tomoko Yoshino");
  });

  it("prints a neighbourhood as JSON whose edges join its nodes, optionally by type", async () => {
    const r = await runCli(
      ["neighbours", "person:satybaldy-dauletalin", "--depth", "2", "--types", "MET_WITH,HOLDS_POSITION", "--json"],
      env,
    );
    expect(r.code).toBe(0);
    const sub = JSON.parse(r.stdout) as Subgraph;
    const ids = new Set(sub.nodes.map((n) => n.id));
    expect(ids.has("org:japanese-trade-union-confederation")).toBe(true);
    expect(ids.has("country:kazakhstan")).toBe(false);
    for (const e of sub.edges) {
      expect(["MET_WITH", "HOLDS_POSITION"]).toContain(e.type);
      expect(ids.has(e.from) && ids.has(e.to)).toBe(true);
    }
  });

  it("ranks the most connected people by distinct neighbours, as in the database", async () => {
    const expected = await helper.runCypher(/* Cypher */ `
      MATCH (n:Person)-[r]-(m) WHERE type(r) <> 'MENTIONED_IN'
      RETURN n.name AS name, count(DISTINCT m) AS degree ORDER BY degree DESC, name LIMIT 3`);
    const r = await runCli(["top", "--label", "Person", "--limit", "3", "--json"], env);
    expect(r.code).toBe(0);
    const ranked = JSON.parse(r.stdout) as RankedEntity[];
    expect(ranked.map((x) => [x.node.name, x.degree])).toEqual(expected.map((e) => [e.name, Number(e.degree)]));
    const text = await runCli(["top", "--label", "Person", "--limit", "3"], env);
    expect(text.stdout.split("\n")[0]).toMatch(
      new RegExp(`^ {2}1\\. ${String(expected[0]?.name)} \\(Person\\) +${String(expected[0]?.degree)} connections$`),
    );
  });

  it("exits 2 for an unknown label", async () => {
    const r = await runCli(["top", "--label", "Planet"], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Unknown label");
  });
});

describe("labour-graph export and load", () => {
  it("writes GraphML with the database's counts and CSV as two files", async () => {
    const file = path.join(tmp, "graph.graphml");
    const r = await runCli(["export", "--format", "graphml", "--out", file], env);
    expect(r.code).toBe(0);
    const xml = readFileSync(file, "utf8");
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === "node" || n === "edge" }).parse(xml);
    const [c] = await helper.runCypher(
      /* Cypher */ `MATCH (n) WHERE NOT n:__Neo4jMigration WITH count(n) AS nodes MATCH (a)-[r]->() WHERE NOT a:__Neo4jMigration RETURN nodes, count(r) AS rels`,
    );
    expect(doc.graphml.graph.node.length).toBe(Number(c?.nodes));
    expect(doc.graphml.graph.edge.length).toBe(Number(c?.rels));
    expect(r.stdout).toContain(`Exported ${String(c?.nodes)} nodes and ${String(c?.rels)} relationships`);

    const dir = path.join(tmp, "csv");
    const csv = await runCli(
      ["export", "--format", "csv", "--out", dir, "--around", "Tomoko Yoshino", "--depth", "1", "--json"],
      env,
    );
    expect(csv.code).toBe(0);
    expect(JSON.parse(csv.stdout).scope).toEqual({ around: "person:tomoko-yoshino", depth: 1 });
    expect(existsSync(path.join(dir, "nodes.csv")) && existsSync(path.join(dir, "edges.csv"))).toBe(true);
    expect(readFileSync(path.join(dir, "nodes.csv"), "utf8")).toContain(
      "person:satybaldy-dauletalin,Satybaldy Dauletalin,Person,Person,",
    );
  });

  it("reloads a JSON export into an empty database with the same counts and ids", async () => {
    const file = path.join(tmp, "graph.json");
    expect((await runCli(["export", "--format", "json", "--out", file], env)).code).toBe(0);
    const ids = async () =>
      (await helper.runCypher(/* Cypher */ `MATCH (n) WHERE NOT n:__Neo4jMigration RETURN n.id AS id ORDER BY id`)).map(
        (r) => r.id,
      );
    const keys = async () =>
      (await helper.runCypher(/* Cypher */ `MATCH ()-[r]->() RETURN type(r) + ' ' + r.key AS k ORDER BY k`)).map(
        (r) => r.k,
      );
    const [idsBefore, keysBefore] = [await ids(), await keys()];
    await helper.clearGraph();
    const r = await runCli(["load", file, "--json"], env);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ nodes: idsBefore.length, relationships: keysBefore.length });
    expect(await ids()).toEqual(idsBefore);
    expect(await keys()).toEqual(keysBefore);
  });

  it("exits 2 for a file that is not an export", async () => {
    const r = await runCli(["load", path.join(tmp, "missing.json")], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Cannot read");
  });
});

describe("database down", () => {
  it("exits 2 and says to start the database, for every command", async () => {
    const down = helper.cliEnv({ NEO4J_URI: `bolt://127.0.0.1:${await closedPort()}` });
    for (const args of [
      ["who", "Dauletalin"],
      ["path", "a", "b"],
      ["neighbours", "x"],
      ["top"],
      ["export", "--format", "json", "--out", path.join(tmp, "x.json")],
    ]) {
      const r = await runCli(args, down);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr, args.join(" ")).toContain("not reachable");
      expect(r.stderr, args.join(" ")).toContain("labour-graph db start");
    }
  });
});

/**
 * The analyst queries of cypher/queries/ run as Neo4j Browser would run them: each file is one statement, its
 * parameters are the `:param` lines of its header (the examples the README tells analysts to run), and the answers
 * match the fixture graph they ran on.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config/config.js";
import { NODE_LABELS, REL_TYPES } from "../../src/domain/model.js";
import { runCypher } from "../../src/graph/run-cypher.js";
import { FIXTURE_NODES, FIXTURE_RELS, writeExploreFixture } from "../fixtures/explore-graph.js";
import { TestHelper } from "../helpers/test-helper.js";

const QUERY_DIR = path.join(PROJECT_ROOT, "cypher", "queries");
const helper = new TestHelper();

interface QueryFile {
  text: string;
  params: Record<string, unknown>;
}

/** Reads a query file and the parameters of its `//   :param name => value` header lines. */
function readQuery(name: string): QueryFile {
  const text = readFileSync(path.join(QUERY_DIR, name), "utf8");
  const params: Record<string, unknown> = {};
  for (const match of text.matchAll(/^\/\/\s+:param (\w+) => (.+)$/gm)) {
    const raw = match[2]!.trim();
    params[match[1]!] = raw === "null" ? null : raw.startsWith("'") ? raw.slice(1, -1) : Number(raw);
  }
  return { text, params };
}

async function run(name: string, override: Record<string, unknown> = {}) {
  const q = readQuery(name);
  const { rows } = await runCypher(helper.driver, q.text, {
    database: helper.settings.database,
    params: { ...q.params, ...override },
  });
  return rows;
}

const nameOf = (id: string) => FIXTURE_NODES.find((n) => n.id === id)?.name ?? id;
const idOf = (name: string) => FIXTURE_NODES.find((n) => n.name === name)!.id;
const CONNECTIONS = FIXTURE_RELS.filter((r) => r.type !== "MENTIONED_IN");

beforeAll(async () => {
  await helper.clearGraph();
  await writeExploreFixture(helper);
});

afterAll(async () => {
  await helper.clearGraph();
  await helper.close();
});

describe("cypher/queries", () => {
  const files = readdirSync(QUERY_DIR).filter((f) => f.endsWith(".cypher"));

  it.each(files)("%s documents exactly the parameters it uses and runs without error", async (file) => {
    const q = readQuery(file);
    const used = new Set([...q.text.replace(/^\/\/.*$/gm, "").matchAll(/\$(\w+)/g)].map((m) => m[1]));
    expect(new Set(Object.keys(q.params))).toEqual(used);
    expect(q.text).toMatch(/^\/\/ .+/);
    await expect(run(file)).resolves.toBeInstanceOf(Array);
  });

  it("who-met-whom lists everyone the person met, and every meeting once without a name", async () => {
    const q = readQuery("who-met-whom.cypher");
    const id = idOf(String(q.params.name));
    const expected = CONNECTIONS.filter((r) => r.type === "MET_WITH" && (r.from === id || r.to === id)).map((r) =>
      nameOf(r.from === id ? r.to : r.from),
    );
    const rows = await run("who-met-whom.cypher");
    expect(rows.map((r) => r.met).sort()).toEqual(expected.sort());
    expect(rows.every((r) => typeof r.evidence === "string" && (r.documents as string[]).length > 0)).toBe(true);
    const all = await run("who-met-whom.cypher", { name: null });
    expect(all.length).toBe(CONNECTIONS.filter((r) => r.type === "MET_WITH").length);
  });

  it("memberships-over-time gives each membership with its status", async () => {
    const rows = await run("memberships-over-time.cypher", { organisation: "FTUU" });
    const id = idOf("Federation of Trade Unions of Uzbekistan");
    const expected = CONNECTIONS.filter((r) => r.type === "MEMBER_OF" && (r.from === id || r.to === id)).map((r) => [
      nameOf(r.from === id ? r.to : r.from),
      r.properties?.status,
    ]);
    expect(rows.map((r) => [r.other, r.status])).toEqual(expect.arrayContaining(expected));
    expect(rows.length).toBe(expected.length);
  });

  it("agreements-and-signatories names every signatory, and filters by party", async () => {
    const rows = await run("agreements-and-signatories.cypher");
    for (const eventId of new Set(CONNECTIONS.filter((r) => r.type === "SIGNED").map((r) => r.to))) {
      const row = rows.find((r) => r.agreement === nameOf(eventId));
      const signers = CONNECTIONS.filter((r) => r.type === "SIGNED" && r.to === eventId).map((r) => nameOf(r.from));
      expect((row?.signatories as string[]).sort()).toEqual(signers.sort());
    }
    expect(await run("agreements-and-signatories.cypher", { party: "Tomoko Yoshino" })).toEqual([]);
    expect((await run("agreements-and-signatories.cypher", { party: "FTUU" })).length).toBeGreaterThan(0);
  });

  it("shortest-paths returns paths of the shortest length between the two names", async () => {
    const q = readQuery("shortest-paths.cypher");
    const [from, to] = [idOf(String(q.params.from)), idOf(String(q.params.to))];
    // breadth-first over the fixture's connection edges gives the expected length
    const dist = new Map([[from, 0]]);
    const queue = [from];
    while (queue.length > 0) {
      const at = queue.shift()!;
      for (const r of CONNECTIONS) {
        const next = r.from === at ? r.to : r.to === at ? r.from : undefined;
        if (next !== undefined && !dist.has(next)) {
          dist.set(next, dist.get(at)! + 1);
          queue.push(next);
        }
      }
    }
    const rows = await run("shortest-paths.cypher");
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.hops).toBe(dist.get(to));
      const p = row.p as { start: { properties: { id: string } }; end: { properties: { id: string } } };
      expect([p.start.properties.id, p.end.properties.id]).toEqual([from, to]);
    }
  });

  it("most-connected ranks by distinct neighbours", async () => {
    const degree = new Map<string, Set<string>>();
    for (const r of CONNECTIONS) {
      degree.set(r.from, (degree.get(r.from) ?? new Set()).add(r.to));
      degree.set(r.to, (degree.get(r.to) ?? new Set()).add(r.from));
    }
    const people = [...degree.entries()]
      .filter(([id]) => id.startsWith("person:"))
      .map(([id, s]) => [nameOf(id), s.size] as const);
    people.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const rows = await run("most-connected.cypher");
    expect(rows.map((r) => [r.entity, r.connections])).toEqual(people.slice(0, 10));
    expect(rows.every((r) => r.label === "Person")).toBe(true);
  });

  it("evidence-between lists every sentence of the relationships between two names", async () => {
    const q = readQuery("evidence-between.cypher");
    const [a, b] = [idOf(String(q.params.a)), idOf(String(q.params.b))];
    const expected = CONNECTIONS.filter((r) => (r.from === a && r.to === b) || (r.from === b && r.to === a)).flatMap(
      (r) => r.evidence.map((e) => e.sentence),
    );
    const rows = await run("evidence-between.cypher");
    expect(rows.map((r) => r.sentence).sort()).toEqual(expected.sort());
    expect(rows.every((r) => typeof r.document === "string")).toBe(true);
  });
});

/**
 * Reads GraSS the way Neo4j Browser does: `selector { key: value; ... }`, quotes dropped, no comments (the Browser's
 * parser has none, so a comment would corrupt the first selector).
 */
function parseGrass(text: string): Record<string, Record<string, string>> {
  const raw: Record<string, string> = {};
  let isInString = false;
  let isInProps = false;
  let selector = "";
  let props = "";
  for (const c of text) {
    if ((c === "{" || c === "}") && !isInString) {
      isInProps = c === "{";
      if (c === "}") {
        raw[selector] = props;
        selector = "";
        props = "";
      }
      continue;
    }
    if (c === '"' || c === "'") {
      isInString = !isInString;
      continue;
    }
    if (isInProps) props += c;
    else if (!/\s/.test(c)) selector += c;
  }
  return Object.fromEntries(
    Object.entries(raw).map(([sel, body]) => [
      sel,
      Object.fromEntries(
        body
          .split(";")
          .map((p) => p.split(":").map((x) => x.trim()))
          .filter((kv) => kv.length === 2 && kv[0] !== "")
          .map(([k, v]) => [k!, v!]),
      ),
    ]),
  );
}

describe("cypher/browser/style.grass", () => {
  const text = readFileSync(path.join(PROJECT_ROOT, "cypher", "browser", "style.grass"), "utf8");

  it("styles every label by colour, size and name, and every relationship type by its type", () => {
    expect(text).not.toMatch(/\/\*|\/\//);
    const rules = parseGrass(text);
    for (const label of NODE_LABELS) {
      const rule = rules[`node.${label}`];
      expect(rule?.color, label).toMatch(/^#[0-9A-F]{6}$/i);
      expect(rule?.diameter, label).toMatch(/^\d+px$/);
      expect(rule?.caption, label).toBe(label === "Document" ? "{title}" : "{name}");
    }
    for (const type of REL_TYPES) expect(rules[`relationship.${type}`]?.caption, type).toBe("<type>");
    expect(new Set(NODE_LABELS.map((l) => rules[`node.${l}`]?.color)).size).toBe(NODE_LABELS.length);
  });
});

/** Exports against a real Neo4j: GraphML parses with the stored counts, CSV is RFC 4180, JSON round-trips. */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readGraphExport, toCsvExport, toGraphML, toJsonExport } from "../../src/graph/export.js";
import { loadGraphExport, parseGraphExport } from "../../src/graph/load-export.js";
import { writeExploreFixture } from "../fixtures/explore-graph.js";
import { TestHelper } from "../helpers/test-helper.js";

const helper = new TestHelper();
const database = helper.settings.database;

/** A canonical, order-free dump of the graph: labels, every property with its Neo4j type, relationships by key. */
async function canonicalDump(): Promise<unknown> {
  const nodes = await helper.runCypher(/* Cypher */ `
    MATCH (n) WHERE NOT n:__Neo4jMigration
    WITH n, apoc.coll.sort(labels(n)) AS labels, apoc.coll.sort(keys(n)) AS ks
    RETURN n.id AS id, labels, [k IN ks | [k, valueType(n[k]), n[k]]] AS props ORDER BY id`);
  const rels = await helper.runCypher(/* Cypher */ `
    MATCH (a)-[r]->(b) WHERE NOT a:__Neo4jMigration
    WITH a, r, b, apoc.coll.sort(keys(r)) AS ks
    RETURN type(r) AS type, r.key AS key, a.id AS from, b.id AS to, [k IN ks | [k, valueType(r[k]), r[k]]] AS props
    ORDER BY type, key, from, to`);
  return { nodes, rels };
}

async function counts(): Promise<{ nodes: number; rels: number }> {
  const [row] = await helper.runCypher(/* Cypher */ `
    MATCH (n) WHERE NOT n:__Neo4jMigration WITH count(n) AS nodes
    OPTIONAL MATCH (a)-[r]->() WHERE NOT a:__Neo4jMigration RETURN nodes, count(r) AS rels`);
  return { nodes: Number(row?.nodes), rels: Number(row?.rels) };
}

/** A strict RFC 4180 reader (quoted fields, doubled quotes, CRLF), to check what the exporter writes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        field += c;
        i++;
      }
    } else if (c === '"') {
      if (field !== "") throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
      i++;
    } else if (c === ",") {
      row.push(field);
      field = "";
      i++;
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += 2;
    } else if (c === "\n") {
      throw new Error(`bare LF at ${i}`);
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) throw new Error("unterminated quoted field");
  if (field !== "" || row.length > 0) throw new Error("last record is not terminated by CRLF");
  return rows;
}

beforeAll(async () => {
  await helper.clearGraph();
  await writeExploreFixture(helper);
});

afterAll(async () => {
  await helper.clearGraph();
  await helper.close();
});

describe("GraphML export", () => {
  it("is well-formed XML whose nodes and edges match the database's counts", async () => {
    const xml = toGraphML(await readGraphExport(helper.driver, { database }));
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => ["key", "node", "edge", "data"].includes(name),
    }).parse(xml);
    const graph = doc.graphml.graph;
    const expected = await counts();
    expect(graph.node.length).toBe(expected.nodes);
    expect(graph.edge.length).toBe(expected.rels);

    // every data element refers to a declared key, and every key is declared once
    const keys = doc.graphml.key as { "@_id": string; "@_for": string; "@_attr.name": string; "@_attr.type": string }[];
    const keyIds = new Set(keys.map((k) => k["@_id"]));
    expect(keyIds.size).toBe(keys.length);
    for (const el of [...graph.node, ...graph.edge])
      for (const d of el.data ?? []) expect(keyIds.has(d["@_key"])).toBe(true);
    const membersKey = keys.find((k) => k["@_for"] === "node" && k["@_attr.name"] === "members");
    expect(membersKey?.["@_attr.type"]).toBe("long");
  });

  it("keeps evidence sentences and their sources on edges, lists as JSON strings", async () => {
    const xml = toGraphML(await readGraphExport(helper.driver, { database }));
    const doc = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => ["key", "node", "edge", "data"].includes(name),
    }).parse(xml);
    const keys = doc.graphml.key as { "@_id": string; "@_for": string; "@_attr.name": string }[];
    const keyId = (name: string) => keys.find((k) => k["@_for"] === "edge" && k["@_attr.name"] === name)?.["@_id"];
    const [row] = await helper.runCypher(
      /* Cypher */ `MATCH (:Person {name: 'Kudratulla Rafikov'})-[r:MET_WITH]-(:Person {name: 'Satybaldy Dauletalin'}) RETURN r.evidence AS evidence, r.sources AS sources`,
    );
    const edge = (
      doc.graphml.graph.edge as { "@_source": string; data: { "@_key": string; "#text": string }[] }[]
    ).find(
      (e) =>
        e["@_source"] === "person:kudratulla-rafikov" &&
        e.data.some((d) => d["@_key"] === keyId("relType") && d["#text"] === "MET_WITH"),
    );
    const value = (name: string) => edge?.data.find((d) => d["@_key"] === keyId(name))?.["#text"];
    expect(JSON.parse(String(value("evidence")))).toEqual(row?.evidence);
    expect(JSON.parse(String(value("sources")))).toEqual(row?.sources);
  });

  it("exports a neighbourhood: the entities within the depth, the edges among them and their source documents", async () => {
    const graph = await readGraphExport(helper.driver, { database, aroundId: "person:satybaldy-dauletalin", depth: 1 });
    const ids = new Set(graph.nodes.map((n) => n.id));
    const neighbours = await helper.runCypher(/* Cypher */ `
      MATCH (:Person {id: 'person:satybaldy-dauletalin'})-[r]-(m) WHERE type(r) <> 'MENTIONED_IN' RETURN collect(DISTINCT m.id) AS ids`);
    for (const id of neighbours[0]?.ids as string[]) expect(ids.has(id)).toBe(true);
    expect(ids.has("person:satybaldy-dauletalin")).toBe(true);
    expect(ids.has("person:ryo-saito")).toBe(false);
    for (const rel of graph.relationships) {
      expect(ids.has(rel.from) && ids.has(rel.to)).toBe(true);
      for (const source of rel.properties.sources as string[]) expect(ids.has(source)).toBe(true);
    }
    const xml = toGraphML(graph);
    expect(XMLValidator.validate(xml)).toBe(true);
  });
});

describe("CSV export", () => {
  it("writes one row per node and per edge, quoting commas, quotes and line breaks per RFC 4180", async () => {
    await helper.runCypher(
      /* Cypher */ `MATCH (e:Event {id: 'event:2024-06-ituc-general-council'}) SET e.place = 'Geneva, "Palais"\nSwitzerland'`,
    );
    const { nodes, edges } = toCsvExport(await readGraphExport(helper.driver, { database }));
    const nodeRows = parseCsv(nodes);
    const edgeRows = parseCsv(edges);
    const expected = await counts();
    expect(nodeRows.length - 1).toBe(expected.nodes);
    expect(edgeRows.length - 1).toBe(expected.rels);
    const header = nodeRows[0]!;
    for (const row of nodeRows) expect(row.length).toBe(header.length);
    const event = nodeRows.find((r) => r[0] === "event:2024-06-ituc-general-council")!;
    expect(event[header.indexOf("place")]).toBe('Geneva, "Palais"\nSwitzerland');
    const person = nodeRows.find((r) => r[0] === "person:satybaldy-dauletalin")!;
    expect(JSON.parse(person[header.indexOf("aliases")]!)).toContain("Satibaldi Dauletalin");
    expect(edgeRows[0]!.slice(0, 3)).toEqual(["source", "target", "label"]);
    await helper.runCypher(
      /* Cypher */ `MATCH (e:Event {id: 'event:2024-06-ituc-general-council'}) SET e.place = 'Geneva'`,
    );
  });
});

describe("JSON export and load", () => {
  it("reproduces the same graph (counts, ids, labels, properties and their types) in an empty database", async () => {
    const before = await canonicalDump();
    const countsBefore = await counts();
    const text = toJsonExport(await readGraphExport(helper.driver, { database }));
    await helper.clearGraph();
    expect((await counts()).nodes).toBe(0);
    const summary = await loadGraphExport(helper.driver, parseGraphExport(text), { database });
    expect(summary).toEqual({ nodes: countsBefore.nodes, relationships: countsBefore.rels });
    expect(await counts()).toEqual(countsBefore);
    expect(await canonicalDump()).toEqual(before);
  });

  it("is idempotent: loading the same export twice changes nothing", async () => {
    const before = await canonicalDump();
    const text = toJsonExport(await readGraphExport(helper.driver, { database }));
    await loadGraphExport(helper.driver, parseGraphExport(text), { database });
    expect(await canonicalDump()).toEqual(before);
  });

  it("refuses labels and relationship types that are not the model's, before touching the database", async () => {
    const text = toJsonExport(await readGraphExport(helper.driver, { database }));
    const hostile = JSON.parse(text);
    hostile.nodes[0].labels = ["Person`) DETACH DELETE n //"];
    expect(() => parseGraphExport(JSON.stringify(hostile), "hostile.json")).toThrow(
      /hostile\.json: nodes\.0\.labels\.0/,
    );
    const badType = JSON.parse(text);
    badType.relationships[0].type = "KNOWS";
    expect(() => parseGraphExport(JSON.stringify(badType), "bad.json")).toThrow(/relationships\.0\.type/);
    expect(() => parseGraphExport("{not json", "broken.json")).toThrow(/broken\.json: it is not valid JSON/);
  });
});

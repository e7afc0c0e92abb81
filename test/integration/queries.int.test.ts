import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotFoundError } from "../../src/domain/errors.js";
import {
  Admission,
  findCommonConnections,
  findConnections,
  getEdgeEvidence,
  getEntityCard,
  getMostConnected,
  getNeighbourhood,
  QUERY_LIMITS,
  QueryTimeoutError,
  resolveEntity,
  runRead,
  searchEntities,
  type QueryContext,
} from "../../src/graph/queries/index.js";
import { writeExploreFixture } from "../fixtures/explore-graph.js";
import { TestHelper } from "../helpers/test-helper.js";

const helper = new TestHelper();
let ctx: QueryContext;

beforeAll(async () => {
  await helper.clearGraph();
  await writeExploreFixture(helper);
  ctx = { driver: helper.driver, database: helper.settings.database, timeoutMs: 10_000 };
});
afterAll(() => helper.close());

describe("read queries on the fixture graph", () => {
  it("resolves ids, names, aliases, accents, case and transliterations to the same person", async () => {
    for (const ref of [
      "person:satybaldy-dauletalin",
      "Satybaldy Dauletalin",
      "satibaldi dauletalin",
      "SATYBALDI DAULETALIN",
      "Dauletalin",
      "Satybaldı Dauletalin",
      // pasted with a right-to-left override or a zero-width space: the same name
      "Satybaldy Dau\u202Eletalin",
      "Saty\u200Bbaldy Dauletalin\u200B",
      "\u202EDauletalin",
    ]) {
      expect((await resolveEntity(ctx, ref)).id, ref).toBe("person:satybaldy-dauletalin");
    }
    expect((await resolveEntity(ctx, "Kemal Ozkan")).id).toBe("person:kemal-ozkan");
    expect((await resolveEntity(ctx, "FTURK")).id).toBe("org:federation-of-trade-unions-of-the-republic-of-kazakhstan");
  });

  it("lists candidates for an ambiguous alias and for an unknown name", async () => {
    const ambiguous = await resolveEntity(ctx, "R. Saito").catch((e: unknown) => e);
    expect(ambiguous).toBeInstanceOf(NotFoundError);
    expect((ambiguous as NotFoundError).code).toBe("AMBIGUOUS");
    expect((ambiguous as NotFoundError).candidates.map((c) => c.id).sort()).toEqual([
      "person:rie-saito",
      "person:ryo-saito",
    ]);
    const unknown = await resolveEntity(ctx, "Nobody Atall").catch((e: unknown) => e);
    expect((unknown as NotFoundError).code).toBe("NOT_FOUND");
  });

  it("searches with typos and ranks exact alias matches first", async () => {
    expect((await searchEntities(ctx, "Dauletalin", 5))[0]?.node.id).toBe("person:satybaldy-dauletalin");
    expect((await searchEntities(ctx, "Satibaldi Dauletalin", 5))[0]?.node.id).toBe("person:satybaldy-dauletalin");
    expect((await searchEntities(ctx, "Dauletallin", 5))[0]?.node.id).toBe("person:satybaldy-dauletalin");
    expect(await searchEntities(ctx, 'name:"x" OR *:* AND (a~ ) \\', 5)).toBeInstanceOf(Array);
  });

  it("finds the path from Yoshino to Rafikov through Dauletalin with evidence", async () => {
    const [path] = await findConnections(ctx, "Tomoko Yoshino", "Kudratulla Rafikov", { maxHops: 4, limit: 5 });
    expect(path?.nodes.map((n) => n.name)).toEqual(["Tomoko Yoshino", "Satybaldy Dauletalin", "Kudratulla Rafikov"]);
    expect(
      path?.edges.every((e) => e.evidence.length > 0 && e.evidence.every((ev) => ev.document.title !== undefined)),
    ).toBe(true);
  });

  it("runs path searches one at a time under an admission of one, with the answers of unlimited searches", async () => {
    const pairs = [
      ["Tomoko Yoshino", "Kudratulla Rafikov"],
      ["Kudratulla Rafikov", "Tomoko Yoshino"],
      ["Tomoko Yoshino", "Satybaldy Dauletalin"],
    ] as const;
    const unlimited = await Promise.all(pairs.map(([a, b]) => findConnections(ctx, a, b)));
    const pathSearches = new Admission("path searches", 1);
    const limited = await Promise.all(
      [...pairs, ...pairs].map(([a, b]) => findConnections({ ...ctx, pathSearches }, a, b)),
    );
    expect(limited).toEqual([...unlimited, ...unlimited]);
    expect(pathSearches.peakActive).toBe(1);
    expect(pathSearches.waiting).toBe(0);
  });

  it("returns the neighbourhood, common connections, ranking and card", async () => {
    const sub = await getNeighbourhood(ctx, "Dauletalin", { depth: 1, types: ["MET_WITH"] });
    expect(sub.nodes.map((n) => n.name).sort()).toEqual([
      "Kemal Özkan",
      "Kudratulla Rafikov",
      "Luca Visentini",
      "Sattar Mohbaliyev",
      "Satybaldy Dauletalin",
      "Tomoko Yoshino",
    ]);
    expect(sub.edges.every((e) => e.type === "MET_WITH")).toBe(true);
    const common = await findCommonConnections(ctx, "Luca Visentini", "Kemal Özkan");
    expect(common.map((c) => c.node.id)).toContain("person:satybaldy-dauletalin");
    const top = await getMostConnected(ctx, { label: "Person", limit: 3 });
    expect(top[0]?.node.id).toBe("person:satybaldy-dauletalin");
    const card = await getEntityCard(ctx, "FPRK");
    expect(
      card.connections.some(
        (c) => c.edge.type === "MEMBER_OF" && c.other.name === "International Trade Union Confederation",
      ),
    ).toBe(true);
    expect(card.documents.length).toBeGreaterThan(0);
  });
});

describe("read transactions", () => {
  it("stops a read that runs past the timeout with a QueryTimeoutError", async () => {
    const slow = runRead({ ...ctx, timeoutMs: 500 }, (tx) =>
      tx.run(/* Cypher */ `CALL apoc.util.sleep(5000) RETURN 1`),
    );
    await expect(slow).rejects.toBeInstanceOf(QueryTimeoutError);
  });

  it("refuses writes: every query function runs in a read transaction", async () => {
    const write = runRead(ctx, (tx) =>
      tx.run(/* Cypher */ `CREATE (:Person {id: 'person:intruder', name: 'Intruder'})`),
    );
    await expect(write).rejects.toThrow();
    expect(await helper.runCypher(`MATCH (p:Person {id: 'person:intruder'}) RETURN p`)).toEqual([]);
  });
});

describe("connection types", () => {
  const CONGRESS = "event:fixture-congress-astana";
  const FORUM = "event:fixture-forum-almaty";
  beforeAll(async () => {
    await helper.runCypher(
      /* Cypher */ `
      MATCH (c:Country {id: 'country:kazakhstan'})
      UNWIND [{id: $congress, name: 'Congress in Astana'}, {id: $forum, name: 'Forum in Almaty'}] AS e
      MERGE (n:Event {id: e.id}) SET n.name = e.name, n.aliases = [], n.kind = 'conference', n.searchText = e.name
      MERGE (n)-[r:LOCATED_IN]->(c) SET r.sources = ['fixture'], r.evidence = ['x'], r.confidence = 0.9`,
      { congress: CONGRESS, forum: FORUM },
    );
  });

  it("finds no connection between two events through their country by default, and one when LOCATED_IN is asked for", async () => {
    expect(await findConnections(ctx, CONGRESS, FORUM, { maxHops: 6 })).toEqual([]);
    const [path] = await findConnections(ctx, CONGRESS, FORUM, { types: ["LOCATED_IN"] });
    expect(path?.nodes.map((n) => n.id)).toEqual([CONGRESS, "country:kazakhstan", FORUM]);
    expect(path?.edges.map((e) => e.type)).toEqual(["LOCATED_IN", "LOCATED_IN"]);
  });

  it("leaves the country out of neighbourhoods and common connections unless asked for", async () => {
    const around = await getNeighbourhood(ctx, CONGRESS, { depth: 2 });
    expect(around.nodes.map((n) => n.id)).toEqual([CONGRESS]);
    const withPlaces = await getNeighbourhood(ctx, CONGRESS, { depth: 1, types: ["LOCATED_IN"] });
    expect(withPlaces.nodes.map((n) => n.id)).toEqual([CONGRESS, "country:kazakhstan"]);
    expect(await findCommonConnections(ctx, CONGRESS, FORUM)).toEqual([]);
    const common = await findCommonConnections(ctx, CONGRESS, FORUM, { types: ["LOCATED_IN", "MET_WITH"] });
    expect(common.map((c) => c.node.id)).toEqual(["country:kazakhstan"]);
  });

  it("names the known types when an unknown one is asked for", async () => {
    const error = await findConnections(ctx, CONGRESS, FORUM, { types: ["NEAR"] }).catch((e: unknown) => e);
    expect((error as Error).message).toBe('Unknown relationship type "NEAR".');
    expect((error as { suggestion?: string }).suggestion).toMatch(/LOCATED_IN, MENTIONED_IN \(by default: MET_WITH/);
  });
});

describe("a hub's neighbourhood", () => {
  const HUB = "org:fixture-hub";
  // 30 members: member i is reported by i + 1 documents, the last on 2024-01-(i + 1)
  beforeAll(async () => {
    await helper.runCypher(
      /* Cypher */ `
      MERGE (h:Organization {id: $hub}) SET h.name = 'Fixture Hub Federation', h.aliases = [], h.searchText = 'Fixture Hub Federation'
      WITH h
      UNWIND range(0, 29) AS i
      MERGE (u:Organization {id: 'org:fixture-member-' + toString(i)})
        SET u.name = 'Fixture Member ' + toString(i), u.aliases = [], u.searchText = 'Fixture Member ' + toString(i)
      MERGE (u)-[r:MEMBER_OF {key: 'MEMBER_OF|org:fixture-member-' + toString(i) + '|' + $hub + '|member'}]->(h)
        SET r.status = 'member', r.confidence = 0.9, r.sourceCount = i + 1, r.sources = ['fixture'],
            r.firstSeen = '2024-01-01', r.lastSeen = '2024-01-' + right('0' + toString(i + 1), 2),
            r.evidence = ['Member ' + toString(i) + ' joined the hub.'], r.evidenceDocs = ['fixture']`,
      { hub: HUB },
    );
  });

  it("returns the best-supported edges per type, the total and a cursor that pages through the rest once", async () => {
    const first = await getNeighbourhood(ctx, HUB, { pageSize: 12 });
    expect(first.pages).toEqual([{ type: "MEMBER_OF", total: 30, returned: 12, cursor: expect.any(String) }]);
    expect(first.edges.map((e) => e.support.documents)).toEqual(Array.from({ length: 12 }, (_, i) => 30 - i));
    expect(first.edges[0]?.support).toEqual({ documents: 30, firstSeen: "2024-01-01", lastSeen: "2024-01-30" });
    expect(first.edges.every((e) => !("evidence" in e) && e.evidenceCount === 1)).toBe(true);
    expect(first.nodes[0]?.id).toBe(HUB);
    const seen = new Set(first.edges.map((e) => e.key));
    let cursor = first.pages[0]?.cursor;
    while (cursor !== undefined) {
      const next = await getNeighbourhood(ctx, HUB, { pageSize: 12, after: cursor });
      for (const edge of next.edges) {
        expect(seen.has(edge.key)).toBe(false);
        seen.add(edge.key);
      }
      cursor = next.pages[0]?.cursor;
    }
    expect(seen.size).toBe(30);
  });

  it("reads an edge's evidence only when asked, by its key", async () => {
    const { edges } = await getNeighbourhood(ctx, HUB, { pageSize: 1 });
    const key = edges[0]?.key ?? "";
    const evidence = await getEdgeEvidence(ctx, [key, "MEMBER_OF|no|such|edge"]);
    expect(evidence.get(key)?.map((e) => e.sentence)).toEqual(["Member 29 joined the hub."]);
    expect(evidence.has("MEMBER_OF|no|such|edge")).toBe(false);
  });

  it("refuses a cursor it did not make, naming the argument", async () => {
    await expect(getNeighbourhood(ctx, HUB, { after: "not-a-cursor" })).rejects.toThrow(
      'The argument "after" is not a cursor of this API.',
    );
  });
});

describe("connections around a super-hub", () => {
  const SUPER = "org:fixture-super-hub";
  const member = (i: number) => `person:fixture-super-member-${i}`;
  // QUERY_LIMITS.maxPathHubDegree + 1 members; members 0 and 1 are also linked by a chain of 3 meetings
  beforeAll(async () => {
    await helper.runCypher(
      /* Cypher */ `
      MERGE (h:Organization {id: $hub}) SET h.name = 'Fixture Super Federation', h.aliases = [], h.searchText = h.name
      WITH h
      UNWIND range(0, toInteger($members) - 1) AS i
      CREATE (p:Person {id: 'person:fixture-super-member-' + toString(i), name: 'Super Member ' + toString(i), aliases: []})
      CREATE (p)-[:MEMBER_OF {key: 'MEMBER_OF|' + p.id + '|' + $hub + '|member', confidence: 0.9}]->(h)`,
      { hub: SUPER, members: QUERY_LIMITS.maxPathHubDegree + 1 },
    );
    await helper.runCypher(
      /* Cypher */ `
      MATCH (a:Person {id: $a}), (b:Person {id: $b}), (c:Person {id: $c})
      CREATE (a)-[:MET_WITH {key: 'MET_WITH|' + a.id + '|' + c.id + '|', confidence: 0.8}]->(c)
      CREATE (c)-[:MET_WITH {key: 'MET_WITH|' + c.id + '|' + b.id + '|', confidence: 0.8}]->(b)`,
      { a: member(0), b: member(1), c: member(2) },
    );
  });

  it("passes through a super-hub only as the common neighbour of both ends", async () => {
    const paths = await findConnections(ctx, member(0), member(1), { maxHops: 4, limit: 5 });
    const ids = paths.map((p) => p.nodes.map((n) => n.id));
    // the hub between the two ends, and the chain of meetings (whose middle is a member of the hub: two hops each)
    expect(ids).toContainEqual([member(0), SUPER, member(1)]);
    expect(ids).toContainEqual([member(0), member(2), member(1)]);
    // never member 0 - hub - some other member - ... - member 1
    expect(ids.every((p) => !p.includes(SUPER) || p.length === 3)).toBe(true);
    expect(await findConnections(ctx, member(3), member(4), { maxHops: 4 })).toEqual([
      expect.objectContaining({ nodes: [member(3), SUPER, member(4)].map((id) => expect.objectContaining({ id })) }),
    ]);
  });
});

import { afterAll, describe, expect, it } from "vitest";
import { DatabaseError } from "../../src/domain/errors.js";
import { migrate, readMigrations } from "../../src/graph/migrate.js";
import { nodeRowOf, SEARCH_TEXT_SEPARATOR } from "../../src/graph/plan-write.js";
import { TestHelper } from "../helpers/test-helper.js";

describe("migrate", () => {
  const helper = new TestHelper();
  afterAll(() => helper.close());

  it("applies every migration once and is a no-op the second time", async () => {
    const files = readMigrations().map((m) => m.file);
    const first = await migrate(helper.driver, { database: helper.settings.database });
    expect([...first.applied, ...first.alreadyApplied].sort()).toEqual([...files].sort());
    const second = await migrate(helper.driver, { database: helper.settings.database });
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied.sort()).toEqual([...files].sort());
  });

  it("creates the id constraints and the full-text index", async () => {
    const constraints = await helper.runCypher(
      "SHOW CONSTRAINTS YIELD labelsOrTypes, properties RETURN labelsOrTypes[0] AS label, properties[0] AS property",
    );
    for (const label of ["Person", "Union", "Confederation", "Organization", "Country", "Event", "Document"]) {
      expect(constraints).toContainEqual({ label, property: "id" });
    }
    const fulltext = await helper.runCypher("SHOW FULLTEXT INDEXES YIELD name, state RETURN name, state");
    expect(fulltext).toContainEqual({ name: "entity_names", state: "ONLINE" });
  });

  it("converts edges written with every source id into counted support kept on the documents' mentions", async () => {
    await helper.clearGraph();
    const ids = Array.from({ length: 60 }, (_, i) => `doc-${String(i).padStart(2, "0")}`);
    // the graph as the importer wrote it before V006: an edge listing all its documents, mentions without support
    await helper.runCypher(
      /* Cypher */ `
      CREATE (a:Organization {id: 'org:a'}), (b:Organization {id: 'org:b'})
      CREATE (a)-[:MEMBER_OF {key: 'MEMBER_OF|org:a|org:b|member', status: 'member', confidence: 0.9,
                              sources: $ids + ['reference:v1'], sourceConfidences: [i IN $ids | 0.8] + [1.0]}]->(b)
      WITH a, b
      UNWIND range(0, size($ids) - 1) AS i
      CREATE (d:Document {id: $ids[i], date: '2024-01-' + right('0' + toString(1 + i % 28), 2)})
      CREATE (a)-[:MENTIONED_IN {key: 'MENTIONED_IN|org:a|' + $ids[i] + '|'}]->(d)
      CREATE (b)-[:MENTIONED_IN {key: 'MENTIONED_IN|org:b|' + $ids[i] + '|'}]->(d)`,
      { ids },
    );
    const v006 = readMigrations().find((m) => m.version === 6);
    for (const statement of v006?.statements ?? []) await helper.runCypher(statement);
    const [edge] = await helper.runCypher(/* Cypher */ `
      MATCH ()-[r:MEMBER_OF]->() RETURN r.sourceCount AS count, r.firstSeen AS first, r.lastSeen AS last,
             r.reference AS reference, size(r.sources) AS kept, size(r.sourceConfidences) AS keptConfidences`);
    expect(edge).toEqual({
      count: 61,
      first: "2024-01-01",
      last: "2024-01-28",
      reference: "reference:v1",
      kept: 50,
      keptConfidences: 50,
    });
    const [mentions] = await helper.runCypher(/* Cypher */ `
      MATCH (:Organization {id: 'org:a'})-[m:MENTIONED_IN]->(d:Document)
      WHERE m.supports = ['MEMBER_OF|org:a|org:b|member'] AND m.supportConfidences = [0.8]
      RETURN count(d) AS supporting`);
    expect(mentions?.supporting).toBe(60);
    await helper.clearGraph();
  });

  it("adds to search text and lookup keys what the one folding adds, as a re-import would, once", async () => {
    await helper.clearGraph();
    // as the importer stored them before V007: "ə" and "þ" unfolded in the search variants, "ə" in the keys
    const before = {
      searchText: ["Sahib Məmmədov", "Sahib Məmmədöv", "Þóra Guðmundsdóttir", "Þora Guðmundsdottir", "FTUR"],
      lookupKeys: ["sahib məmmədov", "thora gudmundsdottir", "ftur"],
    };
    await helper.runCypher(
      /* Cypher */ `
      CREATE (:Person {id: 'person:sahib', name: 'Sahib Məmmədov', aliases: ['Sahib Məmmədöv', 'Þóra Guðmundsdóttir'],
                       searchText: $searchText, lookupKeys: $lookupKeys})
      CREATE (:Person {id: 'person:plain', name: 'Ivan Petrov', aliases: [], searchText: 'Ivan Petrov',
                       lookupKeys: '|ivan petrov|'})`,
      { searchText: before.searchText.join(SEARCH_TEXT_SEPARATOR), lookupKeys: `|${before.lookupKeys.join("|")}|` },
    );
    const now = nodeRowOf({
      id: "person:sahib",
      type: "Person",
      name: "Sahib Məmmədov",
      aliases: ["Sahib Məmmədöv", "Þóra Guðmundsdóttir", "FTUR"],
      properties: {},
    });
    const v007 = readMigrations().find((m) => m.version === 7);
    const read = () =>
      helper.runCypher(/* Cypher */ `
        MATCH (n:Person) RETURN n.id AS id, n.searchText AS searchText, n.lookupKeys AS lookupKeys ORDER BY id`);
    for (const statement of v007?.statements ?? []) await helper.runCypher(statement);
    const [plain, migrated] = await read();
    // what the writer would hold after a re-import with the new folding: the old terms and keys, then the new ones
    const terms = String(migrated?.searchText).split(SEARCH_TEXT_SEPARATOR);
    expect(new Set(terms)).toEqual(new Set([...before.searchText, ...now.searchText.split(SEARCH_TEXT_SEPARATOR)]));
    expect(terms).toHaveLength(new Set(terms).size);
    const keys = String(migrated?.lookupKeys)
      .split("|")
      .filter((k) => k !== "");
    expect(new Set(keys)).toEqual(new Set([...before.lookupKeys, ...now.lookupKeys]));
    expect(plain).toEqual({ id: "person:plain", searchText: "Ivan Petrov", lookupKeys: "|ivan petrov|" });
    // idempotent
    for (const statement of v007?.statements ?? []) await helper.runCypher(statement);
    expect(await read()).toEqual([plain, migrated]);
    await helper.clearGraph();
  });

  it("refuses a migration whose file changed after it was applied", async () => {
    const [first] = readMigrations();
    await helper.runCypher("MATCH (m:__Neo4jMigration {version: $v}) SET m.checksum = 'tampered'", {
      v: first?.version,
    });
    try {
      await expect(migrate(helper.driver, { database: helper.settings.database })).rejects.toThrowError(DatabaseError);
      await expect(migrate(helper.driver, { database: helper.settings.database })).rejects.toThrowError(
        /was changed after it was applied/,
      );
    } finally {
      await helper.runCypher("MATCH (m:__Neo4jMigration {version: $v}) SET m.checksum = $c", {
        v: first?.version,
        c: first?.checksum,
      });
    }
  });
});

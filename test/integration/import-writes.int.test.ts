/**
 * The writer against a real Neo4j, fed with hand-built extractions over fixture files (so the assertions do
 * not depend on the extractor): idempotence, evidence merging, replacement of a changed document, rollback of
 * one failing document, concurrent imports, constraints and an unreachable database.
 */
import neo4j from "neo4j-driver";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config/config.js";
import { DatabaseError } from "../../src/domain/errors.js";
import {
  CONNECTION_REL_TYPES,
  MAX_EVIDENCE_PER_EDGE,
  MAX_SOURCES_PER_EDGE,
  REL_TYPES,
  type Extraction,
} from "../../src/domain/model.js";
import { importExtraction } from "../../src/pipeline/import-paths.js";
import { TestHelper } from "../helpers/test-helper.js";
import {
  canonicalDump,
  entity,
  evidenceOf,
  expectEverySentenceVerbatim,
  extractionOf,
  fixtureDocument,
  graphCounts,
  relation,
  type FixtureDocument,
} from "./import-helpers.js";

const FIXTURES = path.join(PROJECT_ROOT, "test", "fixtures", "import", "good");
const helper = new TestHelper();
const work = mkdtempSync(path.join(tmpdir(), "lg-import-writes-"));

const A_S1 =
  "Chairman of the Federation of Trade Unions of Ruritania (FTUR) Ivan Petrov met with General Secretary of the International Trade Union Confederation (ITUC) Marta Lindqvist in Brussels.";
const A_S2 = "The Federation of Trade Unions of Ruritania is a member of the International Trade Union Confederation.";
const A_S3 =
  "During the visit, Ivan Petrov also met with Jorge Álvarez, President of the Confederation of Labour of Freedonia.";
const B_S1 =
  "On 5 May 2024 in Zenda, the Federation of Trade Unions of Ruritania and the Confederation of Labour of Freedonia signed an Agreement on cooperation.";
const B_S2 =
  "The agreement was signed by FTUR Chairman Ivan Petrov and Jorge Alvarez, President of the Confederation of Labour of Freedonia.";
const B_S3 = "The Confederation of Labour of Freedonia unites 2 million workers in 14 branch unions.";

const ENTITIES = [
  entity("person:ivan-petrov", "Person", "Ivan Petrov"),
  entity("person:marta-lindqvist", "Person", "Marta Lindqvist"),
  entity("person:jorge-alvarez", "Person", "Jorge Alvarez", ["Jorge Álvarez"]),
  entity("org:ftur", "Union", "Federation of Trade Unions of Ruritania", ["FTUR"], { acronym: "FTUR" }),
  entity("org:ituc", "Confederation", "International Trade Union Confederation", ["ITUC"], { acronym: "ITUC" }),
  entity("org:clf", "Union", "Confederation of Labour of Freedonia", [], { members: 2_000_000, affiliates: 14 }),
  entity("event:visit-brussels-2024-03", "Event", "Visit to Brussels", [], { kind: "visit", place: "Brussels" }),
  entity("event:agreement-ftur-clf-2024-05-05", "Event", "Agreement on cooperation", [], {
    kind: "agreement",
    date: "2024-05-05",
    place: "Zenda",
  }),
];

/** Relations of document A (the Brussels meeting). */
function relationsOfA(a: FixtureDocument) {
  return [
    relation("MET_WITH", "person:ivan-petrov", "person:marta-lindqvist", [evidenceOf(a, A_S1)], 0.9),
    relation("HOLDS_POSITION", "person:ivan-petrov", "org:ftur", [evidenceOf(a, A_S1)], 0.9, { role: "Chairman" }),
    relation("HOLDS_POSITION", "person:marta-lindqvist", "org:ituc", [evidenceOf(a, A_S1)], 0.9, {
      role: "General Secretary",
    }),
    relation("MEMBER_OF", "org:ftur", "org:ituc", [evidenceOf(a, A_S2)], 0.85, { status: "member" }),
    // stored the other way round on purpose: MET_WITH has no direction and must stay one edge
    relation("MET_WITH", "person:jorge-alvarez", "person:ivan-petrov", [evidenceOf(a, A_S3)], 0.8),
    relation("HOLDS_POSITION", "person:jorge-alvarez", "org:clf", [evidenceOf(a, A_S3)], 0.8, { role: "President" }),
    relation("PARTICIPATED_IN", "person:ivan-petrov", "event:visit-brussels-2024-03", [evidenceOf(a, A_S3)], 0.6),
  ];
}

/** Relations of document B (the agreement). */
function relationsOfB(b: FixtureDocument) {
  return [
    relation("SIGNED", "org:ftur", "event:agreement-ftur-clf-2024-05-05", [evidenceOf(b, B_S1)], 0.9),
    relation("SIGNED", "org:clf", "event:agreement-ftur-clf-2024-05-05", [evidenceOf(b, B_S1)], 0.9),
    relation("HOLDS_POSITION", "person:ivan-petrov", "org:ftur", [evidenceOf(b, B_S2)], 0.7, { role: "Chairman" }),
    relation("HOLDS_POSITION", "person:jorge-alvarez", "org:clf", [evidenceOf(b, B_S2)], 0.95, { role: "President" }),
    relation("MENTIONED_IN", "org:clf", "", [evidenceOf(b, B_S3)], 1),
  ].map((r) => (r.type === "MENTIONED_IN" ? { ...r, to: b.meta.id } : r));
}

function bothDocuments(): { a: FixtureDocument; b: FixtureDocument; extraction: Extraction } {
  const a = fixtureDocument(path.join(work, "a.md"), "Federation chairman meets international leaders in Brussels");
  const b = fixtureDocument(path.join(work, "b.txt"));
  return { a, b, extraction: extractionOf([a, b], ENTITIES, [...relationsOfA(a), ...relationsOfB(b)]) };
}

const options = () => ({ driver: helper.driver, database: helper.settings.database });

describe("the import writer", () => {
  beforeEach(async () => {
    await helper.clearGraph();
    copyFileSync(path.join(FIXTURES, "a-brussels-meeting.md"), path.join(work, "a.md"));
    copyFileSync(path.join(FIXTURES, "b-cooperation-agreement.txt"), path.join(work, "b.txt"));
  });

  afterAll(async () => {
    await helper.clearGraph();
    await helper.close();
    rmSync(work, { recursive: true, force: true });
  });

  it("writes each entity once with its labels, aliases and search text, and each edge with key, sources and evidence", async () => {
    const { a, b, extraction } = bothDocuments();
    const summary = await importExtraction(extraction, [], options());
    expect(summary.documents).toMatchObject({ total: 2, imported: 2, skipped: 0, replaced: 0, failed: 0 });

    const [ftur] = await helper.runCypher(
      /* Cypher */ `MATCH (n {id: 'org:ftur'}) RETURN labels(n) AS labels, n.aliases AS aliases, n.acronym AS acronym`,
    );
    expect(ftur?.labels).toEqual(expect.arrayContaining(["Union", "Organization"]));
    expect(ftur?.aliases).toEqual(["FTUR"]);
    expect(ftur?.acronym).toBe("FTUR");
    const [alvarez] = await helper.runCypher(
      /* Cypher */ `MATCH (p:Person {id: 'person:jorge-alvarez'}) RETURN p.searchText AS searchText`,
    );
    expect(String(alvarez?.searchText).split(" | ")).toEqual(
      expect.arrayContaining(["Jorge Alvarez", "Jorge Álvarez"]),
    );
    const [clf] = await helper.runCypher(/* Cypher */ `MATCH (o:Organization {id: 'org:clf'})
        RETURN o.members AS members, o.affiliates AS affiliates,
               valueType(o.members) AS membersType, valueType(o.affiliates) AS affiliatesType`);
    // counts are stored as integers, not as the floats the driver makes of JS numbers
    expect(clf).toEqual({
      members: 2_000_000,
      affiliates: 14,
      membersType: "INTEGER NOT NULL",
      affiliatesType: "INTEGER NOT NULL",
    });

    const [chairman] = await helper.runCypher(/* Cypher */ `
      MATCH (:Person {id: 'person:ivan-petrov'})-[r:HOLDS_POSITION]->(:Organization {id: 'org:ftur'})
      RETURN r.key AS key, r.role AS role, r.sources AS sources, r.evidence AS evidence, r.evidenceDocs AS docs, r.confidence AS confidence`);
    expect(chairman?.key).toBe("HOLDS_POSITION|person:ivan-petrov|org:ftur|chairman");
    expect(chairman?.role).toBe("Chairman");
    expect([...(chairman?.sources as string[])].sort()).toEqual([a.meta.id, b.meta.id].sort());
    expect(chairman?.evidence).toEqual(expect.arrayContaining([A_S1, B_S2]));
    expect((chairman?.docs as string[])[(chairman?.evidence as string[]).indexOf(B_S2)]).toBe(b.meta.id);
    expect(chairman?.confidence).toBe(0.9); // the maximum over both documents

    const meetings = await helper.runCypher(/* Cypher */ `
      MATCH (:Person {id: 'person:ivan-petrov'})-[r:MET_WITH]-(:Person {id: 'person:jorge-alvarez'}) RETURN r.key AS key`);
    expect(meetings).toHaveLength(1);
    const signatories = await helper.runCypher(/* Cypher */ `
      MATCH (o:Organization)-[:SIGNED]->(e:Event {kind: 'agreement'}) RETURN e.id AS event, collect(o.id) AS orgs`);
    expect(signatories).toHaveLength(1);
    expect([...(signatories[0]?.orgs as string[])].sort()).toEqual(["org:clf", "org:ftur"]);

    const [unmentioned] = await helper.runCypher(/* Cypher */ `
      MATCH (n) WHERE NOT n:Document AND NOT n:__Neo4jMigration AND NOT (n)-[:MENTIONED_IN]->(:Document) RETURN count(n) AS count`);
    expect(unmentioned?.count).toBe(0);
    const [clfMention] = await helper.runCypher(
      /* Cypher */ `
      MATCH (:Organization {id: 'org:clf'})-[m:MENTIONED_IN]->(:Document {id: $b}) RETURN m.evidence AS evidence`,
      { b: b.meta.id },
    );
    expect(clfMention?.evidence).toEqual(expect.arrayContaining([B_S1, B_S2, B_S3]));
    await expectEverySentenceVerbatim(helper);
  });

  it("leaves every node, relationship and property unchanged when the same material is imported again", async () => {
    const { extraction } = bothDocuments();
    await importExtraction(extraction, [], options());
    const before = await canonicalDump(helper);
    const countsBefore = await graphCounts(helper);

    const again = await importExtraction(extraction, [], options());
    expect(again.documents).toMatchObject({ imported: 0, skipped: 2, failed: 0 });
    expect(again.counters).toEqual({
      nodesCreated: 0,
      nodesDeleted: 0,
      relationshipsCreated: 0,
      relationshipsDeleted: 0,
      propertiesSet: 0,
    });
    expect(await graphCounts(helper)).toEqual(countsBefore);
    expect(await canonicalDump(helper)).toEqual(before);
  });

  it("writes the same graph whether documents share a transaction or each has its own, in either order", async () => {
    const { extraction } = bothDocuments();
    await importExtraction(extraction, [], { ...options(), maxDocumentsPerTransaction: 1 });
    const oneByOne = await canonicalDump(helper);
    await helper.clearGraph();
    await importExtraction(extraction, [], { ...options(), maxDocumentsPerTransaction: 50 });
    const batched = await canonicalDump(helper);
    expect(batched).toEqual(oneByOne);

    // evidence order within a list follows import order, so compare the sets of (sentence, document) pairs
    await helper.clearGraph();
    await importExtraction({ ...extraction, documents: [...extraction.documents].reverse() }, [], {
      ...options(),
      maxDocumentsPerTransaction: 1,
    });
    const pairs = async () =>
      (
        await helper.runCypher(/* Cypher */ `
        MATCH ()-[r]->() UNWIND range(0, size(r.evidence) - 1) AS i
        RETURN r.key + ' ' + r.evidence[i] + ' ' + r.evidenceDocs[i] + ' ' + toString(r.confidence) AS pair ORDER BY pair`)
      ).map((r) => r.pair);
    const reversed = await pairs();
    await helper.clearGraph();
    await importExtraction(extraction, [], options());
    expect(reversed).toEqual(await pairs());
  });

  it("replaces a changed document's own evidence and leaves the other document's evidence untouched", async () => {
    const { a: oldA, b, extraction } = bothDocuments();
    await importExtraction(extraction, [], options());
    const bOnly = async () =>
      (await canonicalDump(helper)).filter(
        (line) => line.startsWith("R ") && line.includes(b.meta.id) && !line.includes(oldA.meta.id),
      );
    const bOnlyBefore = await bOnly();
    expect(bOnlyBefore.length).toBeGreaterThan(0);
    const [bEvidence] = await helper.runCypher(/* Cypher */ `
      MATCH (:Person {id: 'person:jorge-alvarez'})-[r:HOLDS_POSITION]->() RETURN r.evidence AS evidence, r.evidenceDocs AS docs`);
    expect(bEvidence?.docs).toEqual(expect.arrayContaining([oldA.meta.id, b.meta.id]));

    // the same file, edited: the Brussels visit and the membership sentence are gone, a re-election is new
    const reElected = "Ivan Petrov was re-elected Chairman of the Federation of Trade Unions of Ruritania.";
    writeFileSync(path.join(work, "a.md"), `${A_S1}\n\n${reElected}\n`);
    const newA = fixtureDocument(path.join(work, "a.md"));
    expect(newA.meta.id).not.toBe(oldA.meta.id);
    const changed = extractionOf([newA, b], ENTITIES, [
      relation("MET_WITH", "person:ivan-petrov", "person:marta-lindqvist", [evidenceOf(newA, A_S1)], 0.9),
      relation(
        "HOLDS_POSITION",
        "person:ivan-petrov",
        "org:ftur",
        [evidenceOf(newA, A_S1), evidenceOf(newA, reElected)],
        0.9,
        { role: "Chairman" },
      ),
      relation("HOLDS_POSITION", "person:marta-lindqvist", "org:ituc", [evidenceOf(newA, A_S1)], 0.9, {
        role: "General Secretary",
      }),
      ...relationsOfB(b),
    ]);
    const summary = await importExtraction(changed, [], options());
    expect(summary.documents).toMatchObject({ replaced: 1, skipped: 1, imported: 0, failed: 0 });
    expect(summary.replaced).toEqual([{ path: newA.meta.path, id: newA.meta.id, previous: [oldA.meta.id] }]);

    const documents = await helper.runCypher(/* Cypher */ `MATCH (d:Document) RETURN d.id AS id ORDER BY id`);
    expect(documents.map((d) => d.id)).toEqual([newA.meta.id, b.meta.id].sort());
    const [stale] = await helper.runCypher(
      /* Cypher */ `
      MATCH ()-[r]->() WHERE $old IN r.sources OR $old IN r.evidenceDocs RETURN count(r) AS count`,
      { old: oldA.meta.id },
    );
    expect(stale?.count).toBe(0);
    // edges only the old version supported are gone, with the entity only it mentioned
    const gone = await helper.runCypher(/* Cypher */ `
      OPTIONAL MATCH (:Person {id: 'person:ivan-petrov'})-[m:MET_WITH]-(:Person {id: 'person:jorge-alvarez'})
      OPTIONAL MATCH (:Organization {id: 'org:ftur'})-[s:MEMBER_OF]->(:Organization {id: 'org:ituc'})
      OPTIONAL MATCH (v:Event {id: 'event:visit-brussels-2024-03'})
      RETURN count(m) AS meetings, count(s) AS memberships, count(v) AS visits`);
    expect(gone[0]).toEqual({ meetings: 0, memberships: 0, visits: 0 });
    // an edge both versions and B support: B's evidence kept as it was, the old version's replaced by the new one's
    const [chairman] = await helper.runCypher(/* Cypher */ `
      MATCH (:Person {id: 'person:ivan-petrov'})-[r:HOLDS_POSITION]->(:Organization {id: 'org:ftur'})
      RETURN r.evidence AS evidence, r.evidenceDocs AS docs, r.sources AS sources`);
    const pairs = (chairman?.evidence as string[]).map((s, i) => `${(chairman?.docs as string[])[i]} ${s}`).sort();
    expect(pairs).toEqual([`${b.meta.id} ${B_S2}`, `${newA.meta.id} ${A_S1}`, `${newA.meta.id} ${reElected}`].sort());
    expect([...(chairman?.sources as string[])].sort()).toEqual([newA.meta.id, b.meta.id].sort());
    // an edge the old version and B supported keeps B's evidence only
    const [president] = await helper.runCypher(/* Cypher */ `
      MATCH (:Person {id: 'person:jorge-alvarez'})-[r:HOLDS_POSITION]->() RETURN r.evidence AS evidence, r.sources AS sources`);
    expect(president).toEqual({ evidence: [B_S2], sources: [b.meta.id] });
    // every edge only B supported is exactly as it was
    const after = await bOnly();
    for (const line of bOnlyBefore) expect(after).toContain(line);
    await expectEverySentenceVerbatim(helper);
  });

  it("replaces two changed documents that share edges in one transaction without restoring old evidence", async () => {
    const { a: oldA, b: oldB, extraction } = bothDocuments();
    await importExtraction(extraction, [], options());
    // both files edited: each keeps one sentence about the chairman, so the shared edge survives with new evidence only
    writeFileSync(path.join(work, "a.md"), `${A_S1}\n`);
    writeFileSync(path.join(work, "b.txt"), `${B_S2}\n`);
    const newA = fixtureDocument(path.join(work, "a.md"));
    const newB = fixtureDocument(path.join(work, "b.txt"));
    const changed = extractionOf([newA, newB], ENTITIES, [
      relation(
        "HOLDS_POSITION",
        "person:ivan-petrov",
        "org:ftur",
        [evidenceOf(newA, A_S1), evidenceOf(newB, B_S2)],
        0.9,
        { role: "Chairman" },
      ),
    ]);
    const summary = await importExtraction(changed, [], { ...options(), maxDocumentsPerTransaction: 10 });
    expect(summary.documents).toMatchObject({ replaced: 2, failed: 0 });
    const [stale] = await helper.runCypher(
      /* Cypher */ `
      MATCH ()-[r]->() WHERE any(d IN r.evidenceDocs + r.sources WHERE d IN $old) RETURN count(r) AS count`,
      { old: [oldA.meta.id, oldB.meta.id] },
    );
    expect(stale?.count).toBe(0);
    const [chairman] = await helper.runCypher(/* Cypher */ `
      MATCH (:Person {id: 'person:ivan-petrov'})-[r:HOLDS_POSITION]->(:Organization {id: 'org:ftur'})
      RETURN r.evidenceDocs AS docs, r.sources AS sources`);
    expect([...(chairman?.docs as string[])].sort()).toEqual([newA.meta.id, newB.meta.id].sort());
    expect([...(chairman?.sources as string[])].sort()).toEqual([newA.meta.id, newB.meta.id].sort());
    const [documents] = await helper.runCypher(/* Cypher */ `MATCH (d:Document) RETURN collect(d.id) AS ids`);
    expect([...(documents?.ids as string[])].sort()).toEqual([newA.meta.id, newB.meta.id].sort());
    // entities only the old versions mentioned are gone
    const [left] = await helper.runCypher(/* Cypher */ `
      MATCH (n) WHERE NOT n:Document AND NOT n:__Neo4jMigration RETURN collect(n.id) AS ids`);
    expect([...(left?.ids as string[])].sort()).toEqual(["org:ftur", "person:ivan-petrov"]);
    await expectEverySentenceVerbatim(helper);
  });

  it("unites a node's names and aliases across imports and re-labels an organisation whose type changed", async () => {
    const { a, b } = bothDocuments();
    await importExtraction(extractionOf([a], ENTITIES, relationsOfA(a)), [], options());
    // a later import resolves the federation under another name, a new alias, and as a confederation
    const renamed = ENTITIES.map((e) =>
      e.id === "org:ftur"
        ? entity("org:ftur", "Confederation", "Ruritanian Trade Union Federation", ["FTUR", "RTUF"], {
            acronym: "FTUR",
          })
        : e,
    );
    await importExtraction(extractionOf([b], renamed, relationsOfB(b)), [], options());
    const [ftur] = await helper.runCypher(/* Cypher */ `
      MATCH (n:Organization {id: 'org:ftur'}) RETURN labels(n) AS labels, n.name AS name, n.aliases AS aliases, n.searchText AS searchText`);
    expect([...(ftur?.labels as string[])].sort()).toEqual(["Confederation", "Organization"]);
    expect(ftur?.name).toBe("Ruritanian Trade Union Federation");
    expect([...(ftur?.aliases as string[])].sort()).toEqual([
      "FTUR",
      "Federation of Trade Unions of Ruritania",
      "RTUF",
    ]);
    expect(String(ftur?.searchText).split(" | ").sort()).toEqual(
      ["Federation of Trade Unions of Ruritania", "FTUR", "RTUF", "Ruritanian Trade Union Federation"].sort(),
    );
    const [count] = await helper.runCypher(
      /* Cypher */ `MATCH (n:Organization) WHERE n.id = 'org:ftur' RETURN count(n) AS count`,
    );
    expect(count?.count).toBe(1);
  });

  it("rolls back only the document that fails, reports it by file name, and writes the others", async () => {
    const { a, b } = bothDocuments();
    await importExtraction(extractionOf([a], ENTITIES, relationsOfA(a)), [], options());
    const earlier = await canonicalDump(helper);

    const badPath = path.join(work, "bad.txt");
    const badSentence = "Somebody met with somebody else.";
    writeFileSync(badPath, `${badSentence}\n`);
    const bad = fixtureDocument(badPath);
    // a name far beyond what Neo4j's name index can hold: the database refuses the write
    const huge = entity("person:huge", "Person", `Name ${"x".repeat(40_000)}`);
    const extraction = extractionOf(
      [bad, b],
      [...ENTITIES, huge],
      [
        relation("MET_WITH", "person:huge", "person:ivan-petrov", [evidenceOf(bad, badSentence)], 0.5),
        ...relationsOfB(b),
      ],
    );
    const summary = await importExtraction(extraction, [], options());
    expect(summary.documents).toMatchObject({ imported: 1, failed: 1 });
    expect(summary.failed).toHaveLength(1);
    expect(summary.failed[0]?.path).toBe(badPath);
    expect(summary.failed[0]?.code).toBe("DATABASE_ERROR");

    const [state] = await helper.runCypher(
      /* Cypher */ `
      OPTIONAL MATCH (bad:Document {id: $bad}) OPTIONAL MATCH (p:Person {id: 'person:huge'}) OPTIONAL MATCH (good:Document {id: $b})
      RETURN count(bad) AS bad, count(p) AS huge, count(good) AS good`,
      { bad: bad.meta.id, b: b.meta.id },
    );
    expect(state).toEqual({ bad: 0, huge: 0, good: 1 });
    const after = await canonicalDump(helper);
    // nothing of the earlier import is lost: every earlier node is still there, every earlier edge still has its evidence
    for (const line of earlier.filter((l) => l.startsWith("N "))) expect(after).toContain(line);
    const [earlierEdges] = await helper.runCypher(
      /* Cypher */ `MATCH ()-[r]->() WHERE $a IN r.sources RETURN count(r) AS count`,
      { a: a.meta.id },
    );
    expect(earlierEdges?.count).toBe(earlier.filter((l) => l.startsWith("R ")).length);
    await expectEverySentenceVerbatim(helper);
  });

  it("creates no duplicate node or edge when two imports of the same material run at once", async () => {
    const { extraction } = bothDocuments();
    await importExtraction(extraction, [], options());
    const single = await canonicalDump(helper);
    await helper.clearGraph();

    const [first, second] = await Promise.all([
      importExtraction(extraction, [], { ...options(), maxDocumentsPerTransaction: 1 }),
      importExtraction(extraction, [], { ...options(), maxDocumentsPerTransaction: 1 }),
    ]);
    expect(first.failed).toEqual([]);
    expect(second.failed).toEqual([]);
    const [dupes] = await helper.runCypher(/* Cypher */ `
      MATCH (n) WHERE n.id IS NOT NULL WITH n.id AS id, count(*) AS c WHERE c > 1 RETURN count(id) AS count`);
    expect(dupes?.count).toBe(0);
    // the evidence lists may be in another order, the graph is otherwise the one a single import writes
    const sortLists = (lines: string[]) =>
      lines.map((l) =>
        l.replace(/\[[^\]]*\]/g, (list) => JSON.stringify((JSON.parse(list) as unknown[]).map(String).sort())),
      );
    expect(sortLists(await canonicalDump(helper)).sort()).toEqual(sortLists(single).sort());
  });

  it("keeps the evidence of both documents when two imports add to the same existing edges at once", async () => {
    const { a, b } = bothDocuments();
    // a third document creates the shared edges first, so both imports update existing relationships
    writeFileSync(path.join(work, "c.txt"), `${B_S2}\n`);
    const c = fixtureDocument(path.join(work, "c.txt"));
    const onlyC = extractionOf(
      [c],
      ENTITIES,
      relationsOfB(b)
        .filter((r) => r.type === "HOLDS_POSITION")
        .map((r) => ({ ...r, evidence: [evidenceOf(c, B_S2)] })),
    );
    const onlyA = extractionOf([a], ENTITIES, relationsOfA(a));
    const onlyB = extractionOf([b], ENTITIES, relationsOfB(b));
    for (let round = 0; round < 5; round++) {
      await helper.clearGraph();
      await importExtraction(onlyC, [], options());
      await Promise.all([importExtraction(onlyA, [], options()), importExtraction(onlyB, [], options())]);
      const shared = await helper.runCypher(/* Cypher */ `
        MATCH (:Person)-[r:HOLDS_POSITION]->(o:Organization) WHERE o.id IN ['org:ftur', 'org:clf']
        RETURN r.key AS key, r.sources AS sources, size(r.evidence) AS evidence ORDER BY key`);
      const all = [a.meta.id, b.meta.id, c.meta.id].sort();
      expect(shared.map((r) => [r.key, [...(r.sources as string[])].sort(), r.evidence])).toEqual([
        ["HOLDS_POSITION|person:ivan-petrov|org:ftur|chairman", all, 3],
        ["HOLDS_POSITION|person:jorge-alvarez|org:clf|president", all, 3],
      ]);
    }
  });

  it("keeps the first sentences and ids up to the caps, and every supporting document in the count and on its mentions", async () => {
    const count = MAX_EVIDENCE_PER_EDGE + 5;
    const reports = Array.from({ length: count }, (_, i) => {
      const file = path.join(work, `report-${String(i).padStart(2, "0")}.txt`);
      writeFileSync(file, `Report ${i}: ${A_S2}\n`);
      return fixtureDocument(file);
    });
    const membership = (doc: FixtureDocument) =>
      relation(
        "MEMBER_OF",
        "org:ftur",
        "org:ituc",
        [evidenceOf(doc, `Report ${reports.indexOf(doc)}: ${A_S2}`)],
        0.85,
        {
          status: "member",
        },
      );
    const extraction = extractionOf(reports, ENTITIES, reports.map(membership));
    // several transactions, so the cap is reached across commits and within one
    const summary = await importExtraction(extraction, [], { ...options(), maxDocumentsPerTransaction: 7 });
    expect(summary.documents).toMatchObject({ imported: count, failed: 0 });
    const read = async () =>
      (
        await helper.runCypher(/* Cypher */ `
        MATCH (:Organization {id: 'org:ftur'})-[r:MEMBER_OF]->(:Organization {id: 'org:ituc'})
        RETURN r.evidence AS evidence, r.evidenceDocs AS docs, r.sources AS sources, r.sourceCount AS count,
               r.key AS key`)
      )[0];
    // the documents whose mentions of FTUR carry the edge's key: its whole support, however long
    const supporters = async (key: unknown) =>
      (
        await helper.runCypher(
          /* Cypher */ `
          MATCH (:Organization {id: 'org:ftur'})-[m:MENTIONED_IN]->(d:Document) WHERE $key IN m.supports
          RETURN d.id AS id ORDER BY id`,
          { key },
        )
      ).map((r) => r.id);
    const edge = await read();
    expect(edge?.evidence).toEqual(reports.slice(0, MAX_EVIDENCE_PER_EDGE).map((_, i) => `Report ${i}: ${A_S2}`));
    expect(edge?.docs).toEqual(reports.slice(0, MAX_EVIDENCE_PER_EDGE).map((r) => r.meta.id));
    expect(edge?.sources).toEqual(reports.slice(0, MAX_SOURCES_PER_EDGE).map((r) => r.meta.id));
    expect(edge?.count).toBe(count);
    expect(await supporters(edge?.key)).toEqual(reports.map((r) => r.meta.id).sort());

    const again = await importExtraction(extraction, [], options());
    expect(again.counters.propertiesSet).toBe(0);

    // a changed report whose sentence was kept: its sentence and id go, the edge stays with the others' support
    writeFileSync(reports[0]?.meta.path ?? "", "Report 0 was withdrawn.\n");
    const withdrawn = fixtureDocument(reports[0]?.meta.path ?? "");
    await importExtraction(extractionOf([withdrawn], ENTITIES, []), [], options());
    const after = await read();
    expect(after?.evidence).toEqual(reports.slice(1, MAX_EVIDENCE_PER_EDGE).map((_, i) => `Report ${i + 1}: ${A_S2}`));
    expect(after?.count).toBe(count - 1);
    expect(await supporters(after?.key)).toEqual(
      reports
        .slice(1)
        .map((r) => r.meta.id)
        .sort(),
    );
    // the kept ids are refilled from the remaining documents up to the cap
    expect(after?.sources as string[]).toHaveLength(MAX_SOURCES_PER_EDGE);
    expect(after?.sources as string[]).not.toContain(reports[0]?.meta.id);
  });

  it("has a uniqueness constraint on the key of every relationship type, which refuses a duplicate edge", async () => {
    const constraints = await helper.runCypher(/* Cypher */ `
      SHOW CONSTRAINTS YIELD entityType, labelsOrTypes, properties, type
      WHERE entityType = 'RELATIONSHIP' AND properties = ['key'] AND type = 'RELATIONSHIP_UNIQUENESS'
      RETURN labelsOrTypes[0] AS relType`);
    expect(constraints.map((c) => c.relType).sort()).toEqual([...REL_TYPES].sort());

    const { extraction } = bothDocuments();
    await importExtraction(extraction, [], options());
    for (const type of CONNECTION_REL_TYPES.filter((t) => t === "MET_WITH")) {
      await expect(
        helper.runCypher(/* Cypher */ `
          MATCH (a:Person {id: 'person:ivan-petrov'})-[r:${type}]-(b:Person {id: 'person:marta-lindqvist'})
          CREATE (a)-[:${type} {key: r.key}]->(b)`),
      ).rejects.toThrow(/already exists|constraint/i);
    }
  });

  it("stops with one DatabaseError when the database cannot be reached", async () => {
    const { extraction } = bothDocuments();
    const unreachable = neo4j.driver("bolt://127.0.0.1:1", neo4j.auth.basic("neo4j", "none"), {
      maxTransactionRetryTime: 500,
      connectionTimeout: 2000,
    });
    try {
      const attempt = importExtraction(extraction, [], { driver: unreachable, database: "neo4j" });
      await expect(attempt).rejects.toBeInstanceOf(DatabaseError);
      await expect(attempt).rejects.toMatchObject({ code: "DATABASE_UNAVAILABLE" });
    } finally {
      await unreachable.close();
    }
  });
});

/**
 * `reference load` against a real Neo4j: the shipped reference data becomes organisation nodes and MEMBER_OF edges
 * marked with its version, a second load changes nothing, and an imported article lands on the reference nodes.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyCounters } from "../../src/graph/writer.js";
import { importPaths } from "../../src/pipeline/import-paths.js";
import { loadReference, type LoadReferenceSummary } from "../../src/reference.js";
import { TestHelper, testAnnotateContext } from "../helpers/test-helper.js";

const helper = new TestHelper();
const work = mkdtempSync(path.join(tmpdir(), "lg-reference-load-"));
const ITUC = "org:international-trade-union-confederation";
const ITUC_AFRICA = "org:ituc-regional-organisation-for-africa";
let first: LoadReferenceSummary;

const load = () => loadReference({ driver: helper.driver, database: helper.settings.database });

beforeAll(async () => {
  await helper.clearGraph();
  first = await load();
});

afterAll(async () => {
  await helper.clearGraph();
  await helper.close();
  rmSync(work, { recursive: true, force: true });
});

describe("reference load", () => {
  it("writes one node per organisation and the sourced affiliations, marked with the data's version", async () => {
    expect(first.source).toBe(`reference:${first.version}`);
    const [nodes] = await helper.runCypher(
      /* Cypher */ `MATCH (n:Organization) WHERE n.reference = $source RETURN count(n) AS n, count(n.referenceUrl) AS withUrl`,
      { source: first.source },
    );
    expect(nodes).toEqual({ n: first.organisations, withUrl: first.organisations });
    expect(first.counters.nodesCreated).toBe(first.organisations);
    expect(first.counters.nodesCreated).toBeGreaterThanOrEqual(300);
    const [edges] = await helper.runCypher(
      /* Cypher */ `MATCH ()-[r:MEMBER_OF]->() WHERE $source IN r.sources RETURN count(r) AS n`,
      { source: first.source },
    );
    expect(edges!.n).toBe(first.memberships);
    expect(await helper.runCypher(/* Cypher */ `MATCH (:Document) RETURN count(*) AS n`)).toEqual([{ n: 0 }]);
  });

  it("links a regional organisation to the ITUC with the page that states it", async () => {
    const rows = await helper.runCypher(
      /* Cypher */ `MATCH (a:Confederation {id: $from})-[r:MEMBER_OF]->(b:Confederation {id: $to})
       RETURN a.acronym AS acronym, b.name AS name, r.status AS status, r.referenceUrls AS urls, r.sources AS sources, r.confidence AS confidence`,
      { from: ITUC_AFRICA, to: ITUC },
    );
    expect(rows).toEqual([
      {
        acronym: "ITUC-Africa",
        name: "International Trade Union Confederation",
        status: "member",
        urls: ["https://en.wikipedia.org/wiki/ITUC-Africa"],
        sources: [first.source],
        confidence: 1,
      },
    ]);
  });

  it("changes nothing when the same version is loaded again", async () => {
    const again = await load();
    expect(again.version).toBe(first.version);
    expect(again.counters).toEqual(emptyCounters());
  });

  it("resolves an article's mention of the body to the reference node", async () => {
    const file = path.join(work, "ituc.txt");
    writeFileSync(
      file,
      "Luc Triangle, General Secretary of the International Confederation of Trade Unions (ITUC), met with Kemal Özkan.\n",
    );
    await importPaths([file], {
      annotate: testAnnotateContext(),
      driver: helper.driver,
      database: helper.settings.database,
    });
    const rows =
      await helper.runCypher(/* Cypher */ `MATCH (n:Organization) WHERE n.name = 'International Trade Union Confederation' OR 'ITUC' IN n.aliases
       OPTIONAL MATCH (n)-[:MENTIONED_IN]->(d:Document)
       RETURN n.id AS id, n.reference AS reference, count(d) AS documents`);
    expect(rows).toEqual([{ id: ITUC, reference: first.source, documents: 1 }]);
  });
});

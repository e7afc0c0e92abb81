/**
 * Resolution across imports: an entity imported in one run is recognised by a later run that names it only by
 * its acronym or a word-order variant, and documents imported in chunks or in separate runs give the nodes and
 * edges one run gives. The curated alias file is left out, so only resolution's own rules are at work.
 */
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config/config.js";
import { importPaths } from "../../src/pipeline/import-paths.js";
import { TestHelper, testAnnotateContext } from "../helpers/test-helper.js";

const FIXTURES = path.join(PROJECT_ROOT, "test", "fixtures", "cross-run");
const DEFINES = path.join(FIXTURES, "a-defines-fprk.txt");
const ACRONYM_ONLY = path.join(FIXTURES, "b-acronym-only.txt");
const VARIANT = path.join(FIXTURES, "c-word-order-variant.txt");
const FPRK = "org:federation-of-trade-unions-of-the-republic-of-kazakhstan";

const helper = new TestHelper();

const importRun = (paths: string[], batch?: number) =>
  importPaths(paths, {
    annotate: testAnnotateContext(),
    driver: helper.driver,
    database: helper.settings.database,
    aliasesPath: path.join(FIXTURES, "no-aliases.yaml"),
    ...(batch !== undefined ? { maxDocumentsPerTransaction: batch } : {}),
  });

/** Node ids with their labels, and relationship keys: what must not depend on how the documents were split. */
async function identities(): Promise<string[]> {
  const rows = await helper.runCypher(/* Cypher */ `
    MATCH (n) WHERE NOT n:__Neo4jMigration
    RETURN 'N ' + n.id + ' ' + reduce(s = '', l IN labels(n) | s + ':' + l) AS line
    UNION ALL
    MATCH ()-[r]->() RETURN 'R ' + r.key AS line`);
  return rows.map((r) => String(r.line)).sort();
}

describe("resolution across imports", () => {
  beforeEach(async () => {
    await helper.clearGraph();
  });

  afterAll(async () => {
    await helper.clearGraph();
    await helper.close();
  });

  it("recognises FPRK and the Kazakhstan Trade Unions Federation in a later run as the federation stored earlier", async () => {
    await importRun([DEFINES]);
    const second = await importRun([ACRONYM_ONLY, VARIANT]);
    expect(second.documents).toMatchObject({ imported: 2, failed: 0 });

    const named = await helper.runCypher(/* Cypher */ `
      MATCH (o:Organization)
      WHERE o.name IN ['FPRK', 'Kazakhstan Trade Unions Federation'] OR any(a IN o.aliases WHERE a IN ['FPRK', 'Kazakhstan Trade Unions Federation'])
      RETURN DISTINCT o.id AS id, o.name AS name`);
    expect(named).toEqual([{ id: FPRK, name: "Federation of Trade Unions of the Republic of Kazakhstan" }]);
    // the later documents' evidence hangs on the stored node
    const [sources] = await helper.runCypher(
      /* Cypher */ `MATCH (o:Organization {id: $id})-[:MENTIONED_IN]->(d:Document) RETURN count(d) AS n`,
      { id: FPRK },
    );
    expect(Number(sources?.n)).toBe(3);
  });

  it("gives the same nodes and edges whether the documents come in one run, one chunk each, or three runs", async () => {
    await importRun([DEFINES, ACRONYM_ONLY, VARIANT]);
    const oneRun = await identities();

    await helper.clearGraph();
    await importRun([DEFINES, ACRONYM_ONLY, VARIANT], 1);
    expect(await identities()).toEqual(oneRun);

    await helper.clearGraph();
    for (const file of [DEFINES, ACRONYM_ONLY, VARIANT]) await importRun([file]);
    expect(await identities()).toEqual(oneRun);
  });
});

/**
 * Issue 3 acceptance 1-3 and 5 on the five seed documents, imported through importPaths into a real Neo4j:
 * one node per person and organisation however spelt, the stated meetings, signatures, memberships and
 * positions, every edge sourced with verbatim evidence, and a re-import that changes nothing.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config/config.js";
import { importPaths, type ImportSummary } from "../../src/pipeline/import-paths.js";
import { TestHelper, testAnnotateContext } from "../helpers/test-helper.js";
import { canonicalDump, expectEverySentenceVerbatim } from "./import-helpers.js";

const SEEDS = path.join(PROJECT_ROOT, "seeds");
const helper = new TestHelper();
let summary: ImportSummary;

/** Ids of the organisations called `name` (by name, alias or acronym, ignoring case). */
async function organisationIds(name: string): Promise<string[]> {
  const [row] = await helper.runCypher(
    /* Cypher */ `
    MATCH (o:Organization)
    WHERE toLower(o.name) = toLower($name) OR any(a IN coalesce(o.aliases, []) WHERE toLower(a) = toLower($name))
       OR toLower(coalesce(o.acronym, '')) = toLower($name)
    RETURN collect(DISTINCT o.id) AS ids`,
    { name },
  );
  return (row?.ids ?? []) as string[];
}

/** The one organisation known by all these names (fails when they are not exactly one node). */
async function oneOrganisation(...names: string[]): Promise<string> {
  const ids = new Set<string>();
  for (const name of names) {
    const found = await organisationIds(name);
    expect(found, `organisations called "${name}"`).toHaveLength(1);
    for (const id of found) ids.add(id);
  }
  expect([...ids], `one organisation for ${names.join(" / ")}`).toHaveLength(1);
  return [...ids][0] ?? "";
}

/** Ids of the people called `name` (by name or alias). */
async function personIds(name: string): Promise<string[]> {
  const [row] = await helper.runCypher(
    /* Cypher */ `MATCH (p:Person) WHERE p.name = $name OR $name IN coalesce(p.aliases, []) RETURN collect(p.id) AS ids`,
    { name },
  );
  return (row?.ids ?? []) as string[];
}

async function dauletalin(): Promise<string[]> {
  const [row] = await helper.runCypher(/* Cypher */ `
    MATCH (p:Person) WHERE any(n IN [p.name] + coalesce(p.aliases, []) WHERE n CONTAINS 'Dauletalin' OR n CONTAINS 'Daulealin')
    RETURN collect(p.id) AS ids`);
  return (row?.ids ?? []) as string[];
}

describe("importing the seeds", () => {
  beforeAll(async () => {
    await helper.clearGraph();
    summary = await importPaths([SEEDS], {
      annotate: testAnnotateContext(),
      driver: helper.driver,
      database: helper.settings.database,
    });
  });

  afterAll(async () => {
    await helper.clearGraph();
    await helper.close();
  });

  it("imports all five seed documents", () => {
    expect(summary.failed).toEqual([]);
    expect(summary.documents).toMatchObject({ total: 5, imported: 5 });
  });

  it("has one Person for every spelling of Dauletalin", async () => {
    const ids = await dauletalin();
    expect(ids).toHaveLength(1);
    for (const spelling of [
      "Satybaldy Dauletalin",
      "Satybaldı Dauletalin",
      "Satibaldi Dauletalin",
      "Satybalda Dauletalin",
    ]) {
      const [row] = await helper.runCypher(
        /* Cypher */ `
        MATCH (p:Person) WHERE p.name = $spelling OR $spelling IN p.aliases OR p.searchText CONTAINS $spelling RETURN collect(p.id) AS ids`,
        { spelling },
      );
      expect(row?.ids, spelling).toEqual(ids);
    }
  });

  it("merges FPRK, FTURK, KTUF and both long names into one organisation", async () => {
    await oneOrganisation(
      "FPRK",
      "FTURK",
      "KTUF",
      "Federation of Trade Unions of the Republic of Kazakhstan",
      "Kazakhstan Trade Unions Federation",
    );
  });

  it("has ITUC, IndustriALL, RENGO, ATUC, FTUU and GCTU each once", async () => {
    await oneOrganisation("ITUC", "International Trade Union Confederation");
    await oneOrganisation("IndustriALL", "IndustriALL Global Union");
    await oneOrganisation("RENGO", "Japanese Trade Union Confederation");
    await oneOrganisation(
      "ATUC",
      "Azerbaijan Trade Union Confederation",
      "Confederation of Trade Unions of Azerbaijan",
    );
    await oneOrganisation("FTUU", "Federation of Trade Unions of Uzbekistan");
    await oneOrganisation("GCTU", "General Confederation of Trade Unions");
  });

  it("records a meeting between Dauletalin and each of his five counterparts", async () => {
    const [him] = await dauletalin();
    for (const name of ["Luca Visentini", "Kemal Özkan", "Tomoko Yoshino", "Sattar Mohbaliyev", "Kudratulla Rafikov"]) {
      const [other] = await personIds(name);
      expect(other, name).toBeDefined();
      const [row] = await helper.runCypher(
        /* Cypher */ `
        MATCH (:Person {id: $him})-[r:MET_WITH]-(:Person {id: $other}) RETURN count(r) AS count`,
        { him, other },
      );
      expect(row?.count, `MET_WITH Dauletalin - ${name}`).toBeGreaterThanOrEqual(1);
    }
  });

  it("has FPRK and FTUU sign the same agreement event", async () => {
    const fprk = await oneOrganisation("FPRK");
    const ftuu = await oneOrganisation("FTUU");
    const rows = await helper.runCypher(
      /* Cypher */ `
      MATCH (:Organization {id: $fprk})-[:SIGNED]->(e:Event)<-[:SIGNED]-(:Organization {id: $ftuu})
      WHERE e.kind = 'agreement' RETURN e.id AS id`,
      { fprk, ftuu },
    );
    expect(rows.length).toBeGreaterThanOrEqual(1);
  });

  it("makes FPRK a member of ITUC and of the General Confederation of Trade Unions with fitting statuses", async () => {
    const fprk = await oneOrganisation("FPRK");
    const status = async (to: string) =>
      (
        await helper.runCypher(
          /* Cypher */ `MATCH (:Organization {id: $fprk})-[r:MEMBER_OF]->(:Organization {id: $to}) RETURN r.status AS status`,
          { fprk, to },
        )
      ).map((r) => r.status);
    // "strongly supported the restoration of the FPRK membership in the ITUC"
    expect(await status(await oneOrganisation("ITUC"))).toEqual([expect.stringMatching(/^(restored|member)$/)]);
    // "is considering membership ...", "has been requested to join"
    expect(await status(await oneOrganisation("GCTU"))).toEqual([expect.stringMatching(/^(applied|joining)$/)]);
  });

  it("records the stated position of each of those people", async () => {
    const positions: [person: string, role: RegExp, organisation: string][] = [
      ["Luca Visentini", /^general secretary$/i, "ITUC"],
      ["Kemal Özkan", /^deputy general secretary$/i, "IndustriALL"],
      ["Tomoko Yoshino", /^president$/i, "RENGO"],
      ["Sattar Mohbaliyev", /^chairman$/i, "ATUC"],
      ["Kudratulla Rafikov", /^chairman$/i, "FTUU"],
    ];
    const [him] = await dauletalin();
    const check = async (personId: string | undefined, role: RegExp, organisation: string, label: string) => {
      const org = await oneOrganisation(organisation);
      const roles = await helper.runCypher(
        /* Cypher */ `
        MATCH (:Person {id: $personId})-[r:HOLDS_POSITION]->(:Organization {id: $org}) RETURN r.role AS role`,
        { personId, org },
      );
      expect(
        roles.map((r) => String(r.role)),
        `${label} at ${organisation}`,
      ).toEqual(expect.arrayContaining([expect.stringMatching(role)]));
    };
    for (const [person, role, organisation] of positions)
      await check((await personIds(person))[0], role, organisation, person);
    await check(him, /^chairman$/i, "FPRK", "Dauletalin");
  });

  it("gives every relationship sources and evidence sentences that occur verbatim in their document", async () => {
    await expectEverySentenceVerbatim(helper);
  });

  it("changes nothing when the seeds are imported again", async () => {
    const before = await canonicalDump(helper);
    const again = await importPaths([SEEDS], {
      annotate: testAnnotateContext(),
      driver: helper.driver,
      database: helper.settings.database,
    });
    expect(again.documents).toMatchObject({ total: 5, skipped: 5, imported: 0, failed: 0 });
    expect(await canonicalDump(helper)).toEqual(before);
  });
});

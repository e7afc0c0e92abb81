/**
 * Lookups and replaced documents (issue 12): exact names, aliases and acronyms resolve before full text, an
 * organisation beats an event whose title contains its acronym, an ambiguous acronym lists its candidates with
 * type, country and degree; a replaced document leaves the events and edges it supported with the sources and the
 * confidence of the documents that remain.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config/config.js";
import { searchEntities } from "../../src/graph/queries/index.js";
import { importPaths } from "../../src/pipeline/import-paths.js";
import { runCli } from "../helpers/run-cli.js";
import { TestHelper, testAnnotateContext } from "../helpers/test-helper.js";

const helper = new TestHelper();
const tmp = mkdtempSync(path.join(os.tmpdir(), "lg-identity-"));

const write = (name: string, date: string, body: string) => {
  const file = path.join(tmp, name);
  writeFileSync(file, `---\ndate: ${date}\n---\n${body}\n`);
  return file;
};
const REGIONAL = write(
  "regional.txt",
  "2024-05-04",
  "General Secretary of the Asia-Pacific International Trade Union Confederation (ITUC) Jane Doe met with Luc Triangle in Tokyo.",
);
const importRun = (paths: string[]) =>
  importPaths(paths, { annotate: testAnnotateContext(), driver: helper.driver, database: helper.settings.database });

const MOLDOVA = write(
  "moldova.txt",
  "2024-05-02",
  "Chairman of the Confederation of Syndicates of the Republic of Moldova (CSRM) Oleg Budza met with ITUC General Secretary Luc Triangle in Brussels.",
);
const MALTA = write(
  "malta.txt",
  "2024-05-03",
  "President of the Council of Sailors Rights of Malta (CSRM) John Camilleri met with Luc Triangle in Valletta.",
);

afterAll(async () => {
  rmSync(tmp, { recursive: true, force: true });
  await helper.clearGraph();
  await helper.close();
});

describe("exact lookups", () => {
  beforeAll(async () => {
    await helper.clearGraph();
    await importRun([path.join(PROJECT_ROOT, "seeds"), MOLDOVA, MALTA, REGIONAL]);
  });

  it("finds FPRK by its acronym before the event titled 'Visit of FPRK to Geneva'", async () => {
    const [event] = await helper.runCypher(
      /* Cypher */ `MATCH (e:Event) WHERE e.name CONTAINS 'FPRK' RETURN e.name AS name`,
    );
    expect(event?.name).toBeDefined();
    const who = await runCli(["who", "FPRK"], helper.cliEnv());
    expect(who.code, who.stderr).toBe(0);
    expect(who.stdout.split("\n")[0]).toBe(
      "Federation of Trade Unions of the Republic of Kazakhstan (Union, Organization)",
    );
    const hits = await searchEntities({ driver: helper.driver, database: helper.settings.database }, "fprk", 5);
    expect(hits[0]?.node.name).toBe("Federation of Trade Unions of the Republic of Kazakhstan");
    expect(hits.map((h) => h.node.label).indexOf("Event")).not.toBe(0);
  });

  it("resolves an exact alias in another case and without accents", async () => {
    const who = await runCli(["who", "kazakhstan trade unions federation", "--json"], helper.cliEnv());
    expect(who.code, who.stderr).toBe(0);
    expect((JSON.parse(who.stdout) as { node: { id: string } }).node.id).toBe(
      "org:federation-of-trade-unions-of-the-republic-of-kazakhstan",
    );
  });

  it("takes ITUC for the organisation whose initials it spells when an article gives a regional body the same acronym", async () => {
    const holders = await helper.runCypher(
      /* Cypher */ `MATCH (o:Organization {acronym: 'ITUC'}) RETURN o.name AS name`,
    );
    expect(holders.map((h) => h.name)).toContain("International Trade Union Confederation");
    const who = await runCli(["who", "ITUC", "--json"], helper.cliEnv());
    expect(who.code, who.stderr).toBe(0);
    expect((JSON.parse(who.stdout) as { node: { name: string } }).node.name).toBe(
      "International Trade Union Confederation",
    );
  });

  it("lists both organisations an ambiguous acronym names, with type, country and connections", async () => {
    const who = await runCli(["who", "CSRM"], helper.cliEnv());
    expect(who.code).toBe(1);
    const expected = await helper.runCypher(/* Cypher */ `
      MATCH (o:Organization {acronym: 'CSRM'})
      RETURN o.name AS name, o.country AS country, COUNT { (o)-[r]-() WHERE NOT r:MENTIONED_IN } AS degree`);
    expect(expected).toHaveLength(2);
    for (const o of expected) {
      const line = who.stderr.split("\n").find((l) => l.includes(String(o.name)));
      expect(line, who.stderr).toBeDefined();
      expect(line).toContain(`${String(o.degree)} connections`);
      if (typeof o.country === "string") expect(line).toContain(o.country);
    }
  });
});

describe("a replaced document", () => {
  it("leaves its events and edges with the sources and confidence of the documents that remain", async () => {
    await helper.clearGraph();
    const meeting =
      "Chairman of the Federation of Trade Unions of Belarus Mikhail Orda met with ITUC General Secretary Luc Triangle in Minsk.";
    const first = write("first.txt", "2024-03-04", meeting);
    const second = write("second.txt", "2024-03-05", `The federation reported: ${meeting}`);
    await importRun([first, second]);
    const [before] = await helper.runCypher(/* Cypher */ `
      MATCH (:Person {name: 'Mikhail Orda'})-[m:MET_WITH]-(:Person {name: 'Luc Triangle'})
      MATCH (e:Event {kind: 'meeting'})
      RETURN size(m.sources) AS sources, m.count AS count, e.sources AS eventSources, count(e) AS events`);
    expect(before).toMatchObject({ sources: 2, count: 1, events: 1 });

    write("first.txt", "2024-03-04", "Mikhail Orda spoke at the plenary of the Federation of Trade Unions of Belarus.");
    const summary = await importRun([first]);
    expect(summary.documents.replaced).toBe(1);
    const [after] = await helper.runCypher(
      /* Cypher */ `
      MATCH (:Person {name: 'Mikhail Orda'})-[m:MET_WITH]-(:Person {name: 'Luc Triangle'})
      MATCH (e:Event {kind: 'meeting'})
      MATCH (d:Document {path: $second})
      RETURN m.sources AS sources, m.sourceConfidences AS confidences, m.confidence AS confidence, m.count AS count,
             e.sources AS eventSources, d.id AS secondId`,
      { second },
    );
    expect(after?.sources).toEqual([after?.secondId]);
    expect(after?.eventSources).toEqual([after?.secondId]);
    expect(after?.count).toBe(1);
    expect(after?.confidences as number[]).toHaveLength(1);
    expect(after?.confidence).toBe((after?.confidences as number[])[0]);
  });
});

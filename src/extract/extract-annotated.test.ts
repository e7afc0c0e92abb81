import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../config/config.js";
import { annotatedDocumentSchema } from "../domain/annotation.js";
import { loadDocumentFromBytes } from "../ingest/load-document.js";
import { extractAnnotated } from "./extract-annotated.js";

/** Extracts a recorded annotation (test/fixtures/annotations, captured from CoreNLP by scripts/record-annotation.js). */
function extractFixture(name: string) {
  const file = path.join(PROJECT_ROOT, "test", "fixtures", "annotations", `${name}.json`);
  const { text, annotated } = JSON.parse(readFileSync(file, "utf8")) as { text: string; annotated: unknown };
  const doc = loadDocumentFromBytes(new TextEncoder().encode(text), `${name}.txt`);
  const x = extractAnnotated(doc, annotatedDocumentSchema.parse(annotated), { referenceDate: "2024-06-01" });
  const nameOf = (id: string) => x.entities.find((e) => e.id === id)?.name ?? id;
  const facts = (type: string) =>
    x.relations
      .filter((r) => r.type === type)
      .map((r) => `${nameOf(r.from)} -> ${nameOf(r.to)}`)
      .sort();
  return { x, facts, nameOf };
}

describe("extractAnnotated on recorded annotations", () => {
  it("reads 'President of X Name hosted Title of Y Name and Title of Z Name' as positions and two meetings", () => {
    const { facts } = extractFixture("hosted-with-titles");
    expect(facts("HOLDS_POSITION")).toEqual(
      expect.arrayContaining([
        "Anna Petrova -> Federation of Trade Unions of Ruritania",
        "John Smith -> Global Metalworkers Union",
        "Omar Haddad -> Northern Rail Union",
      ]),
    );
    const met = facts("MET_WITH").map((f) => f.split(" -> ").sort().join(" & "));
    expect(met).toEqual(expect.arrayContaining(["Anna Petrova & John Smith", "Anna Petrova & Omar Haddad"]));
    expect(met).not.toContain("John Smith & Omar Haddad");
  });

  it("reads membership stated with 'is a member of' and 'joined', and links the acronym to the full name", () => {
    const { facts, x } = extractFixture("member-of");
    expect(facts("MEMBER_OF")).toEqual(
      expect.arrayContaining([
        "Ruritanian Teachers Union -> International Federation of Teachers",
        "Ruritanian Teachers Union -> Pan-Andean Education Council",
      ]),
    );
    expect(x.entities.find((e) => e.name === "Ruritanian Teachers Union")?.aliases).toContain("RTU");
  });

  it("makes the organisations of the people who sign the parties of one agreement", () => {
    const { x, nameOf } = extractFixture("signed-by-officers");
    const signed = x.relations.filter((r) => r.type === "SIGNED");
    const parties = signed.map((r) => nameOf(r.from)).sort();
    expect(parties).toEqual(["Andean Workers Confederation", "Northern Transport Union"]);
    expect(new Set(signed.map((r) => r.to)).size).toBe(1);
  });

  it("reads a meeting between two people described by appositions", () => {
    const { facts } = extractFixture("met-with-apposition");
    expect(facts("MET_WITH").map((f) => f.split(" -> ").sort().join(" & "))).toEqual(["Lisa Wong & Tom Berg"]);
    expect(facts("HOLDS_POSITION")).toEqual(
      expect.arrayContaining([
        "Lisa Wong -> International Port Workers Federation",
        "Tom Berg -> Baltic Dockers Union",
      ]),
    );
  });

  it("gives no meeting for one announced for the future", () => {
    const { facts } = extractFixture("future-meeting");
    expect(facts("MET_WITH")).toEqual([]);
    expect(facts("HOLDS_POSITION")).toEqual(["Lisa Wong -> International Port Workers Federation"]);
  });

  it("quotes the source sentence as evidence", () => {
    const { x } = extractFixture("met-with-apposition");
    const met = x.relations.find((r) => r.type === "MET_WITH");
    expect(met?.evidence[0]?.sentence).toMatch(/^Tom Berg, chairman of the Baltic Dockers Union, met with Lisa Wong/);
  });
});

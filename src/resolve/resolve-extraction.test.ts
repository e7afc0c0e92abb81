import { describe, expect, it } from "vitest";
import type { Extraction } from "../domain/model.js";
import { extractDocument } from "../extract/extract-document.js";
import type { DocumentExtraction } from "../extract/types.js";
import { loadDocumentFromBytes } from "../ingest/load-document.js";
import { buildAliasTable } from "./alias-table.js";
import { resolveExtraction } from "./resolve-extraction.js";

function doc(text: string, name: string): DocumentExtraction {
  return extractDocument(loadDocumentFromBytes(new TextEncoder().encode(text), name), {});
}

function idsOf(x: Extraction, form: string): string[] {
  return x.entities.filter((e) => e.name === form || e.aliases.includes(form)).map((e) => e.id);
}

const A = doc("Chairman of the Federation of Trade Unions of the Republic of Belarus (FPB) Mikhail Orda met with Luc Triangle.", "a.txt");
const B = doc("The Head of the FPB said the Belarus Trade Unions Federation grows. Mikhaıl Orda informed the press, said Mikhail Orda.", "b.txt");
const C = doc("The FTURB welcomed the delegation. Mikhail Ordá thanked the hosts, noted Mikhail Ordá.", "c.txt");

describe("resolveExtraction", () => {
  it("merges word-order variants and acronyms defined in another document into one organisation", () => {
    const x = resolveExtraction([A, B]);
    const ids = new Set([...idsOf(x, "FPB"), ...idsOf(x, "Belarus Trade Unions Federation"), ...idsOf(x, "Federation of Trade Unions of the Republic of Belarus")]);
    expect([...ids]).toEqual(["org:federation-of-trade-unions-of-the-republic-of-belarus"]);
  });

  it("merges an acronym that spells the initials of a known name", () => {
    const x = resolveExtraction([A, C]);
    expect(idsOf(x, "FTURB")).toEqual(idsOf(x, "FPB"));
  });

  it("merges transliteration and typo variants of a person's name under the most used spelling", () => {
    const x = resolveExtraction([A, B, C]);
    const people = x.entities.filter((e) => e.type === "Person" && e.name !== "Luc Triangle");
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({ id: "person:mikhail-orda", name: "Mikhail Orda" });
    expect(people[0]!.aliases).toEqual(expect.arrayContaining(["Mikhaıl Orda", "Mikhail Ordá"]));
  });

  it("does not merge people whose names are only alike in the surname", () => {
    const x = resolveExtraction([doc("Ivan Petrov met with Olga Petrova, said Ivan Petrov.", "d.txt"), doc("Anna Petrov spoke, said Anna Petrov.", "e.txt")]);
    expect(x.entities.filter((e) => e.type === "Person").map((e) => e.name).sort()).toEqual(["Anna Petrov", "Ivan Petrov", "Olga Petrova"]);
  });

  it("lets the alias file name an entity and connect forms no rule can", () => {
    const aliases = buildAliasTable({
      entities: [{ name: "Federation of Trade Unions of Belarus", type: "Union", acronyms: ["FPB"], aliases: ["BTUX"], country: "Belarus" }],
      distinct: [],
    });
    const x = resolveExtraction([A, B, doc("The BTUX delegation arrived; the BTUX board met.", "f.txt")], aliases);
    const org = x.entities.find((e) => e.id === "org:federation-of-trade-unions-of-belarus")!;
    expect(org).toMatchObject({ name: "Federation of Trade Unions of Belarus", type: "Union" });
    expect(org.properties).toMatchObject({ acronym: "FPB", country: "Belarus" });
    expect(org.aliases).toEqual(expect.arrayContaining(["Belarus Trade Unions Federation", "Federation of Trade Unions of the Republic of Belarus", "BTUX"]));
  });

  it("never merges a distinct pair, whatever the rules say", () => {
    const aliases = buildAliasTable({ entities: [], distinct: [["Federation of Trade Unions of the Republic of Belarus", "Belarus Trade Unions Federation"]] });
    const x = resolveExtraction([A, B], aliases);
    expect(idsOf(x, "Belarus Trade Unions Federation")).not.toEqual(idsOf(x, "Federation of Trade Unions of the Republic of Belarus"));
  });

  it("gives the same ids, names and order whatever the order of the documents", () => {
    const one = resolveExtraction([A, B, C]);
    const two = resolveExtraction([C, B, A]);
    expect(two.entities).toEqual(one.entities);
    expect(two.relations.map((r) => [r.type, r.from, r.to])).toEqual(one.relations.map((r) => [r.type, r.from, r.to]));
  });

  it("maps every relation to resolved ids and keeps MENTIONED_IN pointing at documents", () => {
    const x = resolveExtraction([A, B, C]);
    const ids = new Set(x.entities.map((e) => e.id));
    const docs = new Set(x.documents.map((d) => d.id));
    for (const r of x.relations) {
      expect(ids.has(r.from)).toBe(true);
      expect(r.type === "MENTIONED_IN" ? docs.has(r.to) : ids.has(r.to)).toBe(true);
    }
    const met = x.relations.filter((r) => r.type === "MET_WITH");
    expect(met).toHaveLength(1);
    expect(met[0]!.properties.eventId).toMatch(/^event:/);
    expect(ids.has(String(met[0]!.properties.eventId))).toBe(true);
  });
});

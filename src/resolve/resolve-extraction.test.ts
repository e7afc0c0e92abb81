import { describe, expect, it } from "vitest";
import { extractRecorded } from "../../test/helpers/recorded-annotations.js";
import type { Entity, Extraction } from "../domain/model.js";
import type { DocumentExtraction } from "../extract/types.js";
import { buildAliasTable } from "./alias-table.js";
import { KnownEntities } from "./known-entities.js";
import { emptyResolutionWork, resolveExtraction } from "./resolve-extraction.js";

function doc(text: string, name: string): DocumentExtraction {
  return extractRecorded(text, name);
}

function idsOf(x: Extraction, form: string): string[] {
  return x.entities.filter((e) => e.name === form || e.aliases.includes(form)).map((e) => e.id);
}

const A = doc(
  "Chairman of the Federation of Trade Unions of the Republic of Belarus (FPB) Mikhail Orda met with Luc Triangle.",
  "a.txt",
);
const B = doc(
  "The Head of the FPB said the Belarus Trade Unions Federation grows. Mikhaıl Orda informed the press, said Mikhail Orda.",
  "b.txt",
);
const C = doc("The FTURB welcomed the delegation. Mikhail Ordá thanked the hosts, noted Mikhail Ordá.", "c.txt");

describe("resolveExtraction", () => {
  it("merges word-order variants and acronyms defined in another document into one organisation", () => {
    const x = resolveExtraction([A, B]);
    const ids = new Set([
      ...idsOf(x, "FPB"),
      ...idsOf(x, "Belarus Trade Unions Federation"),
      ...idsOf(x, "Federation of Trade Unions of the Republic of Belarus"),
    ]);
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
    const x = resolveExtraction([
      doc("Ivan Petrov met with Olga Petrova, said Ivan Petrov.", "d.txt"),
      doc("Anna Petrov spoke, said Anna Petrov.", "e.txt"),
    ]);
    expect(
      x.entities
        .filter((e) => e.type === "Person")
        .map((e) => e.name)
        .sort(),
    ).toEqual(["Anna Petrov", "Ivan Petrov", "Olga Petrova"]);
  });

  it("lets the alias file name an entity and connect forms no rule can", () => {
    const aliases = buildAliasTable({
      entities: [
        {
          name: "Federation of Trade Unions of Belarus",
          type: "Union",
          acronyms: ["FPB"],
          aliases: ["BTUX"],
          country: "Belarus",
        },
      ],
      distinct: [],
    });
    const x = resolveExtraction([A, B, doc("The BTUX delegation arrived; the BTUX board met.", "f.txt")], aliases);
    const org = x.entities.find((e) => e.id === "org:federation-of-trade-unions-of-belarus")!;
    expect(org).toMatchObject({ name: "Federation of Trade Unions of Belarus", type: "Union" });
    expect(org.properties).toMatchObject({ acronym: "FPB", country: "Belarus" });
    expect(org.aliases).toEqual(
      expect.arrayContaining([
        "Belarus Trade Unions Federation",
        "Federation of Trade Unions of the Republic of Belarus",
        "BTUX",
      ]),
    );
  });

  it("never merges a distinct pair, whatever the rules say", () => {
    const aliases = buildAliasTable({
      entities: [],
      distinct: [["Federation of Trade Unions of the Republic of Belarus", "Belarus Trade Unions Federation"]],
    });
    const x = resolveExtraction([A, B], aliases);
    expect(idsOf(x, "Belarus Trade Unions Federation")).not.toEqual(
      idsOf(x, "Federation of Trade Unions of the Republic of Belarus"),
    );
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
    const events = met[0]!.properties.events as string[];
    expect(events).toHaveLength(1);
    expect(events[0]).toMatch(/^event:/);
    expect(ids.has(events[0]!)).toBe(true);
    expect(met[0]!.properties.count).toBe(1);
  });
});

describe("resolveExtraction against known entities", () => {
  const knownFrom = (x: Extraction) => {
    const known = new KnownEntities();
    for (const e of x.entities) {
      if (e.type === "Event") continue;
      const acronym = e.properties.acronym;
      known.upsert({
        id: e.id,
        type: e.type,
        name: e.name,
        aliases: e.aliases,
        ...(typeof acronym === "string" ? { acronym } : {}),
      });
    }
    return known;
  };

  it("recognises an organisation stored earlier by its acronym or a word-order variant, and keeps its id", () => {
    const first = resolveExtraction([A]);
    const stored = idsOf(first, "FPB");
    expect(stored).toEqual(["org:federation-of-trade-unions-of-the-republic-of-belarus"]);
    const second = resolveExtraction([B], undefined, knownFrom(first));
    expect(idsOf(second, "FPB")).toEqual(stored);
    expect(idsOf(second, "Belarus Trade Unions Federation")).toEqual(stored);
    expect(second.entities.find((e) => e.id === stored[0])!.name).toBe(
      "Federation of Trade Unions of the Republic of Belarus",
    );
  });

  it("recognises a person stored earlier under another transliteration", () => {
    const first = resolveExtraction([A]);
    const second = resolveExtraction([C], undefined, knownFrom(first));
    expect(idsOf(second, "Mikhail Ordá")).toEqual(["person:mikhail-orda"]);
  });

  it("gives documents resolved chunk by chunk the ids they get in one run", () => {
    const whole = resolveExtraction([A, B, C]);
    const known = knownFrom(resolveExtraction([A]));
    const chunks = [resolveExtraction([B], undefined, known), resolveExtraction([C], undefined, known)];
    for (const form of ["FPB", "FTURB", "Belarus Trade Unions Federation", "Mikhail Ordá", "Mikhaıl Orda"]) {
      expect(chunks.flatMap((x) => idsOf(x, form)).filter((id, i, all) => all.indexOf(id) === i)).toEqual(
        idsOf(whole, form),
      );
    }
  });

  it("never gives a new entity the id of a stored one it is not", () => {
    const known = new KnownEntities([{ id: "person:anna-petrov", type: "Person", name: "Zoe Quill", aliases: [] }]);
    const x = resolveExtraction([doc("Anna Petrov spoke, said Anna Petrov.", "e.txt")], undefined, known);
    const anna = x.entities.find((e) => e.name === "Anna Petrov")!;
    expect(anna.id).not.toBe("person:anna-petrov");
    expect(anna.id).toMatch(/^person:anna-petrov-/);
  });

  it("keeps two stored entities apart even when a document's names fit both", () => {
    const known = new KnownEntities([
      { id: "org:one", type: "Union", name: "Federation of Trade Unions of the Republic of Belarus", aliases: [] },
      { id: "org:two", type: "Union", name: "Belarus Trade Unions Federation", aliases: [] },
    ]);
    const x = resolveExtraction([A, B], undefined, known);
    expect(x.entities.filter((e) => e.id === "org:one" || e.id === "org:two").length).toBeGreaterThan(0);
    expect(new Set(x.entities.map((e) => e.id)).size).toBe(x.entities.length);
  });

  it("lets the alias file win over a stored name, keeping the stored id", () => {
    const first = resolveExtraction([A]);
    const aliases = buildAliasTable({
      entities: [
        {
          name: "Federation of Trade Unions of Belarus",
          type: "Union",
          acronyms: ["FPB"],
          aliases: [],
          country: "Belarus",
        },
      ],
      distinct: [],
    });
    const second = resolveExtraction([B], aliases, knownFrom(first));
    const org = second.entities.find((e) => e.id === "org:federation-of-trade-unions-of-the-republic-of-belarus")!;
    expect(org.name).toBe("Federation of Trade Unions of Belarus");
    expect(org.aliases).toContain("Federation of Trade Unions of the Republic of Belarus");
  });
});

/** A synthetic corpus whose distinct names grow with it: one federation all documents mention, plus pools. */
function syntheticCorpus(size: number): DocumentExtraction[] {
  let seed = 7;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const word = (length: number) =>
    Array.from({ length }, () => "bcdfgklmnprstvz"[Math.floor(next() * 15)]! + "aeiou"[Math.floor(next() * 5)]!).join(
      "",
    );
  const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  const people = Array.from({ length: Math.ceil(size / 2) }, () => `${capital(word(3))} ${capital(word(4))}`);
  const places = Array.from({ length: Math.ceil(size / 4) }, () => capital(word(4)));
  const docs: DocumentExtraction[] = [];
  for (let i = 0; i < size; i++) {
    const id = `d${String(i).padStart(6, "0")}`;
    const entities: Entity[] = [];
    const details: DocumentExtraction["details"] = {};
    const add = (key: string, type: Entity["type"], name: string, acronyms: string[] = [], isAcronymOnly = false) => {
      entities.push({ id: key, type, name, aliases: [...acronyms], properties: {} });
      details[key] = { acronyms, mentions: 1, isAcronymOnly };
    };
    add("o1", "Confederation", "International Federation of Metal Workers", ["IFMW"]);
    add("o2", "Union", `${places[Math.floor(next() * places.length)]!} Miners Trade Union`);
    add("o3", "Organization", "IFMW", [], true);
    for (let p = 0; p < 3; p++) add(`p${p}`, "Person", people[Math.floor(next() * people.length)]!);
    docs.push({
      document: { id, path: `${id}.txt` },
      documents: [{ id, path: `${id}.txt` }],
      entities,
      details,
      relations: [],
      diagnostics: [],
    });
  }
  return docs;
}

describe("resolveExtraction scaling", () => {
  it("does near-linear work: four times the documents cost less than six times the comparisons and copies", () => {
    const workOf = (size: number) => {
      const work = emptyResolutionWork();
      resolveExtraction(syntheticCorpus(size), undefined, undefined, work);
      return work;
    };
    const small = workOf(500);
    const large = workOf(2000);
    for (const step of ["nameComparisons", "formsCopied", "acronymCandidates"] as const) {
      expect(small[step], step).toBeGreaterThan(0);
      expect(large[step] / small[step], step).toBeLessThan(6);
    }
  });
});

import { describe, expect, it } from "vitest";
import { extractRecorded } from "../../test/helpers/recorded-annotations.js";
import type { AliasFile } from "../domain/aliases.js";
import { referenceEntrySchema, type ReferenceEntry } from "../domain/reference.js";
import type { DocumentExtraction } from "../extract/types.js";
import {
  buildResolutionTable,
  organisationNodeId,
  referenceNodes,
  referenceOrganisationNames,
  referenceStats,
} from "./reference-table.js";
import { resolveExtraction } from "./resolve-extraction.js";

const entry = (raw: Record<string, unknown>): ReferenceEntry =>
  referenceEntrySchema.parse({ source: `https://example.org/${String(raw.id)}`, ...raw });

const REFERENCE: ReferenceEntry[] = [
  entry({
    id: "ituc",
    name: "International Trade Union Confederation",
    type: "Confederation",
    acronyms: ["ITUC"],
    aliases: ["Confédération syndicale internationale"],
    country: "Belgium",
  }),
  entry({
    id: "gctu",
    name: "General Confederation of Trade Unions",
    type: "Confederation",
    acronyms: ["GCTU", "VKP"],
    aliases: ["Всеобщая Конфедерация Профсоюзов"],
    country: "Russia",
  }),
  entry({
    id: "zctu-zambia",
    name: "Zambia Congress of Trade Unions",
    type: "Union",
    acronyms: ["ZCTU"],
    country: "Zambia",
    memberOf: [{ id: "ituc", source: "https://example.org/list" }],
  }),
  entry({
    id: "zctu-zimbabwe",
    name: "Zimbabwe Congress of Trade Unions",
    type: "Union",
    acronyms: ["ZCTU"],
    country: "Zimbabwe",
  }),
  entry({ id: "industriall", name: "IndustriALL Global Union", type: "Confederation", aliases: ["IndustriALL"] }),
];

const CURATED: Partial<AliasFile> = {
  entities: [
    { name: "IndustriALL Global Union (curated)", type: "Confederation", acronyms: [], aliases: ["IndustriALL"] },
  ],
};

function doc(text: string, name: string): DocumentExtraction {
  return extractRecorded(text, name);
}

function entityNamed(docs: DocumentExtraction[], form: string, aliases: Partial<AliasFile> = {}) {
  const x = resolveExtraction(docs, buildResolutionTable(aliases, REFERENCE));
  return x.entities.filter((e) => e.name === form || e.aliases.includes(form));
}

describe("reference data in resolution", () => {
  it("resolves a garbled name defined with the body's acronym to the reference organisation", () => {
    const found = entityNamed(
      [
        doc(
          "Luc Triangle, General Secretary of the International Confederation of Trade Unions (ITUC), spoke.",
          "a.txt",
        ),
      ],
      "International Confederation of Trade Unions",
    );
    expect(found.map((e) => [e.id, e.name, e.properties.country])).toEqual([
      ["org:international-trade-union-confederation", "International Trade Union Confederation", "Belgium"],
    ]);
  });

  it("resolves a word-order variant and the bare acronym to the same reference node", () => {
    const docs = [
      doc("The Chairman of the Confederation of General Trade Unions Mikhail Shmakov spoke.", "b.txt"),
      doc("The GCTU welcomed the delegation, said Mikhail Shmakov.", "c.txt"),
    ];
    const ids = new Set(
      ["Confederation of General Trade Unions", "GCTU"].flatMap((f) => entityNamed(docs, f).map((e) => e.id)),
    );
    expect([...ids]).toEqual([organisationNodeId("General Confederation of Trade Unions")]);
  });

  it("leaves an acronym two reference bodies share to the other rules instead of picking one", () => {
    const found = entityNamed([doc("The ZCTU called a general strike.", "d.txt")], "ZCTU");
    expect(found).toHaveLength(1);
    expect(found.map((e) => e.id)).not.toContain("org:zambia-congress-of-trade-unions");
    expect(found.map((e) => e.id)).not.toContain("org:zimbabwe-congress-of-trade-unions");
  });

  it("lets the curated alias file win: its name is the node's name and the reference adds its forms", () => {
    const table = buildResolutionTable(CURATED, REFERENCE);
    expect(table.entries[0]).toMatchObject({ name: "IndustriALL Global Union (curated)" });
    expect(table.entries[0]!.aliases).toContain("IndustriALL Global Union");
    expect(table.entries.filter((e) => e.name.startsWith("IndustriALL"))).toHaveLength(1);
    const node = referenceNodes(REFERENCE, CURATED).find((n) => n.entry.id === "industriall")!;
    expect(node).toMatchObject({
      id: "org:industriall-global-union-curated",
      name: "IndustriALL Global Union (curated)",
    });
  });
});

describe("referenceOrganisationNames", () => {
  it("lists every name, alias and acronym with its type and node id, once per form and node", () => {
    const names = referenceOrganisationNames(REFERENCE);
    expect(names).toContainEqual({
      form: "ITUC",
      type: "Confederation",
      id: "org:international-trade-union-confederation",
    });
    expect(names).toContainEqual({
      form: "Всеобщая Конфедерация Профсоюзов",
      type: "Confederation",
      id: "org:general-confederation-of-trade-unions",
    });
    expect(names.filter((n) => n.form === "ZCTU").map((n) => n.id)).toEqual([
      "org:zambia-congress-of-trade-unions",
      "org:zimbabwe-congress-of-trade-unions",
    ]);
    expect(new Set(names.map((n) => `${n.form}|${n.id}`)).size).toBe(names.length);
  });
});

describe("referenceStats", () => {
  it("counts organisations, countries, sources and affiliations", () => {
    expect(referenceStats(REFERENCE)).toEqual({ organisations: 5, withCountry: 4, withSource: 5, memberships: 1 });
  });
});

import { describe, expect, it } from "vitest";
import { clusterWith, documentOf, resolutionOf } from "../../test/helpers/resolution-fixtures.js";
import { unitePeople } from "./stage-people.js";

const person = (doc: string, name: string, mentions = 1) =>
  documentOf(doc, [{ id: "p", type: "Person", name, mentions }]);

describe("unitePeople", () => {
  it("unites transliteration and typo variants of one person", () => {
    const r = resolutionOf([
      person("d1", "Mikhail Orda", 3),
      person("d2", "Mikhaıl Orda"),
      person("d3", "Mikhail Ordá"),
    ]);
    unitePeople(r);
    expect(clusterWith(r, "d1#p")).toEqual(["d1#p", "d2#p", "d3#p"]);
    expect(r.work.nameComparisons).toBeGreaterThan(0);
  });

  it("keeps apart a name that fits two people, and says so", () => {
    const r = resolutionOf([
      person("d1", "Anna Petrov", 2),
      person("d2", "Alexei Petrov", 2),
      person("d3", "A. Petrov"),
    ]);
    unitePeople(r);
    expect(clusterWith(r, "d3#p")).toEqual(["d3#p"]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["AMBIGUOUS_PERSON"]);
  });

  it("joins the alias entry that names a person exactly, and a stored person the name fits", () => {
    const r = resolutionOf(
      [person("d1", "Luc Triangle"), person("d2", "Satibaldi Dauletalin")],
      { entities: [{ name: "Luc Triangle", type: "Person", acronyms: [], aliases: [] }] },
      [{ id: "person:sd", type: "Person", name: "Satybaldy Dauletalin", aliases: [] }],
    );
    unitePeople(r);
    expect(clusterWith(r, "d1#p")).toEqual(["d1#p", "~alias#00000"]);
    expect(clusterWith(r, "d2#p")).toEqual(["d2#p", "~known#person:sd"]);
  });
});

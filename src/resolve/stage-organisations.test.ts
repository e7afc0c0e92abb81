import { describe, expect, it } from "vitest";
import { clusterWith, documentOf, resolutionOf } from "../../test/helpers/resolution-fixtures.js";
import { OrganisationForms, uniteOrganisations } from "./stage-organisations.js";

const BELARUS = "Federation of Trade Unions of Belarus";

describe("uniteOrganisations", () => {
  it("unites word-order variants of a specific name across documents, not generic short forms", () => {
    const r = resolutionOf([
      documentOf("d1", [{ id: "o", type: "Union", name: BELARUS }]),
      documentOf("d2", [{ id: "o", type: "Union", name: "Belarus Trade Unions Federation" }]),
      documentOf("d3", [{ id: "o", type: "Union", name: "the Federation of Trade Unions" }]),
      documentOf("d4", [{ id: "o", type: "Union", name: "the Federation of Trade Unions" }]),
    ]);
    uniteOrganisations(r, new OrganisationForms());
    expect(clusterWith(r, "d1#o")).toEqual(["d1#o", "d2#o"]);
    expect(clusterWith(r, "d3#o")).toEqual(["d3#o"]);
  });

  it("joins the alias entry that names it and the stored organisation that holds its key", () => {
    const r = resolutionOf(
      [documentOf("d1", [{ id: "o", type: "Union", name: "Belarus Trade Unions Federation" }])],
      { entities: [{ name: BELARUS, type: "Union", acronyms: ["FPB"], aliases: [] }] },
      [{ id: "org:fpb", type: "Union", name: BELARUS, aliases: [] }],
    );
    uniteOrganisations(r, new OrganisationForms());
    expect(clusterWith(r, "d1#o")).toEqual(["d1#o", "~alias#00000", "~known#org:fpb"]);
  });

  it("leaves acronym-only mentions to the acronym stage", () => {
    const r = resolutionOf([
      documentOf("d1", [{ id: "o", type: "Union", name: BELARUS, acronyms: ["FPB"] }]),
      documentOf("d2", [{ id: "o", type: "Union", name: "FPB", isAcronymOnly: true }]),
    ]);
    uniteOrganisations(r, new OrganisationForms());
    expect(clusterWith(r, "d2#o")).toEqual(["d2#o"]);
  });
});

import { describe, expect, it } from "vitest";
import { clusterWith, documentOf, resolutionOf } from "../../test/helpers/resolution-fixtures.js";
import type { Resolution } from "./resolution.js";
import { uniteAcronyms } from "./stage-acronyms.js";
import { OrganisationForms, uniteOrganisations } from "./stage-organisations.js";

const BELARUS = "Federation of Trade Unions of Belarus";

function unite(r: Resolution): Resolution {
  const forms = new OrganisationForms();
  uniteOrganisations(r, forms);
  uniteAcronyms(r, forms);
  return r;
}

const acronymOnly = (doc: string, acronym: string) =>
  documentOf(doc, [{ id: "a", type: "Organization", name: acronym, isAcronymOnly: true }]);

describe("uniteAcronyms", () => {
  it("joins an acronym another document defined, or the initials of a full name", () => {
    const r = unite(
      resolutionOf([
        documentOf("d1", [{ id: "o", type: "Union", name: BELARUS, acronyms: ["FPB"] }]),
        acronymOnly("d2", "FPB"),
        acronymOnly("d3", "FTUB"),
      ]),
    );
    expect(clusterWith(r, "d1#o")).toEqual(["d1#o", "d2#a", "d3#a"]);
    expect(r.work.acronymCandidates).toBeGreaterThan(0);
  });

  it("follows the alias file first", () => {
    const r = unite(
      resolutionOf(
        [documentOf("d1", [{ id: "o", type: "Union", name: BELARUS, acronyms: ["FPB"] }]), acronymOnly("d2", "FPB")],
        {
          entities: [{ name: "Federation of Belarusian Pensioners", type: "Union", acronyms: ["FPB"], aliases: [] }],
        },
      ),
    );
    expect(clusterWith(r, "d2#a")).toEqual(["d2#a", "~alias#00000"]);
  });

  it("keeps an acronym of two organisations apart, reports it, and unites its bare mentions", () => {
    const r = unite(
      resolutionOf([
        documentOf("d1", [{ id: "o", type: "Union", name: "Zambia Congress of Trade Unions", acronyms: ["ZCTU"] }]),
        documentOf("d2", [{ id: "o", type: "Union", name: "Zimbabwe Congress of Trade Unions", acronyms: ["ZCTU"] }]),
        acronymOnly("d3", "ZCTU"),
        acronymOnly("d4", "ZCTU"),
      ]),
    );
    expect(clusterWith(r, "d3#a")).toEqual(["d3#a", "d4#a"]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["AMBIGUOUS_ACRONYM", "AMBIGUOUS_ACRONYM"]);
  });
});

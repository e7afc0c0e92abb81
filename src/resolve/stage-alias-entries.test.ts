import { describe, expect, it } from "vitest";
import { clusterWith, resolutionOf } from "../../test/helpers/resolution-fixtures.js";
import { uniteAliasEntriesWithStored } from "./stage-alias-entries.js";

describe("uniteAliasEntriesWithStored", () => {
  it("joins each alias entry to the stored entity of its family one of its forms names", () => {
    const r = resolutionOf(
      [],
      {
        entities: [
          { name: "Kazakhstan Trade Unions Federation", type: "Union", acronyms: ["FPRK"], aliases: [] },
          { name: "Satybaldy Dauletalin", type: "Person", acronyms: [], aliases: ["Satibaldi Dauletalin"] },
          { name: "Nobody Stored", type: "Person", acronyms: [], aliases: [] },
        ],
      },
      [
        {
          id: "org:fprk",
          type: "Union",
          name: "Federation of Trade Unions of the Republic of Kazakhstan",
          aliases: ["FPRK"],
          acronym: "FPRK",
        },
        { id: "person:sd", type: "Person", name: "Satibaldi Dauletalin", aliases: [] },
        { id: "country:kz", type: "Country", name: "Satybaldy Dauletalin", aliases: [] },
      ],
    );
    uniteAliasEntriesWithStored(r);
    expect(clusterWith(r, "~alias#00000")).toEqual(["~alias#00000", "~known#org:fprk"]);
    expect(clusterWith(r, "~alias#00001")).toEqual(["~alias#00001", "~known#person:sd"]);
    expect(clusterWith(r, "~alias#00002")).toEqual(["~alias#00002"]);
  });
});

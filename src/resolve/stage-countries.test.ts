import { describe, expect, it } from "vitest";
import { clusterWith, documentOf, resolutionOf } from "../../test/helpers/resolution-fixtures.js";
import { uniteCountries } from "./stage-countries.js";

const country = (doc: string, name: string) => documentOf(doc, [{ id: "c", type: "Country", name }]);

describe("uniteCountries", () => {
  it("makes one country of each name, the stored one first", () => {
    const r = resolutionOf(
      [country("d1", "Kazakhstan"), country("d2", "Kazakhstan"), country("d3", "Belarus"), country("d4", "Belarus")],
      {},
      [{ id: "country:kz", type: "Country", name: "Kazakhstan", aliases: [] }],
    );
    uniteCountries(r);
    expect(clusterWith(r, "d1#c")).toEqual(["d1#c", "d2#c", "~known#country:kz"]);
    expect(clusterWith(r, "d3#c")).toEqual(["d3#c", "d4#c"]);
  });
});

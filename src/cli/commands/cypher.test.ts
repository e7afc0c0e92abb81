import { describe, expect, it } from "vitest";
import { InputError } from "../../domain/errors.js";
import { formatCounters, parseParam } from "./cypher.js";

describe("parseParam", () => {
  it("reads JSON values and falls back to strings", () => {
    expect(parseParam("limit=5")).toEqual({ limit: 5 });
    expect(parseParam('names=["a","b"]')).toEqual({ names: ["a", "b"] });
    expect(parseParam("name=Satybaldy Dauletalin")).toEqual({ name: "Satybaldy Dauletalin" });
    expect(parseParam("eq=a=b")).toEqual({ eq: "a=b" });
  });

  it("accumulates repeated parameters", () => {
    expect(parseParam("b=2", { a: 1 })).toEqual({ a: 1, b: 2 });
  });

  it("refuses a parameter without a valid name", () => {
    expect(() => parseParam("=5")).toThrowError(InputError);
    expect(() => parseParam("1x=5")).toThrowError(/name=value/);
  });
});

describe("formatCounters", () => {
  it("names each non-zero counter, singular or plural", () => {
    expect(formatCounters({ nodesCreated: 2, propertiesSet: 1, labelsAdded: 2 })).toBe(
      "changes: 2 nodes created, 1 property set, 2 labels added",
    );
    expect(formatCounters({ relationshipsDeleted: 1, constraintsAdded: 3 })).toBe(
      "changes: 1 relationship deleted, 3 constraints added",
    );
    expect(formatCounters({})).toBe("changes: none");
  });
});

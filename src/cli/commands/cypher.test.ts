import { describe, expect, it } from "vitest";
import { InputError } from "../../domain/errors.js";
import { parseParam } from "./cypher.js";

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

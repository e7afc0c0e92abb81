import { describe, expect, it } from "vitest";
import { editDistance } from "../text/edit-distance.js";
import { deletionVariants, SurnameIndex } from "./surname-index.js";

describe("SurnameIndex", () => {
  it("finds every surname within two edits, and not those further away", () => {
    const surnames = [
      "dauletalin",
      "dauletalyn",
      "dautelalin",
      "dauletali",
      "dauletalinov",
      "orda",
      "ordanov",
      "petrov",
    ];
    const index = new SurnameIndex<string>();
    for (const s of surnames) index.add(s, s);
    const found = index.candidates("dauletalin");
    for (const s of surnames) if (editDistance(s, "dauletalin") <= 2) expect(found.has(s), s).toBe(true);
    expect(found.has("orda")).toBe(false);
    expect(found.has("petrov")).toBe(false);
  });

  it("takes an item out under every surname it was listed under", () => {
    const index = new SurnameIndex<string>();
    index.add("orda", "p1");
    index.add("ordah", "p1");
    index.remove("p1");
    expect(index.candidates("orda").size).toBe(0);
  });

  it("lists a word with up to two letters left out", () => {
    expect(deletionVariants("abc").sort()).toEqual(["a", "ab", "abc", "ac", "b", "bc", "c"]);
  });
});

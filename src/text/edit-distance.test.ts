import { describe, expect, it } from "vitest";
import { editDistance, typoBudget } from "./edit-distance.js";

describe("editDistance", () => {
  it("counts insertions, deletions and substitutions", () => {
    expect(editDistance("dauletalin", "daulealin")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("abc", "abc")).toBe(0);
  });

  it("stops at the bound", () => {
    expect(editDistance("abc", "xyzxyz", 2)).toBe(3);
    expect(editDistance("dauletalin", "mokhbaliev", 1)).toBe(2);
  });
});

describe("typoBudget", () => {
  it("allows no typo in short words, one up to six letters, two beyond", () => {
    expect([typoBudget("ftu"), typoBudget("petrov"), typoBudget("dauletalin")]).toEqual([0, 1, 2]);
  });
});

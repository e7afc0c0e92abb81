import { describe, expect, it } from "vitest";
import { foldHomoglyphs } from "./homoglyphs.js";

describe("foldHomoglyphs", () => {
  it("replaces look-alikes next to a Latin letter and leaves Cyrillic words alone", () => {
    expect(foldHomoglyphs("Sаtybаldy")).toBe("Satybaldy");
    expect(foldHomoglyphs("ТUC")).toBe("TUC");
    expect(foldHomoglyphs("Сергей Иванов")).toBe("Сергей Иванов");
  });
});

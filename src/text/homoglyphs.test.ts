import { describe, expect, it } from "vitest";
import { foldHomoglyphs } from "./homoglyphs.js";

describe("foldHomoglyphs", () => {
  it("replaces look-alikes next to a Latin letter and leaves Cyrillic words alone", () => {
    expect(foldHomoglyphs("Sаtybаldy")).toBe("Satybaldy");
    expect(foldHomoglyphs("ТUC")).toBe("TUC");
    expect(foldHomoglyphs("Сергей Иванов")).toBe("Сергей Иванов");
  });
});

describe("look-alikes between accented letters", () => {
  it("folds a look-alike whose Latin neighbours carry accents, composed or decomposed", () => {
    expect(foldHomoglyphs("Zhuli\u00f1\u043e\u00fa")).toBe("Zhuli\u00f1o\u00fa");
    expect(foldHomoglyphs("Zhulin\u0303\u043eu\u0301")).toBe("Zhulin\u0303ou\u0301");
  });
});

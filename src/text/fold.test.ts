import { describe, expect, it } from "vitest";
import { foldLetters, foldName, foldText, nameTokens, shortHash, slugify } from "./fold.js";

describe("foldLetters (layer 1)", () => {
  it("removes accents and writes undecomposed letters in ASCII, keeping case", () => {
    expect(foldLetters("Satybaldı Özkan Łódź")).toBe("Satybaldi Ozkan Lodz");
    expect(foldLetters("Məmmədov Əliyev")).toBe("Memmedov Eliyev");
    expect(foldLetters("Søren Þórsson Guðmundsdóttir Straße Œuvre Ħamrun")).toBe(
      "Soren Thorsson Gudmundsdottir Strasse OEuvre Hamrun",
    );
  });

  it("makes look-alike Cyrillic letters inside Latin words Latin and drops invisible characters", () => {
    expect(foldLetters("Dauletаlin")).toBe("Dauletalin"); // Cyrillic а
    expect(foldLetters("Dau\u200Bletalin")).toBe("Dauletalin");
    expect(foldLetters("Иван Петров")).toBe("Иван Петров"); // a Cyrillic name stays Cyrillic
  });
});

describe("foldText (layer 2) and foldName (layer 3)", () => {
  it("lower-cases and unifies apostrophes", () => {
    expect(foldText("O’Brien İNAN")).toBe("o'brien inan");
  });

  it("turns punctuation and spaces into single spaces", () => {
    expect(foldName("  Kemal ÖZKAN ")).toBe("kemal ozkan");
    expect(foldName("R. Saito")).toBe("r saito");
    expect(foldName("MƏMMƏDOV,  Sahib")).toBe("memmedov sahib");
    expect(nameTokens("Satybaldy  Dauletalin")).toEqual(["satybaldy", "dauletalin"]);
    expect(nameTokens(" -- ")).toEqual([]);
  });

  it("extends the layer before: names equal at one layer are equal at the next", () => {
    for (const [a, b] of [
      ["Məmmədov", "Memmedov"],
      ["Satybaldı", "Satybaldi"],
    ] as const) {
      expect(foldLetters(a)).toBe(foldLetters(b));
      expect(foldText(a)).toBe(foldText(b));
      expect(foldName(a)).toBe(foldName(b));
    }
  });
});

describe("slugify and shortHash", () => {
  it("makes id-safe slugs and stable hashes", () => {
    expect(slugify("Kemal Özkan")).toBe("kemal-ozkan");
    expect(slugify("Məmmədov's union")).toBe("memmedovs-union");
    expect(slugify("«»")).toBe("x");
    expect(shortHash("abc")).toBe(shortHash("abc"));
    expect(shortHash("abc")).toMatch(/^[0-9a-f]{8}$/);
  });
});

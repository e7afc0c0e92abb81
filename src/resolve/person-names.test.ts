import { describe, expect, it } from "vitest";
import { isSamePersonName } from "./person-names.js";

describe("isSamePersonName", () => {
  it("reads the Serbo-Croatian Đ and its plain Latin Dj as one letter", () => {
    expect(isSamePersonName("Đorđe Marković", "Djordje Markovic")).toBe(true);
    expect(isSamePersonName("Đorđe Marković", "Dorde Markovec")).toBe(false);
  });

  it("accepts transliteration and typo variants", () => {
    for (const variant of [
      "Satybaldı Dauletalin",
      "Satibaldi Dauletalin",
      "Satybalda Dauletalin",
      "Satybaldy Daulealin",
      "S. Dauletalin",
      "Dauletalin",
    ]) {
      expect(isSamePersonName("Satybaldy Dauletalin", variant), variant).toBe(true);
    }
    for (const variant of ["Sattar Mokhbaliev", "Sattar Mehbaliyev", "Sattar Möhbäliyev"]) {
      expect(isSamePersonName("Sattar Mohbaliyev", variant), variant).toBe(true);
    }
  });

  it("rejects different first names and distant surnames", () => {
    expect(isSamePersonName("Satybaldy Dauletalin", "Kudratulla Dauletalin")).toBe(false);
    expect(isSamePersonName("Luca Visentini", "Luca Valentini")).toBe(false);
    expect(isSamePersonName("Ryo Saito", "Ryo Sato")).toBe(false);
  });
});

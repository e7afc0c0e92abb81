import { describe, expect, it } from "vitest";
import { foldNameWord, transliterationKey } from "./transliterate.js";

describe("foldNameWord", () => {
  it("unifies transliteration variants of one word", () => {
    expect(foldNameWord("Zhukov")).toBe(foldNameWord("Jukov"));
    expect(foldNameWord("Mokhbaliyev")).toBe(foldNameWord("Mohbaliev"));
    expect(foldNameWord("Tschernow")).toBe(foldNameWord("Chernov"));
    expect(foldNameWord("Đorđe")).toBe(foldNameWord("Djordje"));
    expect(foldNameWord("Məmmədov")).toBe(foldNameWord("Memmedov"));
    expect(foldNameWord("Yoshino")).not.toBe(foldNameWord("Yoshida"));
  });

  it("keeps Latin letters only", () => {
    expect(foldNameWord("O'Brien")).toBe("obrien");
    expect(foldNameWord("Иван")).toBe("");
  });
});

describe("transliterationKey", () => {
  it("is the word keys of the folded name", () => {
    expect(transliterationKey("Satibaldi Dauletalin")).toBe(transliterationKey("SATYBALDY  DAULETALİN"));
    expect(transliterationKey("Zhanna Zhukova")).toBe("jana jukova");
    expect(transliterationKey("Đorđe Marković")).toBe(transliterationKey("Djordje Markovic"));
    expect(transliterationKey("Иван Петров")).toBe("иван петров");
    expect(transliterationKey("--")).toBe("");
  });
});

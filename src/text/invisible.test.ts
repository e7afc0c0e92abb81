import { describe, expect, it } from "vitest";
import { removeInvisible } from "./invisible.js";

describe("removeInvisible", () => {
  it("removes bidi controls, zero-width characters and soft hyphens, and nothing else", () => {
    expect(removeInvisible("Satybaldy Dau\u202Eletalin")).toBe("Satybaldy Dauletalin");
    expect(removeInvisible("\u200BSaty\u200Cbaldy\u200D Dau\u2060letalin\uFEFF")).toBe("Satybaldy Dauletalin");
    expect(removeInvisible("\u2066Kemal\u2069 \u200EÖzkan\u200F Dau\u00ADletalin")).toBe("Kemal Özkan Dauletalin");
    const visible = "Satybaldı Dauletalın — «ФПРК», 東京, مرحبا, 12 May 2024\n\ttab";
    expect(removeInvisible(visible)).toBe(visible);
  });
});

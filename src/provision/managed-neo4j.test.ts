import { describe, expect, it } from "vitest";
import { generatePassword } from "./managed-neo4j.js";

describe("generatePassword", () => {
  it("gives 48 hex characters that the admin tool cannot mistake for an option", () => {
    const passwords = Array.from({ length: 500 }, generatePassword);
    for (const password of passwords) expect(password).toMatch(/^[0-9a-f]{48}$/);
    expect(new Set(passwords).size).toBe(passwords.length);
  });
});

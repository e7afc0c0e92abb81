import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config/config.js";

describe(".ci/run", () => {
  it("stops at the first failing command and runs typecheck, lint and format:check before the tests", () => {
    const script = readFileSync(path.join(PROJECT_ROOT, ".ci", "run"), "utf8");
    expect(script).toMatch(/^set -euo pipefail$/m);
    const lines = script.split("\n").map((l) => l.trim());
    const at = (command: string) => lines.indexOf(command);
    const gates = ["npm run typecheck", "npm run lint", "npm run format:check"].map(at);
    expect(gates.every((i) => i > at("npm ci --no-audit --no-fund"))).toBe(true);
    expect(gates.every((i) => i >= 0 && i < at("npm test"))).toBe(true);
  });
});

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../domain/errors.js";
import { readMigrations, splitStatements } from "./migrate.js";

describe("splitStatements", () => {
  it("splits on semicolons at the end of a line and drops comment lines", () => {
    const text =
      "// a comment\nCREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x);\nCREATE INDEX b IF NOT EXISTS\nFOR (n:B) ON (n.y);\n";
    expect(splitStatements(text)).toEqual([
      "CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x)",
      "CREATE INDEX b IF NOT EXISTS\nFOR (n:B) ON (n.y)",
    ]);
  });

  it("keeps a semicolon inside a line", () => {
    expect(splitStatements("RETURN 'a;b' AS x;\n")).toEqual(["RETURN 'a;b' AS x"]);
  });
});

describe("readMigrations", () => {
  it("orders files by version and records a checksum", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mig-"));
    writeFileSync(path.join(dir, "V010__Later.cypher"), "RETURN 2;\n");
    writeFileSync(path.join(dir, "V002__Earlier_one.cypher"), "RETURN 1;\n");
    const migrations = readMigrations(dir);
    expect(migrations.map((m) => m.version)).toEqual([2, 10]);
    expect(migrations[0]?.description).toBe("Earlier one");
    expect(migrations[0]?.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses a badly named file, naming it", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mig-"));
    writeFileSync(path.join(dir, "create-things.cypher"), "RETURN 1;\n");
    expect(() => readMigrations(dir)).toThrowError(InputError);
    expect(() => readMigrations(dir)).toThrowError(/create-things\.cypher/);
  });

  it("reads the project's own migrations, all DDL written with IF NOT EXISTS, DDL and data in separate files", () => {
    for (const migration of readMigrations()) {
      const ddl = migration.statements.filter((s) => /^(CREATE|DROP) (CONSTRAINT|INDEX|FULLTEXT|TEXT|RANGE)/.test(s));
      for (const statement of ddl) expect(statement).toMatch(/IF NOT EXISTS/);
      // a file is all schema or all data
      expect([0, migration.statements.length]).toContain(ddl.length);
    }
    expect(readMigrations().some((m) => m.statements.some((s) => s.startsWith("MATCH")))).toBe(true);
  });
});

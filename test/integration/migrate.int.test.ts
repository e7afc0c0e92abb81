import { afterAll, describe, expect, it } from "vitest";
import { DatabaseError } from "../../src/domain/errors.js";
import { migrate, readMigrations } from "../../src/graph/migrate.js";
import { TestHelper } from "../helpers/test-helper.js";

describe("migrate", () => {
  const helper = new TestHelper();
  afterAll(() => helper.close());

  it("applies every migration once and is a no-op the second time", async () => {
    const files = readMigrations().map((m) => m.file);
    const first = await migrate(helper.driver, { database: helper.settings.database });
    expect([...first.applied, ...first.alreadyApplied].sort()).toEqual([...files].sort());
    const second = await migrate(helper.driver, { database: helper.settings.database });
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied.sort()).toEqual([...files].sort());
  });

  it("creates the id constraints and the full-text index", async () => {
    const constraints = await helper.runCypher(
      "SHOW CONSTRAINTS YIELD labelsOrTypes, properties RETURN labelsOrTypes[0] AS label, properties[0] AS property",
    );
    for (const label of ["Person", "Union", "Confederation", "Organization", "Country", "Event", "Document"]) {
      expect(constraints).toContainEqual({ label, property: "id" });
    }
    const fulltext = await helper.runCypher("SHOW FULLTEXT INDEXES YIELD name, state RETURN name, state");
    expect(fulltext).toContainEqual({ name: "entity_names", state: "ONLINE" });
  });

  it("refuses a migration whose file changed after it was applied", async () => {
    const [first] = readMigrations();
    await helper.runCypher("MATCH (m:__Neo4jMigration {version: $v}) SET m.checksum = 'tampered'", {
      v: first?.version,
    });
    try {
      await expect(migrate(helper.driver, { database: helper.settings.database })).rejects.toThrowError(DatabaseError);
      await expect(migrate(helper.driver, { database: helper.settings.database })).rejects.toThrowError(
        /was changed after it was applied/,
      );
    } finally {
      await helper.runCypher("MATCH (m:__Neo4jMigration {version: $v}) SET m.checksum = $c", {
        v: first?.version,
        c: first?.checksum,
      });
    }
  });
});

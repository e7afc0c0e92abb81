import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { TestHelper } from "../helpers/test-helper.js";

describe("labour-graph cypher", () => {
  const helper = new TestHelper();
  beforeAll(() => helper.clearGraph());
  afterAll(() => helper.close());

  it("prints plain JSON records with integers as numbers", async () => {
    const result = await runCli(
      ["cypher", "UNWIND [1, 2] AS x RETURN x, toString(x) AS s, [x, x * 10] AS list", "--json"],
      helper.cliEnv(),
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      { x: 1, s: "1", list: [1, 10] },
      { x: 2, s: "2", list: [2, 20] },
    ]);
  });

  it("passes --param values as parameters, never as query text", async () => {
    const hostile = "x' }) DETACH DELETE n //";
    const result = await runCli(
      ["cypher", "RETURN $name AS name, $n + 1 AS next", "--param", `name=${hostile}`, "--param", "n=41", "--json"],
      helper.cliEnv(),
    );
    expect(JSON.parse(result.stdout)).toEqual([{ name: hostile, next: 42 }]);
  });

  it("refuses a write without --write and leaves the database unchanged", async () => {
    const result = await runCli(["cypher", "CREATE (:CliProbe {v: 1})"], helper.cliEnv());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("read-only");
    expect(result.stderr).toContain("--write");
    expect(await helper.runCypher("MATCH (p:CliProbe) RETURN count(p) AS n")).toEqual([{ n: 0 }]);
  });

  it("writes with --write", async () => {
    const result = await runCli(
      ["cypher", "CREATE (p:CliProbe {v: 1}) RETURN p.v AS v", "--write", "--json"],
      helper.cliEnv(),
    );
    expect(result.code).toBe(0);
    expect(await helper.runCypher("MATCH (p:CliProbe) RETURN count(p) AS n")).toEqual([{ n: 1 }]);
    await helper.runCypher("MATCH (p:CliProbe) DELETE p");
  });

  it("reports a syntax error as a usage error", async () => {
    const result = await runCli(["cypher", "MATCH (n RETURN n"], helper.cliEnv());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/refused/);
  });

  it("says what to do when the database is not running", async () => {
    const result = await runCli(["cypher", "RETURN 1"], helper.cliEnv({ NEO4J_URI: "bolt://127.0.0.1:1" }));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("labour-graph db start");
  });
});

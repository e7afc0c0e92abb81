import { GraphQLError } from "graphql";
import { Neo4jError } from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { isQueryMemoryError } from "../graph/errors.js";
import { QueryBusyError, QueryMemoryError } from "../graph/queries/index.js";
import { formatApiError } from "./format-error.js";

// the error Neo4j 5.26 sends when 32 large path searches at once exhaust the memory all transactions share
const poolError = new Neo4jError(
  "The allocation of an extra 2.0 MiB would use more than the limit 716.8 MiB. Currently using 714.8 MiB. dbms.memory.transaction.total.max threshold reached",
  "Neo.TransientError.General.MemoryPoolOutOfMemoryError",
  "",
  "",
);

function formatThrown(error: unknown) {
  const wrapped = new GraphQLError("wrapped", { originalError: error as Error, path: ["connections"] });
  return formatApiError({ message: wrapped.message, path: ["connections"] }, wrapped, () => undefined);
}

describe("the API's answer when the database runs out of memory for queries", () => {
  it("recognises the pool and the per-transaction limits, and nothing else", () => {
    expect(isQueryMemoryError(poolError)).toBe(true);
    expect(isQueryMemoryError(new Neo4jError("x", "Neo.TransientError.General.TransactionMemoryLimit", "", ""))).toBe(
      true,
    );
    expect(isQueryMemoryError(new Neo4jError("syntax", "Neo.ClientError.Statement.SyntaxError", "", ""))).toBe(false);
    expect(isQueryMemoryError(new Error("connection refused"))).toBe(false);
  });

  it("says what happened and what to do, with a code, instead of an internal server error", () => {
    for (const thrown of [new QueryMemoryError({ cause: poolError }), poolError]) {
      const formatted = formatThrown(thrown);
      expect(formatted.message).toMatch(/ran out of memory for queries/);
      expect(formatted.extensions).toEqual({ code: "DATABASE_BUSY", suggestion: expect.stringMatching(/Retry/) });
      expect(JSON.stringify(formatted)).not.toMatch(/716\.8|MemoryPool|threshold/);
    }
  });
});

describe("the API's answer when a path search waited too long for its turn", () => {
  it("says the server is busy and what to do, with the same code as a database out of memory", () => {
    const formatted = formatThrown(new QueryBusyError("path searches", 4, 10_000));
    expect(formatted.message).toBe(
      "Too many path searches at once (the limit is 4); this one waited 10000 ms for its turn and was given up.",
    );
    expect(formatted.extensions).toEqual({ code: "DATABASE_BUSY", suggestion: expect.stringMatching(/Retry/) });
  });
});

import { GraphQLError, parse, type OperationDefinitionNode } from "graphql";
import { Neo4jError } from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { DatabaseError, InputError, NotFoundError } from "../domain/errors.js";
import { QueryBusyError, QueryMemoryError } from "../graph/queries/index.js";
import { databaseRootKeys, hasDatabaseAnswered, isDatabaseAnswer } from "./database-answered.js";

function rootKeys(source: string): string[] {
  const document = parse(source);
  const operation = document.definitions.find((d) => d.kind === "OperationDefinition") as OperationDefinitionNode;
  return databaseRootKeys(operation, document);
}

/** An error as the driver builds it from the server's FAILURE message. */
function serverError(code: string): Error {
  return new Neo4jError("The allocation of an extra 2.0 MiB would use more than the limit", code, "", "");
}

const atRoot = (key: string, originalError: Error) =>
  new GraphQLError(originalError.message, { path: [key], originalError });

describe("databaseRootKeys", () => {
  it("lists the root fields by response key, through fragments, and leaves out introspection", () => {
    expect(rootKeys("{ __typename }")).toEqual([]);
    expect(rootKeys('{ __schema { types { name } } __type(name: "Person") { name } }')).toEqual([]);
    expect(rootKeys('query Q { hits: search(text: "x") { score } __typename overview { entities } }')).toEqual([
      "hits",
      "overview",
    ]);
    expect(
      rootKeys(
        "query { ...Both ... on Query { people(limit: 1) { id } } } fragment Both on Query { __typename ...Both }",
      ),
    ).toEqual(["people"]);
  });
});

describe("isDatabaseAnswer", () => {
  it("is true for what the database sent or followed from its answer, false for what never reached it", () => {
    expect(isDatabaseAnswer(serverError("Neo.TransientError.General.MemoryPoolOutOfMemoryError"))).toBe(true);
    expect(isDatabaseAnswer(new QueryMemoryError({ cause: serverError("Neo.TransientError.General.X") }))).toBe(true);
    expect(isDatabaseAnswer(atRoot("entity", new NotFoundError("No entity is called Nobody.")))).toBe(true);
    expect(isDatabaseAnswer(new InputError('The argument "text" is empty.'))).toBe(false);
    // waited for its turn in this process: the database was not asked
    expect(isDatabaseAnswer(new QueryBusyError("path searches", 4, 10_000))).toBe(false);
    // the driver's own codes: it could not reach the server
    const refused = Object.assign(new Error("connect ECONNREFUSED"), { code: "ServiceUnavailable" });
    expect(isDatabaseAnswer(new DatabaseError("unreachable", { unavailable: true, cause: refused }))).toBe(false);
  });
});

describe("hasDatabaseAnswered", () => {
  it("needs a root field that read the database and returned, or failed with the database's own error", () => {
    expect(hasDatabaseAnswered([], { __typename: "Query" }, [])).toBe(false);
    expect(hasDatabaseAnswered(["search"], { search: [] }, [])).toBe(true);
    expect(hasDatabaseAnswered(["search"], null, [])).toBe(false);
    // refused before the query ran
    expect(hasDatabaseAnswered(["search"], { search: null }, [atRoot("search", new InputError("empty"))])).toBe(false);
    // stopped by the database
    const busy = new QueryMemoryError({ cause: serverError("Neo.TransientError.General.MemoryPoolOutOfMemoryError") });
    expect(hasDatabaseAnswered(["connections"], { connections: null }, [atRoot("connections", busy)])).toBe(true);
    // one of two root fields answered is enough; a field left out by @skip is not in data
    expect(
      hasDatabaseAnswered(["search", "people"], { search: null, people: [] }, [atRoot("search", new InputError("x"))]),
    ).toBe(true);
    expect(hasDatabaseAnswered(["search", "people"], { people: null }, [atRoot("people", new InputError("x"))])).toBe(
      false,
    );
    // an error deeper in the answer comes after the root field's resolver returned
    const deeper = new GraphQLError("bad", { path: ["search", 0, "node"], originalError: new InputError("x") });
    expect(hasDatabaseAnswered(["search"], { search: [null] }, [deeper])).toBe(true);
  });
});

import {
  GraphQLError,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  execute,
  parse,
  type ExecutionResult,
} from "graphql";
import { describe, expect, it } from "vitest";
import { InputError } from "../domain/errors.js";
import { CompiledOperations, compiledExecutionGateway, createCompiledExecutor } from "./compiled-executor.js";

const Item = new GraphQLObjectType({
  name: "Item",
  fields: { id: { type: GraphQLString }, rank: { type: GraphQLInt } },
});

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: "Query",
    fields: {
      items: {
        type: new GraphQLList(Item),
        args: { first: { type: new GraphQLNonNull(GraphQLInt) } },
        resolve: async (_r, args: { first: number }) => {
          if (args.first > 3) throw new InputError(`first must be at most 3; got ${args.first}.`, { input: "first" });
          return Array.from({ length: args.first }, (_, i) => ({ id: `i${i}`, rank: i }));
        },
      },
      broken: {
        type: GraphQLString,
        resolve: () => {
          throw new Error("no extensions on this one");
        },
      },
    },
  }),
});

/** What Apollo hands the executor, reduced to what it reads. */
function request(query: string, variables: Record<string, unknown> = {}, operationName: string | null = null) {
  return {
    document: parse(query),
    operationName,
    queryHash: query,
    request: { query, variables },
    context: {},
  } as unknown as Parameters<ReturnType<typeof createCompiledExecutor>>[0];
}

const byGraphqlJs = (query: string, variables: Record<string, unknown> = {}, operationName?: string) =>
  execute({ schema, document: parse(query), variableValues: variables, operationName }) as Promise<ExecutionResult>;

describe("compiled executor", () => {
  it("answers what graphql-js answers, compiling an operation on its second execution", async () => {
    const operations = new CompiledOperations(schema);
    const run = createCompiledExecutor(operations);
    const query = "query Items($n: Int!) { items(first: $n) { id rank } }";
    expect(await run(request(query, { n: 1 }))).toEqual(await byGraphqlJs(query, { n: 1 }));
    expect(operations.compilations).toBe(0);
    for (const n of [2, 3, 0]) {
      expect(await run(request(query, { n }))).toEqual(await byGraphqlJs(query, { n }));
    }
    expect(operations.compilations).toBe(1);
    expect(operations.size).toBe(1);
  });

  it("remembers at most its capacity of operations, dropping the least recently used", async () => {
    const operations = new CompiledOperations(schema, 2);
    const run = createCompiledExecutor(operations);
    const [a, b, c] = [1, 2, 3].map((n) => `{ items(first: ${n}) { id } }`) as [string, string, string];
    for (const query of [a, b, a, c]) await run(request(query)); // a compiled; c drops b, the least recent
    expect(operations.size).toBe(2);
    expect(operations.compilations).toBe(1);
    await run(request(a));
    expect(operations.compilations).toBe(1);
    await run(request(b)); // seen again as new: graphql-js's
    expect(operations.compilations).toBe(1);
    await run(request(b));
    expect(operations.compilations).toBe(2);
  });

  it("returns resolver errors as graphql-js errors: extensions, path, locations and the original error kept", async () => {
    const operations = new CompiledOperations(schema);
    const run = createCompiledExecutor(operations);
    const query = "{ items(first: 9) { id } broken }";
    await run(request(query));
    const result = await run(request(query));
    expect(operations.compilations).toBe(1);
    expect(result.data).toEqual({ items: null, broken: null });
    const errors = result.errors ?? [];
    expect(errors).toHaveLength(2);
    for (const error of errors) {
      expect(error).toBeInstanceOf(GraphQLError);
      expect(error.extensions).toBeTypeOf("object");
    }
    const input = errors.find((e) => e.path?.[0] === "items");
    const plain = errors.find((e) => e.path?.[0] === "broken");
    expect(plain?.path).toEqual(["broken"]);
    expect(input?.path).toEqual(["items"]);
    expect(input?.originalError).toBeInstanceOf(InputError);
    expect(input?.locations).toEqual([{ line: 1, column: 3 }]);
  });

  it("leaves to graphql-js what graphql-jit refuses before executing, so the errors are graphql-js's own", async () => {
    const run = createCompiledExecutor(new CompiledOperations(schema));
    const query = "query Items($n: Int!) { items(first: $n) { id } }";
    await run(request(query, { n: 1 }));
    const badVariables = await run(request(query, { n: "three" }));
    expect(badVariables).toEqual(await byGraphqlJs(query, { n: "three" }));
    expect(badVariables.errors?.[0]?.message).toMatch(/\$n/);
    const twoOperations = "query A { items(first: 1) { id } } query B { items(first: 2) { id } }";
    for (let i = 0; i < 2; i++) {
      expect(await run(request(twoOperations, {}, "B"))).toEqual(await byGraphqlJs(twoOperations, {}, "B"));
    }
    await run(request(twoOperations, {}, "C"));
    const unknownOperation = await run(request(twoOperations, {}, "C"));
    expect(unknownOperation.errors?.[0]?.message).toMatch(/Unknown operation named "C"/);
  });

  it("hands Apollo the fixed schema and the executor through the gateway interface", async () => {
    const gateway = compiledExecutionGateway(schema);
    const announced: unknown[] = [];
    const unsubscribe = gateway.onSchemaLoadOrUpdate((s) => announced.push(s.apiSchema));
    const { executor } = await gateway.load({ apollo: {} as never });
    expect(announced).toEqual([schema]);
    for (let i = 0; i < 2; i++) {
      expect(await executor!(request("{ items(first: 1) { id } }"))).toEqual({ data: { items: [{ id: "i0" }] } });
    }
    expect(gateway.operations.compilations).toBe(1);
    unsubscribe();
    await gateway.stop();
  });
});

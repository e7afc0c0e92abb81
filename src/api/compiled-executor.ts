/**
 * Executes operations with graphql-jit instead of graphql-js: an operation seen a second time is compiled into a
 * function (a bounded cache keyed by the query's hash and the operation's name) that resolves and completes the
 * answer 3-4 times faster than graphql-js's interpreter (the explorer's neighbourhood, 18 KB: 224 -> 56 us). The
 * first execution of an operation is graphql-js's, so a stream of one-off queries never pays for compilation
 * (Mercurius's `jit` option does the same).
 *
 * Apollo Server 5 has no executor option: its gateway interface is the documented place to supply one (Apollo's
 * migration guide, "executor"). Parsing, validation (with the API's limits), plugins, error formatting and the HTTP
 * answer stay Apollo's. Whatever graphql-jit refuses before execution (an operation it cannot compile, variables it
 * cannot coerce) is executed by graphql-js, so such requests get graphql-js's own errors and status codes.
 */
import type { ApolloServerOptionsWithGateway, BaseContext } from "@apollo/server";
import { execute, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema } from "graphql";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";

/** Apollo's gateway interface (its package is Apollo Server's own dependency, reached through its options type). */
type GatewayInterface = ApolloServerOptionsWithGateway<BaseContext>["gateway"];
type GatewayExecutor = NonNullable<Awaited<ReturnType<GatewayInterface["load"]>>["executor"]>;

/** How many operations are remembered, compiled or not (the least recently used is dropped first). */
export const COMPILED_OPERATIONS_CACHE_SIZE = 500;

/** An operation seen once (compiled: undefined), compiled, or found not compilable (compiled: false). */
interface Entry {
  compiled: CompiledQuery | false | undefined;
}

/** A bounded least-recently-used cache of a schema's operations and their compiled form. */
export class CompiledOperations {
  private readonly entries = new Map<string, Entry>();
  compilations = 0;

  constructor(
    readonly schema: GraphQLSchema,
    private readonly capacity = COMPILED_OPERATIONS_CACHE_SIZE,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /**
   * The compiled form of an operation: undefined the first time it is seen (graphql-js runs it) and when graphql-jit
   * cannot compile it; compiled on its second execution.
   */
  get(key: string, document: DocumentNode, operationName?: string): CompiledQuery | undefined {
    const entry = this.entries.get(key);
    // the most recently used last: Map keeps insertion order, so the first key is the one to drop
    this.entries.delete(key);
    this.entries.set(key, entry ?? { compiled: undefined });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    if (entry === undefined) return undefined;
    if (entry.compiled === undefined) entry.compiled = this.compile(document, operationName);
    return entry.compiled === false ? undefined : entry.compiled;
  }

  private compile(document: DocumentNode, operationName?: string): CompiledQuery | false {
    this.compilations++;
    try {
      const result = compileQuery(this.schema, document, operationName);
      return isCompiledQuery(result as Parameters<typeof isCompiledQuery>[0]) ? (result as CompiledQuery) : false;
    } catch {
      return false;
    }
  }
}

/** Whether graphql-jit stopped before executing anything (variables it could not coerce): no data, only errors. */
function isRefusedBeforeExecution(result: ExecutionResult): boolean {
  return result.data === undefined && (result.errors?.length ?? 0) > 0;
}

/**
 * graphql-jit's errors as graphql-js's: Apollo's error handling reads `extensions` of every error, which graphql-jit
 * leaves undefined when the resolver's error has none (the client would get an unexplained internal error).
 */
function asGraphQLJsErrors(result: ExecutionResult): ExecutionResult {
  if (result.errors === undefined) return result;
  const errors = result.errors.map((jitError) => {
    const error = new GraphQLError(jitError.message, {
      ...(jitError.path ? { path: jitError.path } : {}),
      ...(jitError.originalError ? { originalError: jitError.originalError } : {}),
      ...(jitError.extensions ? { extensions: jitError.extensions } : {}),
    });
    if (jitError.locations) (error as { locations?: unknown }).locations = jitError.locations;
    return error;
  });
  return { ...result, errors };
}

/** The executor: graphql-jit for what it compiles, graphql-js for the rest. */
export function createCompiledExecutor(operations: CompiledOperations): GatewayExecutor {
  const { schema } = operations;
  return async (rc) => {
    const operationName = rc.operationName ?? undefined;
    const variables = rc.request.variables ?? {};
    const compiled = operations.get(`${rc.queryHash}\u0000${operationName ?? ""}`, rc.document, operationName);
    if (compiled !== undefined) {
      const result = await compiled.query(undefined, rc.context, variables);
      if (!isRefusedBeforeExecution(result)) return asGraphQLJsErrors(result);
    }
    return execute({
      schema,
      document: rc.document,
      contextValue: rc.context,
      variableValues: variables,
      operationName,
    });
  };
}

/**
 * A fixed schema handed to Apollo Server through its gateway interface, with the compiled executor. Pass it as
 * `gateway` instead of `schema`.
 */
export function compiledExecutionGateway(
  schema: GraphQLSchema,
  capacity = COMPILED_OPERATIONS_CACHE_SIZE,
): GatewayInterface & { operations: CompiledOperations } {
  const operations = new CompiledOperations(schema, capacity);
  const listeners = new Set<Parameters<GatewayInterface["onSchemaLoadOrUpdate"]>[0]>();
  return {
    operations,
    onSchemaLoadOrUpdate(callback) {
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
    async load() {
      // the schema never changes: announced once, before the first request
      for (const listener of listeners) listener({ apiSchema: schema, coreSupergraphSdl: "" });
      return { executor: createCompiledExecutor(operations) };
    },
    async stop() {
      listeners.clear();
    },
  };
}

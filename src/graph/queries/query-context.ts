/** What every read query needs, the shared limits, and the one read-transaction runner of the query functions. */
import type { Driver, Transaction } from "neo4j-driver";
import { DatabaseError, InputError } from "../../domain/errors.js";
import { removeInvisible } from "../../text/invisible.js";
import { isQueryMemoryError, mapDriverError } from "../errors.js";
import type { Admission } from "./admission.js";

/** The small context every query function takes: where to read and how long a transaction may run. */
export interface QueryContext {
  driver: Driver;
  database: string;
  /** server-side transaction timeout; no timeout when undefined */
  timeoutMs?: number;
  /**
   * how many path searches (findConnections) this process runs at once, shared by all its requests; a search waits
   * for its turn at most timeoutMs. Unlimited when undefined (the CLI's one query).
   */
  pathSearches?: Admission;
}

/** Limits shared by the query functions, the GraphQL API and the CLI. */
export const QUERY_LIMITS = {
  maxHops: 6,
  maxDepth: 3,
  maxLimit: 100,
  /** longest accepted name, id or search text, in characters */
  maxTextLength: 200,
  /** most nodes returned by a neighbourhood */
  maxSubgraphNodes: 300,
  /** most edges listed on an entity card */
  maxCardConnections: 500,
  /**
   * an entity with more connections of the followed types is a super-hub: a connection passes through it only when
   * it is the common neighbour of both ends (see findConnections)
   */
  maxPathHubDegree: 1000,
} as const;

/** A read the database stopped because its memory for queries ran out (see isQueryMemoryError). */
export class QueryMemoryError extends DatabaseError {
  constructor(options: { cause?: unknown } = {}) {
    super(
      "The database ran out of memory for queries and stopped this one: too many large queries at once, or this one is too large.",
      {
        ...options,
        input: "query memory",
        suggestion:
          "Retry in a moment; if it persists, ask a narrower question: fewer hops, a smaller depth or a lower limit.",
      },
    );
  }
}

/** A read that ran longer than the configured transaction timeout. */
export class QueryTimeoutError extends DatabaseError {
  constructor(timeoutMs: number | undefined, options: { cause?: unknown } = {}) {
    super(`The query took longer than ${timeoutMs ?? "the allowed"} ms and was stopped by the database.`, {
      ...options,
      input: "timeout",
      suggestion: "Ask a narrower question: fewer hops, a smaller depth or a lower limit.",
    });
  }
}

/**
 * Runs `work` in one read transaction with the context's timeout. An explicit transaction is used on purpose: the
 * driver's managed retries would hold a request for up to 30 s when the database is down, and callers (the API) must
 * fail fast so they can answer 503.
 */
export async function runRead<T>(ctx: QueryContext, work: (tx: ReadTx) => Promise<T>): Promise<T> {
  const session = ctx.driver.session({ database: ctx.database, defaultAccessMode: "READ" });
  try {
    const tx = await session.beginTransaction(ctx.timeoutMs === undefined ? {} : { timeout: ctx.timeoutMs });
    try {
      const result = await work(tx);
      await tx.commit();
      return result;
    } catch (error) {
      if (tx.isOpen()) await tx.rollback().catch(() => undefined);
      throw error;
    }
  } catch (error) {
    throw mapQueryError(error, ctx);
  } finally {
    await session.close().catch(() => undefined);
  }
}

function mapQueryError(error: unknown, ctx: QueryContext): Error {
  if (error instanceof InputError || error instanceof DatabaseError) return error;
  const code = String((error as { code?: unknown }).code ?? "");
  if (
    /TransactionTimedOut|Transaction\.Terminated|TransactionMarkedAsFailed/.test(code) &&
    ctx.timeoutMs !== undefined
  ) {
    return new QueryTimeoutError(ctx.timeoutMs, { cause: error });
  }
  if (isQueryMemoryError(error)) return new QueryMemoryError({ cause: error });
  return mapDriverError(error, `database "${ctx.database}"`);
}

/** Checks a name, id or text argument: non-empty after trimming and not longer than the limit. */
export function checkText(value: string, argument: string): string {
  // a name pasted with a bidi control or a zero-width character is the same name
  const text = typeof value === "string" ? removeInvisible(value).trim() : "";
  if (text === "")
    throw new InputError(`The argument "${argument}" is empty.`, {
      input: argument,
      suggestion: "Pass a name, an alias or an id.",
    });
  if (text.length > QUERY_LIMITS.maxTextLength) {
    throw new InputError(
      `The argument "${argument}" is ${text.length} characters long; at most ${QUERY_LIMITS.maxTextLength} are accepted.`,
      {
        input: argument,
        suggestion: "Pass a shorter name, alias or id.",
      },
    );
  }
  return text;
}

/** Checks an integer argument against its bounds. */
export function checkInt(value: number, argument: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InputError(`The argument "${argument}" must be an integer from ${min} to ${max}; got ${String(value)}.`, {
      input: argument,
      suggestion: `Use a value from ${min} to ${max}.`,
    });
  }
  return value;
}

/** The part of a transaction the query functions use. */
export type ReadTx = Pick<Transaction, "run">;

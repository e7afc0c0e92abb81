/**
 * The API's error masking: known errors keep their message and get an `extensions.code`; everything else becomes
 * "Internal server error" with no stack trace or internal detail.
 */
import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLFormattedError } from "graphql";
import { ERROR_CODES, InputError, LabourGraphError, NotFoundError } from "../domain/errors.js";
import { isQueryMemoryError, isUnavailableError } from "../graph/errors.js";
import { QueryBusyError, QueryMemoryError, QueryTimeoutError } from "../graph/queries/index.js";
import {
  API_LIMITS,
  LIMIT_CODES,
  NO_SUBSCRIPTIONS_MESSAGE,
  READ_ONLY_MESSAGE,
  TOO_MANY_TOKENS_MESSAGE,
} from "./limits.js";

/** Codes the API puts in `extensions.code` besides Apollo's own. */
export const API_ERROR_CODES = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  NOT_FOUND: ERROR_CODES.NOT_FOUND,
  AMBIGUOUS: ERROR_CODES.AMBIGUOUS,
  DATABASE_UNAVAILABLE: ERROR_CODES.DATABASE_UNAVAILABLE,
  QUERY_TIMEOUT: "QUERY_TIMEOUT",
  DATABASE_BUSY: "DATABASE_BUSY",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  READ_ONLY: "READ_ONLY",
  OPERATION_NOT_SUPPORTED: "OPERATION_NOT_SUPPORTED",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;

/** The message of an unreachable database. */
export const UNAVAILABLE_MESSAGE =
  "The database is not reachable right now. Retry in a few seconds; if it persists, start it with `labour-graph db start`.";

/** Apollo and graphql-js codes whose messages are about the request itself and are safe to show. */
const REQUEST_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "QUERY_TOO_DEEP",
  "QUERY_TOO_COSTLY",
]);

/** True when the error (or what it wraps) means the database could not be reached. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (original instanceof LabourGraphError) return original.code === ERROR_CODES.DATABASE_UNAVAILABLE;
  if (isUnavailableError(original)) return true;
  const code = String((original as { code?: unknown } | undefined)?.code ?? "");
  const message = original instanceof Error ? original.message : "";
  return (
    code === "ServiceUnavailable" ||
    code === "SessionExpired" ||
    /Could not perform discovery|Failed to connect to server|ECONNREFUSED|connection.*(refused|closed)/i.test(message)
  );
}

/** The location and path of the formatted error, kept in every answer. */
type Base = Pick<GraphQLFormattedError, "locations" | "path">;

/** The project's own errors: their message, code and suggestion are written for the client. */
function formatProjectError(original: unknown, base: Base): GraphQLFormattedError | undefined {
  if (original instanceof NotFoundError) {
    return {
      ...base,
      message: original.message,
      extensions: {
        code: original.code,
        candidates: original.candidates,
        ...(original.suggestion ? { suggestion: original.suggestion } : {}),
      },
    };
  }
  if (original instanceof QueryTimeoutError) {
    return {
      ...base,
      message: original.message,
      extensions: { code: API_ERROR_CODES.QUERY_TIMEOUT, suggestion: original.suggestion },
    };
  }
  if (original instanceof QueryMemoryError || original instanceof QueryBusyError) {
    return {
      ...base,
      message: original.message,
      extensions: { code: API_ERROR_CODES.DATABASE_BUSY, suggestion: original.suggestion },
    };
  }
  if (original instanceof InputError) {
    return {
      ...base,
      message: original.message,
      extensions: {
        code: API_ERROR_CODES.BAD_USER_INPUT,
        ...(original.suggestion ? { suggestion: original.suggestion } : {}),
      },
    };
  }
  return undefined;
}

/** Refusals of the operation itself: no or a weak token, a mutation on a read-only server, a subscription. */
function formatAccessError(
  formatted: GraphQLFormattedError,
  original: unknown,
  base: Base,
): GraphQLFormattedError | undefined {
  const code = String(formatted.extensions?.code ?? "");
  const name = original instanceof Error ? original.name : "";
  if (
    /Unauthenticated/i.test(name) ||
    code === "UNAUTHENTICATED" ||
    (original instanceof Error && /^Unauthenticated$/.test(original.message))
  ) {
    return {
      ...base,
      message: "Authentication required: send a valid JWT as `Authorization: Bearer <token>`.",
      extensions: { code: API_ERROR_CODES.UNAUTHENTICATED },
    };
  }
  if (/Forbidden/i.test(name) || code === "FORBIDDEN") {
    return {
      ...base,
      message: "Forbidden: the token does not allow this operation.",
      extensions: { code: API_ERROR_CODES.FORBIDDEN },
    };
  }
  if (formatted.message === READ_ONLY_MESSAGE || /not configured to execute mutation/.test(formatted.message)) {
    return { ...base, message: READ_ONLY_MESSAGE, extensions: { code: API_ERROR_CODES.READ_ONLY } };
  }
  if (
    formatted.message === NO_SUBSCRIPTIONS_MESSAGE ||
    /not configured to execute subscription/.test(formatted.message)
  ) {
    return {
      ...base,
      message: NO_SUBSCRIPTIONS_MESSAGE,
      extensions: { code: API_ERROR_CODES.OPERATION_NOT_SUPPORTED },
    };
  }
  return undefined;
}

/** What the database refused while running a generated query: the timeout, or an argument. */
function formatDatabaseRefusal(original: unknown, base: Base): GraphQLFormattedError | undefined {
  const driverCode = String((original as { code?: unknown } | undefined)?.code ?? "");
  // a generated query's error comes from the driver as is: answered as the query functions' QueryMemoryError is
  if (isQueryMemoryError(original)) return formatProjectError(new QueryMemoryError({ cause: original }), base);
  if (/TransactionTimedOut/.test(driverCode)) {
    return {
      ...base,
      message: "The query took longer than the server's query timeout and was stopped. Ask a narrower question.",
      extensions: { code: API_ERROR_CODES.QUERY_TIMEOUT },
    };
  }
  if (
    driverCode.startsWith("Neo.ClientError.Statement.") ||
    (original instanceof Error && /cursor/i.test(original.message))
  ) {
    // generated queries pass limit/offset/first/after through; the database refuses negative values and bad cursors
    return {
      ...base,
      message:
        "The database refused an argument of this query: limit, offset and first must not be negative, and `after` must be a cursor returned by the API.",
      extensions: { code: API_ERROR_CODES.BAD_USER_INPUT },
    };
  }
  return undefined;
}

/** Errors about the request itself (too many tokens, one of the API's limits, a parse or validation error). */
function formatRequestError(formatted: GraphQLFormattedError, base: Base): GraphQLFormattedError | undefined {
  const code = String(formatted.extensions?.code ?? "");
  if (code === "GRAPHQL_PARSE_FAILED" && /contains more tha[nt] \d+ tokens/.test(formatted.message)) {
    return {
      ...base,
      message: TOO_MANY_TOKENS_MESSAGE,
      extensions: { code, limit: LIMIT_CODES.TOO_MANY_TOKENS, maxTokens: API_LIMITS.maxTokens },
    };
  }
  const limit = formatted.extensions?.limit;
  if (typeof limit === "string" && Object.values<string>(LIMIT_CODES).includes(limit)) {
    // a refusal by one of the API's limits: its message and figures (depth, cost, aliases…) are about the request
    const figures = Object.entries(formatted.extensions ?? {}).filter(([, value]) => typeof value === "number");
    return { ...base, message: formatted.message, extensions: { code, limit, ...Object.fromEntries(figures) } };
  }
  if (REQUEST_CODES.has(code)) {
    // graphql-js messages quote the request, never server internals; keep them but drop any stack
    return { ...base, message: formatted.message, extensions: { code } };
  }
  return undefined;
}

/** Formats an error for the client (Apollo's `formatError`). */
export function formatApiError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log?: (message: string) => void,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base: Base = {
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
  };
  if (isDatabaseUnavailable(error)) {
    return { ...base, message: UNAVAILABLE_MESSAGE, extensions: { code: API_ERROR_CODES.DATABASE_UNAVAILABLE } };
  }
  const known =
    formatProjectError(original, base) ??
    formatAccessError(formatted, original, base) ??
    formatDatabaseRefusal(original, base) ??
    formatRequestError(formatted, base);
  if (known !== undefined) return known;
  log?.(`internal error: ${original instanceof Error ? `${original.name}: ${original.message}` : String(original)}`);
  return { ...base, message: "Internal server error.", extensions: { code: API_ERROR_CODES.INTERNAL_SERVER_ERROR } };
}

/** The one place where neo4j-driver errors become labour-graph errors. */
import { Neo4jError } from "neo4j-driver";
import { DatabaseError, LabourGraphError } from "../domain/errors.js";

const UNAVAILABLE_CODES = new Set(["ServiceUnavailable", "SessionExpired"]);

/** True when the error means the database cannot be reached (as opposed to a failing query). */
export function isUnavailableError(error: unknown): boolean {
  if (error instanceof DatabaseError) return error.code === "DATABASE_UNAVAILABLE";
  if (error instanceof Neo4jError)
    return UNAVAILABLE_CODES.has(error.code) || (error.retriable && /connect|unavailable/i.test(error.message));
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === "ECONNREFUSED" || code === "ECONNRESET";
}

/**
 * True when the database stopped a query because its memory for queries ran out: the per-transaction limit or the
 * pool all transactions share (`db.memory.transaction.max`, `dbms.memory.transaction.total.max`), typically many large
 * queries at once. Transient: the same query may succeed when fewer run.
 */
export function isQueryMemoryError(error: unknown): boolean {
  const code = String((error as { code?: unknown } | undefined)?.code ?? "");
  const message = error instanceof Error ? error.message : "";
  return /OutOfMemory|MemoryLimit/i.test(code) || /memory\.transaction\.(total\.)?max threshold reached/.test(message);
}

/** "The database at bolt://127.0.0.1:7687" for a URI, "The database "neo4j"" for a database name. */
function theDatabase(target: string): string {
  if (target.includes("://")) return `The database at ${target}`;
  return `The ${target.startsWith("database ") ? target : `database ${target}`}`;
}

/**
 * Maps any error thrown by the driver to a DatabaseError that says what to do. `target` is a URI
 * (`bolt://127.0.0.1:7687`) or a database (`database "neo4j"`).
 */
export function mapDriverError(error: unknown, target: string): LabourGraphError {
  if (error instanceof LabourGraphError) return error;
  const subject = theDatabase(target);
  if (isUnavailableError(error)) {
    return new DatabaseError(`${subject} is not reachable.`, {
      unavailable: true,
      input: target,
      suggestion: "Start it with `labour-graph db start` (or check NEO4J_URI), then retry.",
      cause: error,
    });
  }
  if (error instanceof Neo4jError && error.code === "Neo.ClientError.Security.Unauthorized") {
    return new DatabaseError(`${subject} refused our credentials.`, {
      input: target,
      suggestion:
        "Check NEO4J_USER and NEO4J_PASSWORD (for the managed database, the password file in its home folder).",
      cause: error,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new DatabaseError(`${subject} reported an error: ${message}`, { input: target, cause: error });
}

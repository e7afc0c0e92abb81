/** Runs an analyst's Cypher query: read-only unless asked to write. */
import type { Driver, ManagedTransaction } from "neo4j-driver";
import { InputError } from "../domain/errors.js";
import { mapDriverError } from "./errors.js";
import { recordsToPlain, type Plain } from "./plain.js";

/** Options of runCypher. */
export interface RunCypherOptions {
  database: string;
  params?: Record<string, unknown>;
  isWrite?: boolean;
  timeoutMs?: number;
}

/** What a query returned and changed: its records, and the non-zero update counters (nodesCreated…). */
export interface CypherResult {
  rows: Record<string, Plain>[];
  counters: Record<string, number>;
}

/** Runs the query in a read (or, with isWrite, a write) transaction and returns plain records and counters. */
export async function runCypher(driver: Driver, query: string, options: RunCypherOptions): Promise<CypherResult> {
  if (query.trim() === "")
    throw new InputError("The Cypher query is empty.", {
      input: "query",
      suggestion: 'Pass a query, e.g. labour-graph cypher "MATCH (n) RETURN count(n)"',
    });
  const session = driver.session({ database: options.database, defaultAccessMode: options.isWrite ? "WRITE" : "READ" });
  const txConfig = options.timeoutMs ? { timeout: options.timeoutMs } : {};
  try {
    const work = async (tx: ManagedTransaction): Promise<CypherResult> => {
      const result = await tx.run(query, options.params ?? {});
      const updates = Object.entries(result.summary.counters.updates()).filter(([, n]) => n > 0);
      return { rows: recordsToPlain(result.records), counters: Object.fromEntries(updates) };
    };
    return options.isWrite ? await session.executeWrite(work, txConfig) : await session.executeRead(work, txConfig);
  } catch (error) {
    const code = (error as { code?: string }).code ?? "";
    if (
      !options.isWrite &&
      /AccessMode|ForbiddenDueToTransactionType|WriteOnReadOnlyAccessDbException/i.test(
        code + String((error as Error).message),
      )
    ) {
      throw new InputError("This query writes to the database, but the cypher command is read-only by default.", {
        input: query.slice(0, 200),
        suggestion: "Re-run with --write if you mean to change the data.",
        cause: error,
      });
    }
    if (/^Neo\.ClientError\.Statement\./.test(code)) {
      throw new InputError(`The Cypher query was refused: ${(error as Error).message.split("\n")[0]}`, {
        input: query.slice(0, 200),
        cause: error,
      });
    }
    throw mapDriverError(error, `database "${options.database}"`);
  } finally {
    await session.close();
  }
}

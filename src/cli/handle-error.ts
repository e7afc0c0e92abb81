/** The CLI's one error handler: message, cause, suggestion, candidates; exit 1 for not found, 2 otherwise. */
import { CommanderError } from "commander";
import { ZodError } from "zod";
import { ERROR_CODES, LabourGraphError, NotFoundError } from "../domain/errors.js";
import { isUnavailableError, mapDriverError } from "../graph/errors.js";

/**
 * Exit codes: 0 found/ok, 1 not found or ambiguous, 2 usage, configuration or connection error, 3 a service (the database,
 * the NLP server) is not running (`db status`, `nlp status`, as LSB init scripts' status action).
 */
export const EXIT = { OK: 0, NOT_FOUND: 1, ERROR: 2, NOT_RUNNING: 3 } as const;

/** One of the CLI's exit codes. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Prints the error to stderr and returns the exit code. */
export function handleError(
  error: unknown,
  write: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): number {
  if (error instanceof CommanderError) {
    // commander has already printed its message
    return error.exitCode === 0 ? EXIT.OK : EXIT.ERROR;
  }
  if (error instanceof ZodError) {
    write("error: invalid options");
    for (const issue of error.issues) write(`  - ${issue.path.join(".") || "value"}: ${issue.message}`);
    return EXIT.ERROR;
  }
  const known =
    error instanceof LabourGraphError
      ? error
      : isUnavailableError(error)
        ? mapDriverError(error, "the database")
        : undefined;
  if (known === undefined) {
    write(`error: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.ERROR;
  }
  write(`error: ${known.message}`);
  if (known instanceof NotFoundError && known.candidates.length > 0) {
    write("candidates:");
    for (const c of known.candidates) {
      const facts = [c.label, c.country, c.degree !== undefined ? `${c.degree} connections` : undefined];
      write(`  - ${c.name} (${facts.filter((f) => f !== undefined).join(", ")}, id ${c.id})`);
    }
  }
  const cause = known.cause instanceof Error ? known.cause.message.split("\n")[0] : undefined;
  if (cause && !known.message.includes(cause)) write(`cause: ${cause}`);
  if (known.suggestion) write(`hint: ${known.suggestion}`);
  return known.code === ERROR_CODES.NOT_FOUND || known.code === ERROR_CODES.AMBIGUOUS ? EXIT.NOT_FOUND : EXIT.ERROR;
}

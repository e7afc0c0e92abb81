/** A file the pipeline could not read, annotate or extract: reported with its path, and the run goes on. */
import { InputError, LabourGraphError } from "../domain/errors.js";

/** A file that could not be read or extracted. */
export interface ExtractionFailure {
  path: string;
  error: LabourGraphError;
}

/** An unknown error as a LabourGraphError naming the file. */
export function asLabourGraphError(error: unknown, file: string): LabourGraphError {
  if (error instanceof LabourGraphError) return error;
  return new InputError(`Cannot import "${file}": ${error instanceof Error ? error.message : String(error)}.`, {
    input: file,
    cause: error,
  });
}

/** The failure of `file` for an error of any kind. */
export function failureOf(file: string, error: unknown): ExtractionFailure {
  return { path: file, error: asLabourGraphError(error, file) };
}

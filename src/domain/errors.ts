/** The error hierarchy: every error we raise names its input, says what is wrong and what to do. */

/** Error codes, shared by the CLI (exit codes) and the API (`extensions.code`). */
export const ERROR_CODES = {
  INPUT: "INPUT_ERROR",
  CONFIG: "CONFIG_ERROR",
  DATABASE: "DATABASE_ERROR",
  DATABASE_UNAVAILABLE: "DATABASE_UNAVAILABLE",
  NOT_FOUND: "NOT_FOUND",
  AMBIGUOUS: "AMBIGUOUS",
  PROVISION: "PROVISION_ERROR",
} as const;
/** An error code. */
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** Options every labour-graph error accepts. */
export interface LabourGraphErrorOptions {
  input?: string;
  suggestion?: string;
  cause?: unknown;
}

/** Base class of all labour-graph errors. */
export class LabourGraphError extends Error {
  readonly code: ErrorCode;
  readonly input?: string;
  readonly suggestion?: string;

  constructor(code: ErrorCode, message: string, options: LabourGraphErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    if (options.input !== undefined) this.input = options.input;
    if (options.suggestion !== undefined) this.suggestion = options.suggestion;
  }
}

/** Bad input: a file, a name, a flag or a query argument. */
export class InputError extends LabourGraphError {
  constructor(message: string, options: LabourGraphErrorOptions = {}) {
    super(ERROR_CODES.INPUT, message, options);
  }
}

/** A bad configuration value. */
export class ConfigError extends LabourGraphError {
  constructor(message: string, options: LabourGraphErrorOptions = {}) {
    super(ERROR_CODES.CONFIG, message, options);
  }
}

/** The database failed or could not be reached. */
export class DatabaseError extends LabourGraphError {
  constructor(message: string, options: LabourGraphErrorOptions & { unavailable?: boolean } = {}) {
    super(options.unavailable ? ERROR_CODES.DATABASE_UNAVAILABLE : ERROR_CODES.DATABASE, message, options);
  }
}

/** Provisioning the managed Neo4j failed (Java, Maven, ports, downloads). */
export class ProvisionError extends LabourGraphError {
  constructor(message: string, options: LabourGraphErrorOptions = {}) {
    super(ERROR_CODES.PROVISION, message, options);
  }
}

/** A candidate entity, listed when a name is unknown or ambiguous. */
export interface Candidate {
  id: string;
  name: string;
  label: string;
}

/** A name or id that matches no entity, or more than one. */
export class NotFoundError extends LabourGraphError {
  readonly candidates: Candidate[];

  constructor(
    message: string,
    options: LabourGraphErrorOptions & { candidates?: Candidate[]; ambiguous?: boolean } = {},
  ) {
    super(options.ambiguous ? ERROR_CODES.AMBIGUOUS : ERROR_CODES.NOT_FOUND, message, options);
    this.candidates = options.candidates ?? [];
  }
}

/** Thrown at the end of an exhaustive switch. */
export class UnreachableCaseError extends Error {
  constructor(value: never) {
    super(`Unreachable case: ${JSON.stringify(value)}`);
  }
}

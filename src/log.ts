/** The Logger injected into the importer, the server and the CLI (the shape @apollo/server accepts). */
import type { LOG_LEVELS } from "./config/config.js";

/** A logger: four levels, messages to stderr. */
export interface Logger {
  debug(message?: unknown): void;
  info(message?: unknown): void;
  warn(message?: unknown): void;
  error(message?: unknown): void;
}

/** A log level, `silent` included. */
export type LogLevel = (typeof LOG_LEVELS)[number];

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** Creates a logger writing `[component] message` lines to a stream (stderr by default). */
export function createLogger(
  component: string,
  level: LogLevel = "info",
  write: (line: string) => void = (line) => process.stderr.write(line),
): Logger {
  const emit = (at: LogLevel) => (message?: unknown) => {
    if (RANK[at] < RANK[level]) return;
    const text = message instanceof Error ? message.message : String(message ?? "");
    write(`[${component}] ${at === "info" ? "" : `${at}: `}${text}\n`);
  };
  return { debug: emit("debug"), info: emit("info"), warn: emit("warn"), error: emit("error") };
}

/** A logger that drops everything. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** Configuration from environment variables: defaults live only in this schema, read once at the composition root. */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { ConfigError } from "../domain/errors.js";

/** The project folder (where package.json is): the default home of the managed Neo4j. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();
const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const jvmSize = z.string().regex(/^\d+[mMgG]$/, "must be a JVM size such as 512m or 2g");
const optionalPath = z.preprocess(emptyToUndefined, z.string().optional());
const HTTP_URL_LIST = /^\s*https?:\/\/[^\s,]+(\s*,\s*https?:\/\/[^\s,]+)*\s*$/;

/** Log levels, quietest last. */
export const LOG_LEVELS = ["debug", "info", "warn", "error", "silent"] as const;

/** The environment variables we read, their defaults and their validation. */
export const configSchema = z
  .object({
    NEO4J_URI: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/[^\s]+$/, "must look like bolt://host:7687 or neo4j+s://host")
        .optional(),
    ),
    NEO4J_USER: z.string().min(1).default("neo4j"),
    NEO4J_PASSWORD: z.preprocess(emptyToUndefined, z.string().optional()),
    NEO4J_DATABASE: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9.-]{0,62}$/, "must be a valid Neo4j database name")
      .default("neo4j"),
    NEO4J_BOLT_PORT: port.default(7687),
    NEO4J_HTTP_PORT: port.default(7474),
    NEO4J_HEAP: jvmSize.default("1g"),
    NEO4J_PAGECACHE: z
      .string()
      .regex(/^\d+[mMgG]$/, "must be a size such as 512m or 2g")
      .default("512m"),
    LABOUR_GRAPH_HOME: optionalPath,
    NLP_URL: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(HTTP_URL_LIST, "must be one or more http(s) URLs separated by commas, such as http://127.0.0.1:9000")
        .optional(),
    ),
    NLP_PORT: port.default(9000),
    NLP_HEAP: jvmSize.default("4g"),
    NLP_TIMEOUT_MS: positiveInt.default(60_000),
    NLP_THREADS: positiveInt.default(2),
    NLP_HOME: optionalPath,
    NLP_CACHE_DIR: optionalPath,
    HOST: z.string().min(1).default("127.0.0.1"),
    PORT: port.default(4000),
    CORS_ORIGIN: z.preprocess(emptyToUndefined, z.string().optional()),
    JWT_SECRET: z.preprocess(emptyToUndefined, z.string().min(32, "must be at least 32 characters").optional()),
    QUERY_TIMEOUT_MS: positiveInt.default(10_000),
    MAX_PATH_SEARCHES: positiveInt.default(4),
    LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  })
  .transform((env) => ({
    neo4j: {
      /** set when the user points us at their own server; otherwise the managed local Neo4j is used */
      uri: env.NEO4J_URI,
      user: env.NEO4J_USER,
      password: env.NEO4J_PASSWORD,
      database: env.NEO4J_DATABASE,
      isManaged: env.NEO4J_URI === undefined,
    },
    managed: {
      home: path.resolve(env.LABOUR_GRAPH_HOME ?? path.join(PROJECT_ROOT, ".neo4j")),
      boltPort: env.NEO4J_BOLT_PORT,
      httpPort: env.NEO4J_HTTP_PORT,
      heap: env.NEO4J_HEAP,
      pageCache: env.NEO4J_PAGECACHE,
    },
    nlp: {
      /** set when the user points us at CoreNLP servers they run; otherwise the managed local server is used */
      url: env.NLP_URL?.split(",").map((url) => url.trim()),
      port: env.NLP_PORT,
      heap: env.NLP_HEAP,
      /** CoreNLP's per-document annotation timeout */
      timeoutMs: env.NLP_TIMEOUT_MS,
      threads: env.NLP_THREADS,
      /** the annotation cache, keyed by document content hash */
      cacheDir: path.resolve(env.NLP_CACHE_DIR ?? path.join(PROJECT_ROOT, ".labour-graph", "annotations")),
      /** the managed server's home: next to the managed Neo4j's home when LABOUR_GRAPH_HOME moves it */
      home: path.resolve(
        env.NLP_HOME ??
          path.join(
            env.LABOUR_GRAPH_HOME ? path.dirname(path.resolve(env.LABOUR_GRAPH_HOME)) : PROJECT_ROOT,
            ".corenlp",
          ),
      ),
    },
    server: {
      host: env.HOST,
      port: env.PORT,
      corsOrigin: env.CORS_ORIGIN,
      jwtSecret: env.JWT_SECRET,
      queryTimeoutMs: env.QUERY_TIMEOUT_MS,
      /** how many `connections` path searches the API runs at once; the others wait for their turn */
      maxPathSearches: env.MAX_PATH_SEARCHES,
    },
    logLevel: env.LOG_LEVEL,
  }));

/** The resolved, read-only configuration. */
export type Config = Readonly<z.infer<typeof configSchema>>;

/** Reads and validates the configuration; a bad value is a ConfigError naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const known = Object.fromEntries(
    Object.keys(configSchema.in.shape)
      .map((k) => [k, env[k]] as const)
      .filter(([, v]) => v !== undefined),
  );
  const parsed = configSchema.safeParse(known);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = issue.path.join(".");
      return `${name}=${JSON.stringify(env[name] ?? "")}: ${issue.message}`;
    });
    const first = parsed.error.issues[0]?.path.join(".") ?? "configuration";
    throw new ConfigError(`Invalid configuration: ${lines.join("; ")}. Fix the environment variable and re-run.`, {
      input: first,
      suggestion: "See the configuration table in README.md.",
    });
  }
  return Object.freeze(parsed.data);
}

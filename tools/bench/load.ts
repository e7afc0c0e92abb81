/**
 * `npm run bench:load -- [--clients 64] [--seconds 60] [--import seeds] [--url http://127.0.0.1:4000] [--json]`:
 * concurrent GraphQL clients on loopback for a fixed time (and at most --max-requests), then a report on stdout:
 * requests, throughput, status codes, 5xx, p50/p95/p99. Without --url it starts `labour-graph serve` as a child
 * process (port --port, LG_BENCH_API_PORT or 4094) on the benchmark database; --import imports a folder into that
 * database first (unchanged documents are skipped), and an empty database gets a generated 1000-article corpus.
 * Exit codes: 0 no 5xx and no failed connection, 1 otherwise, 2 when the run could not be set up.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { PROJECT_ROOT } from "../../src/config/config.js";
import { createLogger } from "../../src/log.js";
import { startApiProcess, type ApiProcess } from "./api-process.js";
import { countGraph, openBenchDatabase, type BenchDatabase } from "./bench-database.js";
import { generateCorpus } from "./generate-corpus.js";
import { quantile } from "./latency.js";
import { createPrng } from "./prng.js";
import { GRAPHQL_QUERIES, QUERY_NAMES, pickQueryTargets, queryVariables, type QueryTargets } from "./query-bench.js";
import { runMeasured } from "./run-measured.js";

/** What the load run saw. */
export interface LoadReport {
  clients: number;
  durationSec: number;
  /** requests sent, failed connections included */
  requests: number;
  /** answers (of any status) per second of wall time */
  throughputPerSec: number;
  /** answers by HTTP status */
  statuses: Record<string, number>;
  /** answers with a 5xx status */
  serverErrors: number;
  /** requests that got no HTTP answer (refused, reset, 30 s timeout) */
  networkErrors: number;
  /** answers carrying GraphQL errors, and those errors by extensions.code */
  graphqlErrors: number;
  graphqlErrorCodes: Record<string, number>;
  /** latency of answered requests, body read included */
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Runs `clients` loops of requests against `graphqlUrl` until `durationMs` has passed or `maxRequests` were sent. */
export async function runLoad(
  graphqlUrl: string,
  targets: QueryTargets,
  clients: number,
  durationMs: number,
  maxRequests: number,
): Promise<LoadReport> {
  const durations: number[] = [];
  const statuses: Record<string, number> = {};
  let networkErrors = 0;
  let graphqlErrors = 0;
  const graphqlErrorCodes: Record<string, number> = {};
  let sent = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  const client = async () => {
    while (performance.now() < deadline && sent < maxRequests) {
      const i = sent++;
      const name = QUERY_NAMES[i % QUERY_NAMES.length]!;
      const t0 = performance.now();
      try {
        const response = await fetch(graphqlUrl, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: GRAPHQL_QUERIES[name], variables: queryVariables(name, targets, i) }),
          signal: AbortSignal.timeout(30_000),
        });
        const body = (await response.json().catch(() => ({}))) as {
          errors?: { extensions?: { code?: unknown } }[];
        };
        durations.push(performance.now() - t0);
        statuses[String(response.status)] = (statuses[String(response.status)] ?? 0) + 1;
        if (Array.isArray(body.errors) && body.errors.length > 0) {
          graphqlErrors++;
          for (const error of body.errors) {
            const code = String(error.extensions?.code ?? "none");
            graphqlErrorCodes[code] = (graphqlErrorCodes[code] ?? 0) + 1;
          }
        }
      } catch {
        networkErrors++;
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  const wall = performance.now() - started;
  durations.sort((a, b) => a - b);
  const r2 = (v: number) => Math.round(v * 100) / 100;
  return {
    clients,
    durationSec: r2(wall / 1000),
    requests: sent,
    throughputPerSec: r2((durations.length / wall) * 1000),
    statuses,
    serverErrors: Object.entries(statuses)
      .filter(([s]) => s.startsWith("5"))
      .reduce((n, [, c]) => n + c, 0),
    networkErrors,
    graphqlErrors,
    graphqlErrorCodes,
    p50Ms: r2(quantile(durations, 0.5)),
    p95Ms: r2(quantile(durations, 0.95)),
    p99Ms: r2(quantile(durations, 0.99)),
    maxMs: r2(durations.at(-1) ?? Number.NaN),
  };
}

const optionsSchema = z.object({
  clients: z.coerce.number().int().min(1).max(1024),
  seconds: z.coerce
    .number()
    .positive()
    .max(24 * 3600),
  "max-requests": z.coerce.number().int().min(1),
  url: z.url().optional(),
  port: z.coerce.number().int().min(1).max(65535).optional(),
  import: z.string().min(1).optional(),
  json: z.boolean(),
});

/** The report as lines for a reader. */
export function formatReport(report: LoadReport, url: string): string {
  const statuses = Object.entries(report.statuses)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, n]) => `${status} x${n}`)
    .join(", ");
  return [
    `load: ${report.clients} clients for ${report.durationSec} s against ${url}`,
    `requests: ${report.requests} (${report.throughputPerSec} per second)`,
    `status codes: ${statuses || "none"}; 5xx: ${report.serverErrors}; failed connections: ${report.networkErrors}; answers with GraphQL errors: ${report.graphqlErrors}${
      report.graphqlErrors > 0 ? ` (${JSON.stringify(report.graphqlErrorCodes)})` : ""
    }`,
    `latency: p50 ${report.p50Ms} ms, p95 ${report.p95Ms} ms, p99 ${report.p99Ms} ms, max ${report.maxMs} ms`,
  ].join("\n");
}

async function importFolder(db: BenchDatabase, dir: string): Promise<void> {
  const run = await runMeasured(process.execPath, [path.join(PROJECT_ROOT, "bin", "labour-graph.js"), "import", dir], {
    env: db.childEnv,
    cwd: PROJECT_ROOT,
  });
  if (run.code !== 0) throw new Error(`the import of ${dir} before the load test failed:\n${run.stderr.slice(-2000)}`);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      clients: { type: "string", default: "64" },
      seconds: { type: "string" },
      /** the former name of --seconds */
      duration: { type: "string" },
      "max-requests": { type: "string", default: "1000000" },
      url: { type: "string" },
      port: { type: "string" },
      import: { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  const options = optionsSchema.parse({ ...values, seconds: values.seconds ?? values.duration ?? "60" });
  const log = createLogger("load", "info");
  const durationMs = options.seconds * 1000;
  const db = await openBenchDatabase(process.env, log);
  let api: ApiProcess | undefined;
  try {
    if (options.import !== undefined) {
      log.info(`importing ${options.import} into the benchmark database`);
      await importFolder(db, path.resolve(options.import));
    }
    const counts = await countGraph(db.driver, db.settings.database);
    if (counts.documents === 0) {
      const dir = path.join(PROJECT_ROOT, "bench", "output", "load-corpus-1000");
      log.info("the benchmark database is empty: importing a generated 1000-article corpus first");
      await generateCorpus({ dir, count: 1000 });
      await importFolder(db, dir);
    } else {
      log.info(
        `the benchmark database holds ${counts.documents} documents, ${counts.nodes} nodes, ${counts.relationships} relationships`,
      );
    }
    const targets = await pickQueryTargets(db.driver, db.settings.database, createPrng("load"), 500);
    let graphqlUrl = options.url === undefined ? undefined : `${options.url.replace(/\/$/, "")}/graphql`;
    if (graphqlUrl === undefined) {
      api = await startApiProcess(db.childEnv, options.port ?? Number(process.env.LG_BENCH_API_PORT ?? 4094));
      graphqlUrl = api.graphqlUrl;
    }
    log.info(`${options.clients} clients for ${options.seconds} s against ${graphqlUrl}`);
    const report = await runLoad(graphqlUrl, targets, options.clients, durationMs, options["max-requests"]);
    process.stdout.write(`${options.json ? JSON.stringify(report) : formatReport(report, graphqlUrl)}\n`);
    const isClean = report.serverErrors === 0 && report.networkErrors === 0;
    if (!isClean) log.error(`${report.serverErrors} answers were 5xx and ${report.networkErrors} connections failed`);
    return isClean ? 0 : 1;
  } finally {
    await api?.stop();
    await db.close();
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    if (error instanceof z.ZodError) {
      process.stderr.write("[load] error: invalid options\n");
      for (const issue of error.issues) process.stderr.write(`  - --${issue.path.join(".")}: ${issue.message}\n`);
    } else {
      process.stderr.write(`[load] error: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    process.exitCode = 2;
  },
);

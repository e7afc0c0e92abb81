/**
 * `npm run bench:load [-- --clients 64 --duration 60 --url http://127.0.0.1:4000]`: concurrent GraphQL clients
 * on loopback for a fixed time (and at most --max-requests), then a report: status codes, 5xx count, p50/p95/p99.
 * Without --url it starts the API as a child process on the benchmark database (importing the 1k corpus first
 * if that database is empty). Exits 1 when any response was a 5xx or a connection failed.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { PROJECT_ROOT } from "../config/config.js";
import { createLogger } from "../log.js";
import { startApiProcess, type ApiProcess } from "./api-process.js";
import { countGraph, openBenchDatabase } from "./bench-database.js";
import { generateCorpus } from "./generate-corpus.js";
import { quantile } from "./latency.js";
import { createPrng } from "./prng.js";
import { GRAPHQL_QUERIES, QUERY_NAMES, pickQueryTargets, type QueryTargets } from "./query-bench.js";
import { runMeasured } from "./run-measured.js";

/** What the load run saw. */
export interface LoadReport {
  clients: number;
  durationSec: number;
  requests: number;
  throughputPerSec: number;
  statuses: Record<string, number>;
  serverErrors: number;
  networkErrors: number;
  graphqlErrors: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

function variablesFor(name: (typeof QUERY_NAMES)[number], targets: QueryTargets, i: number): Record<string, unknown> {
  switch (name) {
    case "connections": {
      const [from, to] = targets.pairs[i % targets.pairs.length]!;
      return { from, to };
    }
    case "neighbourhood":
      return { id: targets.centres[i % targets.centres.length]! };
    case "search":
      return { text: targets.searches[i % targets.searches.length]! };
  }
}

/** Runs `clients` loops of requests against `graphqlUrl` until `durationMs` has passed or `maxRequests` were sent. */
export async function runLoad(graphqlUrl: string, targets: QueryTargets, clients: number, durationMs: number, maxRequests: number): Promise<LoadReport> {
  const durations: number[] = [];
  const statuses: Record<string, number> = {};
  let networkErrors = 0;
  let graphqlErrors = 0;
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
          body: JSON.stringify({ query: GRAPHQL_QUERIES[name], variables: variablesFor(name, targets, i) }),
          signal: AbortSignal.timeout(30_000),
        });
        const body = (await response.json().catch(() => ({}))) as { errors?: unknown[] };
        durations.push(performance.now() - t0);
        statuses[String(response.status)] = (statuses[String(response.status)] ?? 0) + 1;
        if (Array.isArray(body.errors) && body.errors.length > 0) graphqlErrors++;
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
    serverErrors: Object.entries(statuses).filter(([s]) => s.startsWith("5")).reduce((n, [, c]) => n + c, 0),
    networkErrors,
    graphqlErrors,
    p50Ms: r2(quantile(durations, 0.5)),
    p95Ms: r2(quantile(durations, 0.95)),
    p99Ms: r2(quantile(durations, 0.99)),
    maxMs: r2(durations.at(-1) ?? Number.NaN),
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      clients: { type: "string", default: "64" },
      duration: { type: "string", default: "60" },
      "max-requests": { type: "string", default: "1000000" },
      url: { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  const log = createLogger("load", "info");
  const clients = Number(values.clients);
  const durationMs = Number(values.duration) * 1000;
  const db = await openBenchDatabase(process.env, log);
  let api: ApiProcess | undefined;
  try {
    if ((await countGraph(db.driver, db.settings.database)).documents === 0) {
      const dir = path.join(PROJECT_ROOT, "bench", "output", "load-corpus-1000");
      log.info("the benchmark database is empty: importing a generated 1000-article corpus first");
      await generateCorpus({ dir, count: 1000 });
      const run = await runMeasured(process.execPath, [path.join(PROJECT_ROOT, "bin", "labour-graph.js"), "import", dir], { env: db.childEnv, cwd: PROJECT_ROOT });
      if (run.code !== 0) throw new Error(`the import before the load test failed:\n${run.stderr.slice(-2000)}`);
    }
    const targets = await pickQueryTargets(db.driver, db.settings.database, createPrng("load"), 500);
    let graphqlUrl = values.url === undefined ? undefined : `${values.url.replace(/\/$/, "")}/graphql`;
    if (graphqlUrl === undefined) {
      api = await startApiProcess(db.childEnv, Number(process.env.LG_BENCH_API_PORT ?? 4094));
      graphqlUrl = api.graphqlUrl;
    }
    log.info(`${clients} clients for ${durationMs / 1000} s against ${graphqlUrl}`);
    const report = await runLoad(graphqlUrl, targets, clients, durationMs, Number(values["max-requests"]));
    log.info(
      `${report.requests} requests in ${report.durationSec} s (${report.throughputPerSec}/s); statuses ${JSON.stringify(report.statuses)}; 5xx ${report.serverErrors}; network errors ${report.networkErrors}; GraphQL errors ${report.graphqlErrors}; p50/p95/p99 ${report.p50Ms}/${report.p95Ms}/${report.p99Ms} ms`,
    );
    if (values.json) process.stdout.write(`${JSON.stringify(report)}\n`);
    return report.serverErrors === 0 && report.networkErrors === 0 ? 0 : 1;
  } finally {
    await api?.stop();
    await db.close();
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`[load] error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);

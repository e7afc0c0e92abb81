/** Latency and throughput of a request function at a given concurrency. */

/** Percentiles (milliseconds), throughput and errors of one measured run. */
export interface LatencyStats {
  requests: number;
  concurrency: number;
  errors: number;
  /** the first few error messages, to tell a failing query from a slow one */
  errorSamples: string[];
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  meanMs: number;
  maxMs: number;
  throughputPerSec: number;
  wallMs: number;
}

/** A figure rounded to `digits` decimals, as the benchmark reports its figures. */
export function round(value: number, digits: number): number {
  return Math.round(value * 10 ** digits) / 10 ** digits;
}

/** The q-quantile (0..1) of sorted values, nearest rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

/** The median of values (NaN for none). */
export function median(values: readonly number[]): number {
  const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length === 0) return Number.NaN;
  const mid = Math.floor(finite.length / 2);
  return finite.length % 2 === 1 ? finite[mid]! : (finite[mid - 1]! + finite[mid]!) / 2;
}

/** Options of measureLatency: a fixed number of requests, or a time budget, whichever ends first. */
export interface MeasureOptions {
  requests: number;
  concurrency: number;
  /** stop starting new requests after this long */
  maxMs?: number;
}

/** What one run of requests gave: each successful request's duration, and the failures. */
interface RunSamples {
  durations: number[];
  errors: number;
  errorSamples: string[];
  wallMs: number;
}

/** Runs `task(offset + k)` for k < requests with `concurrency` workers; a rejected task counts as an error. */
async function runRequests(
  task: (i: number) => Promise<void>,
  options: MeasureOptions & { offset?: number },
): Promise<RunSamples> {
  const samples = emptySamples();
  const offset = options.offset ?? 0;
  let next = 0;
  const started = performance.now();
  const deadline = options.maxMs === undefined ? Number.POSITIVE_INFINITY : started + options.maxMs;
  const worker = async () => {
    while (next < options.requests && performance.now() < deadline) {
      const i = offset + next++;
      const t0 = performance.now();
      try {
        await task(i);
        samples.durations.push(performance.now() - t0);
      } catch (error) {
        samples.errors++;
        if (samples.errorSamples.length < 5)
          samples.errorSamples.push(error instanceof Error ? error.message.slice(0, 300) : String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  samples.wallMs = performance.now() - started;
  return samples;
}

/** The figures of (pooled) samples. */
function statsOf(samples: RunSamples, concurrency: number): LatencyStats {
  const durations = [...samples.durations].sort((a, b) => a - b);
  const sum = durations.reduce((s, d) => s + d, 0);
  return {
    requests: durations.length + samples.errors,
    concurrency,
    errors: samples.errors,
    errorSamples: samples.errorSamples.slice(0, 5),
    p50Ms: round(quantile(durations, 0.5), 2),
    p95Ms: round(quantile(durations, 0.95), 2),
    p99Ms: round(quantile(durations, 0.99), 2),
    meanMs: round(durations.length > 0 ? sum / durations.length : Number.NaN, 2),
    maxMs: round(durations.at(-1) ?? Number.NaN, 2),
    throughputPerSec: round((durations.length / samples.wallMs) * 1000, 2),
    wallMs: Math.round(samples.wallMs),
  };
}

/** Runs `task(i)` `requests` times with `concurrency` workers; a rejected task counts as an error. */
export async function measureLatency(
  task: (i: number) => Promise<void>,
  options: MeasureOptions,
): Promise<LatencyStats> {
  return statsOf(await runRequests(task, options), options.concurrency);
}

/** Options of measurePaired. */
export interface PairedOptions {
  /** rounds of one block of each task */
  rounds: number;
  /** requests per block */
  requestsPerBlock: number;
  concurrency: number;
}

/**
 * Measures two ways of doing the same requests in alternating blocks (a b, b a, a b, ...), each block of a round on
 * the same request indices, and pools each task's samples: load that comes and goes on a shared machine falls on
 * both alike, which two back-to-back runs do not ensure. Returns the pooled figures of each.
 */
export async function measurePaired(
  a: (i: number) => Promise<void>,
  b: (i: number) => Promise<void>,
  options: PairedOptions,
): Promise<{ a: LatencyStats; b: LatencyStats }> {
  const pooled = { a: emptySamples(), b: emptySamples() };
  for (let round = 0; round < options.rounds; round++) {
    const block = { requests: options.requestsPerBlock, concurrency: options.concurrency };
    const offset = round * options.requestsPerBlock;
    const order = round % 2 === 0 ? (["a", "b"] as const) : (["b", "a"] as const);
    for (const which of order) {
      addSamples(pooled[which], await runRequests(which === "a" ? a : b, { ...block, offset }));
    }
  }
  return { a: statsOf(pooled.a, options.concurrency), b: statsOf(pooled.b, options.concurrency) };
}

function emptySamples(): RunSamples {
  return { durations: [], errors: 0, errorSamples: [], wallMs: 0 };
}

function addSamples(into: RunSamples, run: RunSamples): void {
  for (const d of run.durations) into.durations.push(d);
  into.errors += run.errors;
  into.errorSamples.push(...run.errorSamples);
  into.wallMs += run.wallMs;
}

/** Options of measureAfterIdle. */
export interface AfterIdleOptions {
  /** pairs of requests */
  requests: number;
  /** how long nothing is asked before each second request of a pair */
  idleMs: number;
}

/**
 * The same request asked right after the previous one and after `idleMs` of quiet, in pairs: what a server process
 * costs to wake. On a machine whose idle processors halt (a VM without guest halt-polling), a request to a process
 * that waited even a few milliseconds pays that wake-up, and a request at one client always has: the API waits for
 * its database, its client waits for the API.
 */
export async function measureAfterIdle(
  task: (i: number) => Promise<void>,
  options: AfterIdleOptions,
): Promise<{ backToBack: LatencyStats; afterIdle: LatencyStats }> {
  const backToBack = emptySamples();
  const afterIdle = emptySamples();
  for (let i = 0; i < options.requests; i++) {
    addSamples(backToBack, await runRequests(task, { requests: 1, concurrency: 1, offset: 2 * i }));
    await new Promise((resolve) => setTimeout(resolve, options.idleMs));
    addSamples(afterIdle, await runRequests(task, { requests: 1, concurrency: 1, offset: 2 * i + 1 }));
  }
  return { backToBack: statsOf(backToBack, 1), afterIdle: statsOf(afterIdle, 1) };
}

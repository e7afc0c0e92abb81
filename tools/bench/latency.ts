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

/** Runs `task(i)` `requests` times with `concurrency` workers; a rejected task counts as an error. */
export async function measureLatency(
  task: (i: number) => Promise<void>,
  options: MeasureOptions,
): Promise<LatencyStats> {
  const durations: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const deadline = options.maxMs === undefined ? Number.POSITIVE_INFINITY : started + options.maxMs;
  const worker = async () => {
    while (next < options.requests && performance.now() < deadline) {
      const i = next++;
      const t0 = performance.now();
      try {
        await task(i);
        durations.push(performance.now() - t0);
      } catch (error) {
        errors++;
        if (errorSamples.length < 5)
          errorSamples.push(error instanceof Error ? error.message.slice(0, 300) : String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  const wallMs = performance.now() - started;
  durations.sort((a, b) => a - b);
  const sum = durations.reduce((s, d) => s + d, 0);
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    requests: durations.length + errors,
    concurrency: options.concurrency,
    errors,
    errorSamples,
    p50Ms: round(quantile(durations, 0.5)),
    p95Ms: round(quantile(durations, 0.95)),
    p99Ms: round(quantile(durations, 0.99)),
    meanMs: round(durations.length > 0 ? sum / durations.length : Number.NaN),
    maxMs: round(durations.at(-1) ?? Number.NaN),
    throughputPerSec: round((durations.length / wallMs) * 1000),
    wallMs: Math.round(wallMs),
  };
}

import { describe, expect, it } from "vitest";
import { measureAfterIdle, measureLatency, measurePaired, median, quantile } from "./latency.js";

describe("latency figures", () => {
  it("takes nearest-rank quantiles and medians of odd and even counts", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantile(values, 0.5)).toBe(50);
    expect(quantile(values, 0.95)).toBe(95);
    expect(quantile(values, 0.99)).toBe(99);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it("runs every request once at the given concurrency and counts rejections as errors", async () => {
    let running = 0;
    let peak = 0;
    const seen = new Set<number>();
    const stats = await measureLatency(
      async (i) => {
        seen.add(i);
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 2));
        running--;
        if (i % 10 === 0) throw new Error(`request ${i} failed`);
      },
      { requests: 50, concurrency: 8 },
    );
    expect(seen.size).toBe(50);
    expect(peak).toBe(8);
    expect(stats.requests).toBe(50);
    expect(stats.errors).toBe(5);
    expect(stats.errorSamples[0]).toMatch(/failed/);
    expect(stats.p50Ms).toBeGreaterThan(0);
  });

  it("alternates two tasks in blocks on the same request indices and pools each one's samples", async () => {
    const calls: string[] = [];
    const task = (name: string, ms: number) => async (i: number) => {
      calls.push(`${name}${i}`);
      await new Promise((r) => setTimeout(r, ms));
    };
    const { a, b } = await measurePaired(task("a", 1), task("b", 6), {
      rounds: 3,
      requestsPerBlock: 2,
      concurrency: 1,
    });
    // a b, then b a, then a b: each round's blocks ask for the same indices
    expect(calls).toEqual(["a0", "a1", "b0", "b1", "b2", "b3", "a2", "a3", "a4", "a5", "b4", "b5"]);
    expect(a.requests).toBe(6);
    expect(b.requests).toBe(6);
    expect(b.p50Ms).toBeGreaterThan(a.p95Ms);
  });

  it("asks each pair's second request after the given quiet and reports the two kinds apart", async () => {
    const asked: { i: number; at: number }[] = [];
    // a server that is slow to answer after a pause, as a halted processor is slow to wake
    let last = performance.now();
    const task = async (i: number) => {
      const now = performance.now();
      asked.push({ i, at: now });
      const waited = now - last;
      await new Promise((r) => setTimeout(r, waited > 15 ? 10 : 0));
      last = performance.now();
    };
    const { backToBack, afterIdle } = await measureAfterIdle(task, { requests: 5, idleMs: 20 });
    expect(asked.map((a) => a.i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // every odd request came at least the quiet after the one before it
    for (let k = 1; k < asked.length; k += 2) expect(asked[k]!.at - asked[k - 1]!.at).toBeGreaterThanOrEqual(19);
    expect(backToBack.requests).toBe(5);
    expect(afterIdle.requests).toBe(5);
    expect(afterIdle.p50Ms).toBeGreaterThan(backToBack.p95Ms);
  });
});

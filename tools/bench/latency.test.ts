import { describe, expect, it } from "vitest";
import { measureLatency, measurePaired, median, quantile } from "./latency.js";

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
});

import { describe, expect, it } from "vitest";
import { Admission, QueryBusyError, admitted } from "./admission.js";

/** A piece of work that ends when the test says so, and records when it started. */
function gate(started: string[], name: string) {
  let open!: () => void;
  let fail!: (error: Error) => void;
  const done = new Promise<string>((resolve, reject) => {
    open = () => resolve(name);
    fail = reject;
  });
  return {
    work: () => {
      started.push(name);
      return done;
    },
    open,
    fail,
  };
}

const tick = () => new Promise((r) => setImmediate(r));

describe("Admission", () => {
  it("runs at most `limit` at once and admits the others first come, first served", async () => {
    const admission = new Admission("path searches", 2);
    const started: string[] = [];
    const gates = ["a", "b", "c", "d"].map((name) => gate(started, name));
    const results = gates.map((g) => admission.run(g.work));
    await tick();
    expect(started).toEqual(["a", "b"]);
    expect(admission.waiting).toBe(2);
    gates[1]!.open();
    await tick();
    expect(started).toEqual(["a", "b", "c"]);
    gates[0]!.open();
    gates[2]!.open();
    await tick();
    expect(started).toEqual(["a", "b", "c", "d"]);
    gates[3]!.open();
    expect(await Promise.all(results)).toEqual(["a", "b", "c", "d"]);
    expect(admission.peakActive).toBe(2);
    expect(admission.waiting).toBe(0);
  });

  it("frees the place of a call that failed", async () => {
    const admission = new Admission("path searches", 1);
    const started: string[] = [];
    const first = gate(started, "first");
    const second = gate(started, "second");
    const failing = admission.run(first.work);
    const next = admission.run(second.work);
    first.fail(new Error("query failed"));
    await expect(failing).rejects.toThrow("query failed");
    await tick();
    expect(started).toEqual(["first", "second"]);
    second.open();
    expect(await next).toBe("second");
  });

  it("gives up a call that waited longer than allowed, without taking a place", async () => {
    const admission = new Admission("path searches", 1);
    const started: string[] = [];
    const long = gate(started, "long");
    const running = admission.run(long.work);
    const refused = admission.run(gate(started, "late").work, 20);
    await expect(refused).rejects.toBeInstanceOf(QueryBusyError);
    await expect(refused).rejects.toThrow("Too many path searches at once (the limit is 1); this one waited 20 ms");
    expect(admission.waiting).toBe(0);
    long.open();
    await running;
    // the place is free again: the next call runs at once
    const after = gate(started, "after");
    const next = admission.run(after.work, 20);
    after.open();
    expect(await next).toBe("after");
    expect(started).toEqual(["long", "after"]);
  });

  it("refuses a limit below 1, and admitted() runs at once without an admission", async () => {
    expect(() => new Admission("path searches", 0)).toThrow(RangeError);
    expect(() => new Admission("path searches", 1.5)).toThrow(RangeError);
    expect(await admitted(undefined, async () => 42)).toBe(42);
  });
});

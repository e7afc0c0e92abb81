import { describe, expect, it } from "vitest";
import { DatabaseHealth } from "./database-health.js";

type Behaviour = "answers" | "refuses" | "hangs";

/** A database whose server-info call answers, fails as a refused connection does, or never answers. */
function database(initial: Behaviour) {
  const state = { behaviour: initial, calls: 0 };
  const driver = {
    getServerInfo: () => {
      state.calls++;
      if (state.behaviour === "answers") return Promise.resolve({} as never);
      if (state.behaviour === "refuses") return Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:7687"));
      return new Promise<never>(() => undefined);
    },
  };
  return { state, health: new DatabaseHealth(driver, "neo4j", { intervalMs: 0, timeoutMs: 20 }) };
}

describe("DatabaseHealth", () => {
  it("says reachable when the check answers, unreachable when it is refused, and recovers", async () => {
    const { state, health } = database("answers");
    expect(await health.isReachable(true)).toBe(true);
    state.behaviour = "refuses";
    expect(await health.isReachable(true)).toBe(false);
    state.behaviour = "answers";
    expect(await health.isReachable(true)).toBe(true);
    expect(state.calls).toBe(3);
  });

  it("keeps a busy database reachable: a check that times out while requests are answered", async () => {
    const { state, health } = database("answers");
    expect(await health.isReachable(true)).toBe(true);
    state.behaviour = "hangs";
    health.markAnswered();
    expect(await health.isReachable(true)).toBe(true);
  });

  it("says unreachable when the check times out and nothing was answered since the last check", async () => {
    const { state, health } = database("answers");
    health.markAnswered();
    expect(await health.isReachable(true)).toBe(true);
    state.behaviour = "hangs";
    expect(await health.isReachable(true)).toBe(false);
    // an unreachable database stays so until a check answers
    health.markAnswered();
    expect(await health.isReachable(true)).toBe(false);
    state.behaviour = "answers";
    expect(await health.isReachable(true)).toBe(true);
  });

  it("says unreachable at once after a request failed for that reason", async () => {
    const { health } = database("answers");
    expect(await health.isReachable(true)).toBe(true);
    health.markUnreachable();
    expect(await health.isReachable()).toBe(true); // interval 0: checked again, awaited because it was unreachable
    const slow = new DatabaseHealth({ getServerInfo: () => Promise.resolve({} as never) }, "neo4j", {
      intervalMs: 60_000,
    });
    await slow.isReachable(true);
    slow.markUnreachable();
    expect(await slow.isReachable()).toBe(false);
  });
});

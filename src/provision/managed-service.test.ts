import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ProvisionError } from "../domain/errors.js";
import { ManagedService, type BaseRunState } from "./managed-service.js";
import { isProcessAlive } from "./system.js";

const homes: string[] = [];
function serviceInNewHome(): ManagedService<BaseRunState> {
  const home = mkdtempSync(path.join(tmpdir(), "labour-graph-service-"));
  homes.push(home);
  const service = new ManagedService<BaseRunState>({
    name: "CoreNLP",
    home,
    command: "nlp",
    externalVariable: "NLP_URL",
    pomDir: "corenlp",
    processMarker: "LoopbackServer.java",
    logFiles: ["server.log"],
    startFailureHint: "Check NLP_HEAP.",
  });
  service.makeFolders();
  return service;
}

/** A process that has exited, and its pid. */
async function exitedPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", "process.exit(1)"], { stdio: "ignore" });
  await new Promise((resolve) => child.once("exit", resolve));
  return child.pid!;
}

afterEach(() => {
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
});

describe("ManagedService", () => {
  it("treats a state file whose process has gone as stopped, and removes it on stop", async () => {
    const service = serviceInNewHome();
    const pid = await exitedPid();
    writeFileSync(service.paths.state, JSON.stringify({ pid, version: "4.5.10", startedAt: "2026-01-01T00:00:00Z" }));
    expect(service.runningState()).toBeUndefined();
    expect(await service.stop(1000)).toEqual({ wasRunning: false });
    expect(existsSync(service.paths.state)).toBe(false);
  });

  it("does not take a live process of another program with a recycled pid for the server", async () => {
    const service = serviceInNewHome();
    writeFileSync(service.paths.state, JSON.stringify({ pid: process.pid, version: "4.5.10", startedAt: "x" }));
    expect(service.runningState()).toBeUndefined();
    expect(await service.stop(1000)).toEqual({ wasRunning: false });
    expect(isProcessAlive(process.pid)).toBe(true);
  });

  it("fails with the tail of the service's own log and the hint when the process exits while starting", async () => {
    const service = serviceInNewHome();
    writeFileSync(
      path.join(service.paths.logs, "server.log"),
      "loading models\njava.lang.OutOfMemoryError: Java heap space\n",
    );
    writeFileSync(service.paths.consoleLog, "console noise\n");
    const pid = await exitedPid();
    writeFileSync(service.paths.state, JSON.stringify({ pid, version: "4.5.10", startedAt: "x" }));
    const failure = service.waitUntilReady(pid, async () => false, "http://127.0.0.1:9000", 5000);
    await expect(failure).rejects.toThrowError(ProvisionError);
    await expect(failure).rejects.toThrowError(
      /^CoreNLP exited while starting:\nloading models\njava.lang.OutOfMemoryError/,
    );
    await failure.catch((error: ProvisionError) => {
      expect(error.suggestion).toMatch(/labour-graph nlp start.* Check NLP_HEAP\.$/);
      expect(error.input).toBe(path.join(service.paths.logs, "server.log"));
    });
    expect(existsSync(service.paths.state)).toBe(false);
  });

  it("gives up after the timeout with the console log when the service writes no log of its own", async () => {
    const service = serviceInNewHome();
    writeFileSync(service.paths.consoleLog, "still loading\n");
    const failure = service.waitUntilReady(process.pid, async () => false, "http://127.0.0.1:9000", 600);
    await expect(failure).rejects.toThrowError(/did not answer on http:\/\/127.0.0.1:9000 within 1 s:\nstill loading$/);
  });

  it("returns as soon as the readiness check passes", async () => {
    const service = serviceInNewHome();
    let calls = 0;
    await service.waitUntilReady(process.pid, async () => ++calls === 2, "x", 10_000);
    expect(calls).toBe(2);
  });

  it("runs one start at a time: a second start waits until the first has finished", async () => {
    const service = serviceInNewHome();
    const events: string[] = [];
    const start = (name: string) =>
      service.withStartLock(async () => {
        events.push(`${name} in`);
        await new Promise((resolve) => setTimeout(resolve, 300));
        events.push(`${name} out`);
        return name;
      }, 10_000);
    expect(await Promise.all([start("a"), start("b")])).toEqual(["a", "b"]);
    expect(events).toEqual(["a in", "a out", "b in", "b out"]);
    expect(existsSync(path.join(service.paths.run, "start.lock"))).toBe(false);
  });

  it("takes over a start lock left by a process that has died", async () => {
    const service = serviceInNewHome();
    writeFileSync(path.join(service.paths.run, "start.lock"), String(await exitedPid()));
    expect(await service.withStartLock(async () => "started", 1000)).toBe("started");
  });

  it("gives up waiting for a live start lock after the timeout, naming the lock file", async () => {
    const service = serviceInNewHome();
    const lock = path.join(service.paths.run, "start.lock");
    writeFileSync(lock, String(process.pid));
    await expect(service.withStartLock(async () => "never", 600)).rejects.toThrowError(
      `Another process (pid ${process.pid}) has been starting CoreNLP in ${service.paths.home} for too long.`,
    );
  });
});

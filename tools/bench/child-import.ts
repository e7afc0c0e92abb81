/** Runs `labour-graph import` as a child process that a test or the benchmark can watch, kill or wait for. */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { PROJECT_ROOT } from "../../src/config/config.js";

/** How the child import ended. */
export interface ChildImportResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A running import. */
export interface ChildImport {
  child: ChildProcess;
  done: Promise<ChildImportResult>;
}

/** Starts `labour-graph import <paths...> [extra args]` with the given environment (the built CLI in dist/). */
export function spawnImport(
  paths: readonly string[],
  env: NodeJS.ProcessEnv,
  extraArgs: readonly string[] = [],
): ChildImport {
  const child = spawn(
    process.execPath,
    [path.join(PROJECT_ROOT, "bin", "labour-graph.js"), "import", ...paths, ...extraArgs],
    {
      env,
      cwd: PROJECT_ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<ChildImportResult>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

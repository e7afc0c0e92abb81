/** Runs a child process and samples its peak resident memory (VmHWM in /proc/<pid>/status) while it runs. */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";

/** How a measured child process ended. */
export interface MeasuredRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  ms: number;
  /** peak resident set size in MiB (VmHWM), or NaN where /proc is not available */
  peakRssMiB: number;
  stdout: string;
  stderr: string;
}

/** Reads VmHWM (peak RSS) of a process in KiB, or undefined when it cannot be read. */
export function readPeakRssKiB(pid: number): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match?.[1] === undefined ? undefined : Number(match[1]);
  } catch {
    return undefined;
  }
}

/** Options of runMeasured. */
export interface RunMeasuredOptions {
  env: NodeJS.ProcessEnv;
  cwd?: string;
  timeoutMs?: number;
  sampleEveryMs?: number;
  /** called with each chunk of stderr (progress lines) */
  onStderr?: (chunk: string) => void;
}

/** Runs `command args`, keeping the last 64 KiB of its output, and reports wall time and peak RSS. */
export function runMeasured(command: string, args: string[], options: RunMeasuredOptions): Promise<MeasuredRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { env: options.env, cwd: options.cwd, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let peakKiB = 0;
    const keep = (s: string) => (s.length > 65_536 ? s.slice(-65_536) : s);
    const sample = () => {
      if (child.pid !== undefined) peakKiB = Math.max(peakKiB, readPeakRssKiB(child.pid) ?? 0);
    };
    const sampler = setInterval(sample, options.sampleEveryMs ?? 50);
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 3_600_000);
    child.stdout.on("data", (d: Buffer) => (stdout = keep(stdout + d.toString())));
    child.stderr.on("data", (d: Buffer) => {
      const text = d.toString();
      stderr = keep(stderr + text);
      options.onStderr?.(text);
    });
    // the last sample before exit: /proc/<pid> exists until the parent reaps the child
    child.on("exit", sample);
    child.on("error", (error) => {
      clearInterval(sampler);
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearInterval(sampler);
      clearTimeout(timer);
      resolve({
        code,
        signal,
        ms: performance.now() - started,
        peakRssMiB: peakKiB > 0 ? Math.round((peakKiB / 1024) * 10) / 10 : Number.NaN,
        stdout,
        stderr,
      });
    });
  });
}

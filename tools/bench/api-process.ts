/** Runs the API server (`labour-graph serve`) as a child process for the benchmark and the load script. */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { PROJECT_ROOT } from "../../src/config/config.js";
import { SERVER_NODE_FLAGS } from "../../src/config/server-node-flags.js";

/** A running API child process. */
export interface ApiProcess {
  url: string;
  graphqlUrl: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

async function isHealthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/healthz`);
    return response.status === 200;
  } catch {
    return false;
  }
}

function waitExit(child: ChildProcess, ms: number): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve();
    }, ms);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Starts `labour-graph serve` on 127.0.0.1:<port> and waits until /healthz answers 200. */
export async function startApiProcess(env: NodeJS.ProcessEnv, port: number, timeoutMs = 60_000): Promise<ApiProcess> {
  const child = spawn(
    process.execPath,
    // as deployed: the Node options of npm start
    [
      ...SERVER_NODE_FLAGS,
      path.join(PROJECT_ROOT, "bin", "labour-graph.js"),
      "serve",
      "--port",
      String(port),
      "--host",
      "127.0.0.1",
    ],
    {
      // NODE_ENV=production (graphql-js skips its development checks; the Dockerfile sets it too)
      env: {
        ...env,
        NODE_ENV: "production",
        HOST: "127.0.0.1",
        PORT: String(port),
        LOG_LEVEL: env.LOG_LEVEL ?? "warn",
      },
      cwd: PROJECT_ROOT,
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-8000)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (!(await isHealthy(url))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(
        `The API did not start on ${url} (exit ${String(child.exitCode)}):\n${stderr.trim().split("\n").slice(-10).join("\n")}`,
      );
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    graphqlUrl: `${url}/graphql`,
    pid: child.pid,
    stop: async () => {
      child.kill("SIGTERM");
      await waitExit(child, 15_000);
    },
  };
}

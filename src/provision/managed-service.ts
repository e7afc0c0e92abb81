/**
 * One managed-service mechanism for the Java servers labour-graph runs itself (Neo4j, the CoreNLP server): jars
 * resolved through Maven from a pom in scripts/, Java and Maven required with clear messages, the process spawned
 * detached with a state file and a console log in the service home, readiness waited for, SIGTERM then SIGKILL to
 * stop, and the log tail in every failure message.
 */
import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../config/config.js";
import { ProvisionError } from "../domain/errors.js";
import { silentLogger, type Logger } from "../log.js";
import { hasExecutable, isPortFree, isProcessAlive, runCommand, sleep } from "./system.js";

/** What a managed service is and how its messages name it. */
export interface ServiceSpec {
  /** the name in messages: "Neo4j", "CoreNLP" */
  name: string;
  home: string;
  /** the CLI command group that manages it: "db", "nlp" */
  command: string;
  /** the variable that points labour-graph at a server the user runs instead: NEO4J_URI, NLP_URL */
  externalVariable: string;
  /** the folder under scripts/ with the poms: "neo4j", "corenlp" */
  pomDir: string;
  /** text of the java command line (main class or source file) that tells our process from a recycled pid */
  processMarker: string;
  /** log files under logs/ to show on failure, most telling first (console.log is always tried last) */
  logFiles?: string[];
  /** added to the suggestion when the server exits or does not answer while starting (common causes) */
  startFailureHint?: string;
  logger?: Logger;
}

/** What every state file holds. */
export interface BaseRunState {
  pid: number;
  version: string;
  startedAt: string;
}

/** Starts, watches and stops one Java server; the service-specific classes own one each. */
export class ManagedService<S extends BaseRunState> {
  readonly log: Logger;

  constructor(private readonly spec: ServiceSpec) {
    this.log = spec.logger ?? silentLogger;
  }

  /** The folders and files every managed service keeps in its home. */
  get paths() {
    const home = this.spec.home;
    return {
      home,
      logs: path.join(home, "logs"),
      run: path.join(home, "run"),
      lib: path.join(home, "lib"),
      state: path.join(home, "run", "labour-graph.json"),
      consoleLog: path.join(home, "logs", "console.log"),
    };
  }

  /** Creates the home's folders (and `extra` ones). */
  makeFolders(extra: string[] = []): void {
    for (const dir of [this.paths.logs, this.paths.run, this.paths.lib, ...extra]) mkdirSync(dir, { recursive: true });
  }

  /** The state of the running server, or undefined when it does not run (a stale state file is ignored). */
  runningState(): S | undefined {
    const state = this.readState();
    return state !== undefined && this.isOurProcess(state.pid) ? state : undefined;
  }

  /**
   * Java 17 or newer, or a ProvisionError that says how to get it. With `needsCompiler`, a JDK: a Java runtime alone
   * (JRE) cannot run a single-file source program, which needs the jdk.compiler module.
   */
  async requireJava(options: { needsCompiler?: boolean } = {}): Promise<void> {
    const { name, externalVariable } = this.spec;
    const result = await runCommand("java", ["-version"]).catch(() => undefined);
    if (result === undefined || result.code !== 0) {
      throw new ProvisionError(`Java was not found: the managed ${name} needs Java 17 or newer on the PATH.`, {
        input: "java",
        suggestion: `Install a JDK 17 (e.g. \`apt-get install openjdk-17-jdk-headless\`), or run ${name} yourself and set ${externalVariable}.`,
      });
    }
    const match = /version "(\d+)/.exec(result.stderr + result.stdout);
    const major = match?.[1] === undefined ? 0 : Number(match[1]);
    if (major < 17) {
      throw new ProvisionError(`Java ${major} was found, but the managed ${name} needs Java 17 or newer.`, {
        input: "java",
        suggestion: `Install a JDK 17 and put it first on the PATH, or set ${externalVariable} to a ${name} you run.`,
      });
    }
    if (options.needsCompiler) {
      const modules = await runCommand("java", ["--list-modules"]);
      if (!/^jdk\.compiler@/m.test(modules.stdout)) {
        throw new ProvisionError(
          `Java ${major} was found, but only as a runtime (JRE): the managed ${name} starts through a single-file Java program, which needs a JDK (the jdk.compiler module).`,
          {
            input: "java",
            suggestion: `Install a JDK 17 (e.g. \`apt-get install openjdk-17-jdk-headless\`), or set ${externalVariable} to a ${name} you run.`,
          },
        );
      }
    }
  }

  /** Fails before anything is fetched or spawned when the port is taken, naming the variable that moves it. */
  async requireFreePort(port: number, variable: string): Promise<void> {
    const { name, externalVariable } = this.spec;
    if (!(await isPortFree(port))) {
      throw new ProvisionError(`Port ${port} on 127.0.0.1 is already in use, so ${name} cannot listen there.`, {
        input: `${variable}=${port}`,
        suggestion: `Stop whatever uses port ${port} (another ${name}?), choose another port with ${variable}, or set ${externalVariable} to a ${name} you already run.`,
      });
    }
  }

  /**
   * Runs `work` holding the home's start lock, so that two processes starting the server at once do not spawn two:
   * the second waits, then finds the first one's server in the state file. A lock left by a dead process is taken over.
   */
  async withStartLock<T>(work: () => Promise<T>, timeoutMs: number): Promise<T> {
    const lock = path.join(this.paths.run, "start.lock");
    mkdirSync(this.paths.run, { recursive: true });
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        writeFileSync(lock, String(process.pid), { flag: "wx" });
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      const holder = Number(readFileSync(lock, { encoding: "utf8", flag: "a+" }).trim());
      // an empty file is a lock being written this instant: wait for it like any other
      if (holder > 0 && !isProcessAlive(holder)) {
        rmSync(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new ProvisionError(
          `Another process (pid ${holder}) has been starting ${this.spec.name} in ${this.spec.home} for too long.`,
          {
            input: lock,
            suggestion: `Wait for it and run \`labour-graph ${this.spec.command} status\`, or delete ${lock} if no labour-graph process runs.`,
          },
        );
      }
      await sleep(500);
    }
    try {
      return await work();
    } finally {
      rmSync(lock, { force: true });
    }
  }

  /** Runs a Maven goal against scripts/<pomDir>/<pom>; a failure says what to check. */
  async maven(pom: string, goal: string, properties: Record<string, string>): Promise<void> {
    const { name, command, externalVariable, pomDir } = this.spec;
    const pomPath = `scripts/${pomDir}/${pom}`;
    if (!(await hasExecutable("mvn", ["-v"]))) {
      throw new ProvisionError(
        `Maven (mvn) was not found: it fetches the ${name} jars from Maven Central on first start.`,
        {
          input: "mvn",
          suggestion: `Install Maven (e.g. \`apt-get install maven\`), or run ${name} yourself and set ${externalVariable}.`,
        },
      );
    }
    const args = ["-q", "-B", "-f", path.join(PROJECT_ROOT, pomPath), goal];
    const result = await runCommand("mvn", [...args, ...Object.entries(properties).map(([k, v]) => `-D${k}=${v}`)]);
    if (result.code !== 0) {
      const tail = (result.stdout + result.stderr).trim().split("\n").slice(-15).join("\n");
      throw new ProvisionError(`Maven could not fetch the ${name} artifacts (mvn ${goal} -f ${pomPath}):\n${tail}`, {
        input: pomPath,
        suggestion: `Check network access to Maven Central (and ~/.m2/settings.xml proxies), then run \`labour-graph ${command} start\` again; or set ${externalVariable} to a ${name} you run.`,
      });
    }
  }

  /**
   * The jars of a pom's dependencies. Maven's local repository is the cache, so only the list of jar paths is kept
   * in lib/, keyed by `key` (the versions); it is resolved again when a jar has gone.
   */
  async resolveClasspath(key: string, pom: string, properties: Record<string, string>): Promise<string[]> {
    const file = path.join(this.paths.lib, `classpath-${key}.txt`);
    const read = () =>
      existsSync(file) ? readFileSync(file, "utf8").trim().split(path.delimiter).filter(Boolean) : [];
    const cached = read();
    if (cached.length > 0 && cached.every((jar) => existsSync(jar))) return cached;
    this.log.info(`fetching ${this.spec.name} (${key}) from Maven Central (first start only)`);
    await this.maven(pom, "dependency:build-classpath", { ...properties, "mdep.outputFile": file });
    return read();
  }

  /** Spawns `java args` detached, output appended to logs/console.log, and records the state file. */
  spawnJava(args: string[], state: Omit<S, "pid" | "startedAt">, env: NodeJS.ProcessEnv = process.env): number {
    const out = openSync(this.paths.consoleLog, "a");
    const child = spawn("java", args, { detached: true, stdio: ["ignore", out, out], env });
    closeSync(out);
    const pid = child.pid;
    if (pid === undefined) {
      throw new ProvisionError(`Could not start the ${this.spec.name} Java process.`, {
        suggestion: "Check that `java -version` works.",
      });
    }
    child.unref();
    writeFileSync(this.paths.state, JSON.stringify({ ...state, pid, startedAt: new Date().toISOString() }, null, 2));
    return pid;
  }

  /** Polls `isReady` until it holds; fails with the log tail when the process dies or time runs out. */
  async waitUntilReady(pid: number, isReady: () => Promise<boolean>, target: string, timeoutMs: number): Promise<void> {
    const { name, command, startFailureHint } = this.spec;
    const hint = startFailureHint === undefined ? "" : ` ${startFailureHint}`;
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!isProcessAlive(pid)) {
        rmSync(this.paths.state, { force: true });
        throw new ProvisionError(`${name} exited while starting:\n${this.logTail()}`, {
          input: this.logFile(),
          suggestion: `Read the log above; \`labour-graph ${command} start\` can be run again once the cause is fixed.${hint}`,
        });
      }
      if (await isReady()) return;
      await sleep(500);
    }
    throw new ProvisionError(
      `${name} did not answer on ${target} within ${Math.round(timeoutMs / 1000)} s:\n${this.logTail()}`,
      {
        input: target,
        suggestion: `Run \`labour-graph ${command} status\`; if it is still starting, wait and retry, otherwise \`labour-graph ${command} stop\` and start again.${hint}`,
      },
    );
  }

  /** Stops the server cleanly (SIGTERM, then SIGKILL after a grace period). */
  async stop(graceMs: number): Promise<{ wasRunning: boolean }> {
    const state = this.runningState();
    if (state === undefined) {
      rmSync(this.paths.state, { force: true });
      return { wasRunning: false };
    }
    process.kill(state.pid, "SIGTERM");
    const deadline = Date.now() + graceMs;
    while (isProcessAlive(state.pid) && Date.now() < deadline) await sleep(200);
    if (isProcessAlive(state.pid)) {
      this.log.warn(`${this.spec.name} (pid ${state.pid}) did not stop within ${graceMs} ms; killing it`);
      process.kill(state.pid, "SIGKILL");
      while (isProcessAlive(state.pid)) await sleep(100);
    }
    rmSync(this.paths.state, { force: true });
    return { wasRunning: true };
  }

  /** The last lines of the most telling log that has any. */
  logTail(lines = 20): string {
    for (const file of this.logFiles()) {
      if (existsSync(file)) {
        const text = readFileSync(file, "utf8").trim();
        if (text) return text.split("\n").slice(-lines).join("\n");
      }
    }
    return "(no log written)";
  }

  private logFiles(): string[] {
    return [...(this.spec.logFiles ?? []).map((name) => path.join(this.paths.logs, name)), this.paths.consoleLog];
  }

  private logFile(): string {
    return this.logFiles()[0] ?? this.paths.consoleLog;
  }

  private readState(): S | undefined {
    try {
      return JSON.parse(readFileSync(this.paths.state, "utf8")) as S;
    } catch {
      return undefined;
    }
  }

  /** The pid is alive and is our server in this home (guards against a recycled pid). */
  private isOurProcess(pid: number): boolean {
    if (!isProcessAlive(pid)) return false;
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      return cmdline.includes(this.spec.processMarker) && cmdline.includes(this.spec.home);
    } catch {
      return true; // no /proc (macOS): trust the pid
    }
  }
}

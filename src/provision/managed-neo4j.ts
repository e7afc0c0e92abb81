/**
 * The managed local Neo4j: the real Neo4j Community server started from its Maven Central jars
 * (org.neo4j:neo4j with CommunityEntryPoint, the HTTP connector and Neo4j Browser) with APOC core in
 * the plugins folder, on 127.0.0.1, with a generated password. For machines without Docker.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../config/config.js";
import { ProvisionError } from "../domain/errors.js";
import { answersQuery } from "../graph/probe.js";
import type { Logger } from "../log.js";
import { silentLogger } from "../log.js";
import { hasExecutable, isPortFree, isPortOpen, isProcessAlive, runCommand, sleep } from "./system.js";
import { readNeo4jVersions, type Neo4jVersions } from "./versions.js";

/** Where and how the managed Neo4j runs. */
export interface ManagedNeo4jOptions {
  home: string;
  boltPort: number;
  httpPort: number;
  heap: string;
  pageCache: string;
  logger?: Logger;
  versions?: Neo4jVersions;
  /** how long to wait for Bolt to answer after the process starts */
  startTimeoutMs?: number;
}

/** What `status` reports. */
export interface ManagedStatus {
  running: boolean;
  pid?: number;
  uri: string;
  httpUrl: string;
  browserUrl: string;
  version: string;
  home: string;
}

interface RunState {
  pid: number;
  boltPort: number;
  httpPort: number;
  version: string;
  startedAt: string;
}

const ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint";
const ADMIN_TOOL = "org.neo4j.cli.AdminTool";
const POM_DIR = path.join(PROJECT_ROOT, "scripts", "neo4j");

/** Starts, stops and reports on the managed Neo4j server. */
export class ManagedNeo4j {
  private readonly log: Logger;
  private readonly versions: Neo4jVersions;

  constructor(private readonly options: ManagedNeo4jOptions) {
    this.log = options.logger ?? silentLogger;
    this.versions = options.versions ?? readNeo4jVersions();
  }

  /** Paths of the managed installation (all inside `home`, which is git-ignored). */
  get paths() {
    const home = this.options.home;
    return {
      home,
      conf: path.join(home, "conf"),
      data: path.join(home, "data"),
      logs: path.join(home, "logs"),
      run: path.join(home, "run"),
      plugins: path.join(home, "plugins"),
      imports: path.join(home, "import"),
      lib: path.join(home, "lib"),
      password: path.join(home, "password"),
      state: path.join(home, "run", "labour-graph.json"),
      authIni: path.join(home, "data", "dbms", "auth.ini"),
    };
  }

  /** The Bolt URI clients use. */
  get uri(): string {
    return `bolt://127.0.0.1:${this.options.boltPort}`;
  }

  /** The generated password, once the server has been provisioned. */
  readPassword(): string | undefined {
    return existsSync(this.paths.password) ? readFileSync(this.paths.password, "utf8").trim() : undefined;
  }

  /** Whether the server runs, and where. */
  async status(): Promise<ManagedStatus> {
    const state = this.readState();
    const running = state !== undefined && this.isOurProcess(state.pid);
    const boltPort = running ? state.boltPort : this.options.boltPort;
    const httpPort = running ? state.httpPort : this.options.httpPort;
    return {
      running,
      ...(running ? { pid: state.pid } : {}),
      uri: `bolt://127.0.0.1:${boltPort}`,
      httpUrl: `http://127.0.0.1:${httpPort}/`,
      browserUrl: `http://127.0.0.1:${httpPort}/browser/`,
      version: this.versions.neo4j,
      home: this.options.home,
    };
  }

  /** Starts the server unless it already runs; resolves once Bolt answers with our password. */
  async start(): Promise<{ status: ManagedStatus; alreadyRunning: boolean }> {
    const before = await this.status();
    if (before.running) return { status: before, alreadyRunning: true };

    await this.requireJava();
    // cheap checks first: a taken port fails before anything is downloaded
    await this.requireFreePort(this.options.boltPort, "NEO4J_BOLT_PORT");
    await this.requireFreePort(this.options.httpPort, "NEO4J_HTTP_PORT");
    for (const dir of [
      this.paths.conf,
      this.paths.data,
      this.paths.logs,
      this.paths.run,
      this.paths.plugins,
      this.paths.imports,
      this.paths.lib,
    ]) {
      mkdirSync(dir, { recursive: true });
    }
    const classpath = await this.resolveClasspath();
    await this.installPlugins(classpath);
    this.writeConfig();
    const password = await this.ensurePassword(classpath);

    const consoleLog = path.join(this.paths.logs, "console.log");
    const out = openSync(consoleLog, "a");
    const child = spawn(
      "java",
      [
        `-Xms${this.options.heap}`,
        `-Xmx${this.options.heap}`,
        "-XX:+UseG1GC",
        "-XX:-OmitStackTraceInFastThrow",
        "-XX:+DisableExplicitGC",
        "-Djdk.nio.maxCachedBufferSize=262144",
        "-Dio.netty.tryReflectionSetAccessible=true",
        "-Dlog4j2.disable.jmx=true",
        "-Dfile.encoding=UTF-8",
        "-cp",
        // APOC registers extension factories through the service loader: plugins must be on the classpath too
        [path.join(this.paths.plugins, "*"), ...classpath].join(path.delimiter),
        ENTRY_POINT,
        `--home-dir=${this.paths.home}`,
        `--config-dir=${this.paths.conf}`,
      ],
      {
        detached: true,
        stdio: ["ignore", out, out],
        env: { ...process.env, NEO4J_HOME: this.paths.home, NEO4J_CONF: this.paths.conf },
      },
    );
    closeSync(out);
    const pid = child.pid;
    if (pid === undefined)
      throw new ProvisionError("Could not start the Neo4j Java process.", {
        suggestion: "Check that `java -version` works.",
      });
    child.unref();
    this.writeState({
      pid,
      boltPort: this.options.boltPort,
      httpPort: this.options.httpPort,
      version: this.versions.neo4j,
      startedAt: new Date().toISOString(),
    });
    this.log.info(`starting Neo4j ${this.versions.neo4j} (pid ${pid}) on ${this.uri}`);
    await this.waitForBolt(pid, password);
    return { status: await this.status(), alreadyRunning: false };
  }

  /** Stops the server cleanly (SIGTERM, then SIGKILL after a grace period). */
  async stop(graceMs = 60_000): Promise<{ wasRunning: boolean }> {
    const state = this.readState();
    if (state === undefined || !this.isOurProcess(state.pid)) {
      rmSync(this.paths.state, { force: true });
      return { wasRunning: false };
    }
    process.kill(state.pid, "SIGTERM");
    const deadline = Date.now() + graceMs;
    while (isProcessAlive(state.pid) && Date.now() < deadline) await sleep(200);
    if (isProcessAlive(state.pid)) {
      this.log.warn(`Neo4j (pid ${state.pid}) did not stop within ${graceMs} ms; killing it`);
      process.kill(state.pid, "SIGKILL");
      while (isProcessAlive(state.pid)) await sleep(100);
    }
    rmSync(this.paths.state, { force: true });
    return { wasRunning: true };
  }

  private readState(): RunState | undefined {
    try {
      return JSON.parse(readFileSync(this.paths.state, "utf8")) as RunState;
    } catch {
      return undefined;
    }
  }

  private writeState(state: RunState): void {
    writeFileSync(this.paths.state, JSON.stringify(state, null, 2));
  }

  /** The pid is alive and is our Neo4j (guards against a recycled pid). */
  private isOurProcess(pid: number): boolean {
    if (!isProcessAlive(pid)) return false;
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      return cmdline.includes(ENTRY_POINT) && cmdline.includes(this.paths.home);
    } catch {
      return true; // no /proc (macOS): trust the pid
    }
  }

  private async requireJava(): Promise<void> {
    const result = await runCommand("java", ["-version"]).catch(() => undefined);
    if (result === undefined || result.code !== 0) {
      throw new ProvisionError("Java was not found: the managed Neo4j needs Java 17 or newer on the PATH.", {
        input: "java",
        suggestion:
          "Install a JDK 17 (e.g. `apt-get install openjdk-17-jdk-headless`), or run Neo4j yourself and set NEO4J_URI.",
      });
    }
    const match = /version "(\d+)/.exec(result.stderr + result.stdout);
    const major = match?.[1] === undefined ? 0 : Number(match[1]);
    if (major < 17) {
      throw new ProvisionError(`Java ${major} was found, but Neo4j 5.26 needs Java 17 or newer.`, {
        input: "java",
        suggestion: "Install a JDK 17 and put it first on the PATH, or set NEO4J_URI to an existing Neo4j.",
      });
    }
  }

  private async requireMaven(): Promise<void> {
    if (!(await hasExecutable("mvn", ["-v"]))) {
      throw new ProvisionError(
        "Maven (mvn) was not found: it fetches the Neo4j jars from Maven Central on first start.",
        {
          input: "mvn",
          suggestion: "Install Maven (e.g. `apt-get install maven`), or run Neo4j yourself and set NEO4J_URI.",
        },
      );
    }
  }

  private async maven(pom: string, goal: string, properties: Record<string, string>): Promise<void> {
    await this.requireMaven();
    const args = [
      "-q",
      "-B",
      "-f",
      path.join(POM_DIR, pom),
      goal,
      ...Object.entries(properties).map(([k, v]) => `-D${k}=${v}`),
    ];
    const result = await runCommand("mvn", args);
    if (result.code !== 0) {
      const tail = (result.stdout + result.stderr).trim().split("\n").slice(-15).join("\n");
      throw new ProvisionError(
        `Maven could not fetch the Neo4j artifacts (mvn ${goal} -f scripts/neo4j/${pom}):\n${tail}`,
        {
          input: `scripts/neo4j/${pom}`,
          suggestion:
            "Check network access to Maven Central (and ~/.m2/settings.xml proxies), then run `labour-graph db start` again.",
        },
      );
    }
  }

  /** The server's classpath: Maven's local repository is the cache, so only a list of jar paths is kept here. */
  private async resolveClasspath(): Promise<string[]> {
    const file = path.join(this.paths.lib, `classpath-${this.versions.neo4j}-browser-${this.versions.browser}.txt`);
    const cached = existsSync(file) ? readFileSync(file, "utf8").trim().split(path.delimiter).filter(Boolean) : [];
    if (cached.length > 0 && cached.every((jar) => existsSync(jar))) return cached;
    this.log.info(`fetching Neo4j ${this.versions.neo4j} from Maven Central (first start only)`);
    await this.maven("pom.xml", "dependency:build-classpath", {
      "neo4j.version": this.versions.neo4j,
      "browser.version": this.versions.browser,
      "mdep.outputFile": file,
    });
    return readFileSync(file, "utf8").trim().split(path.delimiter).filter(Boolean);
  }

  /** APOC core and common with those of their dependencies the server does not already ship. */
  private async installPlugins(classpath: string[]): Promise<void> {
    const marker = `apoc-core-${this.versions.apoc}.jar`;
    if (existsSync(path.join(this.paths.plugins, marker))) return;
    this.log.info(`fetching APOC core ${this.versions.apoc}`);
    const staging = path.join(this.paths.lib, "plugins-staging");
    rmSync(staging, { recursive: true, force: true });
    await this.maven("plugins-pom.xml", "dependency:copy-dependencies", {
      "apoc.version": this.versions.apoc,
      outputDirectory: staging,
      excludeGroupIds: "org.neo4j",
    });
    await this.maven("plugins-pom.xml", "dependency:copy-dependencies", {
      "apoc.version": this.versions.apoc,
      outputDirectory: staging,
      includeGroupIds: "org.neo4j.procedure",
    });
    const artifactOf = (jar: string) => path.basename(jar).replace(/-\d[^/]*\.jar$/, "");
    const shipped = new Set(classpath.map(artifactOf));
    for (const old of readdirSync(this.paths.plugins)) rmSync(path.join(this.paths.plugins, old), { force: true });
    for (const jar of readdirSync(staging)) {
      if (!shipped.has(artifactOf(jar))) copyFileSync(path.join(staging, jar), path.join(this.paths.plugins, jar));
    }
    rmSync(staging, { recursive: true, force: true });
  }

  private async requireFreePort(port: number, variable: string): Promise<void> {
    if (!(await isPortFree(port))) {
      throw new ProvisionError(`Port ${port} on 127.0.0.1 is already in use, so Neo4j cannot listen there.`, {
        input: `${variable}=${port}`,
        suggestion: `Stop whatever uses port ${port} (another Neo4j?), or choose another port with ${variable}.`,
      });
    }
  }

  private writeConfig(): void {
    const p = this.paths;
    const lines = [
      "# Written by labour-graph on every `db start`; edit the environment variables instead.",
      "server.default_listen_address=127.0.0.1",
      `server.bolt.listen_address=127.0.0.1:${this.options.boltPort}`,
      `server.http.listen_address=127.0.0.1:${this.options.httpPort}`,
      "server.https.enabled=false",
      `server.directories.data=${p.data}`,
      `server.directories.logs=${p.logs}`,
      `server.directories.run=${p.run}`,
      `server.directories.plugins=${p.plugins}`,
      `server.directories.import=${p.imports}`,
      `server.memory.pagecache.size=${this.options.pageCache}`,
      "dbms.security.auth_enabled=true",
      "dbms.security.procedures.unrestricted=apoc.*",
      "dbms.usage_report.enabled=false",
      // keep at most 1 GiB of transaction logs (Neo4j's default keeps two days of them: a 100k-document import
      // wrote 72 GB of logs and filled the disk)
      "db.tx_log.rotation.retention_policy=1G size",
      "",
    ];
    writeFileSync(path.join(p.conf, "neo4j.conf"), lines.join("\n"));
  }

  /** Generates the password on first start and sets it before the database ever starts. */
  private async ensurePassword(classpath: string[]): Promise<string> {
    const existing = this.readPassword();
    if (existing !== undefined) return existing;
    if (existsSync(this.paths.authIni) || existsSync(path.join(this.paths.data, "databases"))) {
      throw new ProvisionError(
        `The data folder ${this.paths.data} exists but its password file ${this.paths.password} is missing.`,
        {
          input: this.paths.password,
          suggestion: `Restore the password file, or delete ${this.paths.data} to start from an empty database.`,
        },
      );
    }
    const password = generatePassword();
    const result = await runCommand(
      "java",
      ["-cp", classpath.join(path.delimiter), ADMIN_TOOL, "dbms", "set-initial-password", password],
      {
        env: { ...process.env, NEO4J_HOME: this.paths.home, NEO4J_CONF: this.paths.conf },
      },
    );
    if (result.code !== 0) {
      throw new ProvisionError(
        `Could not set the initial Neo4j password: ${(result.stderr || result.stdout).trim().split("\n").slice(-5).join(" ")}`,
        {
          input: this.paths.home,
        },
      );
    }
    writeFileSync(this.paths.password, `${password}\n`, { mode: 0o600 });
    chmodSync(this.paths.password, 0o600);
    return password;
  }

  private async waitForBolt(pid: number, password: string): Promise<void> {
    const deadline = Date.now() + (this.options.startTimeoutMs ?? 180_000);
    while (Date.now() < deadline) {
      if (!isProcessAlive(pid)) {
        rmSync(this.paths.state, { force: true });
        throw new ProvisionError(`Neo4j exited while starting:\n${this.logTail()}`, {
          input: path.join(this.paths.logs, "neo4j.log"),
          suggestion: "Read the log above; `labour-graph db start` can be run again once the cause is fixed.",
        });
      }
      if ((await isPortOpen(this.options.boltPort)) && (await answersQuery(this.uri, "neo4j", password))) return;
      await sleep(500);
    }
    throw new ProvisionError(`Neo4j did not answer on ${this.uri} in time:\n${this.logTail()}`, {
      input: this.uri,
      suggestion:
        "Run `labour-graph db status`; if it is still starting, wait and retry, otherwise `labour-graph db stop` and start again.",
    });
  }

  private logTail(lines = 20): string {
    for (const name of ["neo4j.log", "console.log"]) {
      const file = path.join(this.paths.logs, name);
      if (existsSync(file)) {
        const text = readFileSync(file, "utf8").trim();
        if (text) return text.split("\n").slice(-lines).join("\n");
      }
    }
    return "(no log written)";
  }
}

/**
 * A new database password: 192 random bits as hex. Hex, not base64url: a password starting with "-" would be read
 * as an option by the admin tool's command line.
 */
export function generatePassword(): string {
  return randomBytes(24).toString("hex");
}

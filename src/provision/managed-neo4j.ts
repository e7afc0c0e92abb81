/**
 * The managed local Neo4j: the real Neo4j Community server started from its Maven Central jars
 * (org.neo4j:neo4j with CommunityEntryPoint, the HTTP connector and Neo4j Browser) with APOC core in
 * the plugins folder, on 127.0.0.1, with a generated password. For machines without Docker.
 */
import { randomBytes } from "node:crypto";
import { chmodSync, copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ProvisionError } from "../domain/errors.js";
import { answersQuery } from "../graph/probe.js";
import type { Logger } from "../log.js";
import { ManagedService } from "./managed-service.js";
import { isPortOpen, runCommand } from "./system.js";
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

/** Starts, stops and reports on the managed Neo4j server. */
export class ManagedNeo4j {
  private readonly versions: Neo4jVersions;
  private readonly service: ManagedService<RunState>;

  constructor(private readonly options: ManagedNeo4jOptions) {
    this.versions = options.versions ?? readNeo4jVersions();
    this.service = new ManagedService({
      name: "Neo4j",
      home: options.home,
      command: "db",
      externalVariable: "NEO4J_URI",
      pomDir: "neo4j",
      processMarker: ENTRY_POINT,
      logFiles: ["neo4j.log"],
      ...(options.logger ? { logger: options.logger } : {}),
    });
  }

  /** Paths of the managed installation (all inside `home`, which is git-ignored). */
  get paths() {
    const home = this.options.home;
    return {
      ...this.service.paths,
      conf: path.join(home, "conf"),
      data: path.join(home, "data"),
      plugins: path.join(home, "plugins"),
      imports: path.join(home, "import"),
      password: path.join(home, "password"),
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
    const state = this.service.runningState();
    const boltPort = state?.boltPort ?? this.options.boltPort;
    const httpPort = state?.httpPort ?? this.options.httpPort;
    return {
      running: state !== undefined,
      ...(state ? { pid: state.pid } : {}),
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

    await this.service.requireJava();
    // cheap checks first: a taken port fails before anything is downloaded
    await this.service.requireFreePort(this.options.boltPort, "NEO4J_BOLT_PORT");
    await this.service.requireFreePort(this.options.httpPort, "NEO4J_HTTP_PORT");
    const timeoutMs = this.options.startTimeoutMs ?? 180_000;
    return this.service.withStartLock(async () => {
      // another process may have started it while this one waited for the lock
      const now = await this.status();
      return now.running ? { status: now, alreadyRunning: true } : this.spawn(timeoutMs);
    }, timeoutMs + 120_000);
  }

  /** Fetches what is missing, writes the configuration and the password, spawns the server and waits for Bolt. */
  private async spawn(timeoutMs: number): Promise<{ status: ManagedStatus; alreadyRunning: boolean }> {
    const p = this.paths;
    this.service.makeFolders([p.conf, p.data, p.plugins, p.imports]);
    const classpath = await this.service.resolveClasspath(
      `${this.versions.neo4j}-browser-${this.versions.browser}`,
      "pom.xml",
      { "neo4j.version": this.versions.neo4j, "browser.version": this.versions.browser },
    );
    await this.installPlugins(classpath);
    this.writeConfig();
    const password = await this.ensurePassword(classpath);

    const pid = this.service.spawnJava(
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
        [path.join(p.plugins, "*"), ...classpath].join(path.delimiter),
        ENTRY_POINT,
        `--home-dir=${p.home}`,
        `--config-dir=${p.conf}`,
      ],
      { boltPort: this.options.boltPort, httpPort: this.options.httpPort, version: this.versions.neo4j },
      { ...process.env, NEO4J_HOME: p.home, NEO4J_CONF: p.conf },
    );
    this.service.log.info(`starting Neo4j ${this.versions.neo4j} (pid ${pid}) on ${this.uri}`);
    await this.service.waitUntilReady(
      pid,
      async () => (await isPortOpen(this.options.boltPort)) && (await answersQuery(this.uri, "neo4j", password)),
      this.uri,
      timeoutMs,
    );
    return { status: await this.status(), alreadyRunning: false };
  }

  /** Stops the server cleanly (SIGTERM, then SIGKILL after a grace period). */
  stop(graceMs = 60_000): Promise<{ wasRunning: boolean }> {
    return this.service.stop(graceMs);
  }

  /** APOC core and common with those of their dependencies the server does not already ship. */
  private async installPlugins(classpath: string[]): Promise<void> {
    const marker = `apoc-core-${this.versions.apoc}.jar`;
    if (existsSync(path.join(this.paths.plugins, marker))) return;
    this.service.log.info(`fetching APOC core ${this.versions.apoc}`);
    const staging = path.join(this.paths.lib, "plugins-staging");
    rmSync(staging, { recursive: true, force: true });
    await this.service.maven("plugins-pom.xml", "dependency:copy-dependencies", {
      "apoc.version": this.versions.apoc,
      outputDirectory: staging,
      excludeGroupIds: "org.neo4j",
    });
    await this.service.maven("plugins-pom.xml", "dependency:copy-dependencies", {
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
      // and prune them as they are written: the default checkpoint (every 15 minutes or 100,000 transactions) never
      // came during a 100k import (500 transactions in 4.5 minutes), whose 3.4 GB of log all stayed until the end
      "db.checkpoint=VOLUME",
      "db.checkpoint.interval.volume=256m",
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
}

/**
 * A new database password: 192 random bits as hex. Hex, not base64url: a password starting with "-" would be read
 * as an option by the admin tool's command line.
 */
export function generatePassword(): string {
  return randomBytes(24).toString("hex");
}

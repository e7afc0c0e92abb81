/**
 * The managed local CoreNLP server: Stanford CoreNLP (GPL v3, fetched from Maven Central into ~/.m2 on the user's
 * machine, never redistributed) run as one long-lived StanfordCoreNLPServer on 127.0.0.1 with the project's pipeline
 * preloaded. CoreNLP's server has no bind-address option, so it runs through scripts/corenlp/LoopbackServer.java.
 */
import path from "node:path";
import { CORENLP_PIPELINE } from "../annotate/corenlp-pipeline.js";
import { PROJECT_ROOT } from "../config/config.js";
import type { Logger } from "../log.js";
import { ManagedService } from "./managed-service.js";
import { isNlpServerReady, probeNlpServer } from "./probe-nlp-server.js";
import { readCoreNlpVersion } from "./versions.js";

/** Where and how the managed CoreNLP server runs. */
export interface ManagedCoreNLPOptions {
  home: string;
  port: number;
  /** JVM heap, e.g. "4g": the tagger, NER and dependency parser need about 2.5 GB */
  heap: string;
  /** CoreNLP's per-document annotation timeout */
  timeoutMs: number;
  /** annotation threads of the server */
  threads: number;
  logger?: Logger;
  /** the CoreNLP version (default: corenlp-version.env) */
  version?: string;
  /** how long to wait for the models to load and the probe annotation to pass */
  startTimeoutMs?: number;
  /** the variable a taken port's message names (default NLP_PORT; the tests' setup has its own) */
  portVariable?: string;
}

/** What `status` reports. */
export interface CoreNLPStatus {
  running: boolean;
  /** the models are loaded and the server takes requests */
  ready: boolean;
  pid?: number;
  url: string;
  version: string;
  home: string;
}

interface RunState {
  pid: number;
  port: number;
  version: string;
  startedAt: string;
}

/** The launcher that binds CoreNLP's server to the loopback interface (a single-file Java program). */
export const LOOPBACK_LAUNCHER = path.join(PROJECT_ROOT, "scripts", "corenlp", "LoopbackServer.java");

/** The arguments CoreNLP's server gets for the pipeline: preload it and make it the default of every request. */
export function pipelineArguments(pipeline: Record<string, string> = CORENLP_PIPELINE): string[] {
  return [
    "-preload",
    pipeline.annotators ?? "",
    ...Object.entries(pipeline).flatMap(([key, value]) => [`-${key}`, value]),
  ];
}

/** Starts, stops and reports on the managed CoreNLP server. */
export class ManagedCoreNLP {
  private readonly version: string;
  private readonly service: ManagedService<RunState>;

  constructor(private readonly options: ManagedCoreNLPOptions) {
    this.version = options.version ?? readCoreNlpVersion();
    this.service = new ManagedService({
      name: "CoreNLP",
      home: options.home,
      command: "nlp",
      externalVariable: "NLP_URL",
      pomDir: "corenlp",
      processMarker: path.basename(LOOPBACK_LAUNCHER),
      startFailureHint: `CoreNLP needs a JDK (not only a JRE) and about 2.5 GB for its models: check free memory and NLP_HEAP (now ${options.heap}), or set NLP_URL to a CoreNLP server you run.`,
      ...(options.logger ? { logger: options.logger } : {}),
    });
  }

  /** Paths of the managed installation (all inside `home`, which is git-ignored). */
  get paths() {
    return { ...this.service.paths, tmp: path.join(this.options.home, "tmp") };
  }

  /** The URL clients annotate through. */
  get url(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  /** Whether the server runs, has loaded its models, and where. */
  async status(): Promise<CoreNLPStatus> {
    const state = this.service.runningState();
    const url = `http://127.0.0.1:${state?.port ?? this.options.port}`;
    return {
      running: state !== undefined,
      ready: state !== undefined && (await isNlpServerReady(url)),
      ...(state ? { pid: state.pid } : {}),
      url,
      version: state?.version ?? this.version,
      home: this.options.home,
    };
  }

  /** Starts the server unless it already runs; resolves once it annotates a probe sentence. */
  async start(): Promise<{ status: CoreNLPStatus; alreadyRunning: boolean }> {
    const running = this.service.runningState();
    if (running !== undefined) return this.reuse(running);
    await this.service.requireJava({ needsCompiler: true });
    // cheap checks first: a taken port fails before anything is downloaded
    await this.service.requireFreePort(this.options.port, this.options.portVariable ?? "NLP_PORT");
    return this.service.withStartLock(async () => {
      // another process may have started it while this one waited for the lock
      const started = this.service.runningState();
      return started === undefined ? this.spawn() : this.reuse(started);
    }, this.startTimeoutMs + 60_000);
  }

  /** Stops the server (SIGTERM, then SIGKILL after a grace period). */
  stop(graceMs = 30_000): Promise<{ wasRunning: boolean }> {
    return this.service.stop(graceMs);
  }

  private get startTimeoutMs(): number {
    return this.options.startTimeoutMs ?? 180_000;
  }

  /** A server that runs already: another process may have started it a moment ago, so wait for its models. */
  private async reuse(state: RunState): Promise<{ status: CoreNLPStatus; alreadyRunning: boolean }> {
    await this.waitUntilAnswering(state.pid, `http://127.0.0.1:${state.port}`);
    return { status: await this.status(), alreadyRunning: true };
  }

  private async spawn(): Promise<{ status: CoreNLPStatus; alreadyRunning: boolean }> {
    this.service.makeFolders([this.paths.tmp]);
    const classpath = await this.service.resolveClasspath(`corenlp-${this.version}`, "pom.xml", {
      "corenlp.version": this.version,
    });
    const pid = this.service.spawnJava(
      [
        `-Xmx${this.options.heap}`,
        "-Dfile.encoding=UTF-8",
        // CoreNLP writes its shutdown key to java.io.tmpdir: one per home, so servers of several checkouts never clash
        `-Djava.io.tmpdir=${this.paths.tmp}`,
        // the launcher swaps the JDK's HTTP server provider, which the JDK keeps in a private field
        "--add-opens",
        "jdk.httpserver/com.sun.net.httpserver.spi=ALL-UNNAMED",
        "-cp",
        classpath.join(path.delimiter),
        LOOPBACK_LAUNCHER,
        "-port",
        String(this.options.port),
        "-threads",
        String(this.options.threads),
        "-timeout",
        String(this.options.timeoutMs),
        // no log line per request: an import sends thousands
        "-quiet",
        "true",
        ...pipelineArguments(),
      ],
      { port: this.options.port, version: this.version },
    );
    this.service.log.info(`starting CoreNLP ${this.version} (pid ${pid}) on ${this.url}; loading its models`);
    await this.waitUntilAnswering(pid, this.url);
    return { status: await this.status(), alreadyRunning: false };
  }

  private waitUntilAnswering(pid: number, url: string): Promise<void> {
    return this.service.waitUntilReady(
      pid,
      async () => (await isNlpServerReady(url)) && (await probeNlpServer(url)) === undefined,
      url,
      this.startTimeoutMs,
    );
  }
}

/**
 * `npm run bench [-- --quick | --full] [--json]`: generates a corpus, measures extraction alone, the write
 * ceiling (a plain UNWIND...MERGE loop over the same rows), the importer end to end as a child process (docs/s,
 * MB/s, peak RSS), query latency through GraphQL and through the driver, and extraction quality against the
 * corpus's own ground truth. Results go to bench/results/<date>.json.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createAnnotateContext } from "../../src/annotate/index.js";
import { PROJECT_ROOT, loadConfig } from "../../src/config/config.js";
import type { Extraction } from "../../src/domain/model.js";
import type { DocumentExtraction } from "../../src/extract/types.js";
import { planWrite, type WritePlan } from "../../src/graph/plan-write.js";
import { Admission } from "../../src/graph/queries/index.js";
import { writePlan } from "../../src/graph/writer.js";
import { createLogger, type Logger } from "../../src/log.js";
import { expandPaths, loadAliasTable, readChunk } from "../../src/pipeline/index.js";
import { ensureNlpServer } from "../../src/provision/ensure-nlp-server.js";
import { resolveExtraction } from "../../src/resolve/resolve-extraction.js";
import { scoreExtraction, type Score } from "../quality/index.js";
import { scoreCorpusFolder } from "../quality/score-cli.js";
import { benchAnnotation, type AnnotationFigures } from "./annotation-bench.js";
import { startApiProcess } from "./api-process.js";
import {
  countGraph,
  emptyDatabase,
  openBenchDatabase,
  type BenchDatabase,
  type GraphCounts,
} from "./bench-database.js";
import { writeCeiling } from "./ceiling.js";
import { GOLD_FOLDER, generateCorpus } from "./generate-corpus.js";
import { addGeneratedLoad, type GeneratedLoad } from "./generated-load.js";
import { goldAsAnnotation, readCorpusGold } from "./gold.js";
import { median, round } from "./latency.js";
import { describeMachine } from "./machine.js";
import { createPrng } from "./prng.js";
import {
  benchQueries,
  measureRoundTrip,
  pickQueryTargets,
  type QueryComparison,
  type QueryName,
  type QueryWarmup,
  type RoundTrip,
} from "./query-bench.js";
import { recordedFactsOf } from "./recorded-facts.js";
import { runMeasured } from "./run-measured.js";
import { SCORED_REL_TYPES, scoreCorpus, type CorpusScore } from "./score-corpus.js";
import { txLogFolder, watchFolderGrowth } from "./tx-log-watch.js";

const SEED = 20_240_601;

const USAGE = `Usage: npm run bench -- [options]

  --quick               N = 1,000 articles (a run of a few minutes)
  --full                N = 10,000 and 100,000 (default: 10,000)
  --sizes <n,n,...>     corpus sizes to run instead
  --json                print the result object on stdout (use npm run -s to keep npm's banner out)
  --rounds <n>          alternating rounds of GraphQL and driver requests per query measurement (default 10)
  --import-repeats <n>  importer runs per size up to 20,000 documents, median reported (default 3);
                        larger corpora are imported once (a 100k run takes many minutes)
  --skip-queries        import only
  --queries-only        measure the queries on the graph the benchmark database holds (left by an earlier run),
                        without generating, extracting or importing anything
  --recorded-facts-above <n>
                        corpora larger than n documents (default 20,000) take their facts from the corpus's own
                        ground truth (the importer child is tools/bench/import-recorded-facts.ts; the ceiling and
                        the writer write their plan); extraction is measured on the first 1,000 documents only
  --load-rels <n>       before the queries, add generated people, organisations and relationships until the graph
                        holds n relationships (default: 1,000,000 with --full, none otherwise)

Uses its own Neo4j in .neo4j-bench (Bolt 7694, HTTP 7484), which it empties; NEO4J_URI points it elsewhere.
Results: bench/results/<date>.json.
`;
/** Where the importer's facts come from; see --recorded-facts-above. */
type ImportFacts = "extracted" | "recorded";

/** The documents extracted for real (speed and quality) when a size's facts are recorded ones. */
const RECORDED_FACTS_SAMPLE = 1000;

/** Figures of one corpus size. */
export interface SizeResult {
  documents: number;
  corpusMiB: number;
  extract?: AnnotationFigures & {
    ms: number;
    resolveMs: number;
    entities: number;
    relations: number;
    /** the documents extracted (the first ones) when the size's facts are recorded ones; absent: all */
    sampleDocuments?: number;
  };
  ceiling?: {
    docsPerSec: number;
    ms: number;
    nodeRows: number;
    edgeRows: number;
    transactions: number;
    graph: GraphCounts;
  };
  import?: {
    /** where the importer's facts came from: the real extractor, or the corpus's ground truth (recorded-facts.ts) */
    facts: ImportFacts;
    docsPerSec: number;
    mibPerSec: number;
    ms: number;
    repeats: number;
    runsDocsPerSec: number[];
    ceilingRatio: number;
    exitCode: number | null;
    /** the largest growth of the transaction-log folder during one import run (null through NEO4J_URI) */
    peakTxLogMiB: number | null;
  };
  memory?: { peakRssMiB: number };
  /** the importer's writer (writePlan) alone on the same plan */
  writer?: { docsPerSec: number; ms: number; ceilingRatio: number; failed: number };
  graph?: GraphCounts;
  quality?: CorpusScore;
  /** the same extraction scored by tools/quality/score-extraction.ts against the converted ground truth */
  sharedScorer?: { entities: Score; relationsByType: Record<string, Score | undefined> };
  missing: string[];
}

async function corpusFor(count: number, log: Logger): Promise<{ dir: string; bytes: number }> {
  const dir = path.join(PROJECT_ROOT, "bench", "output", `corpus-${count}-${SEED}`);
  const manifest = path.join(dir, GOLD_FOLDER, "corpus.json");
  if (existsSync(manifest)) {
    const summary = JSON.parse(readFileSync(manifest, "utf8")) as { count: number; bytes: number };
    if (summary.count === count) return { dir, bytes: summary.bytes };
  }
  log.info(`generating ${count} articles in ${path.relative(PROJECT_ROOT, dir)}`);
  // the folder is the bench's own: files an older generator left there would be imported as documents
  rmSync(dir, { recursive: true, force: true });
  const started = performance.now();
  const summary = await generateCorpus({ dir, count, seed: SEED });
  log.info(
    `generated ${count} articles (${round(summary.bytes / 1024 ** 2, 1)} MiB) in ${round((performance.now() - started) / 1000, 1)} s`,
  );
  return { dir, bytes: summary.bytes };
}

/** The importer child's arguments: `labour-graph import`, or the same import loop on the recorded facts. */
function importerArgs(dir: string, facts: ImportFacts): string[] {
  return facts === "extracted"
    ? [path.join(PROJECT_ROOT, "bin", "labour-graph.js"), "import", dir]
    : ["--import", "tsx", path.join(PROJECT_ROOT, "tools", "bench", "import-recorded-facts.ts"), dir];
}

async function importOnce(db: BenchDatabase, dir: string, facts: ImportFacts, log: Logger) {
  await emptyDatabase(db.driver, db.settings.database);
  // only a managed database's folder can be watched; through NEO4J_URI the figure is not measured
  const txLog = db.isManaged ? watchFolderGrowth(txLogFolder(db.config.managed.home, db.settings.database)) : undefined;
  const measured = await runMeasured(process.execPath, importerArgs(dir, facts), {
    env: { ...db.childEnv, LOG_LEVEL: "info" },
    cwd: PROJECT_ROOT,
    onStderr: (chunk) => {
      const last = chunk
        .trim()
        .split("\n")
        .filter((l) => /files|docs\/s/.test(l))
        .at(-1);
      if (last) log.debug(last);
    },
  });
  const run = { ...measured, txLogMiB: txLog === undefined ? null : round(txLog.stop() / 1024 ** 2, 1) };
  if (run.code !== 0)
    log.warn(
      `the importer exited with ${String(run.code ?? run.signal)}:\n${run.stderr.trim().split("\n").slice(-8).join("\n")}`,
    );
  return run;
}

/** The NLP server(s) the benchmark annotates with. */
interface BenchNlp {
  urls: string[];
  timeoutMs: number;
}

/**
 * Extraction alone (in-process), through the pipeline's step, of all documents or of the first `sample`: figures
 * into `result`, the extraction returned.
 */
async function benchExtraction(
  dir: string,
  nlp: BenchNlp,
  result: SizeResult,
  log: Logger,
  sample?: number,
): Promise<Extraction> {
  const count = result.documents;
  log.info(
    `[${count}] extraction alone (in-process${sample !== undefined ? `, the first ${sample} documents` : ""}): the NLP server called directly (the ceiling), then read, annotate (fresh cache), extract each document and resolve across all; then again on the warm cache`,
  );
  const aliases = await loadAliasTable();
  const { files: all, failures } = await expandPaths([dir]);
  const files = all.slice(0, sample ?? all.length);
  const read = await readChunk(files);
  const started = performance.now();
  const annotation = await benchAnnotation(read.documents, nlp.urls, nlp.timeoutMs, aliases);
  const { extraction } = annotation;
  result.extract = {
    ...annotation.figures,
    resolveMs: Math.round(annotation.resolveMs),
    ms: Math.round(performance.now() - started),
    entities: extraction.entities.length,
    relations: extraction.relations.length,
    failures: failures.length + read.failures.length + annotation.figures.failures,
    ...(sample !== undefined ? { sampleDocuments: files.length } : {}),
  };
  log.info(
    `[${count}] extraction: ${result.extract.docsPerSec} docs/s against ${result.extract.nlpDocsPerSec} docs/s of the NLP server alone (ratio ${result.extract.nlpRatio}), ${result.extract.parsedSentenceShare} of sentences parsed, warm cache ${result.extract.cachedSpeedup}x faster, resolution ${result.extract.resolveMs} ms`,
  );
  return extraction;
}

/** Quality of the extraction (of all documents, or of the first `sample`) against the corpus's own ground truth. */
async function benchGeneratedQuality(
  dir: string,
  extraction: Extraction,
  result: SizeResult,
  log: Logger,
  sample?: number,
) {
  const gold = await readCorpusGold(dir, sample);
  result.quality = scoreCorpus(extraction, gold);
  // cross-check with the project's scorer (corpus-level facts, events by kind); it compares every predicted
  // relation with every expected one, so it is run up to 20k documents only
  if ((sample ?? result.documents) <= 20_000) {
    const shared = scoreExtraction(extraction, goldAsAnnotation(gold));
    result.sharedScorer = {
      entities: shared.entities,
      relationsByType: Object.fromEntries(SCORED_REL_TYPES.map((t) => [t, shared.relationsByType[t]])),
    };
  }
  log.info(
    `[${result.documents}] quality: relation F1 ${result.quality.relations.f1}, entity F1 ${result.quality.entities.f1}`,
  );
}

/** The write ceiling (a plain UNWIND ... MERGE loop) and the importer's writer alone, on the same plan. */
async function benchWrites(db: BenchDatabase, plan: WritePlan, result: SizeResult, log: Logger): Promise<void> {
  const count = result.documents;
  await emptyDatabase(db.driver, db.settings.database);
  log.info(`[${count}] ceiling: plain UNWIND ... MERGE loop over the same rows`);
  const ceiling = await writeCeiling(db.driver, db.settings.database, plan);
  result.ceiling = {
    docsPerSec: round((count / ceiling.ms) * 1000, 1),
    ms: Math.round(ceiling.ms),
    nodeRows: ceiling.nodeRows,
    edgeRows: ceiling.edgeRows,
    transactions: ceiling.transactions,
    graph: await countGraph(db.driver, db.settings.database),
  };
  log.info(`[${count}] ceiling: ${result.ceiling.docsPerSec} docs/s`);
  // the importer's own writer on the same plan, in-process: the write phase apart from extraction
  await emptyDatabase(db.driver, db.settings.database);
  const writeStarted = performance.now();
  const written = await writePlan(db.driver, plan, { database: db.settings.database });
  const writeMs = performance.now() - writeStarted;
  const writerDocsPerSec = round((count / writeMs) * 1000, 1);
  result.writer = {
    docsPerSec: writerDocsPerSec,
    ms: Math.round(writeMs),
    ceilingRatio: round(writerDocsPerSec / result.ceiling.docsPerSec, 2),
    failed: written.documents.filter((d) => d.status === "failed").length,
  };
  log.info(
    `[${count}] writer alone (writePlan, in-process): ${writerDocsPerSec} docs/s, ${result.writer.ceilingRatio} of the ceiling`,
  );
}

/** The importer end to end as a child process, `repeats` times (median figures). */
async function benchImporter(
  db: BenchDatabase,
  corpus: { dir: string; bytes: number },
  importer: { repeats: number; facts: ImportFacts },
  result: SizeResult,
  log: Logger,
): Promise<void> {
  const count = result.documents;
  const { repeats, facts } = importer;
  const runs = [];
  for (let r = 0; r < repeats; r++) {
    log.info(`[${count}] importer end to end (child process, ${facts} facts), run ${r + 1}/${repeats}`);
    const run = await importOnce(db, corpus.dir, facts, log);
    runs.push(run);
    if (run.code !== 0) break;
  }
  const good = runs.filter((r) => r.code === 0);
  if (good.length === 0) {
    result.missing.push(`the importer failed: ${runs[0]?.stderr.trim().split("\n").slice(-3).join(" ") ?? "not run"}`);
    return;
  }
  const docsPerSec = good.map((r) => (count / r.ms) * 1000);
  const ms = median(good.map((r) => r.ms));
  const importDocsPerSec = round(median(docsPerSec), 1);
  result.import = {
    facts,
    docsPerSec: importDocsPerSec,
    mibPerSec: round(corpus.bytes / 1024 ** 2 / (ms / 1000), 2),
    ms: Math.round(ms),
    repeats: good.length,
    runsDocsPerSec: docsPerSec.map((v) => round(v, 1)),
    ceilingRatio: result.ceiling === undefined ? Number.NaN : round(importDocsPerSec / result.ceiling.docsPerSec, 2),
    exitCode: good.at(-1)!.code,
    peakTxLogMiB: good.some((r) => r.txLogMiB !== null) ? Math.max(...good.map((r) => r.txLogMiB ?? 0)) : null,
  };
  result.memory = { peakRssMiB: Math.max(...good.map((r) => r.peakRssMiB)) };
  result.graph = await countGraph(db.driver, db.settings.database);
  // the ratio compares like with like only if both wrote the same graph
  if (result.ceiling !== undefined && JSON.stringify(result.ceiling.graph) !== JSON.stringify(result.graph)) {
    log.warn(
      `[${count}] the ceiling wrote ${JSON.stringify(result.ceiling.graph)} but the importer ${JSON.stringify(result.graph)}`,
    );
  }
  log.info(
    `[${count}] import: ${result.import.docsPerSec} docs/s, ${result.import.mibPerSec} MiB/s, ratio ${result.import.ceilingRatio}, peak RSS ${result.memory.peakRssMiB} MiB, transaction log ${result.import.peakTxLogMiB ?? "-"} MiB`,
  );
}

/** The extraction of the whole corpus from its recorded facts (recorded-facts.ts), read a chunk at a time. */
async function extractionOfRecordedFacts(dir: string, log: Logger): Promise<Extraction> {
  const started = performance.now();
  const aliases = await loadAliasTable();
  const { files } = await expandPaths([dir]);
  const extract = recordedFactsOf(dir);
  const extractions: DocumentExtraction[] = [];
  const firstPathOf = new Map<string, string>();
  for (let from = 0; from < files.length; from += 1000) {
    const read = await readChunk(files.slice(from, from + 1000), firstPathOf);
    extractions.push(...(await extract(read.documents)).extractions);
  }
  const extraction = resolveExtraction(extractions, aliases);
  log.info(
    `recorded facts of ${extractions.length} documents: ${extraction.entities.length} entities, ${extraction.relations.length} relations (${round((performance.now() - started) / 1000, 1)} s)`,
  );
  return extraction;
}

async function benchSize(
  db: BenchDatabase,
  nlp: BenchNlp,
  count: number,
  options: BenchOptions,
  log: Logger,
): Promise<SizeResult> {
  const corpus = await corpusFor(count, log);
  const result: SizeResult = { documents: count, corpusMiB: round(corpus.bytes / 1024 ** 2, 2), missing: [] };
  const facts: ImportFacts = count > options.recordedFactsAbove ? "recorded" : "extracted";
  const sample = facts === "recorded" ? RECORDED_FACTS_SAMPLE : undefined;
  if (facts === "recorded")
    log.info(
      `[${count}] more than ${options.recordedFactsAbove} documents: the facts written are the corpus's recorded ones; extraction is measured on the first ${RECORDED_FACTS_SAMPLE} documents`,
    );
  const extraction = await benchExtraction(corpus.dir, nlp, result, log, sample);
  await benchGeneratedQuality(corpus.dir, extraction, result, log, sample);
  const written = facts === "recorded" ? await extractionOfRecordedFacts(corpus.dir, log) : extraction;
  await benchWrites(db, planWrite(written), result, log);
  await benchImporter(db, corpus, { repeats: options.importRepeatsFor(count), facts }, result, log);
  return result;
}

interface QueryResults {
  onDocuments: number;
  byQuery: Record<QueryName, Record<string, QueryComparison>>;
  graphqlDriverP95Ratio: number;
  /** the largest GraphQL/driver p95 ratio over the queries and concurrencies */
  worstP95Ratio: number;
  /** the HTTP round trip under every GraphQL figure, back to back and after the API idled */
  roundTrip: RoundTrip;
  warmup: QueryWarmup;
}

async function benchApi(
  db: BenchDatabase,
  documents: number,
  quick: boolean,
  rounds: number,
  log: Logger,
): Promise<QueryResults> {
  const port = Number(process.env.LG_BENCH_API_PORT ?? 4094);
  const api = await startApiProcess(db.childEnv, port);
  const untrack = trackRunning(() => api.stop());
  try {
    const targets = await pickQueryTargets(db.driver, db.settings.database, createPrng(SEED).fork("queries"), 200);
    // steady state on both paths: 2,000 requests bring a fresh API to it on the quick graph (about 8 s per path);
    // the large graphs' slow queries get a time budget instead
    const warmup: QueryWarmup = { requests: 2000, concurrency: 8, maxMs: quick ? 20_000 : 60_000 };
    const byQuery = await benchQueries({
      // the same transaction timeout the API applies, so that both paths run the same work under the same limits
      // the API's admission of path searches, so that both paths run the same query function under the same limit
      ctx: {
        driver: db.driver,
        database: db.settings.database,
        timeoutMs: db.config.server.queryTimeoutMs,
        pathSearches: new Admission("path searches", db.config.server.maxPathSearches),
      },
      graphqlUrl: api.graphqlUrl,
      targets,
      concurrencies: [1, 32],
      // a p95 needs enough samples: with 300 per path its 15th-slowest request decided it (one ratio gave 1.14 to
      // 1.50 in five runs on the same graph); 1,000 in a quick run (5-15 s per path at concurrency 1 on its graph),
      // 500 on the large graphs, where a `connections` request at one client takes 200 ms
      minRequests: quick ? 1000 : 500,
      requestsPerWorker: quick ? 32 : 40,
      rounds,
      warmup,
      onProgress: (m) => log.info(m),
    });
    const roundTrip = await measureRoundTrip(api.graphqlUrl);
    log.info(
      `HTTP round trip of \`{ __typename }\` (p50): ${roundTrip.backToBackP50Ms} ms back to back, ${roundTrip.afterIdleP50Ms} ms after the API idled ${roundTrip.idleMs} ms`,
    );
    const ratios = Object.values(byQuery).flatMap((byC) => Object.values(byC).map((c) => c.p95Ratio));
    return {
      onDocuments: documents,
      byQuery,
      graphqlDriverP95Ratio: round(median(ratios), 2),
      worstP95Ratio: round(Math.max(...ratios), 2),
      roundTrip,
      warmup,
    };
  } finally {
    untrack();
    await api.stop();
  }
}

/** What the benchmark has started and must stop when it is interrupted, most recent first. */
const running = new Set<() => Promise<void>>();

/** Registers a stop function until the returned function is called. */
function trackRunning(stop: () => Promise<void>): () => void {
  running.add(stop);
  return () => running.delete(stop);
}

/** On SIGINT or SIGTERM: stops the API and the database the benchmark started, then exits (130 / 143). */
function stopRunningOnSignal(log: Logger): void {
  const onSignal = (signal: NodeJS.Signals) => {
    log.warn(`${signal}: stopping what the benchmark started`);
    const stops = [...running].reverse();
    running.clear();
    void stops
      .reduce((chain, stop) => chain.then(() => stop().catch(() => undefined)), Promise.resolve())
      .finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
}

function positiveInt(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} expects positive whole numbers; got "${value}".`);
  return n;
}

/** The options of a run, from the command line. */
interface BenchOptions {
  mode: "quick" | "full" | "default" | "queries-only";
  quick: boolean;
  json: boolean;
  skipQueries: boolean;
  queriesOnly: boolean;
  sizes: number[];
  queryRounds: number;
  importRepeatsFor: (size: number) => number;
  loadRelationships: number;
  /** sizes above this take their facts from the corpus's ground truth */
  recordedFactsAbove: number;
}

/** Parses the command line; undefined for --help (the usage is printed). */
function parseBenchArgs(): BenchOptions | undefined {
  const { values } = parseArgs({
    options: {
      quick: { type: "boolean", default: false },
      full: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      sizes: { type: "string" },
      rounds: { type: "string" },
      "import-repeats": { type: "string" },
      "skip-queries": { type: "boolean", default: false },
      "queries-only": { type: "boolean", default: false },
      "load-rels": { type: "string" },
      "recorded-facts-above": { type: "string" },
      help: { type: "boolean", default: false },
    },
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return undefined;
  }
  const sizes =
    values.sizes !== undefined
      ? values.sizes.split(",").map(Number)
      : values.quick
        ? [1000]
        : values.full
          ? [10_000, 100_000]
          : [10_000];
  sizes.forEach((size) => positiveInt(String(size), "--sizes"));
  const importRepeats = positiveInt(values["import-repeats"] ?? "3", "--import-repeats");
  const loadRelationships =
    values["load-rels"] !== undefined ? Number(values["load-rels"]) : values.full ? 1_000_000 : 0;
  if (!Number.isInteger(loadRelationships) || loadRelationships < 0)
    throw new Error(`--load-rels expects a whole number; got "${values["load-rels"]}".`);
  return {
    mode: values["queries-only"] ? "queries-only" : values.quick ? "quick" : values.full ? "full" : "default",
    quick: values.quick,
    json: values.json,
    skipQueries: values["skip-queries"],
    queriesOnly: values["queries-only"],
    sizes,
    queryRounds: positiveInt(values.rounds ?? "10", "--rounds"),
    importRepeatsFor: (size: number) => (size > 20_000 ? 1 : importRepeats),
    loadRelationships,
    recordedFactsAbove: positiveInt(values["recorded-facts-above"] ?? "20000", "--recorded-facts-above"),
  };
}

/** Every size in turn; one size failing keeps the figures of the others. */
async function benchSizes(
  db: BenchDatabase,
  nlp: BenchNlp,
  options: BenchOptions,
  log: Logger,
): Promise<Record<string, SizeResult>> {
  const results: Record<string, SizeResult> = {};
  for (const size of options.sizes) {
    try {
      results[String(size)] = await benchSize(db, nlp, size, options, log);
    } catch (error) {
      // one size failing (the database refused a transaction, the disk filled) keeps the figures of the others
      const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
      log.error(`[${size}] stopped: ${reason}`);
      results[String(size)] = { documents: size, corpusMiB: Number.NaN, missing: [`stopped: ${reason}`] };
    }
  }
  return results;
}

/** --queries-only: the graph the database holds stands for the largest size, as if it had just been imported. */
async function graphAsItIs(db: BenchDatabase, log: Logger): Promise<SizeResult> {
  const graph = await countGraph(db.driver, db.settings.database);
  if (graph.documents === 0)
    throw new Error("--queries-only: the benchmark database holds no documents; run an import first.");
  log.info(`queries only, on the graph the benchmark database holds: ${JSON.stringify(graph)}`);
  return { documents: graph.documents, corpusMiB: Number.NaN, graph, missing: [] };
}

type Generated = GeneratedLoad & { graph: GraphCounts };

/**
 * The queries on the graph of the largest size, `largestSize` (after the generated load, if any); a failure is noted
 * in its `missing`, not thrown.
 */
async function benchQueriesOnLargest(
  db: BenchDatabase,
  options: BenchOptions,
  largestSize: SizeResult,
  log: Logger,
): Promise<{ query?: QueryResults; generated?: Generated }> {
  const largest = largestSize.documents;
  if (options.skipQueries || (largestSize.import === undefined && !options.queriesOnly)) return {};
  log.info(
    `queries on the ${largest}-document graph: GraphQL over HTTP vs driver, concurrency 1 and 32, in ${options.queryRounds} alternating rounds on the same requests`,
  );
  let generated: Generated | undefined;
  try {
    if (options.loadRelationships > 0) {
      log.info(`generated load: up to ${options.loadRelationships} relationships on the ${largest}-document graph`);
      const load = await addGeneratedLoad(
        db.driver,
        db.settings.database,
        createPrng(SEED).fork("load"),
        options.loadRelationships,
        (m) => log.info(m),
      );
      generated = { ...load, graph: await countGraph(db.driver, db.settings.database) };
      log.info(
        `generated load: ${load.relationships} relationships in ${round(load.ms / 1000, 1)} s; graph ${JSON.stringify(generated.graph)}`,
      );
    }
    const query = await benchApi(db, largest, options.quick, options.queryRounds, log);
    return { query, ...(generated !== undefined ? { generated } : {}) };
  } catch (error) {
    log.warn(`queries not measured: ${error instanceof Error ? error.message : String(error)}`);
    largestSize.missing.push(`queries: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    return generated !== undefined ? { generated } : {};
  }
}

/** What a run measured, as written to bench/results/<date>.json. */
interface BenchRun {
  mode: BenchOptions["mode"];
  machine: ReturnType<typeof describeMachine>;
  db: BenchDatabase;
  results: Record<string, SizeResult>;
  primary: SizeResult;
  query: QueryResults | undefined;
  generated: Generated | undefined;
  realQuality: Awaited<ReturnType<typeof benchRealQuality>>;
  started: number;
}

function buildReport({ mode, machine, db, results, primary, query, generated, realQuality, started }: BenchRun) {
  return {
    date: new Date().toISOString(),
    mode,
    machine: {
      ...machine,
      loadAverage1mAtEnd: describeMachine().loadAverage1m,
      neo4jHeap: db.heap,
      neo4jPageCache: db.pageCache,
      neo4jManaged: db.isManaged,
    },
    import: {
      facts: primary.import?.facts ?? null,
      docsPerSec: primary.import?.docsPerSec ?? null,
      mibPerSec: primary.import?.mibPerSec ?? null,
      ceilingRatio: primary.import?.ceilingRatio ?? null,
      peakTxLogMiB: primary.import?.peakTxLogMiB ?? null,
      documents: primary.documents,
    },
    ceiling: { docsPerSec: primary.ceiling?.docsPerSec ?? null },
    writer: { docsPerSec: primary.writer?.docsPerSec ?? null, ceilingRatio: primary.writer?.ceilingRatio ?? null },
    extract: {
      docsPerSec: primary.extract?.docsPerSec ?? null,
      nlpDocsPerSec: primary.extract?.nlpDocsPerSec ?? null,
      nlpRatio: primary.extract?.nlpRatio ?? null,
      parsedSentenceShare: primary.extract?.parsedSentenceShare ?? null,
      cachedSpeedup: primary.extract?.cachedSpeedup ?? null,
      sampleDocuments: primary.extract?.sampleDocuments ?? null,
    },
    memory: { peakRssMiB: primary.memory?.peakRssMiB ?? null },
    query: {
      onDocuments: query?.onDocuments ?? null,
      onRelationships: generated?.graph.relationships ?? primary.graph?.relationships ?? null,
      generatedLoad: generated ?? null,
      connections: {
        p95Ms: query?.byQuery.connections.c1?.graphql.p95Ms ?? null,
        p95MsC32: query?.byQuery.connections.c32?.graphql.p95Ms ?? null,
      },
      neighbourhood: { p95Ms: query?.byQuery.neighbourhood.c1?.graphql.p95Ms ?? null },
      search: { p95Ms: query?.byQuery.search.c1?.graphql.p95Ms ?? null },
      graphqlDriverP95Ratio: query?.graphqlDriverP95Ratio ?? null,
      worstP95Ratio: query?.worstP95Ratio ?? null,
      roundTrip: query?.roundTrip ?? null,
      warmup: query?.warmup ?? null,
      details: query?.byQuery ?? null,
    },
    // quality is measured on the real corpus (../shared/corpus/dev), never on the generated one
    quality: realQuality,
    generatedCorpusQuality: {
      relationF1: primary.quality?.relations.f1 ?? null,
      entityF1: primary.quality?.entities.f1 ?? null,
    },
    sizes: results,
    durationSec: round((performance.now() - started) / 1000, 1),
  };
}

/** Adds the report to bench/results/<date>.json under its mode (the other modes' reports of the day are kept). */
function writeReport(report: ReturnType<typeof buildReport>, log: Logger): void {
  const outDir = path.join(PROJECT_ROOT, "bench", "results");
  mkdirSync(outDir, { recursive: true });
  const outFile = path.join(outDir, `${report.date.slice(0, 10)}.json`);
  const previous =
    existsSync(outFile) && statSync(outFile).size > 0
      ? (JSON.parse(readFileSync(outFile, "utf8")) as Record<string, unknown>)
      : {};
  writeFileSync(outFile, `${JSON.stringify({ ...previous, [report.mode]: report }, null, 2)}\n`);
  log.info(`results written to ${path.relative(PROJECT_ROOT, outFile)} (${report.durationSec} s)`);
}

async function main(): Promise<number> {
  const options = parseBenchArgs();
  if (options === undefined) return 0;
  const log = createLogger("bench", (process.env.LOG_LEVEL as "info" | undefined) ?? "info");
  const started = performance.now();
  const machine = describeMachine();
  log.info(
    `machine: ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}, load average ${machine.loadAverage1m}`,
  );
  stopRunningOnSignal(log);
  const config = loadConfig(process.env);
  // --queries-only annotates nothing: no NLP server is needed
  const nlp: BenchNlp = options.queriesOnly
    ? { urls: [], timeoutMs: 0 }
    : { ...(await ensureNlpServer(config, log)), timeoutMs: config.nlp.timeoutMs };
  const db = await openBenchDatabase(process.env, log);
  const untrackDb = trackRunning(() => db.close());
  let results: Record<string, SizeResult>;
  let primary: SizeResult;
  let measured: { query?: QueryResults; generated?: Generated };
  try {
    if (options.queriesOnly) {
      primary = await graphAsItIs(db, log);
      results = { [String(primary.documents)]: primary };
    } else {
      results = await benchSizes(db, nlp, options, log);
      primary = results[String(options.sizes[options.sizes.length - 1])]!;
    }
    measured = await benchQueriesOnLargest(db, options, primary, log);
  } finally {
    untrackDb();
    await db.close();
  }
  const realQuality = options.queriesOnly ? NOT_MEASURED_QUALITY : await benchRealQuality(nlp, log);
  const { mode } = options;
  const { query, generated } = measured;
  const report = buildReport({ mode, machine, db, results, primary, query, generated, realQuality, started });
  writeReport(report, log);
  printTable(report, log);
  if (options.json) process.stdout.write(`${JSON.stringify(report)}\n`);
  return 0;
}

const NOT_MEASURED_QUALITY = { relationF1: null, personF1: null, organisationF1: null, corpus: null };

/** Relation and entity quality on the real corpus beside the project (../shared/corpus/dev), when it is there. */
async function benchRealQuality(
  nlp: BenchNlp,
  log: Logger,
): Promise<{
  relationF1: number | null;
  personF1: number | null;
  organisationF1: number | null;
  corpus: string | null;
}> {
  const corpus = path.resolve(PROJECT_ROOT, "..", "shared", "corpus", "dev");
  if (!existsSync(path.join(corpus, "gold"))) {
    log.warn(`quality not measured: no real corpus at ${corpus}`);
    return NOT_MEASURED_QUALITY;
  }
  const { totals } = await scoreCorpusFolder(
    corpus,
    createAnnotateContext({ urls: nlp.urls, timeoutMs: nlp.timeoutMs }),
  );
  log.info(
    `quality on the real corpus: relations F1 ${totals.ALL.f1}, persons ${totals.person.f1}, organisations ${totals.org.f1}`,
  );
  return {
    relationF1: totals.ALL.f1,
    personF1: totals.person.f1,
    organisationF1: totals.org.f1,
    corpus: path.relative(PROJECT_ROOT, corpus),
  };
}

function printTable(
  report: {
    sizes: Record<string, SizeResult>;
    query: { details: Record<QueryName, Record<string, QueryComparison>> | null };
  },
  log: Logger,
): void {
  for (const [size, r] of Object.entries(report.sizes)) {
    log.info(
      `N=${size}: import ${r.import?.docsPerSec ?? "-"} docs/s (${r.import?.mibPerSec ?? "-"} MiB/s), ceiling ${r.ceiling?.docsPerSec ?? "-"} docs/s, ratio ${r.import?.ceilingRatio ?? "-"}, writer alone ${r.writer?.ceilingRatio ?? "-"} of the ceiling, extraction ${r.extract?.docsPerSec ?? "-"} docs/s, peak RSS ${r.memory?.peakRssMiB ?? "-"} MiB, relation F1 ${r.quality?.relations.f1 ?? "-"}`,
    );
    for (const m of r.missing) log.warn(`N=${size}: not measured: ${m}`);
  }
  for (const [name, byC] of Object.entries(report.query.details ?? {})) {
    for (const [c, cmp] of Object.entries(byC)) {
      log.info(
        `${name.padEnd(13)} ${c.padEnd(4)} GraphQL p50/p95/p99 ${cmp.graphql.p50Ms}/${cmp.graphql.p95Ms}/${cmp.graphql.p99Ms} ms ${cmp.graphql.throughputPerSec}/s | driver ${cmp.driver.p50Ms}/${cmp.driver.p95Ms}/${cmp.driver.p99Ms} ms ${cmp.driver.throughputPerSec}/s | ratio ${cmp.p95Ratio}`,
      );
    }
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    const isDebug = process.env.LOG_LEVEL === "debug";
    const text = error instanceof Error ? (isDebug ? (error.stack ?? error.message) : error.message) : String(error);
    const hint =
      (error as { code?: unknown }).code === "ERR_PARSE_ARGS_UNKNOWN_OPTION"
        ? " (see --help)"
        : isDebug
          ? ""
          : " (LOG_LEVEL=debug shows the stack)";
    process.stderr.write(`[bench] error: ${text}${hint}\n`);
    process.exitCode = 2;
  },
);

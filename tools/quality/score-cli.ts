/**
 * `npm run score [-- <folder> [gold.json]] [--json]`: extracts a folder and prints its quality.
 * A corpus folder (docs/ and gold/ with one gold file per document, as ../shared/corpus/dev) is scored one document
 * at a time with the corpus scorer's figures; any other folder (default seeds/) against one gold annotation.
 */
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { createAnnotateContext, type AnnotateContext } from "../../src/annotate/index.js";
import { loadConfig, PROJECT_ROOT } from "../../src/config/config.js";
import { createLogger } from "../../src/log.js";
import { extractEachFile, extractFiles, extractionFileName } from "../../src/pipeline/index.js";
import { ensureNlpServer } from "../../src/provision/ensure-nlp-server.js";
import { scoreCorpusDocuments, SCORED_CLASSES, type ScoredDocument } from "./corpus-scorer.js";
import { goldSchema } from "./gold.js";
import { formatQualityReport, scoreExtraction } from "./score-extraction.js";

/** The default gold annotation of the seeds. */
export const SEEDS_GOLD_PATH = path.join(PROJECT_ROOT, "test", "fixtures", "gold", "seeds.gold.json");

/** Scores a corpus folder (docs/, gold/): every document extracted on its own, as `extract --out` does. */
export async function scoreCorpusFolder(
  folder: string,
  annotate: AnnotateContext,
): Promise<{ totals: ReturnType<typeof scoreCorpusDocuments>; failures: number }> {
  const extractions = new Map<string, ScoredDocument>();
  const { failures } = await extractEachFile(
    [path.join(folder, "docs")],
    { annotate },
    async (extraction, document) => {
      extractions.set(`${extractionFileName(document.path)}.json`, extraction);
    },
  );
  const pairs: { pred: ScoredDocument; gold: ScoredDocument }[] = [];
  for (const file of (await readdir(path.join(folder, "gold"))).filter((f) => f.endsWith(".json")).sort()) {
    const gold = JSON.parse(await readFile(path.join(folder, "gold", file), "utf8")) as ScoredDocument;
    pairs.push({ pred: extractions.get(file) ?? { entities: [], relations: [] }, gold });
  }
  return { totals: scoreCorpusDocuments(pairs), failures: failures.length };
}

async function main(argv: string[]): Promise<number> {
  const isJson = argv.includes("--json");
  const [dir = path.join(PROJECT_ROOT, "seeds"), goldArg] = argv.filter((a) => a !== "--json");
  const config = loadConfig(process.env);
  const { urls } = await ensureNlpServer(config, createLogger("nlp", config.logLevel));
  const annotate = createAnnotateContext({ urls, timeoutMs: config.nlp.timeoutMs, cacheDir: config.nlp.cacheDir });
  if (existsSync(path.join(dir, "docs")) && existsSync(path.join(dir, "gold"))) {
    const { totals, failures } = await scoreCorpusFolder(dir, annotate);
    if (isJson) process.stdout.write(`${JSON.stringify({ totals })}\n`);
    else
      for (const c of SCORED_CLASSES) {
        const t = totals[c];
        process.stdout.write(
          `${c.padEnd(15)} P ${t.precision.toFixed(3)}  R ${t.recall.toFixed(3)}  F1 ${t.f1.toFixed(3)}  (tp ${t.tp}, predicted ${t.predicted}, gold ${t.gold})\n`,
        );
      }
    return failures > 0 ? 2 : 0;
  }
  const gold = goldSchema.parse(JSON.parse(await readFile(goldArg ?? SEEDS_GOLD_PATH, "utf8")));
  const { extraction, failures } = await extractFiles([dir], { annotate });
  for (const f of failures) process.stderr.write(`failed: ${f.path}: ${f.error.message}\n`);
  process.stdout.write(`${formatQualityReport(scoreExtraction(extraction, gold))}\n`);
  return failures.length > 0 ? 2 : 0;
}

if (process.argv[1] !== undefined && import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const suggestion = (error as { suggestion?: string }).suggestion;
      process.stderr.write(
        `error: ${error instanceof Error ? error.message : String(error)}${suggestion ? ` ${suggestion}` : ""}\n`,
      );
      process.exitCode = 2;
    },
  );
}

/** `npm run score [-- <dir> [gold.json]]`: extracts a folder and prints its quality against a gold annotation. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { PROJECT_ROOT } from "../config/config.js";
import { extractFiles } from "../extract-files.js";
import { goldSchema } from "./gold.js";
import { formatQualityReport, scoreExtraction } from "./score-extraction.js";

/** The default gold annotation of the seeds. */
export const SEEDS_GOLD_PATH = path.join(PROJECT_ROOT, "test", "fixtures", "gold", "seeds.gold.json");

async function main(argv: string[]): Promise<number> {
  const dir = argv[0] ?? path.join(PROJECT_ROOT, "seeds");
  const goldPath = argv[1] ?? SEEDS_GOLD_PATH;
  const gold = goldSchema.parse(JSON.parse(await readFile(goldPath, "utf8")));
  const { extraction, failures } = await extractFiles([dir], {});
  for (const f of failures) process.stderr.write(`failed: ${f.path}: ${f.error.message}\n`);
  process.stdout.write(`${formatQualityReport(scoreExtraction(extraction, gold))}\n`);
  return failures.length > 0 ? 2 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);

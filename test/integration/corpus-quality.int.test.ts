/**
 * Extraction quality on real text: every article of ../shared/corpus/dev extracted on its own through the test
 * NLP server (as `extract --out` does) and scored with the corpus scorer's figures. Fails below the floors.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config/config.js";
import type { Prf, ScoredClass } from "../../tools/quality/corpus-scorer.js";
import { scoreCorpusFolder } from "../../tools/quality/score-cli.js";
import { testAnnotateContext } from "../helpers/test-helper.js";

const CORPUS = path.resolve(PROJECT_ROOT, "..", "shared", "corpus", "dev");

// A little under what the extractor reaches, so a regression fails. The targets of the issue "Extraction that
// reads real press releases" are higher (person 0.92, organisation 0.85, each relation 0.75, all 0.80): raise these
// floors as the extractor gets there, never lower them.
const FLOORS: Record<ScoredClass, number> = {
  person: 0.95,
  org: 0.845,
  MET_WITH: 0.8,
  SIGNED: 0.74,
  MEMBER_OF: 0.78,
  HOLDS_POSITION: 0.795,
  ALL: 0.79,
};

let totals: Record<ScoredClass, Prf>;

describe.runIf(existsSync(path.join(CORPUS, "gold")))("extraction quality on the real corpus", () => {
  beforeAll(async () => {
    const scored = await scoreCorpusFolder(CORPUS, testAnnotateContext());
    expect(scored.failures).toBe(0);
    totals = scored.totals;
  }, 900_000);

  it("reaches the floors for people, organisations and each relation type", () => {
    console.log(
      Object.entries(totals)
        .map(([c, t]) => `${c.padEnd(15)} P ${t.precision.toFixed(3)} R ${t.recall.toFixed(3)} F1 ${t.f1.toFixed(3)}`)
        .join("\n"),
    );
    for (const [c, floor] of Object.entries(FLOORS))
      expect(totals[c as ScoredClass].f1, c).toBeGreaterThanOrEqual(floor);
  });
});

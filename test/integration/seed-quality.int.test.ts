/**
 * Extraction quality on the seeds against the hand-written gold annotation, and the extraction side of
 * issue 3's acceptance 1-2. Prints the scores; fails below the floors. Annotated by the test NLP server.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config/config.js";
import type { Entity, Extraction } from "../../src/domain/model.js";
import { extractFiles } from "../../src/pipeline/extract-paths.js";
import { goldSchema } from "../../tools/quality/gold.js";
import { formatQualityReport, scoreExtraction } from "../../tools/quality/score-extraction.js";
import { testAnnotateContext } from "../helpers/test-helper.js";

const SEEDS = path.join(PROJECT_ROOT, "seeds");
const ALIASES = path.join(PROJECT_ROOT, "aliases", "aliases.yaml");
const EMPTY_ALIASES = path.join(PROJECT_ROOT, "test", "fixtures", "gold", "no-aliases.yaml");
const gold = goldSchema.parse(
  JSON.parse(readFileSync(path.join(PROJECT_ROOT, "test", "fixtures", "gold", "seeds.gold.json"), "utf8")),
);

// Floors set a little under what the extractor reaches (see the printed table), so a regression fails. They were
// 0.93/0.95 for the hand-written extractor this one replaced, whose rules were written from these five articles;
// the extractor over CoreNLP is general (its quality gate is the real corpus, test/integration/corpus-quality) and
// keeps every seed fact asserted below.
const ENTITY_F1_FLOOR = 0.84;
const RELATION_F1_FLOOR = 0.81;
// Without the alias file and the reference data, by mechanisms alone.
const MECHANISM_ENTITY_F1_FLOOR = 0.8;
const MECHANISM_RELATION_F1_FLOOR = 0.8;

let extraction: Extraction;
let mechanismsOnly: Extraction;

beforeAll(async () => {
  const annotate = testAnnotateContext();
  const withAliases = await extractFiles([SEEDS], { aliasesPath: ALIASES, annotate });
  expect(withAliases.failures).toEqual([]);
  extraction = withAliases.extraction;
  mechanismsOnly = (await extractFiles([SEEDS], { aliasesPath: EMPTY_ALIASES, referencePath: false, annotate }))
    .extraction;
});

function byForm(form: string, types: string[]): Entity[] {
  const lower = form.toLowerCase();
  return extraction.entities.filter(
    (e) => types.includes(e.type) && [e.name, ...e.aliases].some((f) => f.toLowerCase() === lower),
  );
}
const ORG = ["Union", "Confederation", "Organization"];

function relation(type: string, from: string, to: string, props: Record<string, unknown> = {}) {
  return extraction.relations.filter(
    (r) =>
      r.type === type &&
      ((r.from === from && r.to === to) || (type === "MET_WITH" && r.from === to && r.to === from)) &&
      Object.entries(props).every(([k, v]) => (Array.isArray(v) ? v.includes(r.properties[k]) : r.properties[k] === v)),
  );
}

describe("extraction quality on the seeds", () => {
  it("reaches the F1 floors for entities and relations against the gold annotation", () => {
    const report = scoreExtraction(extraction, gold);
    const bare = scoreExtraction(mechanismsOnly, gold);
    console.log(
      `seeds, with aliases/aliases.yaml\n${formatQualityReport(report)}\n\nseeds, mechanisms only (empty alias file)\n${formatQualityReport(bare).split("\n").slice(0, 3).join("\n")}`,
    );
    expect(report.entities.f1).toBeGreaterThanOrEqual(ENTITY_F1_FLOOR);
    expect(report.relations.f1).toBeGreaterThanOrEqual(RELATION_F1_FLOOR);
    expect(bare.entities.f1).toBeGreaterThanOrEqual(MECHANISM_ENTITY_F1_FLOOR);
    expect(bare.relations.f1).toBeGreaterThanOrEqual(MECHANISM_RELATION_F1_FLOOR);
  });

  it("keeps every evidence sentence verbatim at its offsets in its document", () => {
    const texts = new Map<string, string>();
    for (const d of extraction.documents) texts.set(d.id, readFileSync(d.path, "utf8"));
    for (const r of extraction.relations) {
      expect(r.evidence.length).toBeGreaterThan(0);
      for (const e of r.evidence) expect(texts.get(e.document)!.includes(e.sentence)).toBe(true);
    }
  });
});

describe("issue 3 acceptance 1-2, extraction side", () => {
  it("makes one Person of every spelling of Dauletalin", () => {
    const spellings = [
      "Satybaldy Dauletalin",
      "Satybaldı Dauletalin",
      "Satibaldi Dauletalin",
      "Satybalda Dauletalin",
      "Satybaldy Daulealin",
    ];
    const ids = new Set(spellings.flatMap((s) => byForm(s, ["Person"]).map((e) => e.id)));
    expect([...ids]).toEqual(["person:satybaldy-dauletalin"]);
  });

  it("merges FPRK, FTURK, KTUF and the long and word-order forms into one organisation", () => {
    const forms = [
      "FPRK",
      "FTURK",
      "KTUF",
      "Federation of Trade Unions of the Republic of Kazakhstan",
      "Kazakhstan Trade Unions Federation",
    ];
    const ids = new Set(forms.flatMap((f) => byForm(f, ORG).map((e) => e.id)));
    expect(ids.size).toBe(1);
  });

  it("has ITUC, IndustriALL, RENGO, ATUC, FTUU and GCTU once each", () => {
    for (const form of ["ITUC", "IndustriALL", "RENGO", "ATUC", "FTUU", "GCTU"])
      expect(byForm(form, ORG), form).toHaveLength(1);
  });

  it("records Dauletalin meeting each of the five leaders, and their roles", () => {
    const dauletalin = byForm("Satybaldy Dauletalin", ["Person"])[0]!.id;
    const expected: [string, string, string][] = [
      ["Luca Visentini", "General Secretary", "ITUC"],
      ["Kemal Özkan", "Deputy General Secretary", "IndustriALL"],
      ["Tomoko Yoshino", "President", "RENGO"],
      ["Sattar Mohbaliyev", "Chairman", "ATUC"],
      ["Kudratulla Rafikov", "Chairman", "FTUU"],
    ];
    for (const [name, role, org] of expected) {
      const person = byForm(name, ["Person"])[0]!.id;
      expect(relation("MET_WITH", dauletalin, person), name).not.toHaveLength(0);
      expect(relation("HOLDS_POSITION", person, byForm(org, ORG)[0]!.id, { role }), `${name} ${role}`).toHaveLength(1);
    }
    expect(relation("HOLDS_POSITION", dauletalin, byForm("FPRK", ORG)[0]!.id, { role: "Chairman" })).toHaveLength(1);
  });

  it("has FPRK and FTUU sign the same agreement event", () => {
    const fprk = byForm("FPRK", ORG)[0]!.id;
    const ftuu = byForm("FTUU", ORG)[0]!.id;
    const events = (org: string) =>
      new Set(extraction.relations.filter((r) => r.type === "SIGNED" && r.from === org).map((r) => r.to));
    const shared = [...events(fprk)].filter((e) => events(ftuu).has(e));
    const kinds = shared.map((id) => extraction.entities.find((e) => e.id === id)!.properties.kind);
    expect(kinds).toContain("agreement");
  });

  it("records FPRK's restored ITUC membership and its application to the GCTU", () => {
    const fprk = byForm("FPRK", ORG)[0]!.id;
    expect(relation("MEMBER_OF", fprk, byForm("ITUC", ORG)[0]!.id, { status: "restored" })).toHaveLength(1);
    expect(relation("MEMBER_OF", fprk, byForm("GCTU", ORG)[0]!.id, { status: ["applied", "joining"] })).toHaveLength(1);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractionSchema, type SourceDocument } from "../../src/domain/model.js";
import type { DocumentExtraction } from "../../src/extract/types.js";
import { planWrite } from "../../src/graph/plan-write.js";
import { expandPaths, readChunk } from "../../src/pipeline/index.js";
import { EMPTY_ALIAS_TABLE } from "../../src/resolve/alias-table.js";
import { resolveExtraction } from "../../src/resolve/resolve-extraction.js";
import { generateCorpus } from "./generate-corpus.js";
import { readCorpusGold, type CorpusGold } from "./gold.js";
import { recordedFactsOf } from "./recorded-facts.js";

describe("recordedFactsOf", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "lg-recorded-facts-"));
  let documents: SourceDocument[];
  let extractions: DocumentExtraction[];
  let gold: CorpusGold;
  beforeAll(async () => {
    await generateCorpus({ dir, count: 60, seed: 11 });
    gold = await readCorpusGold(dir);
    const { files } = await expandPaths([dir]);
    documents = (await readChunk(files)).documents;
    const extract = recordedFactsOf(dir);
    // two calls, as the importer's chunks make them
    const first = await extract(documents.slice(0, 25));
    const second = await extract(documents.slice(25));
    expect([...first.failures, ...second.failures]).toEqual([]);
    extractions = [...first.extractions, ...second.extractions];
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("gives each document an extraction of the extractor's contract, every evidence a sentence of its text", () => {
    expect(extractions.map((x) => x.document.path)).toEqual(documents.map((d) => d.path));
    for (const [i, x] of extractions.entries()) {
      expect(() => extractionSchema.parse(x)).not.toThrow();
      const text = documents[i]!.text;
      for (const r of x.relations) {
        for (const e of r.evidence) {
          expect(e.document).toBe(x.document.id);
          expect(text.slice(e.start, e.end)).toBe(e.sentence);
        }
      }
    }
  });

  it("states every gold relation once per document, with its gold sentence and the extractor's confidence", () => {
    const byPath = new Map(extractions.map((x) => [x.document.path, x]));
    for (const r of gold.relations) {
      const x = byPath.get(r.document)!;
      const names = new Map(x.entities.map((e) => [e.id, e.name]));
      const goldName = (key: string) => gold.entities.find((e) => e.key === key)!.name;
      const to = r.type === "SIGNED" ? undefined : goldName(r.to);
      const found = x.relations.filter(
        (s) =>
          s.type === r.type &&
          [names.get(s.from), names.get(s.to)].includes(goldName(r.from)) &&
          (to === undefined || [names.get(s.from), names.get(s.to)].includes(to)) &&
          s.evidence.some((e) => e.sentence === r.sentence),
      );
      expect(found, `${r.type} ${r.from} ${r.to} in ${r.document}`).toHaveLength(1);
      expect(found[0]!.properties).toMatchObject(r.properties);
      expect(found[0]!.confidence).toBeGreaterThanOrEqual(0.7);
    }
  });

  it("makes an event of each meeting and signing, with participants, and mentions every entity in its document", () => {
    let meetings = 0;
    let signings = 0;
    for (const x of extractions) {
      const byId = new Map(x.entities.map((e) => [e.id, e]));
      for (const r of x.relations) {
        if (r.type === "MET_WITH") {
          meetings++;
          const event = byId.get(String(r.properties.eventId))!;
          expect(event.properties.kind).toBe("meeting");
          expect(x.details[event.id]!.participants).toEqual(expect.arrayContaining([r.from, r.to]));
        }
        if (r.type === "SIGNED") {
          signings++;
          expect(["agreement", "memorandum"]).toContain(byId.get(r.to)!.properties.kind);
          expect(x.details[r.to]!.participants).toContain(r.from);
        }
      }
      const mentioned = x.relations.filter((r) => r.type === "MENTIONED_IN");
      expect(mentioned.map((r) => r.from).sort()).toEqual(x.entities.map((e) => e.id).sort());
      expect(mentioned.every((r) => r.to === x.document.id && r.confidence === 1)).toBe(true);
    }
    expect(meetings).toBeGreaterThan(0);
    expect(signings).toBeGreaterThan(0);
  });

  it("resolves and plans as the extractor's output does: one node per gold person and organisation named", () => {
    const resolved = resolveExtraction(extractions, EMPTY_ALIAS_TABLE);
    const plan = planWrite(resolved);
    expect(plan.documents).toHaveLength(60);
    const people = new Set(gold.relations.flatMap((r) => [r.from, r.to]).filter((k) => k.startsWith("P")));
    expect(resolved.entities.filter((e) => e.type === "Person")).toHaveLength(people.size);
  });

  it("reports a document the gold does not list as a failure naming it", async () => {
    const stray = path.join(dir, "stray.txt");
    writeFileSync(stray, "A text the generator did not write.");
    const [document] = (await readChunk([stray])).documents;
    const { extractions: none, failures } = await recordedFactsOf(dir)([document!]);
    expect(none).toEqual([]);
    expect(failures.map((f) => f.path)).toEqual([stray]);
    expect(failures[0]!.error.message).toContain(".gold");
  });
});

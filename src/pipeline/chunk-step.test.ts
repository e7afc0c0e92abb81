import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { RECORDED_ANNOTATIONS } from "../../test/helpers/recorded-annotations.js";
import { AnnotationCache, CORENLP_VERSION, CoreNlpAnnotator } from "../annotate/index.js";
import { EMPTY_ALIAS_TABLE } from "../resolve/alias-table.js";
import { runChunkStep, type PipelineRun } from "./chunk-step.js";

// texts whose annotations are recorded (test/fixtures/annotations/recorded): no NLP server is called
const A =
  "Chairman of the Federation of Trade Unions of the Republic of Belarus (FPB) Mikhail Orda met with Luc Triangle.";
const B =
  "The Head of the FPB said the Belarus Trade Unions Federation grows. Mikhaıl Orda informed the press, said Mikhail Orda.";

const root = mkdtempSync(path.join(tmpdir(), "labour-graph-chunk-step-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const full = path.join(root, name);
  writeFileSync(full, content);
  return full;
}

function newRun(): PipelineRun {
  // an annotator no server answers for: every annotation must come from the recordings
  const annotator = new CoreNlpAnnotator({ urls: ["http://127.0.0.1:9"], timeoutMs: 1, version: CORENLP_VERSION });
  return {
    annotate: { annotator, concurrency: 1, cache: new AnnotationCache(RECORDED_ANNOTATIONS) },
    aliases: EMPTY_ALIAS_TABLE,
    firstPathOf: new Map(),
  };
}

const a = file("a.txt", A);
const aCopy = file("a-copy.txt", A);
const b = file("b.txt", B);
const broken = file("broken.txt", new Uint8Array([0x41, 0xc3, 0x28]));

describe("runChunkStep", () => {
  it("reads each content once per run, across chunks, and reports unreadable files as failures naming them", async () => {
    const run = newRun();
    const first = await runChunkStep([a, broken], run, { resolve: "together" });
    expect(first.read.documents.map((d) => d.path)).toEqual([a]);
    expect(first.read.failures.map((f) => f.path)).toEqual([broken]);
    expect(first.read.failures[0]!.error.message).toContain(broken);

    const second = await runChunkStep([aCopy, b], run, { resolve: "together" });
    expect(second.read.documents.map((d) => d.path)).toEqual([b]);
    expect(second.read.duplicates).toHaveLength(1);
    expect(second.read.duplicates[0]).toMatchObject({ code: "DUPLICATE_DOCUMENT" });
    expect(second.read.duplicates[0]!.message).toContain(a);
  });

  it("resolves a chunk together (an acronym defined in one document names the body of another) or each alone", async () => {
    const together = await runChunkStep([a, b], newRun(), { resolve: "together" });
    expect(together.resolved).toHaveLength(1);
    const x = together.resolved[0]!;
    expect(x.documents).toHaveLength(2);
    const fpb = x.entities.filter((e) => e.name === "FPB" || e.aliases.includes("FPB"));
    expect(fpb.map((e) => e.id)).toEqual(["org:federation-of-trade-unions-of-the-republic-of-belarus"]);

    const each = await runChunkStep([a, b], newRun(), { resolve: "each" });
    expect(each.resolved.map((r) => r.documents.map((d) => d.path))).toEqual([[a], [b]]);

    const none = await runChunkStep([a, b], newRun(), { resolve: "none" });
    expect(none.extractions).toHaveLength(2);
    expect(none.resolved).toEqual([]);
  });

  it("annotates only the documents `keep` returns, and resolves nothing when it keeps none", async () => {
    const seen: string[] = [];
    const step = await runChunkStep([a, b], newRun(), {
      resolve: "together",
      keep: async (documents) => {
        seen.push(...documents.map((d) => d.path));
        return [];
      },
    });
    expect(seen).toEqual([a, b]);
    expect(step.extractions).toEqual([]);
    expect(step.resolved).toEqual([]);
  });

  it("takes the extractions from `extractDocuments` when the run sets it, without annotating", async () => {
    // a text with no recorded annotation, and a run with no annotator at all
    const c = file("c.txt", "Luc Triangle spoke in Brussels.");
    const seen: string[] = [];
    const { annotate: _annotate, ...withoutAnnotator } = newRun();
    const run: PipelineRun = {
      ...withoutAnnotator,
      extractDocuments: async (documents) => {
        seen.push(...documents.map((d) => d.path));
        const [document] = documents.map(({ text: _t, sentences: _s, ...meta }) => meta);
        const sentence = "Luc Triangle spoke in Brussels.";
        const evidence = [{ document: document!.id, sentence, start: 0, end: sentence.length }];
        const person = { id: "person:luc triangle", type: "Person" as const, name: "Luc Triangle", aliases: [] };
        return {
          extractions: [
            {
              document: document!,
              documents: [document!],
              entities: [{ ...person, properties: {} }],
              relations: [
                { type: "MENTIONED_IN", from: person.id, to: document!.id, properties: {}, evidence, confidence: 1 },
              ],
              diagnostics: [],
              details: { [person.id]: { acronyms: [], mentions: 1, isAcronymOnly: false } },
            },
          ],
          failures: [],
        };
      },
    };
    const step = await runChunkStep([c], run, { resolve: "together" });
    expect(seen).toEqual([c]);
    expect(step.failures).toEqual([]);
    expect(step.resolved[0]!.entities.map((e) => e.name)).toEqual(["Luc Triangle"]);
    expect(step.resolved[0]!.relations.map((r) => r.type)).toEqual(["MENTIONED_IN"]);
  });
});

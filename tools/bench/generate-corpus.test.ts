import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { articlePath, generateCorpus } from "./generate-corpus.js";
import { readCorpusGold } from "./gold.js";

describe("generateCorpus", () => {
  const dirs: string[] = [];
  const tmp = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "lg-corpus-"));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it("writes the same bytes and the same ground truth for the same seed, and different ones for another seed", async () => {
    const [a, b, c] = [tmp(), tmp(), tmp()];
    await generateCorpus({ dir: a, count: 30, seed: 5 });
    await generateCorpus({ dir: b, count: 30, seed: 5 });
    await generateCorpus({ dir: c, count: 30, seed: 6 });
    const read = (dir: string, rel: string) => readFileSync(path.join(dir, rel), "utf8");
    for (let i = 0; i < 30; i++) expect(read(a, articlePath(i))).toBe(read(b, articlePath(i)));
    expect(read(a, ".gold/relations.jsonl")).toBe(read(b, ".gold/relations.jsonl"));
    expect(read(a, ".gold/entities.json")).toBe(read(b, ".gold/entities.json"));
    expect(read(a, articlePath(0))).not.toBe(read(c, articlePath(0)));
  });

  it("writes articles with front matter whose every gold relation quotes a sentence of its article and names known entities", async () => {
    const dir = tmp();
    await generateCorpus({ dir, count: 40, seed: 9 });
    const gold = await readCorpusGold(dir);
    const keys = new Set(gold.entities.map((e) => e.key));
    expect(gold.documents).toHaveLength(40);
    expect(new Set(gold.relations.map((r) => r.type))).toEqual(
      new Set(["MET_WITH", "HOLDS_POSITION", "MEMBER_OF", "SIGNED"]),
    );
    for (const doc of gold.documents) {
      const text = readFileSync(doc.path, "utf8");
      expect(text).toMatch(/^---\ntitle: ".+"\ndate: \d{4}-\d{2}-\d{2}\nurl: https:\/\/\S+\n---\n/);
    }
    for (const r of gold.relations) {
      expect(readFileSync(r.document, "utf8")).toContain(r.sentence);
      expect(keys.has(r.from), r.from).toBe(true);
      expect(keys.has(r.to), r.to).toBe(true);
    }
  });

  it("states one membership status per pair of organisations across the corpus", async () => {
    const dir = tmp();
    await generateCorpus({ dir, count: 300, seed: 4 });
    const gold = await readCorpusGold(dir);
    const statuses = new Map<string, Set<unknown>>();
    for (const r of gold.relations.filter((x) => x.type === "MEMBER_OF")) {
      const key = `${r.from}|${r.to}`;
      statuses.set(key, (statuses.get(key) ?? new Set()).add(r.properties.status));
    }
    expect(statuses.size).toBeGreaterThan(0);
    for (const [pair, set] of statuses) expect(set.size, pair).toBe(1);
  });

  it("spells one entity in several ways across a corpus: acronyms, word order, transliterations", async () => {
    const dir = tmp();
    await generateCorpus({ dir, count: 200, seed: 3 });
    const gold = await readCorpusGold(dir);
    const people = gold.entities.filter((e) => e.type === "Person");
    const unions = gold.entities.filter((e) => e.type === "Union");
    expect(people.some((p) => p.aliases.length >= 2)).toBe(true);
    expect(unions.some((u) => u.aliases.some((a) => /^[A-Z]{3,}$/.test(a)))).toBe(true);
    expect(
      unions.some((u) =>
        u.aliases.some((a) => a.endsWith("Trade Unions Federation") || a.endsWith("Confederation of Labor")),
      ),
    ).toBe(true);
  });
});

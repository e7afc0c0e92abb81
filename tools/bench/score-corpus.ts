/**
 * Scores an extraction of a generated corpus against the corpus's own ground truth. Extracted entities are
 * mapped to gold entities through their names and aliases; relations are compared as corpus-level facts
 * (type, ends, role/status), SIGNED per document since each article signs its own agreement.
 */
import path from "node:path";
import type { Extraction, RelType } from "../../src/domain/model.js";
import { foldAccents } from "../../src/graph/plan-write.js";
import type { Score as Prf } from "../quality/score-extraction.js";
import type { CorpusGold } from "./gold.js";

/** The quality figures on a generated corpus. */
export interface CorpusScore {
  entities: Prf;
  relations: Prf;
  relationsByType: Record<string, Prf>;
  /** gold entities that came out as more than one extracted entity (missed resolutions) */
  splitEntities: number;
  /** extracted entities whose names belong to more than one gold entity (wrong merges) */
  mergedEntities: number;
}

/** Relation types the generated corpus states; others are not scored. */
export const SCORED_REL_TYPES: readonly RelType[] = ["MET_WITH", "HOLDS_POSITION", "MEMBER_OF", "SIGNED"];

/** Name normal form for matching: accents folded, case and punctuation ignored, leading "the" dropped. */
export function normaliseName(name: string): string {
  return foldAccents(name)
    .toLowerCase()
    .replace(/[’'`]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/^the /, "");
}

function prf(truePositives: number, predicted: number, expected: number): Prf {
  const precision = predicted === 0 ? 0 : truePositives / predicted;
  const recall = expected === 0 ? 0 : truePositives / expected;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const r = (v: number) => Math.round(v * 1000) / 1000;
  return { precision: r(precision), recall: r(recall), f1: r(f1), truePositives, predicted, expected };
}

function discriminator(type: RelType, properties: Record<string, unknown>): string {
  if (type === "HOLDS_POSITION")
    return String(properties.role ?? "")
      .toLowerCase()
      .trim();
  if (type === "MEMBER_OF")
    return String(properties.status ?? "")
      .toLowerCase()
      .trim();
  return "";
}

function factKey(type: RelType, from: string, to: string, disc: string): string {
  const [a, b] = type === "MET_WITH" && from > to ? [to, from] : [from, to];
  return `${type}|${a}|${b}|${disc}`;
}

/** Scores `extraction` against `gold` (documents are matched by resolved path). */
export function scoreCorpus(extraction: Extraction, gold: CorpusGold): CorpusScore {
  const byName = new Map<string, Set<string>>();
  const goldEntities = gold.entities.filter((e) => e.type !== "Event");
  for (const e of goldEntities) {
    for (const n of [e.name, ...e.aliases]) {
      const key = normaliseName(n);
      byName.set(key, (byName.get(key) ?? new Set()).add(e.key));
    }
  }
  const scoredTypes = new Set(["Person", "Union", "Confederation", "Organization"]);
  const mapping = new Map<string, string>();
  let mergedEntities = 0;
  let predictedEntities = 0;
  const goldHits = new Map<string, number>();
  for (const entity of extraction.entities) {
    if (!scoredTypes.has(entity.type)) continue;
    predictedEntities++;
    const votes = new Map<string, number>();
    for (const n of [entity.name, ...entity.aliases]) {
      for (const key of byName.get(normaliseName(n)) ?? []) votes.set(key, (votes.get(key) ?? 0) + 1);
    }
    if (votes.size === 0) continue;
    if (votes.size > 1) mergedEntities++;
    const best = [...votes.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]![0];
    mapping.set(entity.id, best);
    goldHits.set(best, (goldHits.get(best) ?? 0) + 1);
  }
  const splitEntities = [...goldHits.values()].filter((n) => n > 1).length;
  // a gold entity extracted twice counts once as a hit and once as a false positive: splits are errors
  const entityScore = prf(goldHits.size, predictedEntities, goldEntities.length);

  const docPath = new Map(extraction.documents.map((d) => [d.id, path.resolve(d.path)]));
  const goldFacts = new Map<RelType, Set<string>>();
  for (const r of gold.relations) {
    if (!SCORED_REL_TYPES.includes(r.type)) continue;
    const to = r.type === "SIGNED" ? path.resolve(r.document) : r.to;
    const set = goldFacts.get(r.type) ?? new Set<string>();
    set.add(factKey(r.type, r.from, to, discriminator(r.type, r.properties)));
    goldFacts.set(r.type, set);
  }
  const predictedFacts = new Map<RelType, Set<string>>();
  for (const r of extraction.relations) {
    if (!SCORED_REL_TYPES.includes(r.type)) continue;
    const from = mapping.get(r.from) ?? `?${r.from}`;
    const set = predictedFacts.get(r.type) ?? new Set<string>();
    if (r.type === "SIGNED") {
      for (const ev of r.evidence) set.add(factKey(r.type, from, docPath.get(ev.document) ?? `?${ev.document}`, ""));
    } else {
      set.add(factKey(r.type, from, mapping.get(r.to) ?? `?${r.to}`, discriminator(r.type, r.properties)));
    }
    predictedFacts.set(r.type, set);
  }
  const relationsByType: Record<string, Prf> = {};
  let tp = 0;
  let predicted = 0;
  let expected = 0;
  for (const type of SCORED_REL_TYPES) {
    const g = goldFacts.get(type) ?? new Set<string>();
    const p = predictedFacts.get(type) ?? new Set<string>();
    const hits = [...p].filter((k) => g.has(k)).length;
    relationsByType[type] = prf(hits, p.size, g.size);
    tp += hits;
    predicted += p.size;
    expected += g.size;
  }
  return {
    entities: entityScore,
    relations: prf(tp, predicted, expected),
    relationsByType,
    splitEntities,
    mergedEntities,
  };
}

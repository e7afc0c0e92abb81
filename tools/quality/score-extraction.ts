/**
 * scoreExtraction: precision, recall and F1 of an Extraction against a gold annotation. Pure.
 * Entities match by any surface form (folded); events are not scored as entities. Relations match by type,
 * both ends (MET_WITH undirected; event ends by kind) and the role or status the gold gives.
 */
import { isOrganisationType, type Entity, type EntityType, type Extraction } from "../../src/domain/model.js";
import { foldText } from "../../src/extract/fold.js";
import type { Gold } from "./gold.js";

/** Precision, recall and F1 with the counts behind them. */
export interface Score {
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  predicted: number;
  expected: number;
}

/** The scores of an extraction, and what was missed or wrong (for reading, not for asserting). */
export interface QualityReport {
  entities: Score;
  relations: Score;
  relationsByType: Record<string, Score>;
  missedEntities: string[];
  spuriousEntities: string[];
  missedRelations: string[];
  spuriousRelations: string[];
}

function family(type: EntityType): string {
  return isOrganisationType(type) ? "org" : type;
}

function score(tp: number, predicted: number, expected: number): Score {
  const precision = predicted === 0 ? (expected === 0 ? 1 : 0) : tp / predicted;
  const recall = expected === 0 ? 1 : tp / expected;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { precision: round(precision), recall: round(recall), f1: round(f1), truePositives: tp, predicted, expected };
}

/** Entities: each extracted entity matches the gold entity sharing a folded form with it. */
function matchEntities(extraction: Extraction, gold: Gold) {
  const goldByForm = new Map<string, number>();
  gold.entities.forEach((g, i) => {
    for (const f of [g.name, ...g.forms]) goldByForm.set(`${family(g.type)}|${foldText(f)}`, i);
  });
  const goldOf = new Map<string, number>();
  const matchedGold = new Set<number>();
  const spuriousEntities: string[] = [];
  let entityTp = 0;
  const scored = extraction.entities.filter((e) => e.type !== "Event");
  for (const e of scored) {
    const hit = [e.name, ...e.aliases]
      .map((f) => goldByForm.get(`${family(e.type)}|${foldText(f)}`))
      .find((i) => i !== undefined);
    if (hit === undefined) {
      spuriousEntities.push(`${e.type} ${e.name}`);
      continue;
    }
    goldOf.set(e.id, hit);
    if (matchedGold.has(hit)) {
      spuriousEntities.push(`${e.type} ${e.name} (a second entity for ${gold.entities[hit]!.name})`);
      continue;
    }
    matchedGold.add(hit);
    entityTp += 1;
  }
  const missedEntities = gold.entities.filter((_, i) => !matchedGold.has(i)).map((g) => `${g.type} ${g.name}`);
  return { goldOf, entityTp, scoredCount: scored.length, spuriousEntities, missedEntities };
}

/** Scores `extraction` against `gold`. */
export function scoreExtraction(extraction: Extraction, gold: Gold): QualityReport {
  const { goldOf, entityTp, scoredCount, spuriousEntities, missedEntities } = matchEntities(extraction, gold);

  // ---- relations as keys
  const entityById = new Map<string, Entity>(extraction.entities.map((e) => [e.id, e]));
  const goldIndex = new Map(gold.entities.map((g, i) => [g.name, i] as const));
  const endKey = (id: string): string => {
    const e = entityById.get(id);
    if (e?.type === "Event") return `event:${String(e.properties.kind ?? "other")}`;
    const g = goldOf.get(id);
    return g === undefined ? `?${e?.name ?? id}` : `#${g}`;
  };
  const goldEnd = (name: string | undefined, event: string | undefined): string => {
    if (event !== undefined) return `event:${event}`;
    const i = goldIndex.get(name!);
    return i === undefined ? `?${name}` : `#${i}`;
  };
  const label = (key: string) => key.replace(/#(\d+)/g, (_, i: string) => gold.entities[Number(i)]!.name);
  const base = (type: string, a: string, b: string) =>
    type === "MET_WITH" && a > b ? `${type}|${b}|${a}` : `${type}|${a}|${b}`;

  const expected = gold.relations.map((r) => ({
    key: base(r.type, goldEnd(r.from, r.fromEvent), goldEnd(r.to, r.toEvent)),
    type: r.type,
    role: r.role === undefined ? undefined : foldText(r.role),
    status: r.status,
  }));
  const predicted = new Map<string, { type: string; role?: string; status?: string }>();
  for (const r of extraction.relations) {
    if (r.type === "MENTIONED_IN") continue;
    const key = base(r.type, endKey(r.from), endKey(r.to));
    const role = r.type === "HOLDS_POSITION" ? foldText(String(r.properties.role ?? "")) : undefined;
    const status = r.type === "MEMBER_OF" ? String(r.properties.status ?? "") : undefined;
    const full = `${key}|${role ?? ""}|${status ?? ""}`;
    const value: { type: string; role?: string; status?: string } = { type: r.type };
    if (role !== undefined) value.role = role;
    if (status !== undefined) value.status = status;
    predicted.set(full, value);
  }
  const matchedExpected = new Set<number>();
  const spuriousRelations: string[] = [];
  const tpByType = new Map<string, number>();
  const predictedByType = new Map<string, number>();
  for (const [full, p] of predicted) {
    predictedByType.set(p.type, (predictedByType.get(p.type) ?? 0) + 1);
    const key = full.split("|").slice(0, 3).join("|");
    const i = expected.findIndex(
      (x, k) =>
        !matchedExpected.has(k) &&
        x.key === key &&
        (x.role === undefined || x.role === p.role) &&
        (x.status === undefined || x.status.includes(p.status ?? "")),
    );
    if (i < 0) {
      spuriousRelations.push(label(full.replace(/\|+$/, "")));
      continue;
    }
    matchedExpected.add(i);
    tpByType.set(p.type, (tpByType.get(p.type) ?? 0) + 1);
  }
  const missedRelations = expected
    .filter((_, k) => !matchedExpected.has(k))
    .map((x) => label(`${x.key}${x.role ? `|${x.role}` : ""}${x.status ? `|${x.status.join("/")}` : ""}`));
  const relationsByType: Record<string, Score> = {};
  for (const type of new Set([...expected.map((x) => x.type), ...predictedByType.keys()])) {
    relationsByType[type] = score(
      tpByType.get(type) ?? 0,
      predictedByType.get(type) ?? 0,
      expected.filter((x) => x.type === type).length,
    );
  }
  return {
    entities: score(entityTp, scoredCount, gold.entities.length),
    relations: score(matchedExpected.size, predicted.size, expected.length),
    relationsByType,
    missedEntities,
    spuriousEntities,
    missedRelations,
    spuriousRelations,
  };
}

/** A small text table of a report. */
export function formatQualityReport(report: QualityReport): string {
  const row = (name: string, s: Score) =>
    `${name.padEnd(16)} ${s.precision.toFixed(3).padStart(9)} ${s.recall.toFixed(3).padStart(7)} ${s.f1.toFixed(3).padStart(6)}   ${s.truePositives}/${s.predicted} predicted, ${s.truePositives}/${s.expected} expected`;
  const lines = [
    `${"".padEnd(16)} precision  recall     F1`,
    row("entities", report.entities),
    row("relations", report.relations),
  ];
  for (const [type, s] of Object.entries(report.relationsByType).sort()) lines.push(row(`  ${type}`, s));
  if (report.missedEntities.length > 0) lines.push(`missed entities: ${report.missedEntities.join("; ")}`);
  if (report.spuriousEntities.length > 0) lines.push(`spurious entities: ${report.spuriousEntities.join("; ")}`);
  if (report.missedRelations.length > 0) lines.push(`missed relations: ${report.missedRelations.join("; ")}`);
  if (report.spuriousRelations.length > 0) lines.push(`spurious relations: ${report.spuriousRelations.join("; ")}`);
  return lines.join("\n");
}

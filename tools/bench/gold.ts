/** Reads the ground truth a generated corpus carries (.gold/entities.json and .gold/relations.jsonl). */
import { createReadStream, readFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import type { Gold } from "../quality/gold.js";
import { GOLD_FOLDER, type GoldDocumentLine, type GoldEntity, type GoldRelation } from "./generate-corpus.js";

/** The ground truth of (part of) a corpus: documents by path, entities by key, relations. */
export interface CorpusGold {
  documents: { path: string; title: string; date: string }[];
  entities: GoldEntity[];
  relations: GoldRelation[];
}

/** Loads the gold of the first `limit` documents (all when undefined); paths are made absolute under `dir`. */
export async function readCorpusGold(dir: string, limit?: number): Promise<CorpusGold> {
  const entities = JSON.parse(readFileSync(path.join(dir, GOLD_FOLDER, "entities.json"), "utf8")) as GoldEntity[];
  const documents: CorpusGold["documents"] = [];
  const relations: GoldRelation[] = [];
  const lines = createInterface({
    input: createReadStream(path.join(dir, GOLD_FOLDER, "relations.jsonl")),
    crlfDelay: Infinity,
  });
  for await (const line of lines) {
    if (line.trim() === "") continue;
    if (limit !== undefined && documents.length >= limit) break;
    const doc = JSON.parse(line) as GoldDocumentLine;
    const absolute = path.join(dir, doc.path);
    documents.push({ path: absolute, title: doc.title, date: doc.date });
    for (const r of doc.relations) relations.push({ ...r, document: absolute });
  }
  lines.close();
  const used = new Set(relations.flatMap((r) => [r.from, r.to]));
  return { documents, entities: entities.filter((e) => used.has(e.key) || limit === undefined), relations };
}

/**
 * The corpus ground truth in the hand-annotation format of tools/quality (corpus-level facts, events by kind), so that
 * the project's own scorer can be run on a generated corpus as a cross-check.
 */
export function goldAsAnnotation(gold: CorpusGold): Gold {
  const byKey = new Map(gold.entities.map((e) => [e.key, e]));
  const entities = gold.entities
    .filter((e): e is GoldEntity & { type: Exclude<GoldEntity["type"], "Event"> } => e.type !== "Event")
    .map((e) => ({ type: e.type, name: e.name, forms: [e.name, ...e.aliases] }));
  const relations = new Map<string, Gold["relations"][number]>();
  for (const r of gold.relations) {
    if (r.type === "MENTIONED_IN") continue;
    const from = byKey.get(r.from);
    const to = byKey.get(r.to);
    if (from === undefined || to === undefined || from.type === "Event") continue;
    // MET_WITH has no direction: one fact per pair
    const [a, b] = r.type === "MET_WITH" && to.name < from.name ? [to, from] : [from, to];
    const relation: Gold["relations"][number] = { type: r.type, from: a.name };
    if (b.type === "Event") relation.toEvent = b.properties.kind as NonNullable<Gold["relations"][number]["toEvent"]>;
    else relation.to = b.name;
    if (typeof r.properties.role === "string") relation.role = r.properties.role;
    if (typeof r.properties.status === "string") relation.status = [r.properties.status];
    relations.set(JSON.stringify(relation), relation);
  }
  return { entities, relations: [...relations.values()] };
}

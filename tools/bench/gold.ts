/** Reads the ground truth a generated corpus carries (.gold/entities.json and .gold/relations.jsonl). */
import { createReadStream, readFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import type { DocumentMeta, Entity, Extraction, Relation } from "../../src/domain/model.js";
import { documentIdOf } from "../../src/ingest/load-document.js";
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
 * The ground truth as an Extraction (entity ids are the gold keys): what a perfect extractor would return.
 * Lets the write path be measured and tested independently of extraction quality.
 */
export async function goldAsExtraction(dir: string, limit?: number): Promise<Extraction> {
  const gold = await readCorpusGold(dir, limit);
  const documents: DocumentMeta[] = [];
  const idOfPath = new Map<string, string>();
  const textOfPath = new Map<string, string>();
  for (const d of gold.documents) {
    const bytes = readFileSync(d.path);
    const id = documentIdOf(bytes);
    idOfPath.set(d.path, id);
    textOfPath.set(d.path, bytes.toString("utf8"));
    documents.push({ id, path: d.path, title: d.title, date: d.date });
  }
  const entities: Entity[] = gold.entities.map((e) => ({
    id: `gold:${e.key}`,
    type: e.type,
    name: e.name,
    aliases: e.aliases,
    properties: e.properties,
  }));
  const relations: Relation[] = gold.relations.map((r) => {
    const text = textOfPath.get(r.document) ?? "";
    const start = Math.max(0, text.indexOf(r.sentence));
    return {
      type: r.type,
      from: `gold:${r.from}`,
      to: `gold:${r.to}`,
      properties: r.properties,
      evidence: [
        { document: idOfPath.get(r.document) ?? "", sentence: r.sentence, start, end: start + r.sentence.length },
      ],
      confidence: 1,
    };
  });
  return { documents, entities, relations, diagnostics: [] };
}

/**
 * The corpus ground truth in the hand-annotation format of src/quality (corpus-level facts, events by kind), so that
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

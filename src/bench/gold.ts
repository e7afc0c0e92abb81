/** Reads the ground truth a generated corpus carries (gold/entities.json and gold/relations.jsonl). */
import { createReadStream, readFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import type { DocumentMeta, Entity, Extraction, Relation } from "../domain/model.js";
import { documentIdOf } from "../ingest/load-document.js";
import type { GoldDocumentLine, GoldEntity, GoldRelation } from "./generate-corpus.js";

/** The ground truth of (part of) a corpus: documents by path, entities by key, relations. */
export interface CorpusGold {
  documents: { path: string; title: string; date: string }[];
  entities: GoldEntity[];
  relations: GoldRelation[];
}

/** Loads the gold of the first `limit` documents (all when undefined); paths are made absolute under `dir`. */
export async function readCorpusGold(dir: string, limit?: number): Promise<CorpusGold> {
  const entities = JSON.parse(readFileSync(path.join(dir, "gold", "entities.json"), "utf8")) as GoldEntity[];
  const documents: CorpusGold["documents"] = [];
  const relations: GoldRelation[] = [];
  const lines = createInterface({ input: createReadStream(path.join(dir, "gold", "relations.jsonl")), crlfDelay: Infinity });
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
  const entities: Entity[] = gold.entities.map((e) => ({ id: `gold:${e.key}`, type: e.type, name: e.name, aliases: e.aliases, properties: e.properties }));
  const relations: Relation[] = gold.relations.map((r) => {
    const text = textOfPath.get(r.document) ?? "";
    const start = Math.max(0, text.indexOf(r.sentence));
    return {
      type: r.type,
      from: `gold:${r.from}`,
      to: `gold:${r.to}`,
      properties: r.properties,
      evidence: [{ document: idOfPath.get(r.document) ?? "", sentence: r.sentence, start, end: start + r.sentence.length }],
      confidence: 1,
    };
  });
  return { documents, entities, relations, diagnostics: [] };
}

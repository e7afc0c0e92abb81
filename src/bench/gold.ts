/** Reads the ground truth a generated corpus carries (gold/entities.json and gold/relations.jsonl). */
import { createReadStream, readFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
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

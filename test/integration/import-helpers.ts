/** Shared by the importer's integration tests: a canonical dump of the graph and hand-built extractions. */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect } from "vitest";
import {
  MAX_EVIDENCE_PER_DOCUMENT,
  MAX_EVIDENCE_PER_EDGE,
  type DocumentMeta,
  type Entity,
  type Evidence,
  type Extraction,
  type Relation,
} from "../../src/domain/model.js";
import type { TestHelper } from "../helpers/test-helper.js";

/** Every node and relationship with all its properties, as sorted JSON lines: equal dumps mean equal graphs. */
export async function canonicalDump(helper: TestHelper): Promise<string[]> {
  const nodes = await helper.runCypher(/* Cypher */ `
    MATCH (n) WHERE NOT n:__Neo4jMigration
    RETURN labels(n) AS labels, properties(n) AS props`);
  const rels = await helper.runCypher(/* Cypher */ `
    MATCH (a)-[r]->(b) WHERE NOT a:__Neo4jMigration
    RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props`);
  const sortKeys = (value: unknown): unknown =>
    value !== null && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value as Record<string, unknown>)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([k, v]) => [k, sortKeys(v)]),
        )
      : value;
  const lines = [
    ...nodes.map((n) => `N ${JSON.stringify([...(n.labels as string[])].sort())} ${JSON.stringify(sortKeys(n.props))}`),
    ...rels.map((r) => `R ${String(r.type)} ${String(r.from)} -> ${String(r.to)} ${JSON.stringify(sortKeys(r.props))}`),
  ];
  return lines.sort();
}

/** The document id the importer uses: sha256 of the file's bytes, hex, first 16 characters. */
export function contentId(bytes: string | Buffer): string {
  return createHash("sha256").update(bytes).digest("hex").slice(0, 16);
}

/** A document read from disk, for building extractions by hand. */
export interface FixtureDocument {
  meta: DocumentMeta;
  text: string;
}

/** Reads a fixture file as a document (id from its content). */
export function fixtureDocument(path: string, title?: string): FixtureDocument {
  const text = readFileSync(path, "utf8");
  return { meta: { id: contentId(readFileSync(path)), path, ...(title ? { title } : {}) }, text };
}

/** Evidence for a sentence that must occur verbatim in the document. */
export function evidenceOf(doc: FixtureDocument, sentence: string): Evidence {
  const start = doc.text.indexOf(sentence);
  if (start < 0) throw new Error(`evidenceOf: "${sentence}" is not in ${doc.meta.path}`);
  return { document: doc.meta.id, sentence, start, end: start + sentence.length };
}

/** An entity with defaults. */
export function entity(
  id: string,
  type: Entity["type"],
  name: string,
  aliases: string[] = [],
  properties: Entity["properties"] = {},
): Entity {
  return { id, type, name, aliases, properties };
}

/** A relation with defaults. */
export function relation(
  type: Relation["type"],
  from: string,
  to: string,
  evidence: Evidence[],
  confidence = 0.8,
  properties: Relation["properties"] = {},
): Relation {
  return { type, from, to, evidence, confidence, properties };
}

/** An extraction over the given documents. */
export function extractionOf(documents: FixtureDocument[], entities: Entity[], relations: Relation[]): Extraction {
  return { documents: documents.map((d) => d.meta), entities, relations, diagnostics: [] };
}

/** Counts of nodes, relationships and properties in the graph (migration records excluded). */
export async function graphCounts(
  helper: TestHelper,
): Promise<{ nodes: number; rels: number; nodeProps: number; relProps: number }> {
  const [row] = await helper.runCypher(/* Cypher */ `
    MATCH (n) WHERE NOT n:__Neo4jMigration
    WITH count(n) AS nodes, sum(size(keys(n))) AS nodeProps
    OPTIONAL MATCH ()-[r]->()
    RETURN nodes, nodeProps, count(r) AS rels, coalesce(sum(size(keys(r))), 0) AS relProps`);
  return {
    nodes: Number(row?.nodes),
    rels: Number(row?.rels),
    nodeProps: Number(row?.nodeProps),
    relProps: Number(row?.relProps),
  };
}

/**
 * Every relationship has a key, sources and evidence (aligned with evidenceDocs, within the caps, from every source
 * while the edge cap is not reached), and each sentence is verbatim in its document's file.
 */
export async function expectEverySentenceVerbatim(helper: TestHelper): Promise<void> {
  const rels = await helper.runCypher(/* Cypher */ `
    MATCH ()-[r]->() RETURN type(r) AS type, r.key AS key, r.sources AS sources, r.evidence AS evidence, r.evidenceDocs AS docs`);
  const docs = await helper.runCypher(/* Cypher */ `MATCH (d:Document) RETURN d.id AS id, d.path AS path`);
  const pathOf = new Map(docs.map((d) => [String(d.id), String(d.path)]));
  const textOf = new Map<string, string>();
  expect(rels.length).toBeGreaterThan(0);
  for (const r of rels) {
    const evidence = (r.evidence ?? []) as string[];
    const evidenceDocs = (r.docs ?? []) as string[];
    expect(r.key, `${String(r.type)} has a key`).toEqual(expect.stringMatching(new RegExp(`^${String(r.type)}\\|`)));
    expect(((r.sources ?? []) as string[]).length, `${String(r.key)} sources`).toBeGreaterThan(0);
    expect(evidence.length, `${String(r.key)} evidence`).toBeGreaterThan(0);
    expect(evidenceDocs).toHaveLength(evidence.length);
    const sources = [...((r.sources ?? []) as string[])].sort();
    if (evidence.length < MAX_EVIDENCE_PER_EDGE) expect([...new Set(evidenceDocs)].sort()).toEqual(sources);
    else expect(sources).toEqual(expect.arrayContaining([...new Set(evidenceDocs)]));
    for (const doc of new Set(evidenceDocs))
      expect(
        evidenceDocs.filter((d) => d === doc).length,
        `${String(r.key)} sentences from ${doc}`,
      ).toBeLessThanOrEqual(MAX_EVIDENCE_PER_DOCUMENT);
    evidence.forEach((sentence, i) => {
      const file = pathOf.get(evidenceDocs[i] ?? "");
      expect(file, `document ${evidenceDocs[i]} of ${String(r.key)} is in the graph`).toBeDefined();
      if (file === undefined) return;
      if (!textOf.has(file)) textOf.set(file, readFileSync(file, "utf8"));
      expect(textOf.get(file), `evidence of ${String(r.key)} in ${file}`).toContain(sentence);
    });
  }
}

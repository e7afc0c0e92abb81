/**
 * Name resolution: an id, an exact name, an alias, a case/accent/transliteration-insensitive form, then a
 * typo-tolerant full-text match. Unknown and ambiguous references are NotFoundErrors listing candidates.
 */
import { NotFoundError, type Candidate } from "../../domain/errors.js";
import type { GraphNode } from "../../domain/views.js";
import { buildFulltextQuery } from "./lucene.js";
import { NODE_MAP, toGraphNode } from "./map-records.js";
import { editDistance, foldName, nameTokens, transliterationKey, typoBudget } from "./normalise-name.js";
import { checkText, runRead, type QueryContext, type ReadTx } from "./query-context.js";

/** A resolved entity and its element id (valid for the transaction it was read in). */
export interface ResolvedRef {
  node: GraphNode;
  elementId: string;
}

/** Labels whose id/name lookups are index-backed; Union and Confederation nodes are found through Organization. */
const LOOKUP_QUERY = (property: "id" | "name") => /* Cypher */ `
  CALL {
    MATCH (n:Person {${property}: $value}) RETURN n
    UNION MATCH (n:Organization {${property}: $value}) RETURN n
    UNION MATCH (n:Country {${property}: $value}) RETURN n
    UNION MATCH (n:Event {${property}: $value}) RETURN n
  }
  RETURN elementId(n) AS eid, ${NODE_MAP("n")} AS n LIMIT 20`;

const FULLTEXT_QUERY = /* Cypher */ `
  CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node, score
  RETURN elementId(node) AS eid, ${NODE_MAP("node")} AS n, score LIMIT toInteger($limit)`;

/** A candidate read from the database, with the forms of its name. */
export interface NameCandidate {
  elementId: string;
  node: GraphNode;
  score: number;
  forms: string[];
}

/** How well a reference matches a candidate: 1 exact (folded), 2 transliteration, 3 all words, 4 all words with typos. */
export type MatchLevel = 1 | 2 | 3 | 4;

/** The forms a node is known by: its name, its aliases and the variants stored in searchText. */
export function nameForms(node: GraphNode, searchText: unknown): string[] {
  const variants = typeof searchText === "string" ? searchText.split(" | ") : [];
  return [...new Set([node.name, ...node.aliases, ...variants].filter((f) => f.trim() !== ""))];
}

/** The best level at which `ref` matches any of the forms, or undefined. Pure. */
export function matchLevel(ref: string, forms: readonly string[]): MatchLevel | undefined {
  const folded = foldName(ref);
  const key = transliterationKey(ref);
  const refWords = nameTokens(ref).map(transliterationKey);
  if (folded === "" || refWords.length === 0) return undefined;
  let best: MatchLevel | undefined;
  for (const form of forms) {
    let level: MatchLevel | undefined;
    if (foldName(form) === folded) level = 1;
    else if (transliterationKey(form) === key) level = 2;
    else {
      const formWords = nameTokens(form).map(transliterationKey);
      if (refWords.every((w) => formWords.includes(w))) level = 3;
      else if (refWords.every((w) => formWords.some((f) => editDistance(w, f, typoBudget(w)) <= typoBudget(w))))
        level = 4;
    }
    if (level !== undefined && (best === undefined || level < best)) best = level;
    if (best === 1) break;
  }
  return best;
}

async function readCandidates(tx: ReadTx, cypher: string, params: Record<string, unknown>): Promise<NameCandidate[]> {
  const result = await tx.run(cypher, params);
  return result.records.map((record) => {
    const raw = record.get("n") as Record<string, unknown>;
    const node = toGraphNode(raw);
    const score = record.keys.includes("score") ? Number(record.get("score")) : 0;
    return { elementId: String(record.get("eid")), node, score, forms: nameForms(node, raw.searchText) };
  });
}

/** Full-text candidates for a text, best first (empty when the text has no words). */
export async function fulltextCandidates(tx: ReadTx, text: string, limit: number): Promise<NameCandidate[]> {
  const query = buildFulltextQuery(text);
  if (query === undefined) return [];
  return readCandidates(tx, FULLTEXT_QUERY, { query, limit });
}

function asCandidate(c: NameCandidate): Candidate {
  return { id: c.node.id, name: c.node.name, label: c.node.label };
}

function distinctByNode(candidates: NameCandidate[]): NameCandidate[] {
  const seen = new Map<string, NameCandidate>();
  for (const c of candidates) if (!seen.has(c.elementId)) seen.set(c.elementId, c);
  return [...seen.values()];
}

/** Resolves a reference inside an open transaction. */
export async function resolveInTx(tx: ReadTx, ref: string, argument = "name"): Promise<ResolvedRef> {
  const text = checkText(ref, argument);
  const byId = await readCandidates(tx, LOOKUP_QUERY("id"), { value: text });
  if (byId[0] !== undefined) return { node: byId[0].node, elementId: byId[0].elementId };
  const byName = distinctByNode(await readCandidates(tx, LOOKUP_QUERY("name"), { value: text }));
  if (byName.length === 1 && byName[0] !== undefined) return { node: byName[0].node, elementId: byName[0].elementId };

  const candidates = distinctByNode([...byName, ...(await fulltextCandidates(tx, text, 25))]);
  const levels = candidates.map((c) => ({ c, level: matchLevel(text, c.forms) }));
  for (const level of [1, 2, 3, 4] as const) {
    let matches = levels.filter((l) => l.level === level).map((l) => l.c);
    // partial names ("Dauletalin") also occur in event titles; a person or organisation is what is meant
    if (level >= 3 && matches.some((m) => m.node.label !== "Event"))
      matches = matches.filter((m) => m.node.label !== "Event");
    if (matches.length === 1 && matches[0] !== undefined)
      return { node: matches[0].node, elementId: matches[0].elementId };
    if (matches.length > 1) {
      throw new NotFoundError(`"${text}" is ambiguous: it matches ${matches.length} entities.`, {
        ambiguous: true,
        input: text,
        candidates: matches.slice(0, 10).map(asCandidate),
        suggestion: "Use the full name or the id of one of the candidates.",
      });
    }
  }
  throw new NotFoundError(`No entity is called "${text}".`, {
    input: text,
    candidates: candidates.slice(0, 5).map(asCandidate),
    suggestion:
      candidates.length > 0
        ? "Did you mean one of the candidates? Use its name or id."
        : "Check the spelling, or search with a shorter name.",
  });
}

/** Resolves an entity id, name or alias (case-, accent- and transliteration-insensitive, typo-tolerant) to one node. */
export async function resolveEntity(ctx: QueryContext, ref: string): Promise<GraphNode> {
  return runRead(ctx, async (tx) => (await resolveInTx(tx, ref)).node);
}

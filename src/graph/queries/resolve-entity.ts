/**
 * Name resolution, the one used by the CLI, the GraphQL arguments and the explorer's search: an id, then an exact
 * match on a whole name, alias or acronym (case-, accent- and punctuation-insensitive, through the `lookupKeys`
 * text indexes and the name and acronym indexes), and only then a typo-tolerant full-text match. A person or
 * organisation named exactly wins over an event whose title contains the name. Unknown and ambiguous references
 * are NotFoundErrors listing candidates with their type, country and number of connections.
 */
import { NotFoundError, type Candidate } from "../../domain/errors.js";
import type { GraphNode } from "../../domain/views.js";
import { initialsOf } from "../../extract/org-key.js";
import { editDistance, typoBudget } from "../../text/edit-distance.js";
import { foldName, nameTokens } from "../../text/fold.js";
import { transliterationKey } from "../../text/transliterate.js";
import { buildFulltextQuery } from "./lucene.js";
import { NODE_MAP, toGraphNode } from "./map-records.js";
import { checkText, runRead, type QueryContext, type ReadTx } from "./query-context.js";

/** A resolved entity and its element id (valid for the transaction it was read in). */
export interface ResolvedRef {
  node: GraphNode;
  elementId: string;
}

/**
 * Labels whose id/name lookups are index-backed; Union and Confederation nodes are found through Organization. A
 * Document is found by its id too, so that the explorer can open the entities one document mentions.
 */
const LOOKUP_QUERY = (property: "id") => /* Cypher */ `
  CALL {
    MATCH (n:Person {${property}: $value}) RETURN n
    UNION MATCH (n:Organization {${property}: $value}) RETURN n
    UNION MATCH (n:Country {${property}: $value}) RETURN n
    UNION MATCH (n:Event {${property}: $value}) RETURN n
    UNION MATCH (n:Document {${property}: $value}) RETURN n
  }
  RETURN elementId(n) AS eid, ${NODE_MAP("n")} AS n LIMIT 20`;

/** Nodes one of whose whole forms (name, alias, acronym) folds to the key; every branch is index-backed. */
const EXACT_QUERY = /* Cypher */ `
  CALL {
    MATCH (n:Person) WHERE n.lookupKeys CONTAINS $needle RETURN n
    UNION MATCH (n:Organization) WHERE n.lookupKeys CONTAINS $needle RETURN n
    UNION MATCH (n:Organization {acronym: $value}) RETURN n
    UNION MATCH (n:Country) WHERE n.lookupKeys CONTAINS $needle RETURN n
    UNION MATCH (n:Event) WHERE n.lookupKeys CONTAINS $needle RETURN n
    UNION MATCH (n:Person {name: $value}) RETURN n
    UNION MATCH (n:Organization {name: $value}) RETURN n
    UNION MATCH (n:Country {name: $value}) RETURN n
  }
  RETURN elementId(n) AS eid, ${NODE_MAP("n")} AS n LIMIT 100`;

const DEGREE_QUERY = /* Cypher */ `
  UNWIND $eids AS eid
  MATCH (n) WHERE elementId(n) = eid
  RETURN eid, COUNT { (n)-[r]-() WHERE NOT r:MENTIONED_IN } AS degree`;

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

/**
 * Candidates whose name, an alias or the acronym is exactly `text` (folded), best first: people, organisations and
 * countries before events, those named so before those only also known so, then the better connected.
 */
export async function exactCandidates(tx: ReadTx, text: string): Promise<NameCandidate[]> {
  const key = foldName(text);
  if (key === "") return [];
  const found = distinctByNode(await readCandidates(tx, EXACT_QUERY, { needle: `|${key}|`, value: text }));
  // a node stored before lookupKeys existed is found by its exact name or acronym; keep only whole-form matches
  const exact = found.filter((c) => matchLevel(text, [...c.forms, ...acronymOf(c)]) === 1);
  const degrees = await degreesOf(tx, exact);
  return exact.sort(
    (a, b) =>
      (a.node.label === "Event" ? 1 : 0) - (b.node.label === "Event" ? 1 : 0) ||
      exactTier(a, key) - exactTier(b, key) ||
      (degrees.get(b.elementId) ?? 0) - (degrees.get(a.elementId) ?? 0) ||
      (a.node.id < b.node.id ? -1 : 1),
  );
}

/**
 * How strongly a whole-form match names the node: 0 its name; 1 its own acronym, spelling the initials of its name
 * (ITUC for the International Trade Union Confederation, not for a regional body an article also called so);
 * 2 another alias or acronym.
 */
export function exactTier(c: Pick<NameCandidate, "node">, key: string): 0 | 1 | 2 {
  if (foldName(c.node.name) === key) return 0;
  const acronym = c.node.properties.acronym;
  if (typeof acronym === "string" && foldName(acronym) === key) {
    if (initialsOf(c.node.name).some((i) => foldName(i) === key)) return 1;
  }
  return 2;
}

/** The candidates that decide: the best tier, and among several the one reference data vouches for, if only one. */
function decidingCandidates(exact: readonly NameCandidate[], key: string): NameCandidate[] {
  const entities = exact.filter((c) => c.node.label !== "Event");
  const pool = entities.length > 0 ? entities : [...exact];
  const best = Math.min(...pool.map((c) => exactTier(c, key)));
  const tier = pool.filter((c) => exactTier(c, key) === best);
  // hook for reference data: a node loaded from it carries `referenceName` and wins a tie with article-only nodes
  const vouched = tier.filter((c) => typeof c.node.properties.referenceName === "string");
  return vouched.length === 1 ? vouched : tier;
}

function acronymOf(c: NameCandidate): string[] {
  const acronym = c.node.properties.acronym;
  return typeof acronym === "string" ? [acronym] : [];
}

async function degreesOf(tx: ReadTx, candidates: readonly NameCandidate[]): Promise<Map<string, number>> {
  if (candidates.length === 0) return new Map();
  const result = await tx.run(DEGREE_QUERY, { eids: candidates.map((c) => c.elementId) });
  return new Map(result.records.map((r) => [String(r.get("eid")), Number(r.get("degree"))]));
}

async function asCandidates(tx: ReadTx, candidates: readonly NameCandidate[]): Promise<Candidate[]> {
  const degrees = await degreesOf(tx, candidates);
  return candidates
    .map((c): Candidate => {
      const country = c.node.properties.country;
      const degree = degrees.get(c.elementId);
      return {
        id: c.node.id,
        name: c.node.name,
        label: c.node.label,
        ...(typeof country === "string" ? { country } : {}),
        ...(degree !== undefined ? { degree } : {}),
      };
    })
    .sort((a, b) => (b.degree ?? 0) - (a.degree ?? 0));
}

function ambiguity(text: string, candidates: Candidate[]): NotFoundError {
  return new NotFoundError(`"${text}" is ambiguous: it matches ${candidates.length} entities.`, {
    ambiguous: true,
    input: text,
    candidates: candidates.slice(0, 10),
    suggestion: "Use the full name or the id of one of the candidates.",
  });
}

function distinctByNode(candidates: NameCandidate[]): NameCandidate[] {
  const seen = new Map<string, NameCandidate>();
  for (const c of candidates) if (!seen.has(c.elementId)) seen.set(c.elementId, c);
  return [...seen.values()];
}

/** Resolves a reference inside an open transaction: id, then exact forms, then full text. */
export async function resolveInTx(tx: ReadTx, ref: string, argument = "name"): Promise<ResolvedRef> {
  const text = checkText(ref, argument);
  const byId = await readCandidates(tx, LOOKUP_QUERY("id"), { value: text });
  if (byId[0] !== undefined) return { node: byId[0].node, elementId: byId[0].elementId };

  const exact = await exactCandidates(tx, text);
  if (exact.length > 0) {
    // a person, organisation or country beats an event; one named so beats one whose acronym it is, which beats
    // one only also known so
    const best = decidingCandidates(exact, foldName(text));
    if (best.length === 1 && best[0] !== undefined) return { node: best[0].node, elementId: best[0].elementId };
    throw ambiguity(text, await asCandidates(tx, best));
  }

  const candidates = distinctByNode(await fulltextCandidates(tx, text, 25));
  const levels = candidates.map((c) => ({ c, level: matchLevel(text, c.forms) }));
  for (const level of [1, 2, 3, 4] as const) {
    let matches = levels.filter((l) => l.level === level).map((l) => l.c);
    // partial names ("Dauletalin") also occur in event titles; a person or organisation is what is meant
    if (matches.some((m) => m.node.label !== "Event")) matches = matches.filter((m) => m.node.label !== "Event");
    if (matches.length === 1 && matches[0] !== undefined)
      return { node: matches[0].node, elementId: matches[0].elementId };
    if (matches.length > 1) throw ambiguity(text, await asCandidates(tx, matches));
  }
  throw new NotFoundError(`No entity is called "${text}".`, {
    input: text,
    candidates: await asCandidates(tx, candidates.slice(0, 5)),
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

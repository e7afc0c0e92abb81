/**
 * The graph writer: the only place with write Cypher for imports. Documents are written in batches, one
 * `executeWrite` transaction per batch (the driver retries transient errors); a batch that fails is retried
 * one document per transaction, so one bad document never loses the others.
 */
import type { Driver, ManagedTransaction, QueryResult } from "neo4j-driver";
import { randomUUID } from "node:crypto";
import type { LabourGraphError } from "../domain/errors.js";
import {
  isNodeLabel,
  isRelType,
  MAX_EVIDENCE_PER_EDGE,
  MAX_SOURCES_PER_EDGE,
  ORGANISATION_TYPES,
  REL_TYPES,
  type NodeLabel,
  type PropertyValue,
  type RelType,
} from "../domain/model.js";
import { silentLogger, type Logger } from "../log.js";
import { isUnavailableError, mapDriverError } from "./errors.js";
import { withIntegerCounts } from "./plain.js";
import {
  mergeEdgeProperties,
  SEARCH_TEXT_SEPARATOR,
  type DocumentWrite,
  type EdgeGroup,
  type EdgeRow,
  type NodeGroup,
  type NodeRow,
  type WritePlan,
} from "./plan-write.js";

/** Update counters summed over the statements of committed transactions. */
export interface WriteCounters {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
}

/** What happened to one document. */
export type DocumentOutcome =
  | { status: "imported"; id: string; path: string }
  | { status: "replaced"; id: string; path: string; previous: string[] }
  | { status: "skipped"; id: string; path: string; reason: "unchanged" }
  | { status: "failed"; id: string; path: string; error: LabourGraphError };

/** The result of writePlan. */
export interface WriteSummary {
  documents: DocumentOutcome[];
  counters: WriteCounters;
}

/** Options of writePlan. */
export interface WritePlanOptions {
  database: string;
  logger?: Logger;
  /** documents grouped in one transaction (1 = one transaction per document) */
  maxDocumentsPerTransaction?: number;
  /** a batch is closed once it holds this many node and edge rows */
  maxRowsPerTransaction?: number;
  /** called after each committed or failed batch with the documents done so far */
  onProgress?: (done: number, total: number) => void;
}

// measured: 100 documents / 10,000 rows per transaction is near the plain UNWIND ... MERGE loop; 25 was ~0.6 of it
const DEFAULT_DOCUMENTS_PER_TRANSACTION = 100;
const DEFAULT_ROWS_PER_TRANSACTION = 10_000;

/** Empty counters. */
export function emptyCounters(): WriteCounters {
  return { nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0, propertiesSet: 0 };
}

/** Adds the update counters of one statement. */
export function addCounters(into: WriteCounters, result: QueryResult): void {
  const updates = result.summary.counters.updates();
  into.nodesCreated += updates.nodesCreated;
  into.nodesDeleted += updates.nodesDeleted;
  into.relationshipsCreated += updates.relationshipsCreated;
  into.relationshipsDeleted += updates.relationshipsDeleted;
  into.propertiesSet += updates.propertiesSet;
}

/** Adds counters to others. */
export function sumCounters(into: WriteCounters, add: WriteCounters): void {
  for (const name of Object.keys(into) as (keyof WriteCounters)[]) into[name] += add[name];
}

/** An entity node as stored: what the importer needs to recognise it in later documents. */
export interface StoredEntityRow {
  id: string;
  labels: string[];
  name: string;
  aliases: string[];
  acronym?: string;
  country?: string;
  /** documents per surface form (nameForms aligned with nameFormDocs) */
  formDocs?: Record<string, number>;
  referenceName?: string;
}

const READ_STORED_ENTITIES = /* Cypher */ `
MATCH (n) WHERE (n:Person OR n:Organization OR n:Country) AND n.id IS NOT NULL AND n.name IS NOT NULL
RETURN n.id AS id, labels(n) AS labels, n.name AS name, coalesce(n.aliases, []) AS aliases,
       n.acronym AS acronym, n.country AS country, n.nameForms AS nameForms, n.nameFormDocs AS nameFormDocs,
       n.referenceName AS referenceName`;

/** The form counts of a node from its aligned `nameForms` and `nameFormDocs` lists. */
export function formDocsOf(forms: unknown, docs: unknown): Record<string, number> | undefined {
  if (!Array.isArray(forms) || !Array.isArray(docs) || forms.length !== docs.length) return undefined;
  const counts: Record<string, number> = {};
  forms.forEach((f, i) => {
    const n = Number(docs[i]);
    if (typeof f === "string" && Number.isFinite(n)) counts[f] = n;
  });
  return counts;
}

/** Reads every person, organisation and country node once (bounded by the graph's entities, not its documents). */
export async function readStoredEntities(driver: Driver, database: string): Promise<StoredEntityRow[]> {
  try {
    const result = await driver.executeQuery(READ_STORED_ENTITIES, {}, { database, routing: "READ" });
    return result.records.map((r) => {
      const acronym: unknown = r.get("acronym");
      const country: unknown = r.get("country");
      const referenceName: unknown = r.get("referenceName");
      const formDocs = formDocsOf(r.get("nameForms"), r.get("nameFormDocs"));
      return {
        id: String(r.get("id")),
        labels: (r.get("labels") as unknown[]).map(String),
        name: String(r.get("name")),
        aliases: (r.get("aliases") as unknown[]).filter((a): a is string => typeof a === "string"),
        ...(typeof acronym === "string" ? { acronym } : {}),
        ...(typeof country === "string" ? { country } : {}),
        ...(formDocs !== undefined ? { formDocs } : {}),
        ...(typeof referenceName === "string" ? { referenceName } : {}),
      };
    });
  } catch (error) {
    throw mapDriverError(error, `database "${database}"`);
  }
}

/** A stored event: its id and the properties cross-document identity compares (kind, participants, dates, place). */
export interface StoredEventRow {
  id: string;
  properties: Record<string, PropertyValue>;
}

const READ_STORED_EVENTS = /* Cypher */ `
MATCH (e:Event) WHERE e.id IS NOT NULL AND e.kind IS NOT NULL
RETURN e.id AS id, e {.kind, .participantIds, .sources, .seenFrom, .seenTo, .place, .title, .date, .dateText} AS properties`;

/** Reads every event once, with what a later report of the same happening is compared with. */
export async function readStoredEvents(driver: Driver, database: string): Promise<StoredEventRow[]> {
  try {
    const result = await driver.executeQuery(READ_STORED_EVENTS, {}, { database, routing: "READ" });
    return result.records.map((r) => {
      const raw = r.get("properties") as Record<string, unknown>;
      const properties: Record<string, PropertyValue> = {};
      for (const [k, v] of Object.entries(raw)) {
        if (typeof v === "string") properties[k] = v;
        else if (Array.isArray(v)) properties[k] = v.filter((x): x is string => typeof x === "string");
      }
      return { id: String(r.get("id")), properties };
    });
  } catch (error) {
    throw mapDriverError(error, `database "${database}"`);
  }
}

const FIND_STORED_DOCUMENTS = /* Cypher */ `
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN d.id AS id`;

/** The ids among `ids` that are stored already: one query for a whole chunk of documents. */
export async function findStoredDocuments(
  driver: Driver,
  database: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  try {
    const result = await driver.executeQuery(FIND_STORED_DOCUMENTS, { ids: [...ids] }, { database, routing: "READ" });
    return new Set(result.records.map((r) => String(r.get("id"))));
  } catch (error) {
    throw mapDriverError(error, `database "${database}"`);
  }
}

/** Which documents of a batch exist already, and which older documents share their path. */
const CHECK_DOCUMENTS = /* Cypher */ `
UNWIND $docs AS doc
OPTIONAL MATCH (existing:Document {id: doc.id})
OPTIONAL MATCH (older:Document {path: doc.path}) WHERE older.id <> doc.id
RETURN doc.id AS id, existing IS NOT NULL AS isPresent, collect(DISTINCT older.id) AS previous`;

/**
 * The relationship with key `key` (a variable of the query), looked up by the key index of its type: one branch
 * per relationship type of the domain constants, of which only the type the key names matches.
 */
function edgeByKey(key: string, r: string): string {
  const branches = REL_TYPES.filter((t) => t !== "MENTIONED_IN").map(
    (t) =>
      /* Cypher */ `WITH ${key} WITH ${key} WHERE ${key} STARTS WITH '${t}|' MATCH ()-[${r}:${t} {key: ${key}}]->() RETURN ${r}`,
  );
  return `CALL {\n  ${branches.join("\n  UNION\n  ")}\n}`;
}

/**
 * Takes replaced documents out of the edges they supported, found through the `supports` of their MENTIONED_IN;
 * relationships no document supports any more are deleted. Each edge's support (count, dates, confidence, the
 * kept ids) is recounted from the documents that remain (those whose MENTIONED_IN from its start lists its key)
 * and the reference data it carries. All old ids are handled in one row per relationship, so that the result never
 * depends on how the planner orders the reads and writes of several rows for the same edge.
 */
const REMOVE_OLD_EVIDENCE = /* Cypher */ `
UNWIND $oldIds AS oldId
MATCH (:Document {id: oldId})<-[m:MENTIONED_IN]-()
UNWIND coalesce(m.supports, []) AS key
WITH DISTINCT key
${edgeByKey("key", "r")}
WITH DISTINCT r
CALL {
  WITH r
  WITH r, startNode(r) AS start
  OPTIONAL MATCH (start)-[m:MENTIONED_IN]->(d:Document)
  WHERE NOT d.id IN $oldIds AND r.key IN coalesce(m.supports, [])
  WITH r, d, [i IN range(0, size(coalesce(m.supports, [])) - 1) WHERE m.supports[i] = r.key | m.supportConfidences[i]][0] AS c
  ORDER BY d.date, d.id
  RETURN collect(d.id) AS docIds, collect(coalesce(c, r.confidence)) AS docConfidences, min(d.date) AS first, max(d.date) AS last
}
WITH r, docIds, docConfidences, first, last,
     [i IN range(0, size(r.evidence) - 1) WHERE NOT r.evidenceDocs[i] IN $oldIds] AS keep,
     // what supports the edge apart from documents: the reference data
     [i IN range(0, size(coalesce(r.sources, [])) - 1) WHERE r.sources[i] STARTS WITH 'reference:'] AS referenceAt,
     // a pair's meetings that only the replaced documents reported are no longer counted
     [e IN coalesce(r.events, []) WHERE NOT EXISTS {
        MATCH (ev:Event {id: e}) WHERE size(coalesce(ev.sources, [])) > 0 AND all(s IN ev.sources WHERE s IN $oldIds) }] AS keptEvents
WITH r, docIds, docConfidences, first, last, keep, keptEvents,
     [i IN referenceAt | r.sources[i]] AS referenceIds,
     [i IN referenceAt | coalesce(r.sourceConfidences[i], r.confidence)] AS referenceConfidences
WITH r, first, last, keep, keptEvents, referenceIds + docIds AS sources, referenceConfidences + docConfidences AS confidences
SET r.evidence = [i IN keep | r.evidence[i]],
    r.evidenceDocs = [i IN keep | r.evidenceDocs[i]],
    r.events = CASE WHEN r.events IS NULL THEN NULL ELSE keptEvents END,
    r.count = CASE WHEN r.events IS NULL THEN r.count WHEN size(keptEvents) > 0 THEN size(keptEvents) ELSE 1 END,
    r.sourceCount = size(sources),
    r.sources = sources[..$maxSources],
    r.sourceConfidences = confidences[..$maxSources],
    r.firstSeen = first,
    r.lastSeen = last,
    // the confidence is that of the documents that still support the edge
    r.confidence = CASE WHEN size(sources) > 0
                        THEN reduce(c = 0.0, x IN confidences | CASE WHEN x > c THEN x ELSE c END)
                        ELSE r.confidence END
WITH r WHERE size(sources) = 0
DELETE r`;

/** Takes replaced documents out of the `sources` of the events they reported (before their mentions go). */
const REMOVE_OLD_EVENT_SOURCES = /* Cypher */ `
UNWIND $oldIds AS oldId
MATCH (:Document {id: oldId})<-[:MENTIONED_IN]-(e:Event)
WITH DISTINCT e
SET e.sources = [s IN coalesce(e.sources, []) WHERE NOT s IN $oldIds]`;

const REMOVE_OLD_SOURCES_OF_EVENTS = /* Cypher */ `
UNWIND $eventIds AS id
MATCH (e:Event {id: id}) WHERE any(s IN coalesce(e.sources, []) WHERE s IN $oldIds)
SET e.sources = [s IN e.sources WHERE NOT s IN $oldIds]`;

/** Deletes replaced Document nodes (with their MENTIONED_IN), then entities no document mentions any more. */
const DELETE_OLD_DOCUMENTS = /* Cypher */ `
MATCH (old:Document) WHERE old.id IN $oldIds
OPTIONAL MATCH (old)<-[:MENTIONED_IN]-(e)
WITH collect(DISTINCT old) AS olds, collect(DISTINCT e) AS entities
FOREACH (d IN olds | DETACH DELETE d)
WITH entities
UNWIND entities AS e
WITH e WHERE NOT (e)-[:MENTIONED_IN]->()
DETACH DELETE e`;

/**
 * Writes the Document nodes and says which this transaction created: a document another import created meanwhile
 * (the MERGE waits for its lock until that import commits) is complete already and is not written again. The
 * marker set on creation is removed in the same statement, so it never reaches the graph.
 */
const WRITE_DOCUMENTS = /* Cypher */ `
UNWIND $docs AS doc
MERGE (d:Document {id: doc.id})
  ON CREATE SET d.createdBy = $marker
WITH d, doc, d.createdBy = $marker AS isCreated
SET d += doc.properties
REMOVE d.createdBy
RETURN doc.id AS id, isCreated`;

function assertLabel(label: string): asserts label is NodeLabel {
  if (!isNodeLabel(label)) throw new Error(`writer: "${label}" is not a node label; labels come only from NODE_LABELS`);
}

function assertRelType(type: string): asserts type is RelType {
  if (!isRelType(type)) throw new Error(`writer: "${type}" is not a relationship type; types come only from REL_TYPES`);
}

/**
 * The node statement of one label set. Labels are interpolated (Cypher cannot take them as parameters) and
 * are checked against the domain constants; every value is a parameter.
 */
export function nodeStatement(labels: readonly NodeLabel[]): string {
  for (const label of labels) assertLabel(label);
  const mergeLabel: NodeLabel = labels.includes("Organization") ? "Organization" : (labels[0] ?? "Organization");
  const extra = labels.filter((l) => l !== mergeLabel);
  // an organisation re-typed by a later import (Union -> Confederation) loses its former specific label
  const stale =
    mergeLabel === "Organization" ? ORGANISATION_TYPES.filter((t) => t !== "Organization" && !labels.includes(t)) : [];
  return /* Cypher */ `
UNWIND $rows AS row
MERGE (n:${mergeLabel} {id: row.id})
${extra.length > 0 ? `SET n:${extra.join(":")}` : ""}
${stale.length > 0 ? `REMOVE n:${stale.join(":")}` : ""}
WITH n, row, coalesce(n.aliases, []) AS oldAliases,
     CASE WHEN n.searchText IS NULL OR n.searchText = '' THEN [] ELSE split(n.searchText, ' | ') END AS oldTerms,
     [k IN split(coalesce(n.lookupKeys, ''), '|') WHERE k <> ''] AS oldKeys
WITH n, row, oldTerms, oldKeys,
     oldAliases + [a IN row.aliases WHERE NOT a IN oldAliases]
       + CASE WHEN n.name IS NULL OR n.name = row.name OR n.name IN oldAliases OR n.name IN row.aliases THEN [] ELSE [n.name] END AS aliases
WITH n, row, oldTerms, oldKeys, [a IN aliases WHERE a <> row.name] AS aliases,
     oldTerms + [t IN split(row.searchText, ' | ') WHERE NOT t IN oldTerms] AS terms,
     oldKeys + [k IN row.lookupKeys WHERE NOT k IN oldKeys] AS lookupKeys
// most documents repeat what a node already holds: write only what changes
WHERE n.name IS NULL OR n.name <> row.name OR n.aliases IS NULL OR n.aliases <> aliases OR size(terms) > size(oldTerms)
   OR size(lookupKeys) > size(oldKeys) OR n.lookupKeys IS NULL
   OR any(k IN keys(row.properties) WHERE n[k] IS NULL OR n[k] <> row.properties[k])
SET n += row.properties,
    n.name = row.name,
    n.aliases = aliases,
    n.searchText = reduce(s = '', t IN terms | s + CASE WHEN s = '' THEN '' ELSE ' | ' END + t),
    n.lookupKeys = reduce(s = '|', k IN lookupKeys | s + k + '|')`;
}

/** A pair's meetings are united with those stored: distinct events, their count, the first and last date. */
const MEETING_MERGE = /* Cypher */ `
    r.events = oldEvents + [e IN coalesce(row.properties.events, []) WHERE NOT e IN oldEvents],
    r.count = CASE WHEN size(oldEvents + [e IN coalesce(row.properties.events, []) WHERE NOT e IN oldEvents]) > 0
                   THEN size(oldEvents + [e IN coalesce(row.properties.events, []) WHERE NOT e IN oldEvents]) ELSE 1 END,
    r.firstDate = CASE WHEN oldFirst IS NULL OR (row.properties.firstDate IS NOT NULL AND row.properties.firstDate < oldFirst)
                       THEN row.properties.firstDate ELSE oldFirst END,
    r.lastDate = CASE WHEN oldLast IS NULL OR (row.properties.lastDate IS NOT NULL AND row.properties.lastDate > oldLast)
                      THEN row.properties.lastDate ELSE oldLast END,`;

/**
 * An edge's support grows by the documents a row adds; the dates move only outwards. A mention has one document,
 * its own, so MENTIONED_IN carries none of it.
 */
const SUPPORT_SET = /* Cypher */ `
    r.sourceCount = coalesce(r.sourceCount, size(oldSources)) + size(added),
    r.firstSeen = CASE WHEN r.firstSeen IS NULL OR row.firstSeen < r.firstSeen THEN row.firstSeen ELSE r.firstSeen END,
    r.lastSeen = CASE WHEN r.lastSeen IS NULL OR row.lastSeen > r.lastSeen THEN row.lastSeen ELSE r.lastSeen END,`;

/**
 * How an edge statement treats the lists already on a relationship. `append`: every document of the rows was
 * created by this transaction, so none of its ids or sentences can be on the edge yet and the lists are simply
 * extended (imports: documents another import created meanwhile are not written again). `dedupe`: a source may be
 * on the edge already (the reference data, loaded again), so each id and (sentence, document) pair is checked.
 */
export type EdgeWriteMode = "append" | "dedupe";

/**
 * The edge statement of one relationship type between two match labels. `ON MATCH SET r.key = row.key` changes
 * nothing but takes the relationship's write lock before its lists are read, so two imports adding evidence to
 * the same edge at once cannot overwrite each other. What grows with the history is a count and two dates: evidence
 * stops at `$maxEvidence` sentences and `sources` at `$maxSources` ids, and neither is rewritten once full, so a
 * hub's edges cost each chunk a few small properties, not lists that grow with every document.
 */
export function edgeStatement(type: RelType, fromLabel: NodeLabel, toLabel: NodeLabel, mode: EdgeWriteMode): string {
  assertRelType(type);
  assertLabel(fromLabel);
  assertLabel(toLabel);
  // indexes of the row's sentences to add: none once the edge is full; in dedupe mode only pairs not stored yet
  const candidates =
    mode === "append"
      ? "range(0, size(row.evidence) - 1)"
      : `[i IN range(0, size(row.evidence) - 1)
          WHERE NOT any(j IN range(0, size(ev) - 1) WHERE ev[j] = row.evidence[i] AND evDocs[j] = row.evidenceDocs[i])]`;
  // indexes of the row's documents to add; `sourceConfidences` stays aligned with `sources`
  const newSources =
    mode === "append"
      ? "range(0, size(row.sources) - 1)"
      : "[i IN range(0, size(row.sources) - 1) WHERE NOT row.sources[i] IN oldSources]";
  return /* Cypher */ `
UNWIND $rows AS row
MATCH (a:${fromLabel} {id: row.from})
MATCH (b:${toLabel} {id: row.to})
MERGE (a)-[r:${type} {key: row.key}]->(b)
  ON MATCH SET r.key = row.key
WITH r, row, coalesce(r.evidence, []) AS ev, coalesce(r.evidenceDocs, []) AS evDocs, coalesce(r.sources, []) AS oldSources${
    type === "MET_WITH"
      ? ",\n     coalesce(r.events, []) AS oldEvents, r.firstDate AS oldFirst, r.lastDate AS oldLast"
      : ""
  }
WITH r, row, ev, evDocs, oldSources,${type === "MET_WITH" ? " oldEvents, oldFirst, oldLast," : ""}
     CASE WHEN size(ev) >= $maxEvidence THEN [] ELSE ${candidates} END AS fresh, ${newSources} AS added,
     // an edge written before per-document confidences were kept: each document had the edge's confidence
     CASE WHEN size(coalesce(r.sourceConfidences, [])) = size(oldSources) THEN coalesce(r.sourceConfidences, [])
          ELSE [s IN oldSources | coalesce(r.confidence, 0.0)] END AS oldConfidences
SET r += row.properties,${type === "MET_WITH" ? MEETING_MERGE : ""}${type === "MENTIONED_IN" ? "" : SUPPORT_SET}
    r.confidence = CASE WHEN r.confidence IS NULL OR r.confidence < row.confidence THEN row.confidence ELSE r.confidence END
FOREACH (_ IN CASE WHEN size(added) > 0 AND size(oldSources) < $maxSources THEN [1] ELSE [] END |
  SET r.sources = (oldSources + [i IN added | row.sources[i]])[..$maxSources],
      r.sourceConfidences = (oldConfidences + [i IN added | row.sourceConfidences[i]])[..$maxSources])
FOREACH (_ IN CASE WHEN size(fresh) > 0 OR r.evidence IS NULL THEN [1] ELSE [] END |
  SET r.evidence = (ev + [i IN fresh | row.evidence[i]])[..$maxEvidence],
      r.evidenceDocs = (evDocs + [i IN fresh | row.evidenceDocs[i]])[..$maxEvidence])`;
}

/** The caps the edge statement takes as parameters. */
export const EDGE_CAPS = { maxEvidence: MAX_EVIDENCE_PER_EDGE, maxSources: MAX_SOURCES_PER_EDGE } as const;

/**
 * Node groups of several documents merged by label set, one row per id. Rows must be unique within a statement:
 * the planner reads all rows before it writes any (an Eager step after MERGE), so a second row for the same
 * node or edge would compute its lists from the stale value and overwrite the first row's additions.
 */
function mergeNodeGroups(writes: DocumentWrite[]): NodeGroup[] {
  const groups = new Map<string, { labels: NodeLabel[]; rows: Map<string, NodeRow> }>();
  for (const write of writes) {
    for (const group of write.nodes) {
      const key = group.labels.join(":");
      const into = groups.get(key) ?? { labels: group.labels, rows: new Map<string, NodeRow>() };
      groups.set(key, into);
      for (const row of group.rows) {
        const seen = into.rows.get(row.id);
        if (seen === undefined) {
          into.rows.set(row.id, row);
          continue;
        }
        const aliases = [...seen.aliases, ...row.aliases.filter((a) => !seen.aliases.includes(a))].filter(
          (a) => a !== row.name,
        );
        const terms = seen.searchText.split(SEARCH_TEXT_SEPARATOR);
        for (const term of row.searchText.split(SEARCH_TEXT_SEPARATOR)) if (!terms.includes(term)) terms.push(term);
        into.rows.set(row.id, {
          ...row,
          aliases,
          searchText: terms.join(SEARCH_TEXT_SEPARATOR),
          lookupKeys: [...new Set([...seen.lookupKeys, ...row.lookupKeys])],
          properties: { ...seen.properties, ...row.properties },
        });
      }
    }
  }
  return [...groups.values()].map((g) => ({ labels: g.labels, rows: [...g.rows.values()] }));
}

/** Edge groups of several documents merged by type and end labels, one row per key (see mergeNodeGroups). */
function mergeEdgeGroups(writes: DocumentWrite[]): EdgeGroup[] {
  const groups = new Map<
    string,
    { type: RelType; fromLabel: NodeLabel; toLabel: NodeLabel; rows: Map<string, EdgeRow> }
  >();
  for (const write of writes) {
    for (const group of write.edges) {
      const key = `${group.type}:${group.fromLabel}:${group.toLabel}`;
      const into = groups.get(key) ?? {
        type: group.type,
        fromLabel: group.fromLabel,
        toLabel: group.toLabel,
        rows: new Map<string, EdgeRow>(),
      };
      groups.set(key, into);
      for (const row of group.rows) {
        const seen = into.rows.get(row.key);
        if (seen === undefined) {
          into.rows.set(row.key, {
            ...row,
            evidence: [...row.evidence],
            evidenceDocs: [...row.evidenceDocs],
            sources: [...row.sources],
            sourceConfidences: [...row.sourceConfidences],
          });
          continue;
        }
        row.evidence.forEach((sentence, i) => {
          const doc = row.evidenceDocs[i] ?? "";
          if (seen.evidence.length >= MAX_EVIDENCE_PER_EDGE) return;
          if (!seen.evidence.some((s, j) => s === sentence && seen.evidenceDocs[j] === doc)) {
            seen.evidence.push(sentence);
            seen.evidenceDocs.push(doc);
          }
        });
        row.sources.forEach((source, i) => {
          const confidence = row.sourceConfidences[i] ?? row.confidence;
          const at = seen.sources.indexOf(source);
          if (at < 0) {
            seen.sources.push(source);
            seen.sourceConfidences.push(confidence);
          } else seen.sourceConfidences[at] = Math.max(seen.sourceConfidences[at] ?? 0, confidence);
        });
        seen.confidence = Math.max(seen.confidence, row.confidence);
        if (row.firstSeen !== undefined && (seen.firstSeen === undefined || row.firstSeen < seen.firstSeen))
          seen.firstSeen = row.firstSeen;
        if (row.lastSeen !== undefined && (seen.lastSeen === undefined || row.lastSeen > seen.lastSeen))
          seen.lastSeen = row.lastSeen;
        seen.properties = mergeEdgeProperties(group.type, seen.properties, row.properties);
      }
    }
  }
  return [...groups.values()].map((g) => ({
    type: g.type,
    fromLabel: g.fromLabel,
    toLabel: g.toLabel,
    rows: [...g.rows.values()],
  }));
}

function rowCount(write: DocumentWrite): number {
  return write.nodes.reduce((n, g) => n + g.rows.length, 0) + write.edges.reduce((n, g) => n + g.rows.length, 0) + 1;
}

/** The outcome of one batch transaction. */
interface BatchResult {
  outcomes: DocumentOutcome[];
  counters: WriteCounters;
}

/** Writes the documents of one batch inside one transaction; statements are pipelined, not awaited one by one. */
async function writeBatch(tx: ManagedTransaction, writes: DocumentWrite[]): Promise<BatchResult> {
  const counters = emptyCounters();
  const check = await tx.run(CHECK_DOCUMENTS, {
    docs: writes.map((w) => ({ id: w.document.id, path: w.document.path })),
  });
  const present = new Set<string>();
  const previousOf = new Map<string, string[]>();
  for (const record of check.records) {
    const id = String(record.get("id"));
    if (record.get("isPresent") === true) present.add(id);
    previousOf.set(
      id,
      (record.get("previous") as string[]).filter((p) => typeof p === "string"),
    );
  }
  const outcomes: DocumentOutcome[] = [];
  const fresh: DocumentWrite[] = [];
  const seen = new Set<string>();
  for (const write of writes) {
    const { id, path } = write.document;
    if (present.has(id) || seen.has(id)) {
      outcomes.push({ status: "skipped", id, path, reason: "unchanged" });
      continue;
    }
    seen.add(id);
    fresh.push(write);
    const previous = previousOf.get(id) ?? [];
    outcomes.push(previous.length > 0 ? { status: "replaced", id, path, previous } : { status: "imported", id, path });
  }
  if (fresh.length === 0) return { outcomes, counters };

  const oldIds = [...new Set(fresh.flatMap((w) => previousOf.get(w.document.id) ?? []))];
  const pending: Promise<QueryResult>[] = [];
  // Statements run in the order they are sent: old evidence out, documents, nodes, then edges between them.
  if (oldIds.length > 0) {
    pending.push(Promise.resolve(tx.run(REMOVE_OLD_EVIDENCE, { oldIds, maxSources: MAX_SOURCES_PER_EDGE })));
    pending.push(Promise.resolve(tx.run(REMOVE_OLD_EVENT_SOURCES, { oldIds })));
    pending.push(Promise.resolve(tx.run(DELETE_OLD_DOCUMENTS, { oldIds })));
  }
  // awaited: which documents are new here (the Document MERGE holds the id's lock until commit, so an import
  // writing the same document concurrently either made it visible already or waits for us). Only those are written,
  // so every edge row adds documents the edge cannot hold yet: counts are added to, never recounted.
  const written = await tx.run(WRITE_DOCUMENTS, {
    docs: fresh.map((w) => ({ id: w.document.id, properties: w.document.properties })),
    marker: randomUUID(),
  });
  addCounters(counters, written);
  const created = new Set(written.records.filter((r) => r.get("isCreated") === true).map((r) => String(r.get("id"))));
  for (const [i, outcome] of outcomes.entries())
    if (outcome.status !== "skipped" && !created.has(outcome.id))
      outcomes[i] = { status: "skipped", id: outcome.id, path: outcome.path, reason: "unchanged" };
  const createdWrites = fresh.filter((w) => created.has(w.document.id));
  if (createdWrites.length === 0) {
    for (const result of await Promise.all(pending)) addCounters(counters, result);
    return { outcomes, counters };
  }
  const nodeGroups = mergeNodeGroups(createdWrites);
  for (const group of nodeGroups)
    pending.push(Promise.resolve(tx.run(nodeStatement(group.labels), { rows: group.rows.map(withIntegerCounts) })));
  if (oldIds.length > 0) {
    // events the new versions report again were just written with the sources resolution knew: drop the old ids
    const eventIds = nodeGroups.filter((g) => g.labels.includes("Event")).flatMap((g) => g.rows.map((r) => r.id));
    if (eventIds.length > 0) pending.push(Promise.resolve(tx.run(REMOVE_OLD_SOURCES_OF_EVENTS, { oldIds, eventIds })));
  }
  for (const group of mergeEdgeGroups(createdWrites)) {
    pending.push(
      Promise.resolve(
        tx.run(edgeStatement(group.type, group.fromLabel, group.toLabel, "append"), {
          rows: group.rows.map(withIntegerCounts),
          ...EDGE_CAPS,
        }),
      ),
    );
  }
  for (const result of await Promise.all(pending)) addCounters(counters, result);
  return { outcomes, counters };
}

/** Splits documents into batches bounded by document count and row count. */
function batchesOf(writes: DocumentWrite[], maxDocuments: number, maxRows: number): DocumentWrite[][] {
  const batches: DocumentWrite[][] = [];
  let current: DocumentWrite[] = [];
  let rows = 0;
  for (const write of writes) {
    const size = rowCount(write);
    if (current.length > 0 && (current.length >= maxDocuments || rows + size > maxRows)) {
      batches.push(current);
      current = [];
      rows = 0;
    }
    current.push(write);
    rows += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * Writes a plan. Each batch is one transaction; when a batch of several documents fails, its documents are
 * written one per transaction so that only the bad one is rolled back and reported. An unreachable database
 * stops the whole write with a DatabaseError instead of failing every document.
 */
export async function writePlan(driver: Driver, plan: WritePlan, options: WritePlanOptions): Promise<WriteSummary> {
  const log = options.logger ?? silentLogger;
  const target = `database "${options.database}"`;
  const maxDocuments = Math.max(1, options.maxDocumentsPerTransaction ?? DEFAULT_DOCUMENTS_PER_TRANSACTION);
  const maxRows = Math.max(1, options.maxRowsPerTransaction ?? DEFAULT_ROWS_PER_TRANSACTION);
  const summary: WriteSummary = { documents: [], counters: emptyCounters() };
  const total = plan.documents.length;
  // the bookmark manager of executeQuery: the reads of the next chunk (readStoredEntities, findStoredDocuments), which
  // a cluster routes to a follower, wait until that follower has applied these writes (causal consistency)
  const session = driver.session({
    database: options.database,
    defaultAccessMode: "WRITE",
    bookmarkManager: driver.executeQueryBookmarkManager,
  });

  const runBatch = async (batch: DocumentWrite[]): Promise<BatchResult> =>
    session.executeWrite((tx) => writeBatch(tx, batch));
  const fail = (write: DocumentWrite, error: unknown): DocumentOutcome => {
    const mapped = mapDriverError(error, target);
    log.error(`[${write.document.path}] not imported: ${mapped.message}`);
    return { status: "failed", id: write.document.id, path: write.document.path, error: mapped };
  };
  const record = (result: BatchResult) => {
    summary.documents.push(...result.outcomes);
    sumCounters(summary.counters, result.counters);
  };

  try {
    for (const batch of batchesOf(plan.documents, maxDocuments, maxRows)) {
      try {
        record(await runBatch(batch));
      } catch (error) {
        if (isUnavailableError(error)) throw mapDriverError(error, target);
        if (batch.length === 1 && batch[0] !== undefined) {
          summary.documents.push(fail(batch[0], error));
        } else {
          log.debug(
            `a batch of ${batch.length} documents failed (${error instanceof Error ? error.message : String(error)}); writing them one by one`,
          );
          for (const write of batch) {
            try {
              record(await runBatch([write]));
            } catch (single) {
              if (isUnavailableError(single)) throw mapDriverError(single, target);
              summary.documents.push(fail(write, single));
            }
          }
        }
      }
      options.onProgress?.(summary.documents.length, total);
    }
  } finally {
    await session.close();
  }
  return summary;
}

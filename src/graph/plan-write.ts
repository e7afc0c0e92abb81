/**
 * Pure: turns an Extraction into a WritePlan, one DocumentWrite per document, so that each document can be
 * written (or rolled back, or replaced) on its own. No driver, no I/O.
 */
import { UnreachableCaseError } from "../domain/errors.js";
import { mergeMeetingProperties } from "../domain/meetings.js";
import {
  isNodeLabel,
  isRelType,
  labelsForEntityType,
  MAX_EVIDENCE_PER_DOCUMENT,
  type Diagnostic,
  type DocumentMeta,
  type Entity,
  type EntityType,
  type Extraction,
  type NodeLabel,
  type PropertyValue,
  type Relation,
  type RelType,
} from "../domain/model.js";
import { foldLetters, foldName } from "../text/fold.js";

/** Separator of the terms in a node's `searchText`. */
export const SEARCH_TEXT_SEPARATOR = " | ";

/** Node properties the writer owns; an entity's `properties` cannot overwrite them. */
export const RESERVED_NODE_PROPERTIES: readonly string[] = ["id", "name", "aliases", "searchText", "lookupKeys"];

/** Relationship properties the writer owns; a relation's `properties` cannot overwrite them. */
export const RESERVED_EDGE_PROPERTIES: readonly string[] = [
  "key",
  "sources",
  "sourceConfidences",
  "sourceCount",
  "firstSeen",
  "lastSeen",
  "supports",
  "supportConfidences",
  "evidence",
  "evidenceDocs",
  "confidence",
];

/** The Document node of one source document. */
export interface DocumentRow {
  id: string;
  path: string;
  /** title, date, url, source, language: only those that are known */
  properties: Record<string, string>;
}

/** One entity node to MERGE. */
export interface NodeRow {
  id: string;
  name: string;
  aliases: string[];
  /** name, aliases and their accent-folded forms, distinct, joined by SEARCH_TEXT_SEPARATOR */
  searchText: string;
  /** the exact-lookup keys: name, aliases and acronym folded by foldName, distinct (stored as "|key|key|") */
  lookupKeys: string[];
  properties: Record<string, PropertyValue>;
}

/** Node rows sharing one label set, e.g. ["Union", "Organization"]: one UNWIND statement. */
export interface NodeGroup {
  labels: NodeLabel[];
  rows: NodeRow[];
}

/** One relationship to MERGE, carrying only the evidence of one document. */
export interface EdgeRow {
  /** "<TYPE>|<from>|<to>|<discriminator>", unique per type */
  key: string;
  from: string;
  to: string;
  /** evidence sentences, verbatim, aligned index by index with evidenceDocs */
  evidence: string[];
  evidenceDocs: string[];
  sources: string[];
  /** the confidence each document of `sources` gives the relationship (so it can be recomputed when one goes) */
  sourceConfidences: number[];
  confidence: number;
  /** the earliest and latest date of the row's documents (absent when none is dated) */
  firstSeen?: string;
  lastSeen?: string;
  properties: Record<string, PropertyValue>;
}

/** Edge rows of one type whose ends are matched by the same labels: one UNWIND statement. */
export interface EdgeGroup {
  type: RelType;
  /** the label both ends are MATCHed by (Organization for every organisation, so a re-typed one is still found) */
  fromLabel: NodeLabel;
  toLabel: NodeLabel;
  rows: EdgeRow[];
}

/** Everything one document contributes to the graph. */
export interface DocumentWrite {
  document: DocumentRow;
  nodes: NodeGroup[];
  edges: EdgeGroup[];
}

/** The plan: documents in the order given, plus what could not be planned. */
export interface WritePlan {
  documents: DocumentWrite[];
  diagnostics: Diagnostic[];
}

/**
 * The accent-free variant stored beside each term of a node's search text: layer 1 of the one folding (text/fold.ts),
 * so "Satybaldı" also finds "Satybaldi" and "Məmmədov" "Memmedov", as resolution has them.
 */
export const foldAccents: (text: string) => string = foldLetters;

/** The search terms of a name and its aliases: each term and its folded form, distinct, in order. */
export function searchTerms(name: string, aliases: readonly string[]): string[] {
  const terms: string[] = [];
  for (const raw of [name, ...aliases]) {
    // the separator must never occur inside a term, or splitting searchText would invent terms
    const term = raw.replace(/\s*\|\s*/g, " ").trim();
    for (const t of [term, foldAccents(term)]) if (t !== "" && !terms.includes(t)) terms.push(t);
  }
  return terms;
}

/** The exact-lookup keys of a node: its name, aliases and acronym folded (case, accents, punctuation), distinct. */
export function lookupKeysOf(name: string, aliases: readonly string[], acronym?: PropertyValue): string[] {
  const forms = [name, ...aliases, ...(typeof acronym === "string" ? [acronym] : [])];
  return [...new Set(forms.map(foldName).filter((k) => k !== ""))];
}

/** The label a node of this type is MERGEd and MATCHed by: the one carried by every node of that kind. */
export function matchLabelFor(type: EntityType | "Document"): NodeLabel {
  if (type === "Document") return "Document";
  const labels = labelsForEntityType(type);
  return labels.includes("Organization") ? "Organization" : type;
}

/** The part of a relationship key that tells apart two edges of one type between the same two nodes. */
export function discriminatorOf(type: RelType, properties: Record<string, PropertyValue>): string {
  const text = (name: string) => {
    const value = properties[name];
    return value === undefined ? "" : String(value).trim().toLowerCase();
  };
  switch (type) {
    case "MEMBER_OF":
      return text("status");
    case "HOLDS_POSITION":
      return text("role");
    case "MET_WITH": // one edge per pair of people; its meetings are counted in `events` and `count`
    case "SIGNED":
    case "PARTICIPATED_IN":
    case "LOCATED_IN":
    case "MENTIONED_IN":
      return "";
    default:
      throw new UnreachableCaseError(type);
  }
}

/** The properties of two shares of one relationship: the later wins, except a pair's meetings, which are united. */
export function mergeEdgeProperties(
  type: RelType,
  a: Record<string, PropertyValue>,
  b: Record<string, PropertyValue>,
): Record<string, PropertyValue> {
  return type === "MET_WITH" ? mergeMeetingProperties(a, b) : { ...a, ...b };
}

/** The relationship key "<TYPE>|<from>|<to>|<discriminator>". */
export function relationshipKey(
  type: RelType,
  from: string,
  to: string,
  properties: Record<string, PropertyValue>,
): string {
  return `${type}|${from}|${to}|${discriminatorOf(type, properties)}`;
}

function withoutReserved(
  properties: Record<string, PropertyValue>,
  reserved: readonly string[],
): Record<string, PropertyValue> {
  return Object.fromEntries(Object.entries(properties).filter(([name]) => !reserved.includes(name)));
}

function documentRowOf(meta: DocumentMeta): DocumentRow {
  const properties: Record<string, string> = { path: meta.path };
  for (const name of ["title", "date", "url", "source", "language"] as const) {
    const value = meta[name];
    if (value !== undefined) properties[name] = value;
  }
  return { id: meta.id, path: meta.path, properties };
}

/** The node row of an entity: aliases trimmed and distinct, search text, reserved properties dropped. */
export function nodeRowOf(entity: Entity): NodeRow {
  const aliases = [...new Set(entity.aliases.map((a) => a.trim()))].filter((a) => a !== "" && a !== entity.name);
  return {
    id: entity.id,
    name: entity.name,
    aliases,
    searchText: searchTerms(entity.name, aliases).join(SEARCH_TEXT_SEPARATOR),
    lookupKeys: lookupKeysOf(entity.name, aliases, entity.properties.acronym),
    properties: withoutReserved(entity.properties, RESERVED_NODE_PROPERTIES),
  };
}

/** One document's share of one relationship, before it becomes an EdgeRow. */
interface EdgeDraft {
  type: RelType;
  key: string;
  from: string;
  to: string;
  evidence: { sentence: string; document: string }[];
  confidence: number;
  properties: Record<string, PropertyValue>;
}

function addEvidence(draft: EdgeDraft, sentence: string, document: string): void {
  if (!draft.evidence.some((e) => e.sentence === sentence && e.document === document))
    draft.evidence.push({ sentence, document });
}

/** Each document's drafts: connection edges by key, and mentions (entity id -> MENTIONED_IN draft). */
class DocumentDrafts {
  private readonly edges = new Map<string, Map<string, EdgeDraft>>();
  private readonly mentions = new Map<string, Map<string, EdgeDraft>>();

  constructor(documentIds: Iterable<string>) {
    for (const id of documentIds) {
      this.edges.set(id, new Map());
      this.mentions.set(id, new Map());
    }
  }

  /** True when the document is among those planned. */
  has(docId: string): boolean {
    return this.edges.has(docId);
  }

  /** The document's mentions by entity id. */
  mentionsOf(docId: string): Map<string, EdgeDraft> {
    return this.mentions.get(docId) ?? new Map<string, EdgeDraft>();
  }

  /** The document's connection edges, then its mentions, sorted by key. */
  draftsOf(docId: string): EdgeDraft[] {
    return [...(this.edges.get(docId)?.values() ?? []), ...this.mentionsOf(docId).values()].sort((a, b) =>
      a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
    );
  }

  /** Records that the sentence of a document mentions the entity. */
  mention(docId: string, entityId: string, sentence: string, confidence: number): void {
    const mentions = this.mentions.get(docId);
    if (mentions === undefined) return;
    let draft = mentions.get(entityId);
    if (draft === undefined) {
      draft = {
        type: "MENTIONED_IN",
        key: relationshipKey("MENTIONED_IN", entityId, docId, {}),
        from: entityId,
        to: docId,
        evidence: [],
        confidence,
        properties: {},
      };
      mentions.set(entityId, draft);
    }
    addEvidence(draft, sentence, docId);
    draft.confidence = Math.max(draft.confidence, confidence);
  }

  /** The document's share of the relationship with this key, made from `start` the first time. */
  edge(docId: string, start: Omit<EdgeDraft, "evidence">, merge: (draft: EdgeDraft) => void): EdgeDraft {
    const edges = this.edges.get(docId)!;
    let draft = edges.get(start.key);
    if (draft === undefined) {
      draft = { ...start, evidence: [], properties: { ...start.properties } };
      edges.set(start.key, draft);
    } else merge(draft);
    return draft;
  }
}

/** Plans a connection relation: its share in each document that gives evidence, both ends mentioned there. */
function planRelation(
  relation: Relation,
  entities: Map<string, Entity>,
  drafts: DocumentDrafts,
  diagnostics: Diagnostic[],
): void {
  const missing = [relation.from, relation.to].filter((id) => !entities.has(id));
  if (missing.length > 0) {
    diagnostics.push({
      documentId: relation.evidence[0]?.document ?? "",
      level: "error",
      code: "unknown-entity",
      message: `${relation.type} ${relation.from} -> ${relation.to} refers to ${missing.join(", ")}, which is not among the entities; the relation was not written.`,
    });
    return;
  }
  // MET_WITH has no direction: store it one way so that "A met B" and "B met A" are one edge
  const [from, to] =
    relation.type === "MET_WITH" && relation.from > relation.to
      ? [relation.to, relation.from]
      : [relation.from, relation.to];
  const properties = withoutReserved(relation.properties, RESERVED_EDGE_PROPERTIES);
  const key = relationshipKey(relation.type, from, to, properties);
  const start = { type: relation.type, key, from, to, confidence: relation.confidence, properties };
  const merge = (draft: EdgeDraft) => {
    draft.confidence = Math.max(draft.confidence, relation.confidence);
    draft.properties = mergeEdgeProperties(relation.type, draft.properties, properties);
  };
  for (const evidence of relation.evidence) {
    if (!drafts.has(evidence.document)) {
      diagnostics.push(unknownDocument(evidence.document, relation));
      continue;
    }
    addEvidence(drafts.edge(evidence.document, start, merge), evidence.sentence, evidence.document);
    // both ends are mentioned by the sentence that relates them
    drafts.mention(evidence.document, from, evidence.sentence, relation.confidence);
    drafts.mention(evidence.document, to, evidence.sentence, relation.confidence);
  }
}

/** The node groups of one document: every entity it mentions (added to `mentioned`), grouped by label set. */
function nodeGroupsOf(
  mentions: Map<string, EdgeDraft>,
  entities: Map<string, Entity>,
  mentioned: Set<string>,
): NodeGroup[] {
  const nodeGroups = new Map<string, NodeGroup>();
  for (const entityId of [...mentions.keys()].sort()) {
    const entity = entities.get(entityId);
    if (entity === undefined) continue;
    mentioned.add(entityId);
    const labels = labelsForEntityType(entity.type);
    const groupKey = labels.join(":");
    let group = nodeGroups.get(groupKey);
    if (group === undefined) {
      group = { labels, rows: [] };
      nodeGroups.set(groupKey, group);
    }
    group.rows.push(nodeRowOf(entity));
  }
  return [...nodeGroups.values()];
}

/** The edge row of one draft in one document; a mention carries the document's support of the entity's edges. */
function edgeRowOf(draft: EdgeDraft, meta: DocumentMeta, supported: readonly EdgeDraft[]): EdgeRow {
  const kept = draft.evidence.slice(0, MAX_EVIDENCE_PER_DOCUMENT);
  return {
    key: draft.key,
    from: draft.from,
    to: draft.to,
    evidence: kept.map((e) => e.sentence),
    evidenceDocs: kept.map((e) => e.document),
    sources: [meta.id],
    sourceConfidences: [draft.confidence],
    confidence: draft.confidence,
    ...(meta.date !== undefined ? { firstSeen: meta.date, lastSeen: meta.date } : {}),
    // the document's support, written once with it: the edges it reports that start at this entity
    properties:
      supported.length > 0
        ? {
            ...draft.properties,
            supports: supported.map((s) => s.key),
            supportConfidences: supported.map((s) => s.confidence),
          }
        : draft.properties,
  };
}

/** The edge groups of one document, by type and end labels. */
function edgeGroupsOf(meta: DocumentMeta, drafts: readonly EdgeDraft[], entities: Map<string, Entity>): EdgeGroup[] {
  const edgeGroups = new Map<string, EdgeGroup>();
  const supportsByEntity = new Map<string, EdgeDraft[]>();
  for (const draft of drafts) {
    if (draft.type === "MENTIONED_IN" || !entities.has(draft.from)) continue;
    supportsByEntity.set(draft.from, [...(supportsByEntity.get(draft.from) ?? []), draft]);
  }
  for (const draft of drafts) {
    const fromEntity = entities.get(draft.from);
    if (fromEntity === undefined) continue;
    const toEntity = draft.type === "MENTIONED_IN" ? undefined : entities.get(draft.to);
    const fromLabel = matchLabelFor(fromEntity.type);
    const toLabel = toEntity === undefined ? "Document" : matchLabelFor(toEntity.type);
    const groupKey = `${draft.type}:${fromLabel}:${toLabel}`;
    let group = edgeGroups.get(groupKey);
    if (group === undefined) {
      group = { type: draft.type, fromLabel, toLabel, rows: [] };
      edgeGroups.set(groupKey, group);
    }
    const supported = draft.type === "MENTIONED_IN" ? (supportsByEntity.get(draft.from) ?? []) : [];
    group.rows.push(edgeRowOf(draft, meta, supported));
  }
  return [...edgeGroups.values()];
}

/** Builds the write plan; never throws on content: what cannot be written becomes a diagnostic. */
export function planWrite(extraction: Extraction): WritePlan {
  const diagnostics: Diagnostic[] = [];
  const entities = new Map(extraction.entities.map((e) => [e.id, e]));
  const documents = new Map<string, DocumentMeta>();
  for (const meta of extraction.documents) if (!documents.has(meta.id)) documents.set(meta.id, meta);
  const drafts = new DocumentDrafts(documents.keys());
  for (const relation of extraction.relations) {
    if (!isRelType(relation.type)) continue; // the schema already forbids it; labels and types never come from text
    if (relation.type === "MENTIONED_IN") planMention(relation, entities, drafts, diagnostics);
    else planRelation(relation, entities, drafts, diagnostics);
  }
  const mentioned = new Set<string>();
  const writes: DocumentWrite[] = [...documents].map(([docId, meta]) => ({
    document: documentRowOf(meta),
    nodes: nodeGroupsOf(drafts.mentionsOf(docId), entities, mentioned),
    edges: edgeGroupsOf(meta, drafts.draftsOf(docId), entities),
  }));
  for (const entity of extraction.entities) {
    if (!mentioned.has(entity.id)) {
      diagnostics.push({
        documentId: "",
        level: "info",
        code: "entity-without-evidence",
        message: `${entity.type} "${entity.name}" (${entity.id}) has no evidence sentence in any document; it was not written.`,
      });
    }
  }
  assertPlanLabels(writes);
  return { documents: writes, diagnostics };
}

function planMention(
  relation: Relation,
  entities: Map<string, Entity>,
  drafts: DocumentDrafts,
  diagnostics: Diagnostic[],
): void {
  if (!entities.has(relation.from)) {
    diagnostics.push({
      documentId: relation.to,
      level: "error",
      code: "unknown-entity",
      message: `MENTIONED_IN ${relation.from} -> ${relation.to} refers to an entity that is not among the entities; it was not written.`,
    });
    return;
  }
  for (const evidence of relation.evidence) {
    if (!drafts.has(evidence.document)) {
      diagnostics.push(unknownDocument(evidence.document, relation));
      continue;
    }
    drafts.mention(evidence.document, relation.from, evidence.sentence, relation.confidence);
  }
}

function unknownDocument(documentId: string, relation: Relation): Diagnostic {
  return {
    documentId,
    level: "error",
    code: "unknown-document",
    message: `Evidence of ${relation.type} ${relation.from} -> ${relation.to} cites document ${documentId}, which is not among the documents; that evidence was not written.`,
  };
}

/** Labels and types come only from the domain constants: checked again here because they end up in Cypher text. */
function assertPlanLabels(writes: DocumentWrite[]): void {
  for (const write of writes) {
    for (const group of write.nodes)
      for (const label of group.labels)
        if (!isNodeLabel(label)) throw new Error(`planWrite: "${label}" is not a node label`);
    for (const group of write.edges) {
      if (!isRelType(group.type) || !isNodeLabel(group.fromLabel) || !isNodeLabel(group.toLabel)) {
        throw new Error(
          `planWrite: ${group.type} (${group.fromLabel} -> ${group.toLabel}) is not made of domain labels and types`,
        );
      }
    }
  }
}

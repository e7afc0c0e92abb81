/**
 * The one domain model shared by the importer, the graph writer, the API and the CLI.
 * Labels and relationship types here are the public contract; Cypher and the GraphQL type
 * definitions use exactly these names and nothing else.
 */
import { z } from "zod";

/** Node labels written to Neo4j. `Organization` is also carried by every Union and Confederation node. */
export const NODE_LABELS = [
  "Person",
  "Union",
  "Confederation",
  "Organization",
  "Country",
  "Event",
  "Document",
] as const;
/** A node label. */
export type NodeLabel = (typeof NODE_LABELS)[number];

/** The types an extracted entity can have: every label but `Document` (documents are listed apart). */
export const ENTITY_TYPES = ["Person", "Union", "Confederation", "Organization", "Country", "Event"] as const;
/** The most specific label of an entity. */
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Entity types that are organisations and so also carry the `Organization` label. */
export const ORGANISATION_TYPES = ["Union", "Confederation", "Organization"] as const;
/** An organisation's most specific label. */
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** True for the entity types of organisations (Union, Confederation, Organization). */
export function isOrganisationType(type: string): type is OrganisationType {
  return (ORGANISATION_TYPES as readonly string[]).includes(type);
}

/** Relationship types written to Neo4j. */
export const REL_TYPES = [
  "MET_WITH",
  "SIGNED",
  "MEMBER_OF",
  "HOLDS_POSITION",
  "PARTICIPATED_IN",
  "LOCATED_IN",
  "MENTIONED_IN",
] as const;
/** A relationship type. */
export type RelType = (typeof REL_TYPES)[number];

/** Relationship types that connect entities; `MENTIONED_IN` only points at a source document. */
export const CONNECTION_REL_TYPES = REL_TYPES.filter(
  (t): t is Exclude<RelType, "MENTIONED_IN"> => t !== "MENTIONED_IN",
);

/**
 * The relationship types that mean two entities are connected, followed by connection queries (connections,
 * neighbourhood, commonConnections) unless others are asked for. `LOCATED_IN` is not one: two events in the same
 * country are not connected through it. Nor is `MENTIONED_IN`: it points at a source document.
 */
export const DEFAULT_CONNECTION_REL_TYPES = CONNECTION_REL_TYPES.filter(
  (t): t is Exclude<RelType, "MENTIONED_IN" | "LOCATED_IN"> => t !== "LOCATED_IN",
);

/**
 * How much evidence one relationship stores: at most MAX_EVIDENCE_PER_DOCUMENT sentences from each document (the
 * first ones in the text) and MAX_EVIDENCE_PER_EDGE in all (the first documents in import order), the ids of the
 * first MAX_SOURCES_PER_EDGE documents that support it (`sources`), and its support: `sourceCount` documents, the
 * first and last of their dates (`firstSeen`, `lastSeen`). Every supporting document keeps the keys of the edges it
 * supports on its MENTIONED_IN from their start (`supports`, with `supportConfidences`), written once with the
 * document. A union's membership cited by ten thousand press releases thus stays one small edge: a later import adds
 * to a count instead of reading and rewriting a list that grows with the history.
 */
export const MAX_EVIDENCE_PER_DOCUMENT = 3;
/** See MAX_EVIDENCE_PER_DOCUMENT. */
export const MAX_EVIDENCE_PER_EDGE = 50;
/** See MAX_EVIDENCE_PER_DOCUMENT. */
export const MAX_SOURCES_PER_EDGE = 50;

/** The status of a MEMBER_OF edge. */
export const MEMBERSHIP_STATUSES = ["member", "applied", "joining", "restored", "suspended", "former"] as const;
/** A membership status. */
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

/** The kind of an Event node. */
export const EVENT_KINDS = [
  "meeting",
  "conference",
  "visit",
  "agreement",
  "memorandum",
  "session",
  "congress",
  "other",
] as const;
/** An event kind. */
export type EventKind = (typeof EVENT_KINDS)[number];

/** Event kinds that are signed (the object of SIGNED edges). */
export const SIGNABLE_EVENT_KINDS: readonly EventKind[] = ["agreement", "memorandum"];

/** A calendar date `YYYY-MM-DD`, or a partial one `YYYY-MM` / `YYYY`. */
export const isoDateSchema = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "expected YYYY, YYYY-MM or YYYY-MM-DD");

/** A property value that Neo4j can store on a node or relationship. */
export const propertyValueSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.array(z.string()),
  z.array(z.number()),
]);
/** A stored property value. */
export type PropertyValue = z.infer<typeof propertyValueSchema>;

/** A sentence of a document, with its character offsets in the document's text. */
export const sentenceSchema = z.object({
  index: z.number().int().nonnegative(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
/** A sentence with offsets. */
export type Sentence = z.infer<typeof sentenceSchema>;

/** The metadata of a source document, as listed in an Extraction and stored on a Document node. */
export const documentMetaSchema = z.object({
  /** content hash (sha256 of the UTF-8 bytes, hex, first 16 characters) */
  id: z.string().min(1),
  title: z.string().optional(),
  date: isoDateSchema.optional(),
  url: z.string().optional(),
  source: z.string().optional(),
  language: z.string().optional(),
  path: z.string(),
});
/** Document metadata. */
export type DocumentMeta = z.infer<typeof documentMetaSchema>;

/** A loaded document: metadata, plain text and its sentences. */
export const sourceDocumentSchema = documentMetaSchema.extend({
  text: z.string(),
  sentences: z.array(sentenceSchema),
});
/** A document ready for extraction. */
export type SourceDocument = z.infer<typeof sourceDocumentSchema>;

/** Where a relation was read: the document, the sentence verbatim, and its offsets in the document text. */
export const evidenceSchema = z.object({
  document: z.string().min(1),
  sentence: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
/** One piece of evidence. */
export type Evidence = z.infer<typeof evidenceSchema>;

/** A resolved entity: one node in the graph. */
export const entitySchema = z.object({
  id: z.string().min(1),
  type: z.enum(ENTITY_TYPES),
  name: z.string().min(1),
  aliases: z.array(z.string()),
  /** type-specific properties: Event `kind`/`date`/`dateText`/`place`; organisation `acronym`, `members`... */
  properties: z.record(z.string(), propertyValueSchema).default({}),
});
/** An entity. */
export type Entity = z.infer<typeof entitySchema>;

/** A relation between two entities (or an entity and a document for MENTIONED_IN), always with evidence. */
export const relationSchema = z.object({
  type: z.enum(REL_TYPES),
  from: z.string().min(1),
  to: z.string().min(1),
  properties: z.record(z.string(), propertyValueSchema).default({}),
  evidence: z.array(evidenceSchema).min(1),
  confidence: z.number().min(0).max(1),
});
/** A relation. */
export type Relation = z.infer<typeof relationSchema>;

/** Severity of a diagnostic. */
export const DIAGNOSTIC_LEVELS = ["info", "warning", "error"] as const;

/** A content problem found while reading or extracting a document: a value, not an exception. */
export const diagnosticSchema = z.object({
  documentId: z.string(),
  level: z.enum(DIAGNOSTIC_LEVELS),
  code: z.string(),
  message: z.string(),
  sentence: z.string().optional(),
});
/** A diagnostic. */
export type Diagnostic = z.infer<typeof diagnosticSchema>;

/** The result of extraction and resolution over a set of documents (the `extract --json` contract). */
export const extractionSchema = z.object({
  documents: z.array(documentMetaSchema),
  entities: z.array(entitySchema),
  relations: z.array(relationSchema),
  diagnostics: z.array(diagnosticSchema).default([]),
});
/** An extraction. */
export type Extraction = z.infer<typeof extractionSchema>;

/** Labels a node of the given entity type carries in Neo4j (most specific first). */
export function labelsForEntityType(type: EntityType): NodeLabel[] {
  return isOrganisationType(type) && type !== "Organization" ? [type, "Organization"] : [type];
}

/** True when the string is one of the relationship types. */
export function isRelType(value: string): value is RelType {
  return (REL_TYPES as readonly string[]).includes(value);
}

/** True when the string is one of the node labels. */
export function isNodeLabel(value: string): value is NodeLabel {
  return (NODE_LABELS as readonly string[]).includes(value);
}

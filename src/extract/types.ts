/** The per-document result of extraction: local entities and relations, before resolution across documents. */
import type {
  DocumentMeta,
  EntityType,
  EventKind,
  Evidence,
  Extraction,
  PropertyValue,
  RelType,
} from "../domain/model.js";

/** An entity as named in one document. `key` is local to the document. */
export interface LocalEntity {
  key: string;
  type: EntityType;
  /** the fullest name used in this document */
  name: string;
  /** every surface form used in this document (names, acronyms, spellings) */
  surfaces: string[];
  /** acronyms this document defines or uses for it */
  acronyms: string[];
  /** how many times it is mentioned */
  mentions: number;
  /** true when the document names it only by an acronym nobody defined */
  isAcronymOnly: boolean;
  /** the first sentence that mentions it */
  evidence: Evidence;
  properties: Record<string, PropertyValue>;
  /** for events: local keys of the participants (signatories, people who met) */
  participants?: string[];
  eventKind?: EventKind;
}

/** A relation between local entity keys (or to the document id for MENTIONED_IN). */
export interface LocalRelation {
  type: RelType;
  from: string;
  to: string;
  properties: Record<string, PropertyValue>;
  evidence: Evidence[];
  confidence: number;
}

/** What resolution needs to know about a local entity beyond the Entity itself. */
export interface EntityDetails {
  acronyms: string[];
  mentions: number;
  isAcronymOnly: boolean;
  participants?: string[];
  /** an acronym named once that nothing in the document explains: kept only where the alias or reference data knows it */
  isUnconfirmed?: boolean;
}

/**
 * What one document yields: an Extraction whose ids are local to the document (so it can be checked and
 * used on its own), plus the details resolution across documents needs.
 */
export interface DocumentExtraction extends Extraction {
  document: DocumentMeta;
  details: Record<string, EntityDetails>;
}

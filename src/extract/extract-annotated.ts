/**
 * extractAnnotated: one annotated document to local entities and relations with evidence. Pure: no I/O, no clock.
 * Chunks (people, organisations, roles, places) → the document's entities → positions by the rows of
 * POSITION_PATTERNS → meetings, agreements and memberships by the rows of RELATION_PATTERNS over the parse → the
 * countries organisations are in. Each step is a module of document/ working on one DocumentState.
 */
import type { AnnotatedDocument } from "../domain/annotation.js";
import type { SourceDocument } from "../domain/model.js";
import { DocumentState, type ExtractOptions } from "./document/document-state.js";
import { documentGroups } from "./document/groups.js";
import { packExtraction } from "./document/pack.js";
import { placeOrganisations } from "./document/places.js";
import { readDependencyPositions, readOfficerLists, readPatternPositions } from "./document/positions.js";
import { References } from "./document/references.js";
import { readSentenceRelations } from "./document/sentence-relations.js";
import type { DocumentExtraction } from "./types.js";

export type { ExtractOptions } from "./document/document-state.js";

/** Extracts entities and relations from one annotated document; content problems become diagnostics. */
export function extractAnnotated(
  doc: SourceDocument,
  annotated: AnnotatedDocument,
  options: ExtractOptions = {},
): DocumentExtraction {
  const d = new DocumentState(doc, annotated, options);
  // positions first: the descriptions they make stand for people in every later step
  readPatternPositions(d);
  d.indexOrgNames();
  const refs = new References(d);
  readDependencyPositions(d, refs);
  readOfficerLists(d);
  readSentenceRelations(d, refs, documentGroups(d));
  placeOrganisations(d);
  return packExtraction(d);
}

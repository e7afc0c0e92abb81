/** The document's extraction as the rest of the pipeline takes it: entities, relations, MENTIONED_IN and details. */
import type { Diagnostic, DocumentMeta, Entity, Relation, SourceDocument } from "../../domain/model.js";
import type { DocEntity } from "../mentions/document-entities.js";
import type { DocumentExtraction, EntityDetails } from "../types.js";
import type { DocumentState } from "./document-state.js";

function metaOf(doc: SourceDocument): DocumentMeta {
  const meta: DocumentMeta = { id: doc.id, path: doc.path };
  if (doc.title !== undefined) meta.title = doc.title;
  if (doc.date !== undefined) meta.date = doc.date;
  if (doc.url !== undefined) meta.url = doc.url;
  if (doc.source !== undefined) meta.source = doc.source;
  if (doc.language !== undefined) meta.language = doc.language;
  return meta;
}

export function packExtraction(d: DocumentState, diagnostics: Diagnostic[] = []): DocumentExtraction {
  const document = metaOf(d.doc);
  const locals: (DocEntity & { participants?: string[] })[] = [...d.entities.values(), ...d.events.values()];
  const used = new Set(d.sink.relations.flatMap((r) => [r.from, r.to]));
  // acronyms nobody defined are kept when the tagger called them organisations, a relation uses them or they recur;
  // others stay unconfirmed: resolution keeps them only where the reference data or the alias file knows them
  const unconfirmed = new Set(
    locals
      .filter((e) => e.key.startsWith("acr:") && e.mentions < 2 && !used.has(e.key) && !d.taggedOrgs.has(e.key))
      .map((e) => e.key),
  );
  const details: Record<string, EntityDetails> = {};
  const keys = new Set(locals.map((e) => e.key));
  const entities: Entity[] = locals.map((e) => {
    const detail: EntityDetails = { acronyms: e.acronyms, mentions: e.mentions, isAcronymOnly: e.isAcronymOnly };
    if (unconfirmed.has(e.key)) detail.isUnconfirmed = true;
    if (e.participants) detail.participants = e.participants;
    details[e.key] = detail;
    return {
      id: e.key,
      type: e.type,
      name: e.name,
      aliases: e.surfaces.filter((s) => s !== e.name),
      properties: e.properties,
    };
  });
  const relations: Relation[] = d.sink.relations
    .filter((r) => keys.has(r.from) && keys.has(r.to))
    .map((r) => ({ ...r }));
  for (const e of locals)
    relations.push({
      type: "MENTIONED_IN",
      from: e.key,
      to: document.id,
      properties: {},
      evidence: [d.evidenceOf(e.firstSentence)],
      confidence: 1,
    });
  return { document, documents: [document], entities, relations, diagnostics, details };
}

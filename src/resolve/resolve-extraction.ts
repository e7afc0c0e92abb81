/**
 * resolveExtraction: per-document extractions to one Extraction with entities resolved across documents.
 * Pure and deterministic: the same documents, alias file and known entities always give the same ids, names
 * and order. The curated alias file wins over every automatic decision, and its `distinct` pairs never merge.
 * Known entities (nodes stored earlier) anchor clusters like alias entries do, and keep their ids.
 *
 * The stages run in order around one clustering (clustering.ts): alias entries join stored nodes, organisations
 * unite by name key, acronym-only mentions join their organisation, people by name, countries by name; then the
 * clusters get ids, events are resolved, and relations are merged on the resolved ids.
 *
 * The work is near-linear in the number of mentions: cluster form sets are merged smaller into larger, names
 * are folded once per distinct string, a person cluster keeps each distinct name once, and acronym candidates
 * are reduced to their distinct clusters once.
 */
import type { Extraction } from "../domain/model.js";
import type { DocumentExtraction } from "../extract/types.js";
import { EMPTY_ALIAS_TABLE, type AliasTable } from "./alias-table.js";
import { emptyResolutionWork, type ResolutionWork } from "./clustering.js";
import { confirmAcronyms } from "./confirm-acronyms.js";
import { KnownEntities } from "./known-entities.js";
import { startResolution } from "./resolution.js";
import { uniteAcronyms } from "./stage-acronyms.js";
import { uniteAliasEntriesWithStored } from "./stage-alias-entries.js";
import { uniteCountries } from "./stage-countries.js";
import { identifyEvents } from "./stage-events.js";
import { clustersOf, identifyEntities } from "./stage-ids.js";
import { OrganisationForms, uniteOrganisations } from "./stage-organisations.js";
import { unitePeople } from "./stage-people.js";
import { mergeRelations } from "./stage-relations.js";

export { emptyResolutionWork, type ResolutionWork } from "./clustering.js";

/**
 * Resolves entities across documents and merges their relations; `aliases` is the curated alias table and
 * `known` the entities that have nodes already (their ids are kept; new ids never take one of theirs).
 */
export function resolveExtraction(
  documents: DocumentExtraction[],
  aliases: AliasTable = EMPTY_ALIAS_TABLE,
  known: KnownEntities = new KnownEntities(),
  work: ResolutionWork = emptyResolutionWork(),
): Extraction {
  const docs = documents.map((d) => confirmAcronyms(d, aliases));
  const r = startResolution(docs, aliases, known, work);
  uniteAliasEntriesWithStored(r);
  const fullForms = new OrganisationForms();
  uniteOrganisations(r, fullForms);
  uniteAcronyms(r, fullForms);
  unitePeople(r);
  uniteCountries(r);
  const { entityClusters, eventClusters } = clustersOf(r);
  const identified = identifyEntities(r, entityClusters);
  const eventEntities = identifyEvents(r, eventClusters, identified);
  const relations = mergeRelations(docs, identified.globalIdOf, eventEntities);
  const entities = identified.entities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { documents: docs.map((d) => d.document), entities, relations, diagnostics: r.diagnostics };
}

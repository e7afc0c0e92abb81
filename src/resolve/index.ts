/** Resolution across documents: acronyms, word-order and spelling variants, transliterations, the alias file. */
export { editDistance } from "../text/edit-distance.js";
export { foldNameWord } from "../text/transliterate.js";
export { EMPTY_ALIAS_TABLE, buildAliasTable, isAcronymForm, type AliasTable } from "./alias-table.js";
export { KnownEntities, type KnownEntity } from "./known-entities.js";
export { isSamePersonName, nameParts } from "./person-names.js";
export {
  buildResolutionTable,
  matchCuratedEntries,
  organisationNodeId,
  referenceNodes,
  referenceOrganisationNames,
  referenceStats,
  type ReferenceName,
  type ReferenceNode,
} from "./reference-table.js";
export { emptyResolutionWork, resolveExtraction, type ResolutionWork } from "./resolve-extraction.js";

/** Resolution across documents: acronyms, word-order and spelling variants, transliterations, the alias file. */
export { buildAliasTable, EMPTY_ALIAS_TABLE, isAcronymForm, type AliasTable } from "./alias-table.js";
export { editDistance, foldNameWord, isSamePersonName, nameParts } from "./person-names.js";
export { resolveExtraction } from "./resolve-extraction.js";

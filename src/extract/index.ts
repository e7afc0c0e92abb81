/** Extraction: one annotated document to entities and relations with evidence, before resolution. Pure. */
export { findDate, type FoundDate } from "./dates.js";
export { extractAnnotated, type ExtractOptions } from "./extract-annotated.js";
export { foldDiacritics, foldText, shortHash, slugify } from "./fold.js";
export { COUNTRY_NAMES, countryOf, countryOfCity } from "./lexicon/countries.js";
export { initialsOf, orgKey, orgTokens } from "./org-key.js";
export { POSITION_PATTERNS } from "./patterns/position-patterns.js";
export { RELATION_PATTERNS } from "./patterns/relation-patterns.js";
export type { DocumentExtraction, EntityDetails, LocalEntity, LocalRelation } from "./types.js";

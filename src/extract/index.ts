/** Extraction: one SourceDocument to entities and relations with evidence, before resolution. Pure. */
export { analyseSentence, type SentenceAnalysis } from "./analyse-sentence.js";
export { findDate, type FoundDate } from "./dates.js";
export { extractDocument, type ExtractOptions } from "./extract-document.js";
export { foldDiacritics, foldText, shortHash, slugify } from "./fold.js";
export { COUNTRY_NAMES, countryOf, countryOfCity } from "./lexicon/countries.js";
export { initialsOf, orgKey, orgTokens } from "./org-key.js";
export type { DocumentExtraction, EntityDetails, LocalEntity, LocalRelation } from "./types.js";

/** Extraction quality: the gold format and the scorer. */
export { goldSchema, type Gold } from "./gold.js";
export { formatQualityReport, scoreExtraction, type QualityReport, type Score } from "./score-extraction.js";

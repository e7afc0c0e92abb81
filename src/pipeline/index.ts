/**
 * The pipeline: files → read (de-duplicated) → annotate → extract → resolve, one chunk step at a time
 * (chunk-step.ts), and the two entry points over it, `import` (import-paths.ts) and `extract` (extract-paths.ts).
 */
export {
  extractChunk,
  runChunkStep,
  type ChunkOutcome,
  type ExtractionSource,
  type PipelineRun,
  type ResolveMode,
} from "./chunk-step.js";
export { expandPaths } from "./expand-paths.js";
export { extractAnnotatedDocument, extractDocuments } from "./extract-documents.js";
export { extractEachFile, extractFiles, extractFilesToDirectory, extractionFileName } from "./extract-paths.js";
export type { ExtractFilesOptions } from "./extract-paths.js";
export type { ExtractionFailure } from "./failure.js";
export {
  importExtraction,
  importPaths,
  type ImportOptions,
  type ImportPathsOptions,
  type ImportSummary,
} from "./import-paths.js";
export { DEFAULT_REFERENCE_PATH, loadAliasTable, readCuratedAliases, readReference } from "./load-aliases.js";
export { readChunk } from "./read-chunk.js";

/**
 * The public surface of labour-graph as a library (package.json `exports` "."): the domain model, the pipeline
 * stages in their order (read a document, annotate it, extract it, resolve across documents, plan and write),
 * the pipeline's runs over files (`importPaths`, `extractFiles`), the API server factory and the queries.
 */
export { CORENLP_PIPELINE } from "./annotate/corenlp-pipeline.js";
export {
  annotateAll,
  annotateDocument,
  createAnnotateContext,
  type AnnotateContext,
  type AnnotationOutcome,
  type Annotator,
} from "./annotate/index.js";
export { createApiServer, type ApiServer, type ApiServerOptions } from "./api/index.js";
export { loadConfig, type Config } from "./config/config.js";
export * from "./domain/index.js";
export { extractAnnotated, type DocumentExtraction, type ExtractOptions } from "./extract/index.js";
export { createDriver, resolveConnection, type ConnectionSettings } from "./graph/connection.js";
export { migrate } from "./graph/migrate.js";
export { planWrite, type WritePlan } from "./graph/plan-write.js";
export {
  QUERY_LIMITS,
  findCommonConnections,
  findConnections,
  getEdgeEvidence,
  getEntityCard,
  getEntityTimeline,
  getMostConnected,
  getNeighbourhood,
  getOverview,
  resolveEntity,
  searchEntities,
  type QueryContext,
} from "./graph/queries/index.js";
export { writePlan, type WriteSummary } from "./graph/writer.js";
export { loadDocument, loadDocumentFromBytes, readDocument, type LoadDocumentOptions } from "./ingest/index.js";
export {
  expandPaths,
  extractAnnotatedDocument,
  extractChunk,
  extractDocuments,
  extractFiles,
  extractFilesToDirectory,
  importExtraction,
  importPaths,
  loadAliasTable,
  readChunk,
  runChunkStep,
  type ChunkOutcome,
  type ExtractFilesOptions,
  type ExtractionFailure,
  type ExtractionSource,
  type ImportOptions,
  type ImportPathsOptions,
  type ImportSummary,
  type PipelineRun,
  type ResolveMode,
} from "./pipeline/index.js";
export { ensureNlpServer } from "./provision/ensure-nlp-server.js";
export { ManagedCoreNLP } from "./provision/managed-corenlp.js";
export { ManagedNeo4j } from "./provision/managed-neo4j.js";
export { KnownEntities, resolveExtraction, type AliasTable } from "./resolve/index.js";

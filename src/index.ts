/** The public surface of labour-graph as a library: the domain model and the entry functions. */
export { CORENLP_PIPELINE } from "./annotate/corenlp-pipeline.js";
export { createApiServer, type ApiServer, type ApiServerOptions } from "./api/index.js";
export { loadConfig, type Config } from "./config/config.js";
export * from "./domain/index.js";
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
export { importExtraction, importPaths, type ImportOptions, type ImportSummary } from "./import.js";
export { ensureNlpServer } from "./provision/ensure-nlp-server.js";
export { ManagedCoreNLP } from "./provision/managed-corenlp.js";
export { ManagedNeo4j } from "./provision/managed-neo4j.js";

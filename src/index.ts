/** The public surface of labour-graph as a library: the domain model and the entry functions. */
export * from "./domain/index.js";
export { loadConfig, type Config } from "./config/config.js";
export { createDriver, resolveConnection, type ConnectionSettings } from "./graph/connection.js";
export { migrate } from "./graph/migrate.js";
export { ManagedNeo4j } from "./graph/provision/managed-neo4j.js";

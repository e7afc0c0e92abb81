/** The GraphQL API: schema generation, the HTTP server and its limits. */
export {
  buildSchema,
  createApiServer,
  loadTypeDefs,
  type ApiServer,
  type ApiServerOptions,
} from "./create-api-server.js";
export { API_LIMITS } from "./limits.js";
export type { ImportDocumentFn, ImportDocumentInput, ImportDocumentResult } from "./resolvers.js";

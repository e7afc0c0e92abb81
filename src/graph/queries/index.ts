/** The read queries shared by the GraphQL API, the CLI and the explorer. */
export { Admission, QueryBusyError } from "./admission.js";
export { CONNECTION_PATTERN, checkConnectionTypes } from "./connection-types.js";
export { findCommonConnections } from "./find-common-connections.js";
export { findConnections, type ConnectionOptions } from "./find-connections.js";
export { MAX_EVIDENCE_KEYS, getEdgeEvidence } from "./get-edge-evidence.js";
export { getEntityCard } from "./get-entity-card.js";
export { getEntityTimeline } from "./get-entity-timeline.js";
export { getMostConnected, type MostConnectedOptions } from "./get-most-connected.js";
export {
  NEIGHBOURHOOD_PAGE_SIZE,
  decodeCursor,
  encodeCursor,
  getNeighbourhood,
  type NeighbourhoodOptions,
} from "./get-neighbourhood.js";
export { MAX_OVERVIEW_LIST, getOverview } from "./get-overview.js";
export { QUERY_LIMITS, QueryMemoryError, QueryTimeoutError, runRead, type QueryContext } from "./query-context.js";
export { resolveEntity } from "./resolve-entity.js";
export { searchEntities } from "./search-entities.js";

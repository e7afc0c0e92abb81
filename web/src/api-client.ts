/**
 * Every call the explorer makes to the API, in one place: the GraphQL documents, their variables and the shapes
 * they return. Network failures, 503 and GraphQL errors become ApiErrors with a message for people.
 */
import type {
  EntityCard,
  EntityTimeline,
  GraphNode,
  GraphOverview,
  GraphPath,
  RelType,
  SearchHit,
  Subgraph,
} from "./types.js";

const GRAPHQL_URL = "/graphql";
/** Suggestions per search. */
export const SUGGESTIONS = 8;
/** Paths per connection search. */
export const PATHS = 5;
/** Entries per list of the opening view. */
export const OVERVIEW_LIST = 6;

const DOC_FIELDS = /* GraphQL */ `id title date url path`;
const NODE_FIELDS = /* GraphQL */ `id name label labels aliases properties`;
const EDGE_FIELDS = /* GraphQL */ `key type from to confidence properties evidence { sentence document { ${DOC_FIELDS} } }`;

// limits are literal: the API prices a list whose limit is a variable at its maximum size
const QUERIES = {
  search: /* GraphQL */ `query Search($text: String!) { search(text: $text, limit: ${SUGGESTIONS}) { score node { ${NODE_FIELDS} } } }`,
  neighbourhood: /* GraphQL */ `query Neighbourhood($id: String!, $depth: Int, $types: [String!]) {
    neighbourhood(id: $id, depth: $depth, types: $types) { nodes { ${NODE_FIELDS} } edges { ${EDGE_FIELDS} } } }`,
  connections: /* GraphQL */ `query Connections($from: String!, $to: String!, $maxHops: Int, $types: [String!]) {
    connections(from: $from, to: $to, maxHops: $maxHops, types: $types, limit: ${PATHS}) {
      length nodes { ${NODE_FIELDS} } edges { ${EDGE_FIELDS} } } }`,
  entity: /* GraphQL */ `query Entity($id: String!) { entity(id: $id) {
    node { ${NODE_FIELDS} }
    connections { direction other { ${NODE_FIELDS} } edge { ${EDGE_FIELDS} } }
    documents { ${DOC_FIELDS} } } }`,
  overview: /* GraphQL */ `query Overview { overview(limit: ${OVERVIEW_LIST}) {
    nodes { type count } relationships { type count }
    people { degree node { ${NODE_FIELDS} } } organisations { degree node { ${NODE_FIELDS} } }
    documents { ${DOC_FIELDS} } events { ${NODE_FIELDS} } } }`,
  timeline: /* GraphQL */ `query Timeline($id: String!) { timeline(id: $id) {
    node { ${NODE_FIELDS} }
    entries { kind date dateSource direction other { ${NODE_FIELDS} } event { ${NODE_FIELDS} } edge { ${EDGE_FIELDS} } } } }`,
};

/** A failed API call, with what the API said (code, suggestion, candidate entities). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly suggestion?: string,
    readonly candidates: { name: string; label: string }[] = [],
  ) {
    super(message);
  }
}

/** The message shown for a failure. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const parts = [error.message];
    if (error.candidates.length > 0)
      parts.push(`Candidates: ${error.candidates.map((c) => `${c.name} (${c.label})`).join(", ")}.`);
    if (error.suggestion && !error.message.includes(error.suggestion)) parts.push(error.suggestion);
    return parts.join(" ");
  }
  return `Something went wrong: ${error instanceof Error ? error.message : String(error)}`;
}

/** The message when nothing answers. */
export const UNREACHABLE =
  "Cannot reach the labour-graph API. Is the server running? Start it with `labour-graph serve` (or `npm start`).";
/** The message when the database is down. */
export const DATABASE_DOWN = "The database is not reachable. Start it with `labour-graph db start`, then retry.";

interface GraphQLBody {
  data?: Record<string, unknown>;
  errors?: { message: string; extensions?: { code?: string; suggestion?: string; candidates?: [] } }[];
}

async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_URL, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError(UNREACHABLE, "API_UNREACHABLE");
  }
  const body = (await response.json().catch(() => null)) as GraphQLBody | null;
  const first = body?.errors?.[0];
  if (response.status === 503) throw new ApiError(first?.message ?? DATABASE_DOWN, "DATABASE_UNAVAILABLE");
  if (first) {
    const ext = first.extensions ?? {};
    throw new ApiError(first.message, ext.code ?? "GRAPHQL_ERROR", ext.suggestion, ext.candidates ?? []);
  }
  if (!response.ok || !body?.data) {
    throw new ApiError(
      `The API answered ${response.status} ${response.statusText}`.trim() + ". Check the server's log.",
      "HTTP_ERROR",
    );
  }
  return body.data as T;
}

/** Entities whose names or aliases match the text. */
export async function searchEntities(text: string): Promise<SearchHit[]> {
  return (await gql<{ search: SearchHit[] }>(QUERIES.search, { text })).search;
}

/** The entities within `depth` hops of one entity, following these relationship types. */
export async function fetchNeighbourhood(id: string, depth: number, types: readonly RelType[]): Promise<Subgraph> {
  return (await gql<{ neighbourhood: Subgraph }>(QUERIES.neighbourhood, { id, depth, types })).neighbourhood;
}

/** The shortest paths between two entities. */
export async function fetchConnections(
  from: string,
  to: string,
  maxHops: number,
  types: readonly RelType[],
): Promise<GraphPath[]> {
  return (await gql<{ connections: GraphPath[] }>(QUERIES.connections, { from, to, maxHops, types })).connections;
}

/** One entity's card. */
export async function fetchEntity(id: string): Promise<EntityCard> {
  return (await gql<{ entity: EntityCard }>(QUERIES.entity, { id })).entity;
}

/** One entity's timeline. */
export async function fetchTimeline(id: string): Promise<EntityTimeline> {
  return (await gql<{ timeline: EntityTimeline }>(QUERIES.timeline, { id })).timeline;
}

/** What the graph holds at a glance. */
export async function fetchOverview(): Promise<GraphOverview> {
  return (await gql<{ overview: GraphOverview }>(QUERIES.overview)).overview;
}

/** The node of one entity (from its card), to name it before anything else is loaded. */
export async function fetchNode(id: string): Promise<GraphNode> {
  return (await fetchEntity(id)).node;
}

/** The API's health: "ok", "database-down" or "unreachable". */
export async function checkHealth(): Promise<"ok" | "database-down" | "unreachable" | number> {
  try {
    const response = await fetch("/healthz", { headers: { accept: "application/json" } });
    if (response.status === 503) return "database-down";
    return response.ok ? "ok" : response.status;
  } catch {
    return "unreachable";
  }
}

/** Resolvers of the custom root fields: each calls one function of src/graph/queries. */
import type { EdgeSupport, EvidenceRef, GraphEdge, GraphPath } from "../domain/views.js";
import {
  findCommonConnections,
  findConnections,
  getEntityCard,
  getEntityTimeline,
  getMostConnected,
  getNeighbourhood,
  getOverview,
  searchEntities,
  type QueryContext,
} from "../graph/queries/index.js";
import { supportOf } from "../graph/queries/map-records.js";
import type { EvidenceLoader } from "./evidence-loader.js";
import { JSONScalar, PropertyValueScalar } from "./scalars.js";

/** What our resolvers need from the GraphQL context. */
export interface ApiContext {
  queries: QueryContext;
  /** the evidence of an edge a neighbourhood sent without it, batched per request */
  evidence: EvidenceLoader;
}

/** The input of the authenticated importDocument mutation. */
export interface ImportDocumentInput {
  text: string;
  title?: string;
  date?: string;
  url?: string;
}

/** What importDocument reports. */
export interface ImportDocumentResult {
  documentId: string;
  nodes: number;
  edges: number;
  diagnostics: string[];
}

/** Imports one document (wired by the composition root when the importer is available). */
export type ImportDocumentFn = (input: ImportDocumentInput) => Promise<ImportDocumentResult>;

type Args<T> = (_root: unknown, args: T, context: ApiContext) => unknown;

const withLength = (path: GraphPath) => ({ ...path, length: path.edges.length });

/** The resolvers passed to Neo4jGraphQL next to the type definitions. */
export function createResolvers(options: { importDocument?: ImportDocumentFn | undefined } = {}) {
  const search: Args<{ text: string; limit: number }> = (_r, args, ctx) =>
    searchEntities(ctx.queries, args.text, args.limit);
  const connections: Args<{
    from: string;
    to: string;
    maxHops: number;
    limit: number;
    types?: string[] | null;
  }> = async (_r, args, ctx) =>
    (
      await findConnections(ctx.queries, args.from, args.to, {
        maxHops: args.maxHops,
        limit: args.limit,
        types: args.types,
      })
    ).map(withLength);
  const neighbourhood: Args<{
    id: string;
    depth: number;
    types?: string[] | null;
    pageSize: number;
    after?: string | null;
  }> = (_r, args, ctx) =>
    getNeighbourhood(ctx.queries, args.id, {
      depth: args.depth,
      pageSize: args.pageSize,
      ...(args.types ? { types: args.types } : {}),
      ...(args.after ? { after: args.after } : {}),
    });
  const commonConnections: Args<{ a: string; b: string; types?: string[] | null }> = (_r, args, ctx) =>
    findCommonConnections(ctx.queries, args.a, args.b, { types: args.types });
  const mostConnected: Args<{ label?: string | null; limit: number }> = (_r, args, ctx) =>
    getMostConnected(ctx.queries, { ...(args.label ? { label: args.label } : {}), limit: args.limit });
  const entity: Args<{ id: string }> = (_r, args, ctx) => getEntityCard(ctx.queries, args.id);
  const overview: Args<{ limit: number }> = (_r, args, ctx) => getOverview(ctx.queries, { limit: args.limit });
  const timeline: Args<{ id: string }> = (_r, args, ctx) => getEntityTimeline(ctx.queries, args.id);
  const resolvers: Record<string, unknown> = {
    PropertyValue: PropertyValueScalar,
    JSON: JSONScalar,
    Query: { search, connections, neighbourhood, commonConnections, mostConnected, entity, overview, timeline },
    // a neighbourhood's edges come without their sentences: they are read only when the field is asked for
    GraphEdge: {
      evidence: (edge: Partial<GraphEdge>, _args: unknown, ctx: ApiContext): EvidenceRef[] | Promise<EvidenceRef[]> =>
        edge.evidence ?? ctx.evidence(String(edge.key)),
      support: (edge: Partial<GraphEdge>): EdgeSupport => edge.support ?? supportOf(edge.properties ?? {}),
    },
  };
  if (options.importDocument) {
    const importDocument = options.importDocument;
    resolvers.Mutation = {
      importDocument: (_r: unknown, args: ImportDocumentInput) => importDocument(args),
    };
  }
  return resolvers;
}

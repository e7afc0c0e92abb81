/** The read models the explorer receives from the GraphQL API (as src/domain/views.ts defines them). */

/** Node labels, in the order of the legend and the filters. */
export const NODE_LABELS = [
  "Person",
  "Union",
  "Confederation",
  "Organization",
  "Country",
  "Event",
  "Document",
] as const;
/** A node label. */
export type NodeLabel = (typeof NODE_LABELS)[number];

/** Relationship types, in the order of the filters. */
export const REL_TYPES = [
  "MET_WITH",
  "SIGNED",
  "MEMBER_OF",
  "HOLDS_POSITION",
  "PARTICIPATED_IN",
  "LOCATED_IN",
  "MENTIONED_IN",
] as const;
/** A relationship type. */
export type RelType = (typeof REL_TYPES)[number];

/** What the API follows when no types are asked for (not LOCATED_IN, not MENTIONED_IN). */
export const DEFAULT_REL_TYPES: readonly RelType[] = [
  "MET_WITH",
  "SIGNED",
  "MEMBER_OF",
  "HOLDS_POSITION",
  "PARTICIPATED_IN",
];

/** Labels hidden until the analyst asks for them. */
export const DEFAULT_HIDDEN_LABELS: readonly NodeLabel[] = ["Country", "Document"];

/** A node as the API returns it. */
export interface GraphNode {
  id: string;
  name: string;
  label: NodeLabel;
  labels: string[];
  aliases: string[];
  properties: Record<string, unknown> | null;
}

/** The document of an evidence sentence. */
export interface EvidenceDocument {
  id: string;
  title?: string | null;
  date?: string | null;
  url?: string | null;
  path?: string | null;
}

/** One evidence sentence with its document. */
export interface EvidenceRef {
  sentence: string;
  document: EvidenceDocument;
}

/** An edge in its stored direction. */
export interface GraphEdge {
  key: string;
  type: RelType;
  from: string;
  to: string;
  confidence: number;
  properties: Record<string, unknown> | null;
  evidence: EvidenceRef[];
}

/** Nodes and the edges among them. */
export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** A path between two entities. */
export interface GraphPath extends Subgraph {
  length: number;
}

/** A search hit. */
export interface SearchHit {
  node: GraphNode;
  score: number;
}

/** An entity and its number of distinct neighbours. */
export interface RankedEntity {
  node: GraphNode;
  degree: number;
}

/** A count by label or type. */
export interface TypeCount {
  type: string;
  count: number;
}

/** The opening view's data. */
export interface GraphOverview {
  nodes: TypeCount[];
  relationships: TypeCount[];
  people: RankedEntity[];
  organisations: RankedEntity[];
  documents: EvidenceDocument[];
  events: GraphNode[];
}

/** One edge of an entity card. */
export interface CardLink {
  edge: GraphEdge;
  other: GraphNode;
  direction: "out" | "in";
}

/** An entity card. */
export interface EntityCard {
  node: GraphNode;
  connections: CardLink[];
  documents: EvidenceDocument[];
}

/** One timeline entry. */
export interface TimelineEntry extends CardLink {
  kind: "meeting" | "agreement" | "membership" | "position" | "event";
  date: string | null;
  dateSource: "stated" | "event" | "reported" | null;
  event: GraphNode | null;
}

/** An entity's timeline. */
export interface EntityTimeline {
  node: GraphNode;
  entries: TimelineEntry[];
}

/** A string property of a node or an edge, or undefined. */
export function textProp(properties: Record<string, unknown> | null | undefined, key: string): string | undefined {
  const value = properties?.[key];
  return typeof value === "string" && value !== "" ? value : undefined;
}

/**
 * Read models: what the graph queries return to the API, the CLI, the explorer and the exports.
 * Plain data, shared so that every reader shows the same thing.
 */
import type { NodeLabel, RelType } from "./model.js";

/** A node as readers see it. `label` is the most specific label. */
export interface GraphNode {
  id: string;
  name: string;
  label: NodeLabel;
  labels: NodeLabel[];
  aliases: string[];
  properties: Record<string, unknown>;
}

/** The document an evidence sentence comes from. */
export interface EvidenceDocument {
  id: string;
  title?: string;
  date?: string;
  url?: string;
  path?: string;
}

/** One evidence sentence with its source document. */
export interface EvidenceRef {
  document: EvidenceDocument;
  sentence: string;
}

/** How many documents report an edge, and the first and last of their dates (ISO, when the documents are dated). */
export interface EdgeSupport {
  documents: number;
  firstSeen?: string;
  lastSeen?: string;
}

/** An edge as readers see it; `from`/`to` are entity ids in stored direction. */
export interface GraphEdge {
  key: string;
  type: RelType;
  from: string;
  to: string;
  confidence: number;
  properties: Record<string, unknown>;
  evidence: EvidenceRef[];
  support?: EdgeSupport;
}

/** An edge of a neighbourhood: its support instead of its evidence, which is fetched per edge on demand. */
export type SummaryEdge = Omit<GraphEdge, "evidence"> & { support: EdgeSupport; evidenceCount: number };

/** One relationship type at the centre of a neighbourhood: how many edges it has and how to read the next page. */
export interface EdgeTypePage {
  type: RelType;
  /** edges of this type at the centre */
  total: number;
  /** edges of this type at the centre returned in this page */
  returned: number;
  /** pass as `after` for the next page of this type; absent on the last page */
  cursor?: string;
}

/** A neighbourhood: the top edges per relationship type (by support, then recency) and their ends. */
export interface Neighbourhood {
  nodes: GraphNode[];
  edges: SummaryEdge[];
  pages: EdgeTypePage[];
}

/** A path: nodes in order and the edges between consecutive nodes. */
export interface GraphPath {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** A set of nodes and the edges among them. */
export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** A full-text search hit. */
export interface SearchHit {
  node: GraphNode;
  score: number;
}

/** An entity connected to both of two others, with the edges that connect it. */
export interface CommonConnection {
  node: GraphNode;
  edgesToA: GraphEdge[];
  edgesToB: GraphEdge[];
}

/** An entity ranked by its number of distinct connected entities. */
export interface RankedEntity {
  node: GraphNode;
  degree: number;
}

/** Everything an analyst wants on one entity: its node and its edges grouped by type, with the other ends. */
export interface EntityCard {
  node: GraphNode;
  /** each edge with the node at its other end */
  connections: { edge: GraphEdge; other: GraphNode; direction: "out" | "in" }[];
  documents: EvidenceDocument[];
}

/** How many nodes carry one label, or how many relationships have one type. */
export interface TypeCount {
  type: string;
  count: number;
}

/** What the graph holds at a glance: the explorer's opening view. */
export interface GraphOverview {
  /** nodes per label (a Union also counts as an Organization) */
  nodes: TypeCount[];
  relationships: TypeCount[];
  people: RankedEntity[];
  /** unions, confederations and other organisations together */
  organisations: RankedEntity[];
  /** newest first (by date) */
  documents: EvidenceDocument[];
  /** newest first (by date, else by when they were last reported) */
  events: GraphNode[];
}

/** What a timeline entry is about. */
export type TimelineKind = "meeting" | "agreement" | "membership" | "position" | "event";

/** One dated fact about an entity: a meeting, an agreement, a membership, a position or an event it took part in. */
export interface TimelineEntry {
  kind: TimelineKind;
  /** YYYY, YYYY-MM or YYYY-MM-DD; undefined when nothing dates it */
  date?: string;
  /** where the date comes from: the relationship itself, its event, or the earliest document reporting it */
  dateSource?: "stated" | "event" | "reported";
  edge: GraphEdge;
  other: GraphNode;
  direction: "out" | "in";
  /** the meeting's Event node, for one meeting of a MET_WITH edge */
  event?: GraphNode;
}

/** An entity's timeline: its entries oldest first, undated ones last. */
export interface EntityTimeline {
  node: GraphNode;
  entries: TimelineEntry[];
}

/** What the side panels may ask the page to do. */
import type { NodeLookup } from "./evidence-panel.js";
import type { GraphEdge, GraphNode } from "./types.js";

/** The page's actions, as the panels see them. */
export interface PanelContext {
  /** opens an entity's neighbourhood */
  open(id: string): void;
  /** shows an edge's evidence */
  evidence(edge: GraphEdge, names: NodeLookup): void;
  /** switches the entity view's panel */
  tab(tab: "card" | "timeline"): void;
  /** starts a path search from this entity */
  connectFrom(node: GraphNode): void;
}

/** Pure: parallel edges between the same two nodes, drawn once with their count. */
import type { GraphEdge } from "./types.js";

/** The edges between one pair of nodes. `source` and `target` are the pair in a fixed order. */
export interface EdgeBundle {
  id: string;
  source: string;
  target: string;
  edges: GraphEdge[];
  /** some edge goes from source to target (an arrow at the target) */
  isForward: boolean;
  /** some edge goes from target to source (an arrow at the source) */
  isBackward: boolean;
  /** every edge is a meeting, which has no direction */
  isSymmetric: boolean;
}

/** Groups edges by their unordered pair of ends, in first-seen order. */
export function bundleEdges(edges: readonly GraphEdge[]): EdgeBundle[] {
  const bundles = new Map<string, EdgeBundle>();
  for (const edge of edges) {
    const [a, b] = edge.from <= edge.to ? [edge.from, edge.to] : [edge.to, edge.from];
    const id = `pair:${JSON.stringify([a, b])}`;
    const bundle = bundles.get(id) ?? {
      id,
      source: a,
      target: b,
      edges: [],
      isForward: false,
      isBackward: false,
      isSymmetric: true,
    };
    bundle.edges.push(edge);
    bundles.set(id, bundle);
  }
  for (const bundle of bundles.values()) {
    const directed = bundle.edges.filter((e) => e.type !== "MET_WITH");
    bundle.isSymmetric = directed.length === 0;
    bundle.isForward = directed.some((e) => e.from === bundle.source);
    bundle.isBackward = directed.some((e) => e.from === bundle.target);
  }
  return [...bundles.values()];
}

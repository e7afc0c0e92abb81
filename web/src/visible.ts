/** Pure: what of a loaded subgraph is drawn under the entity-type, relationship-type and date filters. */
import { edgeSpan, filterRange, nodeSpan, overlaps } from "./time-filter.js";
import type { GraphEdge, GraphNode, NodeLabel, RelType, Subgraph } from "./types.js";

/** The filters of the graph view. */
export interface ViewFilters {
  hide: readonly NodeLabel[];
  rels: readonly RelType[];
  since?: string | undefined;
  until?: string | undefined;
  /** keep undated relationships while a date range is set */
  undated: boolean;
}

/**
 * The nodes and edges to draw. Focus entities are always drawn. Hidden labels and events or documents outside the
 * date range are left out, then every edge whose end is left out, whose type is not followed or whose date is outside
 * the range (or undated, when undated ones are not kept); an edge to an event or a document takes its date. With a date range, entities left without an edge go too:
 * "who met whom in 2019" shows only those who did.
 */
export function visibleSubgraph(graph: Subgraph, filters: ViewFilters, focusIds: readonly string[]): Subgraph {
  const range = filterRange(filters.since, filters.until);
  const isFocus = (n: GraphNode) => focusIds.includes(n.id);
  const nodeShown = (n: GraphNode) => {
    if (isFocus(n)) return true;
    if (filters.hide.includes(n.label)) return false;
    const span = range ? nodeSpan(n) : undefined;
    return !range || !span || overlaps(span, range);
  };
  const nodes = graph.nodes.filter(nodeShown);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  // an edge to an event or a document without a date of its own is dated by that event or document
  const spanOf = (e: GraphEdge) => {
    const [a, b] = [byId.get(e.from), byId.get(e.to)];
    return edgeSpan(e) ?? (b && nodeSpan(b)) ?? (a && nodeSpan(a));
  };
  const edgeShown = (e: GraphEdge) => {
    if (!byId.has(e.from) || !byId.has(e.to) || !filters.rels.includes(e.type)) return false;
    if (!range) return true;
    const span = spanOf(e);
    return span ? overlaps(span, range) : filters.undated;
  };
  const edges = graph.edges.filter(edgeShown);
  if (!range) return { nodes, edges };
  const linked = new Set(edges.flatMap((e) => [e.from, e.to]));
  return { nodes: nodes.filter((n) => isFocus(n) || linked.has(n.id)), edges };
}

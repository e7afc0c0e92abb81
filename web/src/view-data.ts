/** Loads the data of a view from the API, once per distinct question (filters that only hide things reuse it). */
import { fetchConnections, fetchNeighbourhood, fetchNode } from "./api-client.js";
import type { GraphNode, GraphPath, Subgraph } from "./types.js";
import type { ViewState } from "./url-state.js";

/** The data behind an entity or path view. */
export interface ViewData {
  key: string;
  graph: Subgraph;
  focusIds: string[];
  title: string;
  /** the paths of a path view, shortest first */
  paths?: GraphPath[];
  from?: GraphNode;
  to?: GraphNode;
}

/** The question a view asks the API: views with the same key share their data. */
export function viewKey(state: ViewState): string {
  const rels = [...state.rels].sort().join(",");
  if (state.view === "entity") return JSON.stringify(["entity", state.entity, state.depth, rels]);
  if (state.view === "path") return JSON.stringify(["path", state.from, state.to, state.hops, rels]);
  return "overview";
}

function merge(paths: GraphPath[]): Subgraph {
  const nodes = new Map(paths.flatMap((p) => p.nodes.map((n) => [n.id, n] as const)));
  const edges = new Map(paths.flatMap((p) => p.edges.map((e) => [e.key, e] as const)));
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** Loads an entity's neighbourhood or the paths between two entities. */
export async function loadViewData(state: ViewState): Promise<ViewData | undefined> {
  const key = viewKey(state);
  if (state.view === "entity" && state.entity) {
    const graph = await fetchNeighbourhood(state.entity, state.depth, state.rels);
    const centre = graph.nodes[0];
    const id = centre?.id ?? state.entity;
    return { key, graph, focusIds: [id], title: `Neighbourhood of ${centre?.name ?? id} (depth ${state.depth})` };
  }
  if (state.view === "path" && state.from && state.to) {
    const paths = await fetchConnections(state.from, state.to, state.hops, state.rels);
    const first = paths[0];
    const from = first?.nodes[0] ?? (await fetchNode(state.from));
    const to = first?.nodes[first.nodes.length - 1] ?? (await fetchNode(state.to));
    const n = paths.length;
    const title =
      n === 0
        ? `No connection between ${from.name} and ${to.name} within ${state.hops} hops`
        : `${n} connection${n === 1 ? "" : "s"} between ${from.name} and ${to.name}`;
    const graph = n === 0 ? { nodes: [from, to], edges: [] } : merge(paths);
    return { key, graph, focusIds: [from.id, to.id], title, paths, from, to };
  }
  return undefined;
}

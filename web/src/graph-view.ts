/** The drawing (Cytoscape.js, loaded from /vendor): parallel edges bundled, arrows in the real direction, layouts. */
import type { Core, ElementDefinition, LayoutOptions } from "cytoscape";
import { bundleEdges, type EdgeBundle } from "./bundle-edges.js";
import { edgeVerb, edgeWhen } from "./edge-words.js";
import { REL_COLOR, graphStyle } from "./graph-style.js";
import type { GraphNode, Subgraph } from "./types.js";

declare global {
  interface Window {
    cytoscape?: (options: object) => Core;
  }
}

/** Edge captions show only on selection above this many edges: many captions overlap. */
const QUIET_EDGE_LABELS_ABOVE = 14;

/** What the drawing tells the page. */
export interface GraphEvents {
  onNode(id: string): void;
  onNodeOpen(id: string): void;
  onBundle(bundle: EdgeBundle): void;
}

/** How to draw one view. */
export interface DrawOptions {
  focusIds: readonly string[];
  /** keys of the edges of the best path, drawn thicker */
  pathKeys?: ReadonlySet<string>;
  layout: "rings" | "path";
}

/** Creates the drawing in a container, or returns undefined when Cytoscape did not load. */
export function createGraph(container: HTMLElement, events: GraphEvents): Core | undefined {
  if (typeof window.cytoscape !== "function") return undefined;
  const cy = window.cytoscape({
    container,
    wheelSensitivity: 0.3,
    minZoom: 0.2,
    maxZoom: 3,
    style: graphStyle(),
  });
  cy.on("tap", "node", (ev) => events.onNode(ev.target.id()));
  cy.on("dbltap", "node", (ev) => events.onNodeOpen(ev.target.id()));
  cy.on("tap", "edge", (ev) => events.onBundle(ev.target.data("bundle") as EdgeBundle));
  return cy;
}

function nodeElement(node: GraphNode, isFocus: boolean): ElementDefinition {
  return {
    group: "nodes",
    data: { id: node.id, caption: node.name, name: node.name, label: node.label, node },
    classes: isFocus ? "focus" : "",
  };
}

/** One drawn edge per bundle: a single relationship reads in its stored direction, several show their count. */
function bundleElement(bundle: EdgeBundle, pathKeys: ReadonlySet<string>): ElementDefinition {
  const only = bundle.edges.length === 1 ? bundle.edges[0] : undefined;
  const types = new Set(bundle.edges.map((e) => e.type));
  const classes = [
    only ? (only.type === "MET_WITH" ? "" : "forward") : "bundle",
    !only && !bundle.isSymmetric && bundle.isForward ? "forward" : "",
    !only && !bundle.isSymmetric && bundle.isBackward ? "backward" : "",
    bundle.edges.some((e) => pathKeys.has(e.key)) ? "path" : "",
  ];
  const when = only ? edgeWhen(only) : "";
  return {
    group: "edges",
    data: {
      id: bundle.id,
      source: only ? only.from : bundle.source,
      target: only ? only.to : bundle.target,
      type: types.size === 1 ? [...types][0] : "MIXED",
      color: REL_COLOR[types.size === 1 ? ([...types][0] ?? "MIXED") : "MIXED"],
      caption: only ? `${edgeVerb(only)}${when ? ` (${when})` : ""}` : `${bundle.edges.length} links`,
      count: bundle.edges.length,
      confidence: Math.max(...bundle.edges.map((e) => e.confidence)),
      bundle,
    },
    classes: classes.filter(Boolean).join(" "),
  };
}

function layoutOptions(cy: Core, options: DrawOptions): LayoutOptions {
  const base = { animate: false, padding: 30, nodeDimensionsIncludeLabels: true };
  const roots = cy.nodes().filter((n) => options.focusIds.includes(n.id()));
  if (options.layout === "path") {
    return { ...base, name: "breadthfirst", directed: false, roots, spacingFactor: 1.6 } as LayoutOptions;
  }
  const hops = new Map<string, number>();
  if (roots.length > 0) {
    cy.elements().bfs({
      roots: roots.first(),
      directed: false,
      visit: (v, _e, _u, _i, depth) => void hops.set(v.id(), depth),
    });
  }
  return {
    ...base,
    name: "concentric",
    concentric: (node: { id(): string }) => 10 - (hops.get(node.id()) ?? 9),
    levelWidth: () => 1,
    minNodeSpacing: 45,
    avoidOverlap: true,
    startAngle: (3 / 2) * Math.PI,
  } as LayoutOptions;
}

/** Replaces what is drawn, then lays it out and fits it to the canvas. */
export function drawGraph(cy: Core, graph: Subgraph, options: DrawOptions): EdgeBundle[] {
  const bundles = bundleEdges(graph.edges);
  const pathKeys = options.pathKeys ?? new Set<string>();
  cy.elements().remove();
  cy.add(graph.nodes.map((n) => nodeElement(n, options.focusIds.includes(n.id))));
  cy.add(bundles.map((b) => bundleElement(b, pathKeys)));
  if (cy.edges().length > QUIET_EDGE_LABELS_ABOVE) cy.edges().not(".bundle").addClass("quiet");
  cy.layout(layoutOptions(cy, options)).run();
  cy.fit(undefined, 40);
  // a short path fitted to the whole canvas would be drawn huge; keep captions at a readable size
  if (cy.zoom() > 1.25) {
    cy.zoom(1.25);
    cy.center();
  }
  return bundles;
}

/** Selects one node or one bundle in the drawing. */
export function selectInGraph(cy: Core, id: string): void {
  cy.elements().unselect();
  cy.getElementById(id).select();
}

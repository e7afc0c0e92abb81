/** Exports what is drawn: PNG and SVG of the drawing, JSON and GraphML of the nodes and edges in view. */
import type { Core } from "cytoscape";
import type { EdgeBundle } from "./bundle-edges.js";
import { toViewExport, toViewGraphML, type ViewExport } from "./export-data.js";
import { sceneToSvg, trimEdge, type Scene } from "./export-svg.js";
import { LABEL_STYLE } from "./graph-style.js";
import type { GraphNode, Subgraph } from "./types.js";

/** The export formats, as the buttons name them. */
export const EXPORT_FORMATS = ["png", "svg", "json", "graphml"] as const;
/** An export format. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The nodes and edges drawn now (a bundle stands for all its edges). */
export function subgraphInView(cy: Core): Subgraph {
  return {
    nodes: cy.nodes().map((n) => n.data("node") as GraphNode),
    edges: cy
      .edges()
      .map((e) => (e.data("bundle") as EdgeBundle).edges)
      .flat(),
  };
}

/** The drawing as a scene in model coordinates, for the SVG export. */
export function sceneOf(cy: Core): Scene {
  const sizes = new Map(cy.nodes().map((n) => [n.id(), n.width()] as const));
  return {
    nodes: cy.nodes().map((n) => {
      const node = n.data("node") as GraphNode;
      return {
        ...n.position(),
        size: n.width(),
        shape: LABEL_STYLE[node.label].shape,
        color: LABEL_STYLE[node.label].color,
        caption: node.name,
        isFocus: n.hasClass("focus"),
      };
    }),
    edges: cy.edges().map((e) => {
      const s = e.source().position();
      const t = e.target().position();
      const edge = {
        x1: s.x,
        y1: s.y,
        x2: t.x,
        y2: t.y,
        color: String(e.data("color")),
        caption: String(e.data("caption")),
        width: e.hasClass("bundle") ? 4 : 2,
        hasEndArrow: e.hasClass("forward"),
        hasStartArrow: e.hasClass("backward"),
        isDashed: e.data("type") === "HOLDS_POSITION",
      };
      return trimEdge(edge, (sizes.get(e.source().id()) ?? 30) / 2, (sizes.get(e.target().id()) ?? 30) / 2);
    }),
  };
}

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Downloads the view in one format; `name` is the file name without extension. */
export async function exportView(
  cy: Core,
  format: ExportFormat,
  name: string,
  title: string,
  scope: ViewExport["scope"],
): Promise<void> {
  switch (format) {
    case "png":
      return download(`${name}.png`, await cy.png({ output: "blob-promise", full: true, bg: "#ffffff", scale: 2 }));
    case "svg":
      return download(`${name}.svg`, new Blob([sceneToSvg(sceneOf(cy), title)], { type: "image/svg+xml" }));
    case "json": {
      const text = `${JSON.stringify(toViewExport(subgraphInView(cy), scope, new Date()), null, 2)}\n`;
      return download(`${name}.json`, new Blob([text], { type: "application/json" }));
    }
    case "graphml": {
      const xml = toViewGraphML(toViewExport(subgraphInView(cy), scope, new Date()));
      return download(`${name}.graphml`, new Blob([xml], { type: "application/xml" }));
    }
    default:
      throw new Error(`Unknown export format ${String(format satisfies never)}`);
  }
}

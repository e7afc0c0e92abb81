/** How the drawing looks: shape and colour by label (the legend and the SVG export use the same), edge styles. */
import type { Css, StylesheetJson } from "cytoscape";
import type { NodeLabel } from "./types.js";

/** Shape and colour of each label. */
export const LABEL_STYLE: Record<NodeLabel, { shape: Css.NodeShape; color: string }> = {
  Person: { shape: "ellipse", color: "#4e79a7" },
  Union: { shape: "round-rectangle", color: "#c9302c" },
  Confederation: { shape: "hexagon", color: "#8f5b87" },
  Organization: { shape: "rectangle", color: "#b35900" },
  Country: { shape: "diamond", color: "#3b7d32" },
  Event: { shape: "star", color: "#b8961a" },
  Document: { shape: "tag", color: "#7a7a7a" },
};

/** Colour of each relationship type's line. */
export const REL_COLOR: Record<string, string> = {
  MET_WITH: "#1f6feb",
  MEMBER_OF: "#c9302c",
  HOLDS_POSITION: "#555555",
  SIGNED: "#8f5b87",
  PARTICIPATED_IN: "#b8961a",
  LOCATED_IN: "#3b7d32",
  MENTIONED_IN: "#999999",
  MIXED: "#444444",
};

/** The Cytoscape stylesheet. */
export function graphStyle(): StylesheetJson {
  return [
    {
      selector: "node",
      style: {
        label: "data(caption)",
        "font-size": 13,
        "text-valign": "bottom",
        "text-margin-y": 4,
        "text-wrap": "wrap",
        "text-max-width": "140px",
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.8,
        "text-background-padding": "1px",
        width: 30,
        height: 30,
        "border-width": 1,
        "border-color": "#333",
        color: "#111",
      },
    },
    ...Object.entries(LABEL_STYLE).map(([label, s]) => ({
      selector: `node[label = "${label}"]`,
      style: { shape: s.shape, "background-color": s.color },
    })),
    {
      selector: "node.focus",
      style: { width: 42, height: 42, "border-width": 3, "border-color": "#111", "font-weight": "bold" },
    },
    { selector: "node:selected", style: { "overlay-color": "#1f6feb", "overlay-opacity": 0.25, "overlay-padding": 6 } },
    {
      selector: "edge",
      style: {
        label: "data(caption)",
        "font-size": 10,
        color: "#222",
        "text-rotation": "autorotate",
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.85,
        "text-background-padding": "1px",
        width: "mapData(confidence, 0, 1, 1, 4)",
        "line-color": "data(color)",
        "target-arrow-color": "data(color)",
        "source-arrow-color": "data(color)",
        "target-arrow-shape": "none",
        "source-arrow-shape": "none",
        "curve-style": "bezier",
      },
    },
    { selector: "edge.forward", style: { "target-arrow-shape": "triangle" } },
    { selector: "edge.backward", style: { "source-arrow-shape": "triangle" } },
    { selector: "edge.bundle", style: { "line-style": "solid", width: 4, "font-weight": "bold" } },
    { selector: 'edge[type = "HOLDS_POSITION"]', style: { "line-style": "dashed" } },
    { selector: "edge.quiet", style: { label: "" } },
    { selector: "edge.quiet:selected, edge.bundle", style: { label: "data(caption)" } },
    { selector: "edge.path", style: { width: 5 } },
    { selector: "edge:selected", style: { "line-color": "#0b3d91", "target-arrow-color": "#0b3d91", width: 6 } },
  ];
}

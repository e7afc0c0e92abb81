/**
 * Pure: the nodes and edges in view as JSON (the `labour-graph-export` format of `labour-graph export`, which
 * `labour-graph load` reads) and as GraphML (Gephi, yEd), evidence and sources kept.
 */
import type { GraphEdge, GraphNode, Subgraph } from "./types.js";

type Value = string | number | boolean | string[] | number[];

/** A node of the JSON export. */
export interface ExportNode {
  id: string;
  labels: string[];
  properties: Record<string, Value>;
}

/** A relationship of the JSON export. */
export interface ExportRelationship {
  type: string;
  key: string;
  from: string;
  to: string;
  properties: Record<string, Value>;
}

/** The JSON export of a view. */
export interface ViewExport {
  format: "labour-graph-export";
  version: 1;
  exportedAt: string;
  scope: { around?: string; depth?: number };
  nodes: ExportNode[];
  relationships: ExportRelationship[];
}

// a stored value the export format accepts: text, a number, a boolean, or a list of texts or of numbers
function storable(value: unknown): Value | undefined {
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === "number")) return value as number[];
    return value.map((v) => (typeof v === "string" ? v : JSON.stringify(v)));
  }
  return undefined;
}

function properties(entries: [string, unknown][]): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const [k, v] of entries) {
    const value = storable(v);
    if (value !== undefined) out[k] = value;
  }
  return out;
}

function exportNode(node: GraphNode): ExportNode {
  const nameKey = node.label === "Document" ? "title" : "name";
  return {
    id: node.id,
    labels: node.labels.length > 0 ? node.labels : [node.label],
    properties: properties([
      ["id", node.id],
      [nameKey, node.name],
      ...(node.aliases.length > 0 ? ([["aliases", node.aliases]] as [string, unknown][]) : []),
      ...Object.entries(node.properties ?? {}),
    ]),
  };
}

function exportEdge(edge: GraphEdge): ExportRelationship {
  return {
    type: edge.type,
    key: edge.key,
    from: edge.from,
    to: edge.to,
    properties: properties([
      ["key", edge.key],
      ...Object.entries(edge.properties ?? {}),
      ["confidence", edge.confidence],
      ["evidence", edge.evidence.map((e) => e.sentence)],
      ["evidenceDocs", edge.evidence.map((e) => e.document.id)],
    ]),
  };
}

/** The view as the JSON export format. */
export function toViewExport(graph: Subgraph, scope: ViewExport["scope"], now: Date): ViewExport {
  return {
    format: "labour-graph-export",
    version: 1,
    exportedAt: now.toISOString(),
    scope,
    nodes: graph.nodes.map(exportNode),
    relationships: graph.edges.map(exportEdge),
  };
}

/** Escapes text for XML content and attributes, dropping the characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;")
  );
}

const cell = (value: Value) => (Array.isArray(value) ? JSON.stringify(value) : String(value));

/** The view as GraphML: one string-typed key per property, lists as JSON text, `label` as the caption. */
export function toViewGraphML(view: ViewExport): string {
  const nodeKeys = [...new Set(["label", "nodeLabel", ...view.nodes.flatMap((n) => Object.keys(n.properties))])];
  const edgeKeys = [...new Set(["label", "relType", ...view.relationships.flatMap((r) => Object.keys(r.properties))])];
  const key = (scope: "node" | "edge", names: string[]) =>
    names.map(
      (name, i) => `  <key id="${scope[0]}${i}" for="${scope}" attr.name="${escapeXml(name)}" attr.type="string"/>`,
    );
  const data = (scope: "node" | "edge", names: string[], values: Record<string, Value>) =>
    names
      .map((name, i) =>
        values[name] === undefined ? "" : `<data key="${scope[0]}${i}">${escapeXml(cell(values[name]))}</data>`,
      )
      .join("");
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<graphml xmlns="http://graphml.graphdrawing.org/xmlns">`,
    ...key("node", nodeKeys),
    ...key("edge", edgeKeys),
    `  <graph id="labour-graph-view" edgedefault="directed">`,
    ...view.nodes.map((n) => {
      const caption = n.properties.name ?? n.properties.title ?? n.id;
      const values = { label: caption, nodeLabel: n.labels[0] ?? "", ...n.properties };
      return `    <node id="${escapeXml(n.id)}">${data("node", nodeKeys, values)}</node>`;
    }),
    ...view.relationships.map((r, i) => {
      const values = { label: r.type, relType: r.type, ...r.properties };
      return `    <edge id="e${i}" source="${escapeXml(r.from)}" target="${escapeXml(r.to)}">${data("edge", edgeKeys, values)}</edge>`;
    }),
    `  </graph>`,
    `</graphml>`,
    "",
  ].join("\n");
}

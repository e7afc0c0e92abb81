/**
 * Exports: the whole graph or a neighbourhood, read as stored (labels, every property, evidence and sources) and
 * written as GraphML (Gephi, yEd), CSV (nodes.csv + edges.csv) or JSON (which `load` re-imports).
 */
import type { Driver } from "neo4j-driver";
import { z } from "zod";
import { DatabaseError, InputError } from "../domain/errors.js";
import {
  CONNECTION_REL_TYPES,
  ENTITY_TYPES,
  NODE_LABELS,
  REL_TYPES,
  propertyValueSchema,
  type NodeLabel,
} from "../domain/model.js";
import { mapDriverError } from "./errors.js";

/** The export formats. */
export const EXPORT_FORMATS = ["graphml", "json", "csv"] as const;

/** Identifies the JSON export format and its version. */
export const EXPORT_FORMAT_NAME = "labour-graph-export";

const exportNodeSchema = z.object({
  id: z.string().min(1),
  labels: z.array(z.enum(NODE_LABELS)).min(1),
  properties: z.record(z.string(), propertyValueSchema),
  /** properties stored as Neo4j integers (JSON numbers cannot tell 2 from 2.0) */
  integerProperties: z.array(z.string()).optional(),
});

const exportRelationshipSchema = z.object({
  type: z.enum(REL_TYPES),
  key: z.string().min(1).optional(),
  from: z.string().min(1),
  to: z.string().min(1),
  properties: z.record(z.string(), propertyValueSchema),
  integerProperties: z.array(z.string()).optional(),
});

/** The JSON export: every node and relationship as stored. */
export const graphExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT_NAME),
  version: z.literal(1),
  exportedAt: z.string().optional(),
  scope: z.object({ around: z.string().optional(), depth: z.number().int().optional() }).default({}),
  nodes: z.array(exportNodeSchema),
  relationships: z.array(exportRelationshipSchema),
});
/** An exported graph. */
export type GraphExport = z.infer<typeof graphExportSchema>;
/** An exported node. */
export type ExportNode = z.infer<typeof exportNodeSchema>;
/** An exported relationship. */
export type ExportRelationship = z.infer<typeof exportRelationshipSchema>;

/** What to export: everything, or the entities within `depth` connection hops of one entity id. */
export interface ExportScope {
  database: string;
  aroundId?: string;
  depth?: number;
  timeoutMs?: number;
}

const INTEGER_KEYS = /* Cypher */ `[k IN keys(x) WHERE valueType(x[k]) STARTS WITH 'INTEGER' OR valueType(x[k]) STARTS WITH 'LIST<INTEGER'] AS ints`;

const NODES_QUERY = /* Cypher */ `
MATCH (x) WHERE any(l IN labels(x) WHERE l IN $labels) AND ($ids IS NULL OR x.id IN $ids)
RETURN labels(x) AS labels, properties(x) AS props, ${INTEGER_KEYS}
ORDER BY x.id`;

const RELS_QUERY = /* Cypher */ `
MATCH (a)-[x]->(b)
WHERE type(x) IN $types AND any(l IN labels(a) WHERE l IN $labels) AND any(l IN labels(b) WHERE l IN $labels)
  AND ($ids IS NULL OR (a.id IN $ids AND b.id IN $ids))
RETURN type(x) AS type, a.id AS from, b.id AS to, properties(x) AS props, ${INTEGER_KEYS}
ORDER BY type, x.key, from, to`;

// APOC's subgraphNodes takes the depth and the relationship filter as parameters (Cypher's *1..N cannot).
const NEIGHBOURHOOD_QUERY = /* Cypher */ `
MATCH (s) WHERE s.id = $id AND any(l IN labels(s) WHERE l IN $entityLabels)
CALL apoc.path.subgraphNodes(s, {maxLevel: $depth, relationshipFilter: $filter}) YIELD node
WITH collect(DISTINCT node.id) AS ids
OPTIONAL MATCH (a)-[r]->(b) WHERE a.id IN ids AND b.id IN ids AND type(r) IN $connectionTypes
WITH ids, collect(r.sources) AS sourceLists
RETURN ids, reduce(acc = [], s IN sourceLists | acc + coalesce(s, [])) AS documentIds`;

/** Node labels in model order (most specific first), ignoring labels that are not ours. */
export function orderLabels(labels: readonly string[]): NodeLabel[] {
  return NODE_LABELS.filter((l) => labels.includes(l));
}

/** Reads the graph (or a neighbourhood) as stored, for an export. */
export async function readGraphExport(driver: Driver, scope: ExportScope): Promise<GraphExport> {
  const session = driver.session({ database: scope.database, defaultAccessMode: "READ" });
  const txConfig = scope.timeoutMs ? { timeout: scope.timeoutMs } : {};
  try {
    return await session.executeRead(async (tx) => {
      let ids: string[] | null = null;
      if (scope.aroundId !== undefined) {
        const depth = scope.depth ?? 1;
        const hood = await tx.run(NEIGHBOURHOOD_QUERY, {
          id: scope.aroundId,
          entityLabels: [...ENTITY_TYPES],
          depth,
          filter: CONNECTION_REL_TYPES.join("|"),
          connectionTypes: [...CONNECTION_REL_TYPES],
        });
        const row = hood.records[0];
        if (row === undefined)
          throw new InputError(`No entity has the id "${scope.aroundId}".`, { input: scope.aroundId });
        ids = [...new Set([...(row.get("ids") as string[]), ...(row.get("documentIds") as string[])])];
      }
      const params = { labels: [...NODE_LABELS], types: [...REL_TYPES], ids };
      const nodes = (await tx.run(NODES_QUERY, params)).records.map((r): ExportNode => {
        const props = r.get("props") as Record<string, unknown>;
        const ints = r.get("ints") as string[];
        return {
          id: String(props.id),
          labels: orderLabels(r.get("labels") as string[]),
          properties: props as ExportNode["properties"],
          ...(ints.length > 0 ? { integerProperties: ints } : {}),
        };
      });
      const relationships = (await tx.run(RELS_QUERY, params)).records.map((r): ExportRelationship => {
        const props = r.get("props") as Record<string, unknown>;
        const ints = r.get("ints") as string[];
        return {
          type: r.get("type") as ExportRelationship["type"],
          ...(typeof props.key === "string" ? { key: props.key } : {}),
          from: String(r.get("from")),
          to: String(r.get("to")),
          properties: props as ExportRelationship["properties"],
          ...(ints.length > 0 ? { integerProperties: ints } : {}),
        };
      });
      return {
        format: EXPORT_FORMAT_NAME,
        version: 1 as const,
        exportedAt: new Date().toISOString(),
        scope: scope.aroundId === undefined ? {} : { around: scope.aroundId, depth: scope.depth ?? 1 },
        nodes,
        relationships,
      };
    }, txConfig);
  } catch (error) {
    if (error instanceof InputError) throw error;
    if (
      /apoc/i.test(String((error as Error).message)) &&
      /Unknown procedure|no procedure/i.test(String((error as Error).message))
    ) {
      throw new DatabaseError("Exporting a neighbourhood needs the APOC plugin, which this database does not have.", {
        suggestion:
          "Use the managed database (`labour-graph db start`, which installs APOC) or export the whole graph without --around.",
        cause: error,
      });
    }
    throw mapDriverError(error, `database "${scope.database}"`);
  } finally {
    await session.close();
  }
}

/** The JSON export text (pretty-printed, stable order). */
export function toJsonExport(graph: GraphExport): string {
  return `${JSON.stringify(graph, null, 2)}\n`;
}

// ---------------------------------------------------------------- tabular views shared by GraphML and CSV

/** A stored value as one cell: lists become JSON strings. */
function cellValue(value: unknown): string | number | boolean {
  if (Array.isArray(value)) return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") return value;
  return value === null || value === undefined ? "" : JSON.stringify(value);
}

type AttrType = "string" | "long" | "double" | "boolean";

/** The GraphML type of an attribute: the narrowest type that holds every value seen. */
function attrTypeOf(values: unknown[], isInteger: boolean[]): AttrType {
  const present = values.map((v, i) => [v, isInteger[i]] as const).filter(([v]) => v !== undefined && v !== null);
  if (present.length === 0) return "string";
  if (present.every(([v]) => typeof v === "boolean")) return "boolean";
  if (present.every(([v]) => typeof v === "number"))
    return present.every(([v, int]) => int && Number.isInteger(v)) ? "long" : "double";
  return "string";
}

interface Column {
  name: string;
  type: AttrType;
}

/** Property columns of a set of records (sorted by name), with their types. */
function columnsOf(
  items: { properties: Record<string, unknown>; integerProperties?: string[] }[],
  skip: Set<string>,
): Column[] {
  const names = [...new Set(items.flatMap((i) => Object.keys(i.properties)))].filter((n) => !skip.has(n)).sort();
  return names.map((name) => ({
    name,
    type: attrTypeOf(
      items.map((i) => i.properties[name]),
      items.map((i) => i.integerProperties?.includes(name) ?? false),
    ),
  }));
}

// Columns we add in front of the stored properties: captions for Gephi (`label`), the labels and the type.
const NODE_FIXED = ["label", "nodeLabel", "nodeLabels"] as const;
const EDGE_FIXED = ["label", "relType", "key"] as const;

function nodeFixed(node: ExportNode): Record<(typeof NODE_FIXED)[number], string> {
  const name = node.properties.name ?? node.properties.title ?? node.id;
  return { label: String(name), nodeLabel: node.labels[0] ?? "", nodeLabels: node.labels.join(";") };
}

function edgeFixed(rel: ExportRelationship): Record<(typeof EDGE_FIXED)[number], string> {
  return { label: rel.type, relType: rel.type, key: rel.key ?? "" };
}

// ---------------------------------------------------------------- GraphML

// XML 1.0 forbids most control characters even when escaped.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(XML_INVALID, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** GraphML with one `<key>` per attribute (typed), lists as JSON strings; opens in Gephi and yEd. */
export function toGraphML(graph: GraphExport): string {
  const nodeCols = columnsOf(graph.nodes, new Set(["id"]));
  const edgeCols = columnsOf(graph.relationships, new Set(["key"]));
  const lines: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">`,
  ];
  const nodeKey = new Map<string, string>();
  const edgeKey = new Map<string, string>();
  const declare = (target: "node" | "edge", map: Map<string, string>, name: string, type: AttrType) => {
    const id = `${target === "node" ? "n" : "e"}${map.size}`;
    map.set(name, id);
    lines.push(`  <key id="${id}" for="${target}" attr.name="${escapeXml(name)}" attr.type="${type}"/>`);
  };
  for (const name of NODE_FIXED) declare("node", nodeKey, name, "string");
  for (const col of nodeCols) if (!nodeKey.has(col.name)) declare("node", nodeKey, col.name, col.type);
  for (const name of EDGE_FIXED) declare("edge", edgeKey, name, "string");
  for (const col of edgeCols) if (!edgeKey.has(col.name)) declare("edge", edgeKey, col.name, col.type);

  const data = (map: Map<string, string>, name: string, value: unknown) => {
    if (value === undefined || value === null || value === "") return "";
    return `<data key="${map.get(name)}">${escapeXml(String(cellValue(value)))}</data>`;
  };
  lines.push(`  <graph id="labour-graph" edgedefault="directed">`);
  for (const node of graph.nodes) {
    const fixed = nodeFixed(node);
    const cells = [
      ...NODE_FIXED.map((n) => data(nodeKey, n, fixed[n])),
      ...nodeCols
        .filter((c) => !NODE_FIXED.includes(c.name as never))
        .map((c) => data(nodeKey, c.name, node.properties[c.name])),
    ].join("");
    lines.push(`    <node id="${escapeXml(node.id)}">${cells}</node>`);
  }
  graph.relationships.forEach((rel, i) => {
    const fixed = edgeFixed(rel);
    const cells = [
      ...EDGE_FIXED.map((n) => data(edgeKey, n, fixed[n])),
      ...edgeCols
        .filter((c) => !EDGE_FIXED.includes(c.name as never))
        .map((c) => data(edgeKey, c.name, rel.properties[c.name])),
    ].join("");
    lines.push(`    <edge id="e${i}" source="${escapeXml(rel.from)}" target="${escapeXml(rel.to)}">${cells}</edge>`);
  });
  lines.push(`  </graph>`, `</graphml>`, "");
  return lines.join("\n");
}

// ---------------------------------------------------------------- CSV

/** One RFC 4180 field: quoted when it holds a comma, a quote or a line break; quotes doubled. */
export function csvField(value: unknown): string {
  const text = String(cellValue(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvTable(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/** nodes.csv and edges.csv (RFC 4180, CRLF): fixed columns first (`id`/`label`, `source`/`target`), then properties. */
export function toCsvExport(graph: GraphExport): { nodes: string; edges: string } {
  const nodeCols = columnsOf(graph.nodes, new Set(["id", ...NODE_FIXED]));
  const edgeCols = columnsOf(graph.relationships, new Set(["key", ...EDGE_FIXED]));
  const nodes = csvTable(
    ["id", ...NODE_FIXED, ...nodeCols.map((c) => c.name)],
    graph.nodes.map((n) => {
      const fixed = nodeFixed(n);
      return [n.id, ...NODE_FIXED.map((f) => fixed[f]), ...nodeCols.map((c) => n.properties[c.name] ?? "")];
    }),
  );
  const edges = csvTable(
    ["source", "target", ...EDGE_FIXED, ...edgeCols.map((c) => c.name)],
    graph.relationships.map((r) => {
      const fixed = edgeFixed(r);
      return [r.from, r.to, ...EDGE_FIXED.map((f) => fixed[f]), ...edgeCols.map((c) => r.properties[c.name] ?? "")];
    }),
  );
  return { nodes, edges };
}

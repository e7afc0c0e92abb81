/** Turns the maps our read Cypher returns into the shared read models (GraphNode, GraphEdge with evidence). */
import { NODE_LABELS, isNodeLabel, isRelType, type NodeLabel } from "../../domain/model.js";
import type { EdgeSupport, EvidenceDocument, GraphEdge, GraphNode, SummaryEdge } from "../../domain/views.js";
import { toPlain } from "../plain.js";
import { RESERVED_EDGE_PROPERTIES } from "../plan-write.js";
import type { ReadTx } from "./query-context.js";

/** Cypher projection of a node `n` into a map our mappers read. */
export const NODE_MAP = (n: string) => /* Cypher */ `${n} {.*, labels: labels(${n})}`;
/** Cypher projection of a relationship `r` into a map our mappers read. */
export const EDGE_MAP = (r: string) =>
  /* Cypher */ `{type: type(${r}), from: startNode(${r}).id, to: endNode(${r}).id, props: properties(${r})}`;

/**
 * Cypher projection of a relationship `r` without its evidence and source lists: what a neighbourhood sends per
 * edge (the sentences are read per edge on demand, see getEdgeEvidence).
 */
export const SUMMARY_EDGE_MAP = (
  r: string,
) => /* Cypher */ `{type: type(${r}), from: startNode(${r}).id, to: endNode(${r}).id,
  evidenceCount: size(coalesce(${r}.evidence, [])),
  props: ${r} {.*, evidence: null, evidenceDocs: null, sources: null, sourceConfidences: null,
                sourceCount: coalesce(${r}.sourceCount, size(coalesce(${r}.sources, [])))}}`;

const NODE_OWN_KEYS = new Set([
  "id",
  "name",
  "aliases",
  "searchText",
  "lookupKeys",
  "nameForms",
  "nameFormDocs",
  "labels",
]);
/** Stored edge properties readers get apart (key, confidence, evidence, support) or not at all (the id lists): the writer's own. */
const EDGE_OWN_KEYS: ReadonlySet<string> = new Set(RESERVED_EDGE_PROPERTIES);

/** The most specific of a node's labels (NODE_LABELS lists Union and Confederation before Organization). */
export function mostSpecificLabel(labels: readonly string[]): NodeLabel | undefined {
  return NODE_LABELS.find((l) => labels.includes(l));
}

/** Maps a NODE_MAP value to a GraphNode. */
export function toGraphNode(value: unknown): GraphNode {
  const map = (toPlain(value) ?? {}) as Record<string, unknown>;
  const labels = (Array.isArray(map.labels) ? map.labels : []).filter(
    (l): l is NodeLabel => typeof l === "string" && isNodeLabel(l),
  );
  const properties = Object.fromEntries(Object.entries(map).filter(([k]) => !NODE_OWN_KEYS.has(k)));
  const id = String(map.id ?? "");
  return {
    id,
    name: typeof map.name === "string" ? map.name : typeof map.title === "string" ? map.title : id,
    label: mostSpecificLabel(labels) ?? "Organization",
    labels,
    aliases: Array.isArray(map.aliases) ? map.aliases.map(String) : [],
    properties,
  };
}

/** An edge before its evidence documents are joined. */
interface RawEdge {
  type: string;
  from: string;
  to: string;
  props: Record<string, unknown>;
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.map((v) => String(v)) : [];
}

/** The document ids an EDGE_MAP value's evidence refers to. */
export function evidenceDocIds(values: readonly unknown[]): string[] {
  const ids = new Set<string>();
  for (const value of values)
    for (const id of asStrings(((value as RawEdge | null)?.props ?? {}).evidenceDocs)) ids.add(id);
  return [...ids];
}

/** Loads the Document nodes with these ids. */
export async function loadDocuments(tx: ReadTx, ids: readonly string[]): Promise<Map<string, EvidenceDocument>> {
  const docs = new Map<string, EvidenceDocument>();
  if (ids.length === 0) return docs;
  const result = await tx.run(
    /* Cypher */ `UNWIND $ids AS docId MATCH (d:Document {id: docId}) RETURN d {.id, .title, .date, .url, .path} AS d`,
    { ids },
  );
  for (const record of result.records) {
    const d = toPlain(record.get("d")) as Record<string, unknown>;
    const doc: EvidenceDocument = { id: String(d.id) };
    for (const key of ["title", "date", "url", "path"] as const) if (typeof d[key] === "string") doc[key] = d[key];
    docs.set(doc.id, doc);
  }
  return docs;
}

/**
 * The support of an edge from its stored properties: `sourceCount` (or, on an edge written before it was kept,
 * the length of `sources`), and the first and last dates of its documents.
 */
export function supportOf(props: Record<string, unknown>): EdgeSupport {
  const count = typeof props.sourceCount === "number" ? props.sourceCount : asStrings(props.sources).length;
  return {
    documents: count,
    ...(typeof props.firstSeen === "string" ? { firstSeen: props.firstSeen } : {}),
    ...(typeof props.lastSeen === "string" ? { lastSeen: props.lastSeen } : {}),
  };
}

/** Maps a SUMMARY_EDGE_MAP value to a SummaryEdge. */
export function toSummaryEdge(value: unknown): SummaryEdge {
  const raw = toPlain(value) as unknown as RawEdge & { evidenceCount?: unknown };
  const props = raw.props ?? {};
  return {
    key: typeof props.key === "string" ? props.key : `${raw.type}|${raw.from}|${raw.to}|`,
    type: isRelType(raw.type) ? raw.type : "MENTIONED_IN",
    from: String(raw.from),
    to: String(raw.to),
    confidence: typeof props.confidence === "number" ? props.confidence : 0,
    properties: Object.fromEntries(Object.entries(props).filter(([k, v]) => !EDGE_OWN_KEYS.has(k) && v !== null)),
    support: supportOf(props),
    evidenceCount: Number(raw.evidenceCount ?? 0),
  };
}

/** Maps an EDGE_MAP value to a GraphEdge, joining each evidence sentence to its document. */
export function toGraphEdge(value: unknown, docs: ReadonlyMap<string, EvidenceDocument>): GraphEdge {
  const raw = toPlain(value) as unknown as RawEdge;
  const props = raw.props ?? {};
  const sentences = asStrings(props.evidence);
  const docIds = asStrings(props.evidenceDocs);
  const type = isRelType(raw.type) ? raw.type : "MENTIONED_IN";
  return {
    key: typeof props.key === "string" ? props.key : `${raw.type}|${raw.from}|${raw.to}|`,
    type,
    from: String(raw.from),
    to: String(raw.to),
    confidence: typeof props.confidence === "number" ? props.confidence : 0,
    properties: Object.fromEntries(Object.entries(props).filter(([k]) => !EDGE_OWN_KEYS.has(k))),
    support: supportOf(props),
    evidence: sentences.map((sentence, i) => {
      const docId = docIds[i] ?? "";
      return { sentence, document: docs.get(docId) ?? { id: docId } };
    }),
  };
}

/** Maps many EDGE_MAP values, loading their documents in one query. */
export async function toGraphEdges(tx: ReadTx, values: readonly unknown[]): Promise<GraphEdge[]> {
  const docs = await loadDocuments(tx, evidenceDocIds(values));
  return values.map((v) => toGraphEdge(v, docs));
}

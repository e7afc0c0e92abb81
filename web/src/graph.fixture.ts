/** Builders of API read models for the explorer's unit tests (not part of the built explorer). */
import type { GraphEdge, GraphNode } from "./types.js";

/** A node named after its id. */
export function fixtureNode(
  id: string,
  label: GraphNode["label"],
  properties: Record<string, unknown> = {},
): GraphNode {
  return { id, name: id, label, labels: [label], aliases: [], properties };
}

/** An edge without evidence, keyed by its type, ends and properties. */
export function fixtureEdge(
  type: GraphEdge["type"],
  from: string,
  to: string,
  properties: Record<string, unknown> = {},
): GraphEdge {
  return {
    key: `${type}|${from}|${to}|${JSON.stringify(properties)}`,
    type,
    from,
    to,
    confidence: 0.9,
    properties,
    evidence: [],
  };
}

/** A neighbourhood as text: the entities by label, then every edge as a line with its first evidence sentence. */
import type { Subgraph } from "../../domain/views.js";
import { edgeArrow, formatEvidence } from "./edge.js";

/** The subgraph around `centreId`, at the given depth. */
export function formatNeighbourhood(subgraph: Subgraph, centreId: string, depth: number): string {
  const byId = new Map(subgraph.nodes.map((n) => [n.id, n]));
  const centre = byId.get(centreId);
  const others = subgraph.nodes.filter((n) => n.id !== centreId);
  const lines = [
    `${centre?.name ?? centreId} (${centre?.label ?? "?"}): ${others.length} entit${others.length === 1 ? "y" : "ies"} within ${depth} hop${depth === 1 ? "" : "s"}, ${subgraph.edges.length} edge${subgraph.edges.length === 1 ? "" : "s"}`,
  ];
  const labels = [...new Set(others.map((n) => n.label))].sort();
  for (const label of labels) {
    lines.push("", `${label}:`);
    for (const n of others.filter((o) => o.label === label).sort((a, b) => a.name.localeCompare(b.name)))
      lines.push(`  - ${n.name}  (${n.id})`);
  }
  if (subgraph.edges.length > 0) lines.push("", "Edges:");
  for (const edge of subgraph.edges) {
    const from = byId.get(edge.from)?.name ?? edge.from;
    const to = byId.get(edge.to)?.name ?? edge.to;
    lines.push(`  ${from} ${edgeArrow(edge, edge.from)} ${to}`);
    const first = edge.evidence[0];
    if (first !== undefined) lines.push(`      ${formatEvidence(first)}`);
  }
  return lines.join("\n");
}

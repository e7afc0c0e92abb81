/**
 * A neighbourhood as text: per relationship type how many edges the centre has and how to page on, the entities by
 * label, then every edge as a line with its number of documents and its first evidence sentence.
 */
import type { EvidenceRef, Neighbourhood } from "../../domain/views.js";
import { edgeArrow, formatEvidence } from "./edge.js";

/** The neighbourhood around `centreId`, at the given depth; `evidence` holds the sentences read for its edges. */
export function formatNeighbourhood(
  neighbourhood: Neighbourhood,
  centreId: string,
  depth: number,
  evidence: ReadonlyMap<string, EvidenceRef[]> = new Map(),
): string {
  const byId = new Map(neighbourhood.nodes.map((n) => [n.id, n]));
  const centre = byId.get(centreId);
  const others = neighbourhood.nodes.filter((n) => n.id !== centreId);
  const edges = neighbourhood.edges;
  const lines = [
    `${centre?.name ?? centreId} (${centre?.label ?? "?"}): ${others.length} entit${others.length === 1 ? "y" : "ies"} within ${depth} hop${depth === 1 ? "" : "s"}, ${edges.length} edge${edges.length === 1 ? "" : "s"}`,
  ];
  for (const page of neighbourhood.pages) {
    const more = page.cursor === undefined ? "" : ` (next page: --after ${page.cursor})`;
    lines.push(`  ${page.type}: ${page.returned} of ${page.total} shown, most documents first${more}`);
  }
  const labels = [...new Set(others.map((n) => n.label))].sort();
  for (const label of labels) {
    lines.push("", `${label}:`);
    for (const n of others.filter((o) => o.label === label).sort((a, b) => a.name.localeCompare(b.name)))
      lines.push(`  - ${n.name}  (${n.id})`);
  }
  if (edges.length > 0) lines.push("", "Edges:");
  for (const edge of edges) {
    const from = byId.get(edge.from)?.name ?? edge.from;
    const to = byId.get(edge.to)?.name ?? edge.to;
    const documents = edge.support.documents;
    lines.push(`  ${from} ${edgeArrow(edge, edge.from)} ${to}  [${documents} document${documents === 1 ? "" : "s"}]`);
    const first = evidence.get(edge.key)?.[0];
    if (first !== undefined) lines.push(`      ${formatEvidence(first)}`);
  }
  return lines.join("\n");
}

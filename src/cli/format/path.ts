/** Paths as readable lines: `A —MET_WITH (2024-06)→ B`, each hop followed by its indented evidence. */
import type { GraphNode, GraphPath } from "../../domain/views.js";
import { edgeArrow, formatEvidence } from "./edge.js";

/** Most evidence sentences printed under one hop. */
const MAX_EVIDENCE_PER_HOP = 3;

/** One path: a header line of names and arrows, then each hop with its evidence. */
export function formatPath(path: GraphPath, index?: number): string[] {
  const lines: string[] = [];
  const first = path.nodes[0];
  if (first === undefined) return lines;
  const chain = [first.name];
  path.edges.forEach((edge, i) => {
    const from = path.nodes[i] ?? first;
    chain.push(`${edgeArrow(edge, from.id)} ${path.nodes[i + 1]?.name ?? "?"}`);
  });
  const hops = path.edges.length;
  lines.push(`${index === undefined ? "" : `${index}. `}${chain.join(" ")}  (${hops} hop${hops === 1 ? "" : "s"})`);
  path.edges.forEach((edge, i) => {
    const from: GraphNode | undefined = path.nodes[i];
    const to: GraphNode | undefined = path.nodes[i + 1];
    lines.push(`   ${from?.name ?? "?"} ${edgeArrow(edge, from?.id ?? "")} ${to?.name ?? "?"}`);
    // a sentence reposted by many documents is printed once, with the number of other documents that have it
    const bySentence = new Map<string, { ev: (typeof edge.evidence)[number]; others: number }>();
    for (const ev of edge.evidence) {
      const seen = bySentence.get(ev.sentence);
      if (seen === undefined) bySentence.set(ev.sentence, { ev, others: 0 });
      else seen.others++;
    }
    for (const { ev, others } of [...bySentence.values()].slice(0, MAX_EVIDENCE_PER_HOP))
      lines.push(
        `      ${formatEvidence(ev)}${others > 0 ? ` (and ${others} more document${others === 1 ? "" : "s"})` : ""}`,
      );
    if (bySentence.size > MAX_EVIDENCE_PER_HOP)
      lines.push(`      (+${bySentence.size - MAX_EVIDENCE_PER_HOP} more sentences)`);
  });
  return lines;
}

/** All paths between two entities, numbered, or a sentence saying there is none. */
export function formatPaths(from: GraphNode, to: GraphNode, paths: GraphPath[], maxHops: number): string {
  if (paths.length === 0) return `No connection between ${from.name} and ${to.name} within ${maxHops} hops.`;
  const lines = [`${paths.length} connection${paths.length === 1 ? "" : "s"} between ${from.name} and ${to.name}:`, ""];
  paths.forEach((p, i) => lines.push(...formatPath(p, i + 1), ""));
  return lines.join("\n").trimEnd();
}

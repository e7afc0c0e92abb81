/** The most connected entities as a ranked list. */
import type { RankedEntity } from "../../domain/views.js";

/** `1. Name (Label)  12 connections`, aligned. */
export function formatRanked(ranked: RankedEntity[], label?: string): string {
  if (ranked.length === 0)
    return label === undefined ? "No entities in the graph yet." : `No ${label} entities in the graph yet.`;
  const width = Math.max(...ranked.map((r) => `${r.node.name} (${r.node.label})`.length));
  return ranked
    .map(
      (r, i) =>
        `${String(i + 1).padStart(3)}. ${`${r.node.name} (${r.node.label})`.padEnd(width)}  ${r.degree} connection${r.degree === 1 ? "" : "s"}`,
    )
    .join("\n");
}

/** How one edge reads in a line of text: its type, the detail that matters for the type, and its evidence. */
import path from "node:path";
import type { RelType } from "../../domain/model.js";
import type { EvidenceRef, GraphEdge } from "../../domain/views.js";

/** Longest evidence sentence printed in full; longer ones are cut with an ellipsis. */
const MAX_SENTENCE = 300;

function str(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== ""
    ? value
    : typeof value === "number"
      ? String(value)
      : undefined;
}

/** The detail shown in brackets after a type: the date of a meeting, the status of a membership, the role of a position. */
export function edgeDetail(edge: Pick<GraphEdge, "type" | "properties">): string | undefined {
  const p = edge.properties;
  const parts: (string | undefined)[] = [];
  const type: RelType = edge.type;
  switch (type) {
    case "MEMBER_OF":
      parts.push(str(p.status), str(p.date));
      break;
    case "HOLDS_POSITION":
      parts.push(str(p.role), str(p.date));
      break;
    case "MET_WITH": {
      // one edge per pair: how many meetings, and when (first – last)
      const count = Number(p.count ?? 1);
      const first = str(p.firstDate) ?? str(p.date);
      const last = str(p.lastDate);
      parts.push(
        count > 1 ? `${count} meetings` : undefined,
        last !== undefined && last !== first ? `${first ?? "?"} – ${last}` : first,
      );
      break;
    }
    case "SIGNED":
    case "PARTICIPATED_IN":
    case "LOCATED_IN":
    case "MENTIONED_IN":
      parts.push(str(p.date));
      break;
    default:
      throw new Error(`unknown relationship type ${String(type satisfies never)}`);
  }
  const text = parts.filter((x): x is string => x !== undefined).join(", ");
  return text === "" ? undefined : text;
}

/**
 * The arrow between two names in walking order: `—TYPE (detail)→` when the edge is stored in that direction or has no
 * direction (MET_WITH), `←TYPE (detail)—` when it is walked against its direction.
 */
export function edgeArrow(edge: Pick<GraphEdge, "type" | "properties" | "from">, walkedFrom: string): string {
  const detail = edgeDetail(edge);
  const label = detail === undefined ? edge.type : `${edge.type} (${detail})`;
  const isForward = edge.type === "MET_WITH" || edge.from === walkedFrom;
  return isForward ? `—${label}→` : `←${label}—`;
}

/** One evidence line: `“sentence” — Document title, date <url>`. */
export function formatEvidence(ev: EvidenceRef): string {
  const sentence =
    ev.sentence.length > MAX_SENTENCE ? `${ev.sentence.slice(0, MAX_SENTENCE - 1).trimEnd()}…` : ev.sentence;
  const doc = ev.document;
  const source = [
    doc.title ??
      (doc.path === undefined ? undefined : path.basename(doc.path)) ??
      (doc.id === "" ? undefined : `document ${doc.id}`),
    doc.date,
  ]
    .filter((x) => x !== undefined)
    .join(", ");
  const url = doc.url ? ` <${doc.url}>` : "";
  return `“${sentence}”${source === "" ? "" : ` — ${source}`}${url}`;
}

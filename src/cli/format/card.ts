/** The entity card as text: who or what it is, then roles, memberships, meetings, agreements, with dates and sources. */
import path from "node:path";
import type { RelType } from "../../domain/model.js";
import type { EntityCard, GraphEdge, GraphNode } from "../../domain/views.js";
import { edgeDetail } from "./edge.js";

type Connection = EntityCard["connections"][number];

/** Section titles by relationship type and direction (out = this entity is the start node). */
const SECTIONS: { type: RelType; direction: Connection["direction"] | "any"; title: string; verb: string }[] = [
  { type: "HOLDS_POSITION", direction: "out", title: "Roles", verb: "" },
  { type: "HOLDS_POSITION", direction: "in", title: "People", verb: "" },
  { type: "MEMBER_OF", direction: "out", title: "Memberships", verb: "member of " },
  { type: "MEMBER_OF", direction: "in", title: "Members", verb: "" },
  { type: "MET_WITH", direction: "any", title: "Meetings", verb: "met " },
  { type: "SIGNED", direction: "out", title: "Agreements", verb: "signed " },
  { type: "SIGNED", direction: "in", title: "Signatories", verb: "" },
  { type: "PARTICIPATED_IN", direction: "out", title: "Events", verb: "took part in " },
  { type: "PARTICIPATED_IN", direction: "in", title: "Participants", verb: "" },
  { type: "LOCATED_IN", direction: "out", title: "Located in", verb: "" },
  { type: "LOCATED_IN", direction: "in", title: "Based here", verb: "" },
];

/** Node properties worth a line on the card (the rest are internal or shown elsewhere). */
const SHOWN_PROPERTIES = [
  "kind",
  "date",
  "dateText",
  "place",
  "title",
  "acronym",
  "country",
  "members",
  "affiliates",
  "countries",
];

/**
 * The edge's date (a pair's meetings: the first and last date), else its event's, else the other end's, else a
 * date as written.
 */
function dateOf(edge: GraphEdge, other: GraphNode, events: ReadonlyMap<string, GraphNode>): string | undefined {
  const { firstDate, lastDate } = edge.properties;
  if (typeof firstDate === "string")
    return typeof lastDate === "string" && lastDate !== firstDate ? `${firstDate} – ${lastDate}` : firstDate;
  const eventIds = edge.properties.events;
  const eventId = Array.isArray(eventIds) ? eventIds[0] : undefined;
  const event = typeof eventId === "string" ? events.get(eventId) : undefined;
  const candidates = [
    edge.properties.date,
    event?.properties.date,
    other.properties.date,
    event?.properties.dateText,
    other.properties.dateText,
  ];
  const d = candidates.find((c) => typeof c === "string" && c !== "");
  return typeof d === "string" ? d : undefined;
}

/** The card as text; documents are numbered and each line cites the numbers of its sources. */
export function formatEntityCard(card: EntityCard): string {
  const { node } = card;
  const events = new Map(card.connections.filter((c) => c.other.label === "Event").map((c) => [c.other.id, c.other]));
  const docNumber = new Map(card.documents.map((d, i) => [d.id, i + 1]));
  const cite = (edge: GraphEdge) => {
    const numbers = [
      ...new Set(edge.evidence.map((e) => docNumber.get(e.document.id)).filter((n): n is number => n !== undefined)),
    ].sort((a, b) => a - b);
    return numbers.length === 0 ? "" : `  [${numbers.join(", ")}]`;
  };
  const lines = [`${node.name} (${node.labels.length > 0 ? node.labels.join(", ") : node.label})`, `  id: ${node.id}`];
  if (node.aliases.length > 0) lines.push(`  also known as: ${node.aliases.join("; ")}`);
  for (const key of SHOWN_PROPERTIES) {
    const value = node.properties[key];
    if (value !== undefined && value !== null && value !== "")
      lines.push(`  ${key}: ${Array.isArray(value) ? value.join(", ") : String(value)}`);
  }
  for (const section of SECTIONS) {
    const items = card.connections.filter(
      (c) => c.edge.type === section.type && (section.direction === "any" || c.direction === section.direction),
    );
    if (items.length === 0) continue;
    lines.push("", `${section.title}:`);
    for (const { edge, other } of items) {
      const date =
        section.type === "MET_WITH" || section.type === "SIGNED" || section.type === "PARTICIPATED_IN"
          ? dateOf(edge, other, events)
          : undefined;
      const detail = section.type === "MET_WITH" ? undefined : edgeDetail(edge);
      const head = date === undefined ? "  - " : `  - ${date}  `;
      const what =
        section.type !== "HOLDS_POSITION"
          ? `${section.verb}${other.name}`
          : section.direction === "out"
            ? `${detail ? `${detail}, ` : ""}${other.name}`
            : `${other.name}${detail ? ` — ${detail}` : ""}`;
      const count = Number(edge.properties.count ?? 1);
      const status =
        section.type === "MEMBER_OF" && detail
          ? ` (${detail})`
          : section.type === "MET_WITH" && count > 1
            ? ` (${count} meetings)`
            : "";
      lines.push(`${head}${what}${status} (${other.label})${cite(edge)}`);
    }
  }
  if (card.documents.length > 0) {
    lines.push("", "Sources:");
    card.documents.forEach((d, i) => {
      const title = d.title ?? (d.path === undefined ? d.id : path.basename(d.path));
      lines.push(`  [${i + 1}] ${title}${d.date ? `, ${d.date}` : ""}${d.url ? ` <${d.url}>` : ""}`);
    });
  }
  return lines.join("\n");
}

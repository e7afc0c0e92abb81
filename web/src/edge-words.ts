/** Pure: relationships in words that follow their real direction ("Tomoko Yoshino is President of JTUC"). */
import { textProp, type GraphEdge, type RelType } from "./types.js";

const MEMBERSHIP: Record<string, string> = {
  member: "is a member of",
  applied: "applied to join",
  joining: "is joining",
  restored: "had its membership restored in",
  suspended: "is suspended from",
  former: "was a member of",
};

/** The verb phrase of an edge read from its start to its end: "met", "is President of", "signed". */
export function edgeVerb(edge: GraphEdge): string {
  const p = edge.properties;
  const type: RelType = edge.type;
  switch (type) {
    case "MET_WITH":
      return "met";
    case "SIGNED":
      return "signed";
    case "MEMBER_OF":
      return MEMBERSHIP[textProp(p, "status") ?? "member"] ?? `is a member (${textProp(p, "status")}) of`;
    case "HOLDS_POSITION": {
      const role = textProp(p, "role");
      return role ? `is ${role} of` : "holds a position at";
    }
    case "PARTICIPATED_IN": {
      const role = textProp(p, "role");
      return role ? `took part (${role}) in` : "took part in";
    }
    case "LOCATED_IN":
      return "is located in";
    case "MENTIONED_IN":
      return "is mentioned in";
    default:
      throw new Error(`Unknown relationship type ${String(type satisfies never)}`);
  }
}

/** When an edge held, as written: "2016 – 2019", "2019-05", or "" when undated. */
export function edgeWhen(edge: GraphEdge): string {
  const p = edge.properties;
  const first = textProp(p, "firstDate");
  const last = textProp(p, "lastDate");
  if (first && last && first !== last) return `${first} – ${last}`;
  return first ?? textProp(p, "date") ?? "";
}

/** A whole sentence for an edge in its stored direction: "Tomoko Yoshino is President of JTUC (2019)". */
export function describeEdge(edge: GraphEdge, nameOf: (id: string) => string): string {
  const count = Number(edge.properties?.count);
  const times = edge.type === "MET_WITH" && count > 1 ? ` ${count} times` : "";
  const when = edgeWhen(edge);
  return `${nameOf(edge.from)} ${edgeVerb(edge)} ${nameOf(edge.to)}${times}${when ? ` (${when})` : ""}`;
}

/**
 * A hop of a path read from `fromId` onwards: "— met —", "— is President of →" when the edge starts there,
 * "← is President of —" when it ends there.
 */
export function hopText(edge: GraphEdge, fromId: string): string {
  if (edge.type === "MET_WITH") return " — met — ";
  return edge.from === fromId ? ` — ${edgeVerb(edge)} → ` : ` ← ${edgeVerb(edge)} — `;
}

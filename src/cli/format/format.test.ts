import { describe, expect, it } from "vitest";
import type { EntityCard, GraphEdge, GraphNode, GraphPath } from "../../domain/views.js";
import { formatEntityCard } from "./card.js";
import { edgeArrow, formatEvidence } from "./edge.js";
import { formatPath, formatPaths } from "./path.js";
import { formatRanked } from "./top.js";

const node = (id: string, name: string, label: GraphNode["label"] = "Person"): GraphNode => ({
  id,
  name,
  label,
  labels: [label],
  aliases: [],
  properties: {},
});
const edge = (
  type: GraphEdge["type"],
  from: string,
  to: string,
  properties: Record<string, unknown> = {},
  sentence = "They met.",
): GraphEdge => ({
  key: `${type}|${from}|${to}|`,
  type,
  from,
  to,
  confidence: 0.9,
  properties,
  evidence: [
    { sentence, document: { id: "d1", title: "Talks in Geneva", date: "2024-06-14", url: "https://example.org/a" } },
  ],
});

describe("edgeArrow", () => {
  it("points along the walk for MET_WITH whatever the stored direction, and against it for a reversed edge", () => {
    expect(edgeArrow(edge("MET_WITH", "b", "a", { date: "2024-06" }), "a")).toBe("—MET_WITH (2024-06)→");
    expect(edgeArrow(edge("HOLDS_POSITION", "p", "o", { role: "Chairman" }), "o")).toBe("←HOLDS_POSITION (Chairman)—");
    expect(edgeArrow(edge("MEMBER_OF", "u", "c", { status: "suspended" }), "u")).toBe("—MEMBER_OF (suspended)→");
  });
});

describe("formatEvidence", () => {
  it("quotes the sentence and names the document, date and link", () => {
    expect(formatEvidence(edge("MET_WITH", "a", "b").evidence[0]!)).toBe(
      "“They met.” — Talks in Geneva, 2024-06-14 <https://example.org/a>",
    );
  });

  it("cuts very long sentences with an ellipsis and falls back to the document id", () => {
    const text = formatEvidence({ sentence: "x".repeat(400), document: { id: "abc" } });
    expect(text.length).toBeLessThan(330);
    expect(text).toMatch(/…” — document abc$/);
  });
});

describe("formatPaths", () => {
  it("prints the chain on one line and each hop with indented evidence", () => {
    const [a, b, c] = [node("a", "Tomoko Yoshino"), node("b", "Satybaldy Dauletalin"), node("c", "Kudratulla Rafikov")];
    const path: GraphPath = {
      nodes: [a, b, c],
      edges: [
        edge("MET_WITH", "b", "a", { date: "2024-06" }),
        edge("MET_WITH", "c", "b", { date: "2021-10" }, "Rafikov visited."),
      ],
    };
    const text = formatPaths(a, c, [path], 4);
    expect(text.split("\n")).toEqual([
      "1 connection between Tomoko Yoshino and Kudratulla Rafikov:",
      "",
      "1. Tomoko Yoshino —MET_WITH (2024-06)→ Satybaldy Dauletalin —MET_WITH (2021-10)→ Kudratulla Rafikov  (2 hops)",
      "   Tomoko Yoshino —MET_WITH (2024-06)→ Satybaldy Dauletalin",
      "      “They met.” — Talks in Geneva, 2024-06-14 <https://example.org/a>",
      "   Satybaldy Dauletalin —MET_WITH (2021-10)→ Kudratulla Rafikov",
      "      “Rafikov visited.” — Talks in Geneva, 2024-06-14 <https://example.org/a>",
    ]);
  });

  it("prints a sentence several documents share once, with the number of the others", () => {
    const shared = edge("MET_WITH", "a", "b", { date: "2024-06" }, "Yoshino met Dauletalin.");
    const twice = { ...shared, evidence: [...shared.evidence, { ...shared.evidence[0]!, document: { id: "d2" } }] };
    const lines = formatPath({
      nodes: [node("a", "Tomoko Yoshino"), node("b", "Satybaldy Dauletalin")],
      edges: [twice],
    });
    expect(lines.filter((l) => l.includes("Yoshino met Dauletalin."))).toHaveLength(1);
    expect(lines.join("\n")).toContain("(and 1 more document)");
  });

  it("says so when there is no path", () => {
    expect(formatPaths(node("a", "A"), node("b", "B"), [], 3)).toBe("No connection between A and B within 3 hops.");
  });
});

describe("formatEntityCard", () => {
  it("groups roles, memberships and dated meetings and cites numbered sources", () => {
    const me = { ...node("p", "Satybaldy Dauletalin"), aliases: ["Satibaldi Dauletalin"] };
    const fprk = node("o", "FPRK", "Union");
    const card: EntityCard = {
      node: me,
      connections: [
        { edge: edge("HOLDS_POSITION", "p", "o", { role: "Chairman" }), other: fprk, direction: "out" },
        {
          edge: edge("MET_WITH", "x", "p", { date: "2023-07-17" }),
          other: node("x", "Sattar Mohbaliyev"),
          direction: "in",
        },
      ],
      documents: [{ id: "d1", title: "Talks in Geneva", date: "2024-06-14" }],
    };
    const text = formatEntityCard(card);
    expect(text).toContain("also known as: Satibaldi Dauletalin");
    expect(text).toContain("Roles:\n  - Chairman, FPRK (Union)  [1]");
    expect(text).toContain("Meetings:\n  - 2023-07-17  met Sattar Mohbaliyev (Person)  [1]");
    expect(text).toContain("Sources:\n  [1] Talks in Geneva, 2024-06-14");
    expect(text).not.toContain("Memberships:");
  });

  it("shows a pair's meetings once, with their number and first and last date", () => {
    const card: EntityCard = {
      node: node("p", "Satybaldy Dauletalin"),
      connections: [
        {
          edge: edge("MET_WITH", "p", "x", { count: 4, firstDate: "2021-07-17", lastDate: "2024-07-17" }),
          other: node("x", "Sattar Mohbaliyev"),
          direction: "out",
        },
      ],
      documents: [{ id: "d1", title: "Talks in Baku", date: "2024-07-18" }],
    };
    expect(formatEntityCard(card)).toContain(
      "Meetings:\n  - 2021-07-17 – 2024-07-17  met Sattar Mohbaliyev (4 meetings) (Person)  [1]",
    );
    expect(edgeArrow(card.connections[0]!.edge, "p")).toBe("—MET_WITH (4 meetings, 2021-07-17 – 2024-07-17)→");
  });
});

describe("formatRanked", () => {
  it("numbers and aligns the entities", () => {
    const text = formatRanked([
      { node: node("a", "Satybaldy Dauletalin"), degree: 7 },
      { node: node("b", "ITUC", "Confederation"), degree: 1 },
    ]);
    expect(text.split("\n")).toEqual([
      "  1. Satybaldy Dauletalin (Person)  7 connections",
      "  2. ITUC (Confederation)           1 connection",
    ]);
  });
});

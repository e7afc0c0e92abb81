import { describe, expect, it } from "vitest";
import type { EntityCard, GraphEdge, GraphNode } from "../../domain/views.js";
import { buildTimeline } from "./timeline-entries.js";

const node = (id: string, label: GraphNode["label"], properties: Record<string, unknown> = {}): GraphNode => ({
  id,
  name: id,
  label,
  labels: [label],
  aliases: [],
  properties,
});
const edge = (type: GraphEdge["type"], properties: Record<string, unknown>, docs: [string, string][] = []) =>
  ({
    key: `${type}|${JSON.stringify(properties)}`,
    type,
    from: "me",
    to: "x",
    confidence: 0.9,
    properties,
    evidence: docs.map(([id, date]) => ({ sentence: `said in ${id}`, document: { id, date } })),
  }) satisfies GraphEdge;

describe("buildTimeline", () => {
  it("lists each meeting of a MET_WITH edge on its own with its event's date and that event's sources", () => {
    const meetings = new Map([
      ["ev1", node("ev1", "Event", { date: "2019-05-02", sources: ["d1"] })],
      ["ev2", node("ev2", "Event", { date: "2016", sources: ["d2"] })],
    ]);
    const met = edge("MET_WITH", { events: ["ev1", "ev2"], count: 2, firstDate: "2016" }, [
      ["d1", "2019-05-03"],
      ["d2", "2016-01-01"],
    ]);
    const card: EntityCard = {
      node: node("me", "Person"),
      connections: [{ edge: met, other: node("Rafikov", "Person"), direction: "out" }],
      documents: [],
    };
    const entries = buildTimeline(card, meetings);
    expect(entries.map((e) => [e.date, e.event?.id, e.edge.evidence.map((v) => v.document.id)])).toEqual([
      ["2016", "ev2", ["d2"]],
      ["2019-05-02", "ev1", ["d1"]],
    ]);
  });

  it("dates a position by its edge, an agreement by its event, a membership by its first report, and puts undated last", () => {
    const card: EntityCard = {
      node: node("me", "Union"),
      connections: [
        {
          edge: edge("MEMBER_OF", { status: "member" }, [["d9", "2021-03-01"]]),
          other: node("ITUC", "Confederation"),
          direction: "out",
        },
        {
          edge: edge("HOLDS_POSITION", { role: "President", date: "2018" }),
          other: node("Boss", "Person"),
          direction: "in",
        },
        { edge: edge("SIGNED", {}), other: node("MoU", "Event", { date: "2020-07" }), direction: "out" },
        { edge: edge("MET_WITH", {}), other: node("Nobody", "Person"), direction: "out" },
        { edge: edge("LOCATED_IN", {}), other: node("Japan", "Country"), direction: "out" },
      ],
      documents: [],
    };
    const entries = buildTimeline(card, new Map());
    expect(entries.map((e) => [e.kind, e.date, e.dateSource])).toEqual([
      ["position", "2018", "stated"],
      ["agreement", "2020-07", "event"],
      ["membership", "2021-03-01", "reported"],
      ["meeting", undefined, undefined],
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { fixtureEdge as edge, fixtureNode as node } from "./graph.fixture.js";
import { dayInterval } from "./time-filter.js";
import type { Subgraph } from "./types.js";
import { DEFAULT_VIEW } from "./url-state.js";
import { visibleSubgraph } from "./visible.js";

const graph: Subgraph = {
  nodes: [
    node("me", "Person"),
    node("old", "Person"),
    node("new", "Person"),
    node("boss", "Union"),
    node("japan", "Country"),
    node("mou", "Event", { date: "2019-04-02" }),
  ],
  edges: [
    edge("MET_WITH", "me", "old", { firstDate: "2015", lastDate: "2016-03" }),
    edge("MET_WITH", "me", "new", { date: "2019-11-20" }),
    edge("HOLDS_POSITION", "me", "boss", { role: "President" }),
    edge("LOCATED_IN", "boss", "japan"),
    edge("SIGNED", "me", "mou"),
  ],
};
const names = (g: Subgraph) => g.nodes.map((n) => n.id).sort();

describe("dayInterval", () => {
  it("reads a year, a month and a day as the days they cover", () => {
    expect(dayInterval("2019")).toEqual({ start: "2019-01-01", end: "2019-12-31" });
    expect(dayInterval("2019-05")).toEqual({ start: "2019-05-01", end: "2019-05-31" });
    expect(dayInterval("2019-05-02")).toEqual({ start: "2019-05-02", end: "2019-05-02" });
    expect(dayInterval("sometime")).toBeUndefined();
  });
});

describe("visibleSubgraph", () => {
  it("hides countries and documents by default, and edges to them", () => {
    const shown = visibleSubgraph(graph, { ...DEFAULT_VIEW, rels: [...DEFAULT_VIEW.rels, "LOCATED_IN"] }, ["me"]);
    expect(names(shown)).toEqual(["boss", "me", "mou", "new", "old"]);
    expect(shown.edges.some((e) => e.type === "LOCATED_IN")).toBe(false);
  });

  it("keeps what happened in 2019 and undated relationships; drops entities left without an edge", () => {
    const shown = visibleSubgraph(graph, { ...DEFAULT_VIEW, since: "2019", until: "2019" }, ["me"]);
    expect(names(shown)).toEqual(["boss", "me", "mou", "new"]);
  });

  it("drops undated relationships too when asked, and a relationship type that is not followed", () => {
    const shown = visibleSubgraph(
      graph,
      { ...DEFAULT_VIEW, rels: ["MET_WITH", "HOLDS_POSITION"], since: "2016-01", undated: false },
      ["me"],
    );
    expect(shown.edges.map((e) => e.to).sort()).toEqual(["new", "old"]);
  });
});

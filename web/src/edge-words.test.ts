import { describe, expect, it } from "vitest";
import { bundleEdges } from "./bundle-edges.js";
import { describeEdge, hopText } from "./edge-words.js";
import { fixtureEdge as edge } from "./graph.fixture.js";

const names: Record<string, string> = { yoshino: "Tomoko Yoshino", jtuc: "JTUC", fprk: "FPRK", ituc: "ITUC" };
const name = (id: string) => names[id] ?? id;

describe("edges in words", () => {
  it("reads a position from the person to the organisation, whatever order the path visits them in", () => {
    const position = edge("HOLDS_POSITION", "yoshino", "jtuc", { role: "President", date: "2021" });
    expect(describeEdge(position, name)).toBe("Tomoko Yoshino is President of JTUC (2021)");
    expect(hopText(position, "yoshino")).toBe(" — is President of → ");
    expect(hopText(position, "jtuc")).toBe(" ← is President of — ");
  });

  it("words a membership by its status and a meeting with its count and dates, without a direction", () => {
    expect(describeEdge(edge("MEMBER_OF", "fprk", "ituc", { status: "suspended" }), name)).toBe(
      "FPRK is suspended from ITUC",
    );
    const met = edge("MET_WITH", "yoshino", "fprk", { count: 3, firstDate: "2016", lastDate: "2019" });
    expect(describeEdge(met, name)).toBe("Tomoko Yoshino met FPRK 3 times (2016 – 2019)");
    expect(hopText(met, "fprk")).toBe(" — met — ");
  });
});

describe("bundleEdges", () => {
  it("draws parallel edges between two nodes once, with arrows for each direction present", () => {
    const bundles = bundleEdges([
      edge("MET_WITH", "yoshino", "jtuc"),
      edge("HOLDS_POSITION", "yoshino", "jtuc", { role: "President" }),
      edge("MEMBER_OF", "jtuc", "ituc"),
      edge("MET_WITH", "ituc", "jtuc"),
    ]);
    expect(bundles.map((b) => b.edges.length)).toEqual([2, 2]);
    const [yj, ji] = bundles;
    expect(yj).toMatchObject({
      isSymmetric: false,
      isForward: yj!.source === "yoshino",
      isBackward: yj!.source !== "yoshino",
    });
    expect(ji!.isForward || ji!.isBackward).toBe(true);
    expect(bundleEdges([edge("MET_WITH", "a", "b"), edge("MET_WITH", "b", "a")])[0]).toMatchObject({
      isSymmetric: true,
    });
  });
});

import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { graphExportSchema } from "../../src/graph/export.js";
import { toViewExport, toViewGraphML } from "./export-data.js";
import { highlightTerms, sentenceLink } from "./source-link.js";
import type { Subgraph } from "./types.js";

const view: Subgraph = {
  nodes: [
    { id: "p1", name: "Tomoko <Yoshino>", label: "Person", labels: ["Person"], aliases: ["Yoshino"], properties: {} },
    {
      id: "u1",
      name: "JTUC",
      label: "Union",
      labels: ["Union", "Organization"],
      aliases: [],
      properties: { members: 7 },
    },
  ],
  edges: [
    {
      key: "HOLDS_POSITION|p1|u1|",
      type: "HOLDS_POSITION",
      from: "p1",
      to: "u1",
      confidence: 0.9,
      properties: { role: "President", sources: ["d1"] },
      evidence: [{ sentence: "Yoshino, President of JTUC & more.", document: { id: "d1", title: "News" } }],
    },
  ],
};

describe("exports of the view", () => {
  it("writes JSON in the format `labour-graph load` reads, evidence and sources kept", () => {
    const json = JSON.parse(JSON.stringify(toViewExport(view, { around: "p1", depth: 1 }, new Date(0))));
    const parsed = graphExportSchema.parse(json);
    expect(parsed.relationships[0]?.properties).toMatchObject({
      evidence: ["Yoshino, President of JTUC & more."],
      evidenceDocs: ["d1"],
    });
    expect(parsed.nodes.map((n) => n.properties.name)).toEqual(["Tomoko <Yoshino>", "JTUC"]);
  });

  it("writes GraphML that an XML parser reads back, names escaped", () => {
    const xml = toViewGraphML(toViewExport(view, {}, new Date(0)));
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml);
    const nodes = doc.graphml.graph.node as { "@_id": string }[];
    expect(nodes.map((n) => n["@_id"])).toEqual(["p1", "u1"]);
    expect(xml).toContain("Tomoko &lt;Yoshino&gt;");
    expect(doc.graphml.graph.edge["@_source"]).toBe("p1");
  });
});

describe("sources and highlights", () => {
  it("links to the sentence with a text fragment, and only over http(s)", () => {
    expect(sentenceLink({ id: "d", url: "https://x.org/a#top" }, "Short one-line text, here.")).toBe(
      "https://x.org/a#:~:text=Short%20one%2Dline%20text%2C%20here.",
    );
    expect(sentenceLink({ id: "d", url: "javascript:alert(1)" }, "x")).toBeUndefined();
  });

  it("marks every name and alias in a sentence, whatever the case", () => {
    const parts = highlightTerms("JTUC chose yoshino; Tomoko Yoshino agreed.", ["Tomoko Yoshino", "Yoshino", "JTUC"]);
    expect(parts.filter((p) => p.isHit).map((p) => p.text)).toEqual(["JTUC", "yoshino", "Tomoko Yoshino"]);
    const inside = highlightTerms("the Confederation of Trade Unions", ["Federation of Trade Unions"]);
    expect(inside.some((p) => p.isHit)).toBe(false);
  });
});

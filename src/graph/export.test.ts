import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { csvField, escapeXml, toCsvExport, toGraphML, type GraphExport } from "./export.js";

const graph: GraphExport = {
  format: "labour-graph-export",
  version: 1,
  scope: {},
  nodes: [
    {
      id: "person:a",
      labels: ["Person"],
      properties: { id: "person:a", name: 'Ann "A" <Smith> & Co', aliases: ["A, S"] },
    },
    {
      id: "org:u",
      labels: ["Union", "Organization"],
      properties: { id: "org:u", name: "Union\u0007 U", members: 5 },
      integerProperties: ["members"],
    },
  ],
  relationships: [
    {
      type: "HOLDS_POSITION",
      key: "HOLDS_POSITION|person:a|org:u|Chair",
      from: "person:a",
      to: "org:u",
      properties: {
        key: "HOLDS_POSITION|person:a|org:u|Chair",
        role: "Chair",
        confidence: 0.5,
        evidence: ["She chairs it,\nsince May."],
      },
    },
  ],
};

describe("escapeXml", () => {
  it("escapes markup and drops characters XML 1.0 forbids", () => {
    expect(escapeXml(`<a href="x">&'\u0000`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;");
  });
});

describe("toGraphML", () => {
  it("declares a typed key per attribute and keeps lists as JSON strings", () => {
    const xml = toGraphML(graph);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({
      ignoreAttributes: false,
      isArray: (n) => ["key", "node", "edge", "data"].includes(n),
    }).parse(xml);
    const keys = doc.graphml.key as Record<string, string>[];
    const key = (forWhat: string, name: string) =>
      keys.find((k) => k["@_for"] === forWhat && k["@_attr.name"] === name);
    expect(key("node", "members")?.["@_attr.type"]).toBe("long");
    expect(key("edge", "confidence")?.["@_attr.type"]).toBe("double");
    const person = doc.graphml.graph.node[0];
    const aliases = person.data.find((d: Record<string, string>) => d["@_key"] === key("node", "aliases")?.["@_id"]);
    expect(JSON.parse(aliases["#text"])).toEqual(["A, S"]);
    expect(doc.graphml.graph.edge[0]["@_source"]).toBe("person:a");
  });
});

describe("CSV", () => {
  it("quotes fields with commas, quotes or line breaks and doubles quotes (RFC 4180)", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField("line\nbreak")).toBe('"line\nbreak"');
    expect(csvField(["x", "y"])).toBe('"[""x"",""y""]"');
  });

  it("writes nodes.csv and edges.csv with fixed columns first and CRLF line ends", () => {
    const { nodes, edges } = toCsvExport(graph);
    expect(nodes.split("\r\n")[0]).toBe("id,label,nodeLabel,nodeLabels,aliases,members,name");
    expect(nodes.split("\r\n")[2]).toBe("org:u,Union\u0007 U,Union,Union;Organization,,5,Union\u0007 U");
    expect(edges.split("\r\n")[0]).toBe("source,target,label,relType,key,confidence,evidence,role");
    expect(edges.endsWith("\r\n")).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { planReferenceWrite, referenceSourceId } from "./plan-reference.js";

const ORGS = [
  {
    id: "org:ituc",
    type: "Confederation" as const,
    name: "ITUC body",
    aliases: ["ITUC"],
    acronym: "ITUC",
    url: "https://example.org/ituc",
  },
  {
    id: "org:cosatu",
    type: "Union" as const,
    name: "COSATU body",
    aliases: [],
    country: "South Africa",
    url: "https://example.org/cosatu",
  },
  { id: "org:ituc", type: "Confederation" as const, name: "ITUC body", aliases: [], url: "https://example.org/other" },
];

describe("planReferenceWrite", () => {
  it("writes each node once, with its labels, its page and the data's version as provenance", () => {
    const plan = planReferenceWrite("abc123", ORGS, []);
    expect(plan.sourceId).toBe(referenceSourceId("abc123"));
    expect(plan.nodes.map((g) => [g.labels, g.rows.map((r) => r.id)])).toEqual([
      [["Union", "Organization"], ["org:cosatu"]],
      [["Confederation", "Organization"], ["org:ituc"]],
    ]);
    expect(plan.nodes[0]!.rows[0]!.properties).toEqual({
      reference: "reference:abc123",
      referenceUrl: "https://example.org/cosatu",
      country: "South Africa",
    });
  });

  it("makes one edge of an affiliation stated by two pages, citing both, and drops self-affiliation", () => {
    const plan = planReferenceWrite("v1", ORGS, [
      { from: "org:cosatu", to: "org:ituc", status: "member", url: "https://example.org/a" },
      { from: "org:cosatu", to: "org:ituc", status: "member", url: "https://example.org/b" },
      { from: "org:ituc", to: "org:ituc", status: "member", url: "https://example.org/c" },
    ]);
    expect(plan.edges).toHaveLength(1);
    expect(plan.edges[0]!.rows).toEqual([
      {
        key: "MEMBER_OF|org:cosatu|org:ituc|member",
        from: "org:cosatu",
        to: "org:ituc",
        evidence: [],
        evidenceDocs: [],
        sources: ["reference:v1"],
        confidence: 1,
        sourceConfidences: [1],
        properties: {
          status: "member",
          referenceUrls: ["https://example.org/a", "https://example.org/b"],
          reference: "reference:v1",
        },
      },
    ]);
  });
});

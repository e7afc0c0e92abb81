import { describe, expect, it } from "vitest";
import type { Extraction } from "../../src/domain/model.js";
import { goldSchema } from "./gold.js";
import { scoreExtraction } from "./score-extraction.js";

const evidence = [{ document: "d1", sentence: "S.", start: 0, end: 2 }];
const extraction: Extraction = {
  documents: [{ id: "d1", path: "a.txt" }],
  entities: [
    { id: "person:a", type: "Person", name: "Anna Berg", aliases: ["Ana Berg"], properties: {} },
    { id: "person:b", type: "Person", name: "Bo Lund", aliases: [], properties: {} },
    { id: "org:x", type: "Union", name: "Union X", aliases: ["UX"], properties: {} },
    { id: "org:y", type: "Organization", name: "Spurious Body", aliases: [], properties: {} },
    { id: "event:1", type: "Event", name: "Meeting", aliases: [], properties: { kind: "meeting" } },
  ],
  relations: [
    { type: "MET_WITH", from: "person:b", to: "person:a", properties: {}, evidence, confidence: 0.9 },
    {
      type: "HOLDS_POSITION",
      from: "person:a",
      to: "org:x",
      properties: { role: "President" },
      evidence,
      confidence: 0.9,
    },
    { type: "PARTICIPATED_IN", from: "person:a", to: "event:1", properties: {}, evidence, confidence: 0.9 },
    { type: "MENTIONED_IN", from: "person:a", to: "d1", properties: {}, evidence, confidence: 1 },
  ],
  diagnostics: [],
};
const gold = goldSchema.parse({
  entities: [
    { type: "Person", name: "Anna Berg", forms: ["Ana Berg"] },
    { type: "Person", name: "Bo Lund", forms: [] },
    { type: "Confederation", name: "Union X", forms: ["UX"] },
    { type: "Country", name: "Norway", forms: [] },
  ],
  relations: [
    { type: "MET_WITH", from: "Anna Berg", to: "Bo Lund" },
    { type: "HOLDS_POSITION", from: "Anna Berg", to: "Union X", role: "Chairman" },
    { type: "PARTICIPATED_IN", from: "Anna Berg", toEvent: "meeting" },
  ],
});

describe("scoreExtraction", () => {
  it("matches entities by any form within a type family and leaves events out", () => {
    const report = scoreExtraction(extraction, gold);
    expect(report.entities).toMatchObject({
      truePositives: 3,
      predicted: 4,
      expected: 4,
      precision: 0.75,
      recall: 0.75,
    });
    expect(report.missedEntities).toEqual(["Country Norway"]);
    expect(report.spuriousEntities).toEqual(["Organization Spurious Body"]);
  });

  it("matches relations undirected for MET_WITH, by event kind, and by the role the gold gives", () => {
    const report = scoreExtraction(extraction, gold);
    expect(report.relations).toMatchObject({ truePositives: 2, predicted: 3, expected: 3 });
    expect(report.relationsByType.HOLDS_POSITION).toMatchObject({ truePositives: 0 });
    expect(report.missedRelations).toEqual(["HOLDS_POSITION|Anna Berg|Union X|chairman"]);
  });
});

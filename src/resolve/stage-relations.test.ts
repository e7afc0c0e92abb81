import { describe, expect, it } from "vitest";
import { documentOf } from "../../test/helpers/resolution-fixtures.js";
import type { Relation } from "../domain/model.js";
import { mergeRelations } from "./stage-relations.js";

const evidence = (document: string, start: number) => ({ document, sentence: `s${start}`, start, end: start + 5 });
const relation = (r: Omit<Relation, "evidence"> & { evidence?: Relation["evidence"] }): Relation => ({
  evidence: [],
  ...r,
});

describe("mergeRelations", () => {
  const globalIdOf = new Map([
    ["d1#a", "person:a"],
    ["d1#b", "person:b"],
    ["d1#o", "org:o"],
    ["d2#a", "person:a"],
    ["d2#b", "person:b"],
    ["d2#o", "org:o"],
  ]);

  it("merges one relation reported by two documents, evidence without repeats, the surer report's properties", () => {
    const d1 = documentOf(
      "d1",
      [],
      [
        relation({
          type: "MEMBER_OF",
          from: "a",
          to: "o",
          properties: { status: "member", since: "2020" },
          confidence: 0.6,
          evidence: [evidence("d1", 0), evidence("d1", 0)],
        }),
      ],
    );
    const d2 = documentOf(
      "d2",
      [],
      [
        relation({
          type: "MEMBER_OF",
          from: "a",
          to: "o",
          properties: { status: "member", since: "2021" },
          confidence: 0.9,
          evidence: [evidence("d2", 7)],
        }),
        relation({
          type: "MEMBER_OF",
          from: "a",
          to: "o",
          properties: { status: "applied" },
          confidence: 0.5,
          evidence: [evidence("d2", 9)],
        }),
      ],
    );
    const merged = mergeRelations([d1, d2], globalIdOf, new Map());
    expect(
      merged.map((r) => [r.properties.status, r.properties.since ?? null, r.confidence, r.evidence.length]),
    ).toEqual([
      ["applied", null, 0.5, 1],
      ["member", "2021", 0.9, 2],
    ]);
  });

  it("stores a meeting of two people one way round, with the document date, and drops self-relations", () => {
    const d1 = documentOf(
      "d1",
      [],
      [
        relation({
          type: "MET_WITH",
          from: "b",
          to: "a",
          properties: {},
          confidence: 0.8,
          evidence: [evidence("d1", 0)],
        }),
        relation({
          type: "MET_WITH",
          from: "a",
          to: "a",
          properties: {},
          confidence: 0.8,
          evidence: [evidence("d1", 3)],
        }),
      ],
      "2024-05-12",
    );
    const [meeting, ...rest] = mergeRelations([d1], globalIdOf, new Map());
    expect(rest).toEqual([]);
    expect(meeting).toMatchObject({ type: "MET_WITH", from: "person:a", to: "person:b" });
    expect(meeting?.properties).toMatchObject({ count: 1, firstDate: "2024-05-12", lastDate: "2024-05-12" });
  });
});

import { describe, expect, it } from "vitest";
import { MAX_EVIDENCE_PER_DOCUMENT, type Entity, type Extraction, type Relation } from "../domain/model.js";
import { foldAccents, planWrite, relationshipKey, searchTerms, type DocumentWrite } from "./plan-write.js";

const TEXT_1 = "Chairman of the FTUR Ivan Petrov met with Marta Lindqvist. The FTUR is a member of the ITUC.";
const TEXT_2 = "Marta Lindqvist met with Ivan Petrov in Zenda.";

const entities: Entity[] = [
  {
    id: "person:ivan-petrov",
    type: "Person",
    name: "Ivan Petrov",
    aliases: ["Ivan Petrov", "Iván Petrov"],
    properties: {},
  },
  {
    id: "person:marta-lindqvist",
    type: "Person",
    name: "Marta Lindqvist",
    aliases: [],
    properties: { name: "not this", title: "Ms" },
  },
  {
    id: "org:ftur",
    type: "Union",
    name: "Federation of Trade Unions of Ruritania",
    aliases: ["FTUR"],
    properties: { acronym: "FTUR" },
  },
  {
    id: "org:ituc",
    type: "Confederation",
    name: "International Trade Union Confederation",
    aliases: ["ITUC"],
    properties: {},
  },
  { id: "country:ruritania", type: "Country", name: "Ruritania", aliases: [], properties: {} },
];

function evidence(document: string, text: string, sentence: string) {
  const start = text.indexOf(sentence);
  return { document, sentence, start, end: start + sentence.length };
}

const S1 = "Chairman of the FTUR Ivan Petrov met with Marta Lindqvist.";
const S2 = "The FTUR is a member of the ITUC.";

function extraction(relations: Relation[]): Extraction {
  return {
    documents: [
      { id: "doc1", path: "one.txt", title: "One" },
      { id: "doc2", path: "two.txt" },
    ],
    entities,
    relations,
    diagnostics: [],
  };
}

const met = (from: string, to: string, ev: Relation["evidence"], confidence = 0.8): Relation => ({
  type: "MET_WITH",
  from,
  to,
  properties: {},
  evidence: ev,
  confidence,
});

function edges(write: DocumentWrite | undefined, type: string) {
  return (write?.edges ?? [])
    .filter((g) => g.type === type)
    .flatMap((g) => g.rows.map((row) => ({ ...row, fromLabel: g.fromLabel, toLabel: g.toLabel })));
}

describe("planWrite", () => {
  it("gives each document only its own evidence, aligned sentence by sentence with the document id", () => {
    const plan = planWrite(
      extraction([
        met(
          "person:ivan-petrov",
          "person:marta-lindqvist",
          [evidence("doc1", TEXT_1, S1), evidence("doc2", TEXT_2, TEXT_2)],
          0.9,
        ),
      ]),
    );
    const [one, two] = plan.documents;
    expect(one?.document).toEqual({ id: "doc1", path: "one.txt", properties: { path: "one.txt", title: "One" } });
    expect(edges(one, "MET_WITH")).toMatchObject([
      { evidence: [S1], evidenceDocs: ["doc1"], sources: ["doc1"], confidence: 0.9 },
    ]);
    expect(edges(two, "MET_WITH")).toMatchObject([{ evidence: [TEXT_2], evidenceDocs: ["doc2"], sources: ["doc2"] }]);
    expect(plan.diagnostics.filter((d) => d.level === "error")).toEqual([]);
  });

  it("stores a meeting one way round, so that 'A met B' and 'B met A' are one edge", () => {
    const plan = planWrite(
      extraction([
        met("person:marta-lindqvist", "person:ivan-petrov", [evidence("doc2", TEXT_2, TEXT_2)], 0.6),
        met("person:ivan-petrov", "person:marta-lindqvist", [evidence("doc2", TEXT_2, TEXT_2)], 0.7),
      ]),
    );
    const rows = edges(plan.documents[1], "MET_WITH");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      from: "person:ivan-petrov",
      to: "person:marta-lindqvist",
      evidence: [TEXT_2],
      confidence: 0.7,
    });
    expect(rows[0]?.key).toBe("MET_WITH|person:ivan-petrov|person:marta-lindqvist|");
  });

  it("keys edges by type, ends and the status or role that tells them apart, one MET_WITH per pair", () => {
    expect(relationshipKey("MEMBER_OF", "org:ftur", "org:ituc", { status: "Applied" })).toBe(
      "MEMBER_OF|org:ftur|org:ituc|applied",
    );
    expect(relationshipKey("HOLDS_POSITION", "person:a", "org:b", { role: "General Secretary" })).toBe(
      "HOLDS_POSITION|person:a|org:b|general secretary",
    );
    expect(relationshipKey("MET_WITH", "person:a", "person:b", { date: "2024-05", events: ["event:x"] })).toBe(
      "MET_WITH|person:a|person:b|",
    );
    expect(relationshipKey("MET_WITH", "person:a", "person:b", { date: "2024-05" })).toBe(
      "MET_WITH|person:a|person:b|",
    );
    expect(relationshipKey("SIGNED", "org:a", "event:b", {})).toBe("SIGNED|org:a|event:b|");
  });

  it("groups nodes by label set and matches organisation ends by Organization", () => {
    const plan = planWrite(
      extraction([
        {
          type: "MEMBER_OF",
          from: "org:ftur",
          to: "org:ituc",
          properties: { status: "member" },
          evidence: [evidence("doc1", TEXT_1, S2)],
          confidence: 0.8,
        },
      ]),
    );
    const one = plan.documents[0];
    expect(one?.nodes.map((g) => g.labels)).toEqual([
      ["Union", "Organization"],
      ["Confederation", "Organization"],
    ]);
    expect(edges(one, "MEMBER_OF")).toMatchObject([
      { fromLabel: "Organization", toLabel: "Organization", properties: { status: "member" } },
    ]);
    expect(plan.documents[1]?.nodes).toEqual([]);
  });

  it("mentions both ends of every relation in the document, with the sentence that relates them", () => {
    const plan = planWrite(
      extraction([
        met("person:ivan-petrov", "person:marta-lindqvist", [evidence("doc1", TEXT_1, S1)], 0.9),
        {
          type: "MEMBER_OF",
          from: "org:ftur",
          to: "org:ituc",
          properties: { status: "member" },
          evidence: [evidence("doc1", TEXT_1, S2)],
          confidence: 0.8,
        },
        {
          type: "MENTIONED_IN",
          from: "org:ftur",
          to: "doc1",
          properties: {},
          evidence: [evidence("doc1", TEXT_1, S1)],
          confidence: 1,
        },
      ]),
    );
    const mentions = edges(plan.documents[0], "MENTIONED_IN");
    expect(mentions.map((m) => m.from).sort()).toEqual([
      "org:ftur",
      "org:ituc",
      "person:ivan-petrov",
      "person:marta-lindqvist",
    ]);
    expect(mentions.every((m) => m.to === "doc1" && m.toLabel === "Document")).toBe(true);
    expect(mentions.find((m) => m.from === "org:ftur")).toMatchObject({
      evidence: [S2, S1],
      evidenceDocs: ["doc1", "doc1"],
      confidence: 1,
      key: "MENTIONED_IN|org:ftur|doc1|",
    });
  });

  it("keeps the first MAX_EVIDENCE_PER_DOCUMENT sentences of a document for one edge", () => {
    const sentences = Array.from(
      { length: MAX_EVIDENCE_PER_DOCUMENT + 2 },
      (_, i) => `Ivan Petrov met Marta Lindqvist, time ${i}.`,
    );
    const text = sentences.join(" ");
    const plan = planWrite(
      extraction([
        met(
          "person:ivan-petrov",
          "person:marta-lindqvist",
          sentences.map((s) => evidence("doc1", text, s)),
        ),
      ]),
    );
    const [row] = edges(plan.documents[0], "MET_WITH");
    expect(row?.evidence).toEqual(sentences.slice(0, MAX_EVIDENCE_PER_DOCUMENT));
    expect(row?.evidenceDocs).toEqual(sentences.slice(0, MAX_EVIDENCE_PER_DOCUMENT).map(() => "doc1"));
    expect(row?.sources).toEqual(["doc1"]);
  });

  it("carries name, distinct aliases, folded search terms and properties, and keeps writer-owned names out of properties", () => {
    const plan = planWrite(
      extraction([met("person:ivan-petrov", "person:marta-lindqvist", [evidence("doc1", TEXT_1, S1)])]),
    );
    const people = plan.documents[0]?.nodes.find((g) => g.labels[0] === "Person")?.rows ?? [];
    const ivan = people.find((p) => p.id === "person:ivan-petrov");
    expect(ivan).toMatchObject({
      name: "Ivan Petrov",
      aliases: ["Iván Petrov"],
      searchText: "Ivan Petrov | Iván Petrov",
    });
    expect(people.find((p) => p.id === "person:marta-lindqvist")?.properties).toEqual({ title: "Ms" });
  });

  it("reports a relation to an unknown entity or document as a diagnostic instead of writing it", () => {
    const plan = planWrite(
      extraction([
        met("person:ivan-petrov", "person:nobody", [evidence("doc1", TEXT_1, S1)]),
        met("person:ivan-petrov", "person:marta-lindqvist", [
          { document: "doc9", sentence: S1, start: 0, end: S1.length },
        ]),
      ]),
    );
    expect(plan.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(["unknown-entity", "unknown-document"]));
    expect(plan.documents.flatMap((d) => d.edges)).toEqual([]);
    // entities without evidence are reported and not written
    expect(plan.diagnostics.filter((d) => d.code === "entity-without-evidence")).toHaveLength(entities.length);
  });

  it("writes a document listed twice once", () => {
    const x = extraction([]);
    const plan = planWrite({ ...x, documents: [...x.documents, { id: "doc1", path: "copy-of-one.txt" }] });
    expect(plan.documents.map((d) => d.document.id)).toEqual(["doc1", "doc2"]);
  });
});

describe("search terms", () => {
  it("adds accent-folded forms of names, including letters NFKD leaves alone", () => {
    expect(foldAccents("Satybaldı Özkan Łódź")).toBe("Satybaldi Ozkan Lodz");
    expect(searchTerms("Kemal Özkan", ["K. Özkan", "Kemal Ozkan"])).toEqual([
      "Kemal Özkan",
      "Kemal Ozkan",
      "K. Özkan",
      "K. Ozkan",
    ]);
  });

  it("never lets the separator occur inside a term", () => {
    expect(searchTerms("A | B", [])).toEqual(["A B"]);
  });
});

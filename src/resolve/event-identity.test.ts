import { describe, expect, it } from "vitest";
import { extractRecorded } from "../../test/helpers/recorded-annotations.js";
import type { Extraction } from "../domain/model.js";
import type { DocumentExtraction } from "../extract/types.js";
import { dayOf, knownEventOf, KnownEvents, resolveEvents } from "./event-identity.js";
import { KnownEntities } from "./known-entities.js";
import { resolveExtraction } from "./resolve-extraction.js";

/** A document published on `date` (none when undefined) with the given text. */
function doc(name: string, date: string | undefined, text: string): DocumentExtraction {
  const source = date === undefined ? text : `---\ndate: ${date}\n---\n${text}`;
  return extractRecorded(source, name);
}

const MEETING =
  "Chairman of the Federation of Trade Unions of Belarus Mikhail Orda met with ITUC General Secretary Luc Triangle";

const events = (x: Extraction) => x.entities.filter((e) => e.type === "Event");
const meetings = (x: Extraction) => x.relations.filter((r) => r.type === "MET_WITH");

/** The entities, chunk by chunk, as an import resolves them: each chunk against what earlier chunks stored. */
function resolveInChunks(chunks: DocumentExtraction[][]): Extraction[] {
  const known = new KnownEntities();
  return chunks.map((chunk) => {
    const x = resolveExtraction(chunk, undefined, known);
    for (const e of x.entities) {
      if (e.type === "Event") {
        const event = knownEventOf(e.id, e.properties);
        if (event !== undefined) known.events.upsert(event);
      } else if (e.type !== "Country" || !known.has(e.id)) {
        known.upsert({ id: e.id, type: e.type, name: e.name, aliases: e.aliases });
      }
    }
    return x;
  });
}

describe("cross-document event identity", () => {
  it("makes one event of one meeting reported by documents published two days apart, listing both", () => {
    const x = resolveExtraction([
      doc("a.txt", "2024-03-04", `${MEETING} in Minsk.`),
      doc("b.txt", "2024-03-06", `Yesterday ${MEETING} in Minsk, the federation said.`),
    ]);
    expect(events(x)).toHaveLength(1);
    expect(events(x)[0]!.properties.sources).toHaveLength(2);
    const met = meetings(x);
    expect(met).toHaveLength(1);
    expect(met[0]!.properties).toMatchObject({ count: 1 });
    expect(new Set(met[0]!.evidence.map((e) => e.document)).size).toBe(2);
  });

  it("keeps meetings further apart than the window as two events on one MET_WITH edge with count 2", () => {
    const x = resolveExtraction([
      doc("a.txt", "2024-03-04", `On March 4 ${MEETING}.`),
      doc("b.txt", "2024-03-09", `On March 8 ${MEETING}.`),
    ]);
    expect(
      events(x)
        .map((e) => e.properties.date)
        .sort(),
    ).toEqual(["2024-03-04", "2024-03-08"]);
    const met = meetings(x);
    expect(met).toHaveLength(1);
    expect(met[0]!.properties).toMatchObject({ count: 2, firstDate: "2024-03-04", lastDate: "2024-03-08" });
  });

  it("never chains dated reports into an event longer than the window", () => {
    const days = ["2024-03-01", "2024-03-03", "2024-03-05", "2024-03-07"];
    const x = resolveExtraction(days.map((d, i) => doc(`${i}.txt`, d, `${MEETING}.`)));
    for (const e of events(x)) {
      const from = Date.parse(String(e.properties.seenFrom));
      const to = Date.parse(String(e.properties.seenTo));
      expect((to - from) / 86_400_000).toBeLessThanOrEqual(3);
    }
    expect(events(x)).toHaveLength(2);
  });

  it("identifies an event that names no participant by its title, kind, date and place", () => {
    const day = dayOf("2024-03-04")!;
    const report = (id: string, title: string, offset: number) => ({
      id,
      document: id,
      kind: "conference",
      participants: [],
      day: day + offset,
      place: "Baku",
      properties: { title },
    });
    const resolved = resolveEvents(
      [report("e1", "Jubilee Conference", 0), report("e2", "Jubilee conference", 1), report("e3", "Youth Forum", 0)],
      new KnownEvents(),
    );
    expect(resolved.get("e2")!.id).toBe(resolved.get("e1")!.id);
    expect(resolved.get("e3")!.id).not.toBe(resolved.get("e1")!.id);
  });

  it("keeps two meetings of one document apart, and meetings in different places apart", () => {
    const x = resolveExtraction([
      doc("a.txt", "2024-03-04", `${MEETING} in Minsk. Mikhail Orda also met with Kemal Ozkan in Minsk.`),
      doc("b.txt", "2024-03-04", `${MEETING} in Geneva.`),
    ]);
    expect(events(x)).toHaveLength(3);
  });

  it("groups the same reports the same way whatever the order of documents and chunks", () => {
    const docs = [
      doc("a.txt", "2024-03-04", `${MEETING} in Minsk.`),
      doc("b.txt", "2024-03-05", `${MEETING}.`),
      doc("c.txt", "2024-06-01", `${MEETING}.`),
      doc("d.txt", "2024-06-02", `${MEETING} in Minsk.`),
    ];
    const shape = (xs: Extraction[]) => {
      const byId = new Map<string, string[]>();
      for (const x of xs) for (const e of events(x)) byId.set(e.id, (e.properties.sources as string[]).slice().sort());
      return [...byId.values()].map((s) => s.join(",")).sort();
    };
    const together = shape([resolveExtraction(docs)]);
    expect(together).toHaveLength(2);
    expect(shape(resolveInChunks([[docs[3]!], [docs[1]!, docs[2]!], [docs[0]!]]))).toEqual(together);
    expect(shape(resolveInChunks(docs.map((d) => [d])))).toEqual(together);
  });

  it("joins a later import's report to the stored event, keeping its id", () => {
    const [first, second] = resolveInChunks([
      [doc("a.txt", "2024-03-04", `${MEETING}.`)],
      [doc("b.txt", "2024-03-05", `${MEETING}.`)],
    ]);
    expect(events(second!).map((e) => e.id)).toEqual(events(first!).map((e) => e.id));
    expect(events(second!)[0]!.properties.sources).toHaveLength(2);
    expect(meetings(second!)[0]!.properties.events).toEqual([events(first!)[0]!.id]);
  });
});

describe("KnownEvents", () => {
  it("offers a report only the stored events of its participants around its date, not all of them", () => {
    const start = dayOf("2020-01-01")!;
    const known = new KnownEvents(
      Array.from({ length: 1000 }, (_, i) => ({
        id: `event:${String(i).padStart(4, "0")}`,
        kind: "meeting",
        participants: ["person:a", "person:b"],
        sources: [`d${i}`],
        firstDay: start + 10 * i,
        lastDay: start + 10 * i,
        properties: {},
      })),
    );
    const report = {
      id: "event:new",
      document: "new",
      kind: "meeting",
      participants: ["person:a", "person:b"],
      day: start + 10 * 500 + 1,
      properties: {},
    };
    expect(known.candidatesFor(report).map((e) => e.id)).toContain("event:0500");
    expect(known.candidatesFor(report).length).toBeLessThanOrEqual(3);
    expect(known.candidatesFor({ ...report, kind: "visit" })).toEqual([]);
    expect(known.candidatesFor({ ...report, participants: ["person:c"] })).toEqual([]);
  });
});

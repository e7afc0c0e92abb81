import { describe, expect, it } from "vitest";
import { documentOf, resolutionOf } from "../../test/helpers/resolution-fixtures.js";
import { identifyEvents } from "./stage-events.js";
import { clustersOf, identifyEntities } from "./stage-ids.js";
import { unitePeople } from "./stage-people.js";

const meetingReport = (doc: string) =>
  documentOf(
    doc,
    [
      { id: "a", type: "Person", name: "Ivan Petrov" },
      { id: "b", type: "Person", name: "Olga Sidorova" },
      { id: "e", type: "Event", name: "meeting", properties: { kind: "meeting" }, participants: ["a", "b"] },
    ],
    [],
    "2024-05-12",
  );

describe("identifyEvents", () => {
  it("makes one event of two documents' reports of one meeting, named after its people and the day it was reported", () => {
    const r = resolutionOf([meetingReport("d1"), meetingReport("d2")]);
    unitePeople(r);
    const { entityClusters, eventClusters } = clustersOf(r);
    const identified = identifyEntities(r, entityClusters);
    const events = identifyEvents(r, eventClusters, identified);
    expect([...events.values()].map((e) => e.name)).toEqual([
      "Meeting of Ivan Petrov and Olga Sidorova (reported 2024-05-12)",
    ]);
    const [event] = [...events.values()];
    expect(event?.properties).toMatchObject({
      kind: "meeting",
      participantIds: ["person:ivan-petrov", "person:olga-sidorova"],
      sources: ["d1", "d2"],
    });
    expect(identified.globalIdOf.get("d1#e")).toBe(event?.id);
    expect(identified.globalIdOf.get("d2#e")).toBe(event?.id);
    expect(identified.entities).toContain(event);
  });
});

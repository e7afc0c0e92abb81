import { describe, expect, it } from "vitest";
import type { WritePlan } from "../graph/plan-write.js";
import { KnownEntities } from "../resolve/known-entities.js";
import { knownEntityOfStored, recordKnownEntities } from "./record-known-entities.js";

const planOf = (rows: WritePlan["documents"][number]["nodes"]): WritePlan => ({
  documents: [{ document: { id: "d1", path: "d1.txt", properties: {} }, nodes: rows, edges: [] }],
  diagnostics: [],
});

describe("recordKnownEntities", () => {
  it("merges a written row as the writer does: aliases kept, the former name an alias, properties replaced", () => {
    const known = new KnownEntities([
      { id: "org:a", type: "Union", name: "Old Name Union", aliases: ["ONU"], acronym: "ONU" },
    ]);
    recordKnownEntities(
      known,
      planOf([
        {
          labels: ["Confederation", "Organization"],
          rows: [
            {
              id: "org:a",
              name: "New Name Confederation",
              aliases: ["NNC"],
              searchText: "",
              lookupKeys: [],
              properties: { acronym: "NNC" },
            },
          ],
        },
      ]),
    );
    const a = known.get("org:a")!;
    expect(a).toMatchObject({ type: "Confederation", name: "New Name Confederation", acronym: "NNC" });
    expect([...a.aliases].sort()).toEqual(["NNC", "ONU", "Old Name Union"]);
  });

  it("reads a stored node's most specific label as its type and leaves events out", () => {
    expect(knownEntityOfStored({ id: "org:a", labels: ["Organization", "Union"], name: "A", aliases: [] })?.type).toBe(
      "Union",
    );
    expect(knownEntityOfStored({ id: "event:e", labels: ["Event"], name: "E", aliases: [] })).toBeUndefined();
  });
});

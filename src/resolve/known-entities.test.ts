import { describe, expect, it } from "vitest";
import { orgKey } from "../extract/org-key.js";
import { KnownEntities } from "./known-entities.js";

const FPRK = {
  id: "org:fprk",
  type: "Union" as const,
  name: "Federation of Trade Unions of the Republic of Kazakhstan",
  aliases: ["FPRK"],
  acronym: "FPRK",
};

describe("KnownEntities", () => {
  it("finds a stored organisation by word-order variant, acronym and initials", () => {
    const known = new KnownEntities([FPRK]);
    expect(known.orgsByKey(orgKey("Kazakhstan Trade Unions Federation"))).toEqual(["org:fprk"]);
    expect(known.orgsByAcronym("FPRK")).toEqual(["org:fprk"]);
    expect(known.orgsByInitials("FTURK")).toEqual(["org:fprk"]);
  });

  it("forgets an entity's former acronym when it is updated", () => {
    const known = new KnownEntities([
      { id: "org:x", type: "Union", name: "Alpha Beta Union", aliases: ["ABU"], acronym: "ABU" },
    ]);
    known.upsert({ id: "org:x", type: "Union", name: "Alpha Beta Union", aliases: [], acronym: "ABX" });
    expect(known.orgsByAcronym("ABU")).toEqual([]);
    expect(known.orgsByAcronym("ABX")).toEqual(["org:x"]);
  });

  it("keeps an organisation named only by an acronym apart from those that define it", () => {
    const known = new KnownEntities([{ id: "org:gfitu", type: "Organization", name: "GFITU", aliases: [] }]);
    expect(known.orgsByAcronym("GFITU")).toEqual([]);
    expect(known.orgsNamedByAcronym("GFITU")).toEqual(["org:gfitu"]);
  });

  it("offers a stored person for a transliterated name in the same surname block", () => {
    const known = new KnownEntities([{ id: "person:s", type: "Person", name: "Satybaldy Dauletalin", aliases: [] }]);
    expect(known.peopleNear({ last: "dauletalyn" })).toEqual(["person:s"]);
    expect(known.peopleNear({ last: "petrov" })).toEqual([]);
  });
});

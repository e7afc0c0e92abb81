import { describe, expect, it } from "vitest";
import { DEFAULT_VIEW, formatView, parseView } from "./url-state.js";

describe("the view in the address", () => {
  it("writes nothing for the opening view with every default", () => {
    expect(formatView(DEFAULT_VIEW)).toBe("");
    expect(parseView("")).toEqual(DEFAULT_VIEW);
  });

  it("round-trips an entity view with depth, types, hidden labels, a date range and the timeline tab", () => {
    const view = {
      ...DEFAULT_VIEW,
      view: "entity" as const,
      entity: "person:tomoko-yoshino",
      depth: 2,
      rels: ["MET_WITH" as const, "MEMBER_OF" as const],
      hide: [],
      since: "2019",
      until: "2020-06",
      undated: false,
      tab: "timeline" as const,
    };
    const search = formatView(view);
    expect(search).toContain("entity=person%3Atomoko-yoshino");
    expect(search).toContain("hide=none");
    expect(parseView(search)).toEqual(view);
  });

  it("round-trips the pair of a path search with its hops", () => {
    const view = { ...DEFAULT_VIEW, view: "path" as const, from: "a", to: "b", hops: 6 };
    expect(parseView(formatView(view))).toEqual(view);
  });

  it("falls back to the defaults for unknown types, depths out of range and malformed dates", () => {
    const view = parseView("?entity=x&depth=9&rels=MET_WITH,DROP_ALL&hide=Alien&since=last+year");
    expect(view).toMatchObject({ view: "entity", entity: "x", depth: 1, rels: ["MET_WITH"], hide: [] });
    expect(view.since).toBeUndefined();
  });
});

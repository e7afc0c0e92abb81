import { describe, expect, it } from "vitest";
import { documentOf, resolutionOf } from "../../test/helpers/resolution-fixtures.js";
import { clustersOf, identifyEntities } from "./stage-ids.js";
import { OrganisationForms, uniteOrganisations } from "./stage-organisations.js";

describe("clustersOf", () => {
  it("lists the clusters with document nodes in the order of their first node, events apart", () => {
    const r = resolutionOf(
      [
        documentOf("d2", [{ id: "p", type: "Person", name: "Ivan Petrov" }]),
        documentOf("d1", [
          { id: "e", type: "Event", name: "Meeting", properties: { kind: "meeting" } },
          { id: "o", type: "Union", name: "Alpha Workers Union" },
        ]),
      ],
      { entities: [{ name: "Unused Union", type: "Union", acronyms: [], aliases: [] }] },
    );
    const { entityClusters, eventClusters } = clustersOf(r);
    expect(entityClusters.map((c) => c.nodes.map((n) => n.id))).toEqual([["d1#o"], ["d2#p"]]);
    expect(eventClusters.map((c) => c.nodes.map((n) => n.id))).toEqual([["d1#e"]]);
  });
});

describe("identifyEntities", () => {
  it("gives slugs as ids, the country or a hash when taken, and keeps a stored entity's id", () => {
    const r = resolutionOf(
      [
        documentOf("d1", [
          { id: "o", type: "Union", name: "Alpha Workers Union" },
          { id: "p", type: "Person", name: "Ivan Petrov" },
          { id: "q", type: "Person", name: "Olga Sidorova" },
        ]),
      ],
      { entities: [{ name: "Alpha Workers Union", type: "Union", acronyms: [], aliases: [], country: "Belarus" }] },
      [
        { id: "org:alpha-workers-union", type: "Union", name: "Another Union", aliases: [] },
        { id: "person:ivan-petrov", type: "Person", name: "Ivan Petrov Senior", aliases: [] },
      ],
    );
    uniteOrganisations(r, new OrganisationForms());
    r.clusters.tryUnion("d1#q", r.clusters.knownNodeId("person:ivan-petrov"));
    const { entities, globalIdOf } = identifyEntities(r, clustersOf(r).entityClusters);
    expect(entities.map((e) => e.id)).toEqual([
      "org:alpha-workers-union-belarus",
      expect.stringMatching(/^person:ivan-petrov-[0-9a-f]{8}$/),
      "person:ivan-petrov",
    ]);
    expect(globalIdOf.get("d1#q")).toBe("person:ivan-petrov");
  });
});

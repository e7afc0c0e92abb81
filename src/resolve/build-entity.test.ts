import { describe, expect, it } from "vitest";
import { documentOf } from "../../test/helpers/resolution-fixtures.js";
import { buildEntity } from "./build-entity.js";
import { documentNodes } from "./resolution-nodes.js";

describe("buildEntity", () => {
  const nodes = documentNodes([
    documentOf("d1", [{ id: "o", type: "Union", name: "Alpha Workers Union", acronyms: ["AWU"], mentions: 3 }]),
    documentOf("d2", [{ id: "o", type: "Confederation", name: "Alpha Workers' Union", mentions: 1 }]),
    documentOf("d3", [{ id: "o", type: "Union", name: "Alpha Workers Union", mentions: 2 }]),
  ]);

  it("names the cluster by the form most documents used, votes its type and acronym, keeps every other form", () => {
    const entity = buildEntity({ nodes }, undefined, undefined);
    expect(entity).toMatchObject({ type: "Union", name: "Alpha Workers Union", properties: { acronym: "AWU" } });
    expect(entity.aliases).toEqual(["AWU", "Alpha Workers' Union"]);
    expect(entity.properties.nameForms).toEqual(["Alpha Workers Union", "Alpha Workers' Union"]);
    expect(entity.properties.nameFormDocs).toEqual([2, 1]);
  });

  it("lets the alias file name it and give its country", () => {
    const entry = { name: "Alpha Union", type: "Union" as const, acronyms: ["AU"], aliases: [], country: "Belarus" };
    const entity = buildEntity({ nodes }, entry, undefined);
    expect(entity).toMatchObject({ name: "Alpha Union", properties: { acronym: "AU", country: "Belarus" } });
    expect(entity.aliases).toContain("Alpha Workers Union");
  });
});

import { describe, expect, it } from "vitest";
import { clusterWith, documentOf, resolutionOf } from "../../test/helpers/resolution-fixtures.js";
import { UnionFind } from "./clustering.js";

describe("UnionFind", () => {
  it("roots a cluster at its smallest id, whatever the order of unions", () => {
    const uf = new UnionFind();
    uf.unionRoots(uf.find("c"), uf.find("b"));
    uf.unionRoots(uf.find("d"), uf.find("a"));
    uf.unionRoots(uf.find("d"), uf.find("c"));
    expect(["a", "b", "c", "d"].map((x) => uf.find(x))).toEqual(["a", "a", "a", "a"]);
    expect(uf.find("e")).toBe("e");
  });
});

describe("Clustering", () => {
  const doc = documentOf("d1", [
    { id: "o1", type: "Union", name: "Alpha Workers Union" },
    { id: "o2", type: "Union", name: "Beta Workers Union" },
    { id: "o3", type: "Union", name: "Gamma Workers Union" },
  ]);

  it("unites clusters and counts the forms it copies", () => {
    const r = resolutionOf([doc]);
    expect(r.clusters.tryUnion("d1#o1", "d1#o2")).toBe(true);
    expect(clusterWith(r, "d1#o2")).toEqual(["d1#o1", "d1#o2"]);
    expect(r.work.formsCopied).toBeGreaterThan(0);
  });

  it("keeps a distinct pair of the alias file apart, also through a third node", () => {
    const r = resolutionOf([doc], { distinct: [["Alpha Workers Union", "Beta Workers Union"]] });
    expect(r.clusters.tryUnion("d1#o1", "d1#o3")).toBe(true);
    expect(r.clusters.tryUnion("d1#o3", "d1#o2")).toBe(false);
    expect(clusterWith(r, "d1#o2")).toEqual(["d1#o2"]);
  });

  it("never unites two alias entries or two stored entities", () => {
    const r = resolutionOf(
      [doc],
      {
        entities: [
          { name: "Alpha Workers Union", type: "Union", acronyms: [], aliases: [] },
          { name: "Beta Workers Union", type: "Union", acronyms: [], aliases: [] },
        ],
      },
      [
        { id: "org:a", type: "Union", name: "A", aliases: [] },
        { id: "org:b", type: "Union", name: "B", aliases: [] },
      ],
    );
    expect(r.clusters.tryUnion(r.aliasNodes[0]!.id, r.aliasNodes[1]!.id)).toBe(false);
    expect(r.clusters.tryUnion(r.clusters.knownNodeId("org:a"), r.clusters.knownNodeId("org:b"))).toBe(false);
    expect(r.clusters.knownNodeList().map((n) => n.id)).toEqual(["~known#org:a", "~known#org:b"]);
  });

  it("unites later holders of a key with the first, a stored holder first of all", () => {
    const r = resolutionOf([doc], {}, [{ id: "org:s", type: "Union", name: "Stored Union", aliases: [] }]);
    const firsts = new Map<string, string>();
    r.clusters.uniteWithFirstHolder(firsts, "k", "d1#o1", () => undefined);
    r.clusters.uniteWithFirstHolder(firsts, "k", "d1#o2", () => "org:s");
    expect(clusterWith(r, "d1#o1")).toEqual(["d1#o1", "d1#o2"]);
    r.clusters.uniteWithFirstHolder(firsts, "s", "d1#o3", () => "org:s");
    expect(clusterWith(r, "d1#o3")).toEqual(["d1#o3", "~known#org:s"]);
  });
});

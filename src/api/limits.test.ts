import { buildSchema, parse, specifiedRules, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { API_LIMITS, queryLimitsRule, readOnlyRule } from "./limits.js";
import { resolveStaticPath } from "./static-files.js";

const schema = buildSchema(/* GraphQL */ `
  type Person {
    name: String
    friends(limit: Int): [Person!]!
    postsConnection(first: Int): PostsConnection!
  }
  type PostsConnection {
    edges: [PostEdge!]!
  }
  type PostEdge {
    node: Person!
  }
  type Query {
    people(limit: Int): [Person!]!
    me: Person
  }
`);

function errors(query: string): string[] {
  return validate(schema, parse(query), [...specifiedRules, readOnlyRule, queryLimitsRule]).map((e) => e.message);
}

describe("query limits", () => {
  it("accepts an ordinary nested query", () => {
    expect(errors(`{ people(limit: 10) { name friends { name } } }`)).toEqual([]);
  });

  it("refuses a query deeper than the limit", () => {
    const deep = `{ me ${"{ friends ".repeat(API_LIMITS.maxDepth)}{ name }${" }".repeat(API_LIMITS.maxDepth)} }`;
    expect(errors(deep).join()).toMatch(/levels deep/);
  });

  it("weights fields by list sizes, connection `first` included, and refuses a costly query", () => {
    expect(errors(`{ people(limit: 100) { friends(limit: 100) { friends(limit: 100) { name } } } }`).join()).toMatch(
      /too costly/,
    );
    expect(
      errors(
        `{ people(limit: 100) { postsConnection(first: 100) { edges { node { friends(limit: 100) { name } } } } } }`,
      ).join(),
    ).toMatch(/too costly/);
    expect(
      errors(`query($n: Int) { people(limit: $n) { friends(limit: $n) { friends(limit: $n) { name } } } }`).join(),
    ).toMatch(/too costly/);
  });

  it("counts fragments once per use and survives fragment cycles", () => {
    expect(
      errors(`{ people { ...F } } fragment F on Person { friends { ...F } }`).some((m) =>
        /cannot spread fragment/i.test(m),
      ),
    ).toBe(true);
  });

  it("refuses mutations when the schema has none", () => {
    expect(errors(`mutation { x }`).join()).toMatch(/read-only/);
  });
});

describe("static file paths", () => {
  it("stays inside the root and serves only known types", () => {
    expect(resolveStaticPath("/srv/web", "/")).toBe("/srv/web/index.html");
    expect(resolveStaticPath("/srv/web", "/app.js")).toBe("/srv/web/app.js");
    for (const bad of [
      "/../etc/passwd.txt",
      "/%2e%2e/x.js",
      "/..%2fx.js",
      "/.git/config.txt",
      "/a%5c..%5cb.js",
      "/x.sh",
      "/%ZZ",
    ]) {
      expect(resolveStaticPath("/srv/web", bad), bad).toBeUndefined();
    }
  });
});

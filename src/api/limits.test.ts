import { buildSchema, getIntrospectionQuery, parse, specifiedRules, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { API_LIMITS, checkPageSizes, checkQueryText, operationTypeRule, queryLimitsRule } from "./limits.js";
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
  return validate(schema, parse(query), [...specifiedRules, operationTypeRule, queryLimitsRule]).map((e) => e.message);
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

  it("refuses subscriptions when the schema has none, with a message that says to send a query", () => {
    expect(errors(`subscription { x }`)).toEqual([expect.stringMatching(/no subscriptions.*as a query/)]);
  });

  it("bounds the root fields and the aliases of an operation, introspection included", () => {
    const aliased = (n: number, field: string) =>
      `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(" ")} }`;
    expect(errors(aliased(API_LIMITS.maxAliases, "me { name }"))).toEqual([]);
    expect(errors(`{ me { ${Array.from({ length: 11 }, (_, i) => `n${i}: name`).join(" ")} } }`).join()).toMatch(
      /11 aliases; at most 10/,
    );
    expect(errors(aliased(1000, "__schema { types { name } }"))).toEqual([
      "The query asks for 1000 root fields; at most 10 are allowed. Split it into several requests.",
    ]);
    expect(errors(aliased(API_LIMITS.maxRootFields + 1, "__typename")).join()).toMatch(/11 root fields; at most 10/);
    // aliases inside fragments count once per use
    const spread = `{ ${Array.from({ length: 4 }, (_, i) => `p${i}: me { ...F }`).join(" ")} } fragment F on Person { x: name y: name }`;
    expect(errors(spread).join()).toMatch(/12 aliases/);
  });

  it("counts introspection fields in the cost, and accepts one standard introspection query", () => {
    expect(errors(getIntrospectionQuery())).toEqual([]);
    const listed = `{ people(limit: 100) { friends(limit: 100) { __typename x: __typename } } }`;
    expect(errors(listed).join()).toMatch(/about 30100 fields/);
  });

  it("measures a fragment once per page size, so that fragments that spread each other twice stay fast", () => {
    const levels = 40;
    const fragments = Array.from(
      { length: levels },
      (_, i) => `fragment F${i} on Person { name ${i + 1 < levels ? `...F${i + 1} friends { ...F${i + 1} }` : ""} }`,
    ).join("\n");
    const started = performance.now();
    const found = errors(`{ me { ...F0 } } ${fragments}`);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(found.join()).toMatch(/levels deep|too costly/);
  });
});

describe("checks before parsing and with variables", () => {
  it("refuses brackets nested deeper than the limit before the parser runs", () => {
    const deep = `{${"a{".repeat(3000)}b${"}".repeat(3000)}}`;
    expect(checkQueryText(deep)?.message).toMatch(/more than 64 levels of brackets/);
    expect(checkQueryText(deep)?.extensions).toMatchObject({ limit: "QUERY_TOO_DEEP" });
    expect(checkQueryText(`{ me { name } }`)).toBeUndefined();
    // brackets inside strings and comments are not nesting
    expect(checkQueryText(`{ people(where: "${"{".repeat(100)}") { name } } # ${"[".repeat(100)}`)).toBeUndefined();
    expect(checkQueryText(`{ unterminated "`)).toBeUndefined();
  });

  it("refuses a query text of more tokens than the limit before the parser runs", () => {
    const flood = `{ ${Array.from({ length: 4000 }, (_, i) => `a${i}: __typename`).join(" ")} }`;
    expect(checkQueryText(flood)?.extensions).toMatchObject({ limit: "TOO_MANY_TOKENS", maxTokens: 10_000 });
    expect(checkQueryText(getIntrospectionQuery())).toBeUndefined();
  });

  it("refuses a page size above the largest, as a literal or a variable, anywhere in the query", () => {
    const check = (query: string, variables: Record<string, unknown> = {}) =>
      checkPageSizes(parse(query), variables)?.message;
    expect(check(`{ people(limit: 100) { name } }`)).toBeUndefined();
    expect(check(`{ people(limit: 1000000) { name } }`)).toMatch(/"limit" is 1000000; pages hold at most 100/);
    expect(check(`{ me { postsConnection(first: 101) { edges { node { name } } } } }`)).toMatch(/"first" is 101/);
    expect(check(`query($n: Int) { people(limit: $n) { name } }`, { n: 5000 })).toMatch(/"limit" is 5000/);
    expect(check(`query($n: Int) { people(limit: $n) { name } }`, { n: 50 })).toBeUndefined();
    expect(check(`{ me { ...F } } fragment F on Person { friends(limit: 999) { name } }`)).toMatch(/999/);
  });

  it("checks the variables of every request again when one document is sent many times", () => {
    const document = parse(`query($n: Int) { people(limit: $n) { name } }`);
    expect(checkPageSizes(document, { n: 5 })).toBeUndefined();
    expect(checkPageSizes(document, { n: 500 })?.message).toMatch(/"limit" is 500/);
    expect(checkPageSizes(document, { n: 5 })).toBeUndefined();
    const deep = `{ a ${"{ b ".repeat(70)}${"}".repeat(71)}`;
    for (let i = 0; i < 3; i++) expect(checkQueryText(deep)?.extensions).toMatchObject({ limit: "QUERY_TOO_DEEP" });
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

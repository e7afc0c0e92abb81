/** The GraphQL API over real HTTP against real Neo4j, on the fixture graph of test/fixtures/explore-graph.ts. */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createDriver } from "../../src/graph/connection.js";
import { startApi, useFixtureApi } from "../helpers/api-client.js";
import { TestHelper } from "../helpers/test-helper.js";

const helper = new TestHelper();

const NODE = /* GraphQL */ `
  {
    id
    name
    label
  }
`;
const EDGE = /* GraphQL */ `
  {
    type
    from
    to
    confidence
    properties
    evidence {
      sentence
      document {
        id
        title
        date
        url
      }
    }
  }
`;

async function counts(): Promise<{ nodes: number; rels: number; props: string }> {
  const [row] = await helper.runCypher(/* Cypher */ `
    MATCH (n) WHERE NOT n:__Neo4jMigration
    OPTIONAL MATCH (n)-[r]->()
    WITH count(DISTINCT n) AS nodes, count(r) AS rels
    CALL { MATCH (p:Person) RETURN collect(p.name + '|' + coalesce(p.searchText, '')) AS names }
    RETURN nodes, rels, reduce(s = '', x IN names | s + x) AS props`);
  return { nodes: Number(row?.nodes), rels: Number(row?.rels), props: String(row?.props) };
}

const api = useFixtureApi(helper);

describe("relationship queries", () => {
  it("finds the path from Yoshino to Rafikov through Dauletalin, every edge with evidence and its document", async () => {
    const res = await api.graphql<{
      connections: {
        length: number;
        nodes: { name: string }[];
        edges: { evidence: { sentence: string; document: { id: string; title: string } }[] }[];
      }[];
    }>(
      /* GraphQL */ `query($from: String!, $to: String!) { connections(from: $from, to: $to, maxHops: 4, limit: 5) { length nodes ${NODE} edges ${EDGE} } }`,
      { from: "Tomoko Yoshino", to: "Kudratulla Rafikov" },
    );
    expect(res.status).toBe(200);
    const [first] = res.data!.connections;
    expect(first?.nodes.map((n) => n.name)).toEqual(["Tomoko Yoshino", "Satybaldy Dauletalin", "Kudratulla Rafikov"]);
    expect(first?.length).toBe(2);
    const [toDauletalin, toRafikov] = first!.edges;
    expect(toDauletalin?.evidence.map((e) => e.document.title)).toEqual([
      "FPRK strengthens cooperation with foreign partners",
    ]);
    expect(toRafikov?.evidence.map((e) => e.document.title)).toEqual([
      "Uzbek trade union delegation visits Astana",
      "Uzbek trade union delegation visits Astana",
    ]);
    expect(toRafikov?.evidence[1]?.sentence).toBe(
      "Dauletalin thanked Rafikov for the solidarity shown after the flood.",
    );
  });

  it("connects FTUU to ITUC by acronym and never through documents", async () => {
    const res = await api.graphql<{
      connections: { nodes: { label: string; name: string }[]; edges: { type: string }[] }[];
    }>(
      /* GraphQL */ `{ connections(from: "FTUU", to: "ITUC", maxHops: 3, limit: 10) { nodes ${NODE} edges { type } } }`,
    );
    expect(res.data!.connections.length).toBeGreaterThan(0);
    for (const path of res.data!.connections) {
      expect(path.nodes.some((n) => n.label === "Document")).toBe(false);
      expect(path.edges.some((e) => e.type === "MENTIONED_IN")).toBe(false);
    }
    const routes = res.data!.connections.map((p) => p.nodes.map((n) => n.name).join(" > "));
    expect(routes[0]).toBe("Federation of Trade Unions of Uzbekistan > International Trade Union Confederation");
    // a longer alternative through FPRK (the agreement both signed, then FPRK's ITUC membership) follows the direct edge
    expect(routes).toContain(
      "Federation of Trade Unions of Uzbekistan > Agreement on cooperation between FTUU and FPRK > Federation of Trade Unions of the Republic of Kazakhstan > International Trade Union Confederation",
    );
    expect(res.data!.connections.map((p) => p.nodes.length)).toEqual(
      [...res.data!.connections.map((p) => p.nodes.length)].sort((x, y) => x - y),
    );
  });

  it("returns the five people Dauletalin met as his MET_WITH neighbourhood", async () => {
    const res = await api.graphql<{
      neighbourhood: { nodes: { name: string }[]; edges: { type: string; evidence: unknown[] }[] };
    }>(
      /* GraphQL */ `{ neighbourhood(id: "Dauletalin", depth: 1, types: ["MET_WITH"]) { nodes ${NODE} edges ${EDGE} } }`,
    );
    const names = res.data!.neighbourhood.nodes.map((n) => n.name).filter((n) => n !== "Satybaldy Dauletalin");
    expect(names.sort()).toEqual([
      "Kemal Özkan",
      "Kudratulla Rafikov",
      "Luca Visentini",
      "Sattar Mohbaliyev",
      "Tomoko Yoshino",
    ]);
    expect(res.data!.neighbourhood.edges.every((e) => e.type === "MET_WITH" && e.evidence.length > 0)).toBe(true);
  });

  it("pages a neighbourhood by type with a cursor, each edge with its support, its evidence read when asked", async () => {
    type Page = {
      neighbourhood: {
        edges: {
          key: string;
          support: { documents: number };
          evidenceCount: number;
          evidence?: { sentence: string }[];
        }[];
        pages: { type: string; total: number; returned: number; cursor: string | null }[];
      };
    };
    const query = /* GraphQL */ `
      query Page($after: String, $withEvidence: Boolean!) {
        neighbourhood(id: "Dauletalin", types: ["MET_WITH"], pageSize: 2, after: $after) {
          edges {
            key
            support {
              documents
            }
            evidenceCount
            evidence @include(if: $withEvidence) {
              sentence
            }
          }
          pages {
            type
            total
            returned
            cursor
          }
        }
      }
    `;
    const first = await api.graphql<Page>(query, { withEvidence: false });
    const page = first.data!.neighbourhood.pages[0];
    expect(page).toMatchObject({ type: "MET_WITH", total: 5, returned: 2 });
    expect(first.data!.neighbourhood.edges.every((e) => e.evidence === undefined && e.support.documents > 0)).toBe(
      true,
    );
    const keys = new Set(first.data!.neighbourhood.edges.map((e) => e.key));
    let cursor = page?.cursor ?? null;
    while (cursor !== null) {
      const next = await api.graphql<Page>(query, { after: cursor, withEvidence: true });
      for (const edge of next.data!.neighbourhood.edges) {
        expect(keys.has(edge.key)).toBe(false);
        keys.add(edge.key);
        expect(edge.evidence?.length).toBe(edge.evidenceCount);
      }
      cursor = next.data!.neighbourhood.pages[0]?.cursor ?? null;
    }
    expect(keys.size).toBe(5);
  });

  it("widens the neighbourhood with depth and refuses a depth over 3", async () => {
    const one = await api.graphql<{ neighbourhood: { nodes: unknown[] } }>(
      `{ neighbourhood(id: "person:tomoko-yoshino", depth: 1) { nodes { id } } }`,
    );
    const two = await api.graphql<{ neighbourhood: { nodes: unknown[] } }>(
      `{ neighbourhood(id: "person:tomoko-yoshino", depth: 2) { nodes { id } } }`,
    );
    expect(two.data!.neighbourhood.nodes.length).toBeGreaterThan(one.data!.neighbourhood.nodes.length);
    const tooDeep = await api.graphql(`{ neighbourhood(id: "person:tomoko-yoshino", depth: 4) { nodes { id } } }`);
    expect(tooDeep.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(tooDeep.errors?.[0]?.message).toMatch(/depth.*1 to 3/);
  });

  it("lists Dauletalin among the common connections of Visentini and Özkan, with the edges to each", async () => {
    const res = await api.graphql<{
      commonConnections: { node: { name: string }; edgesToA: { type: string }[]; edgesToB: { type: string }[] }[];
    }>(
      /* GraphQL */ `{ commonConnections(a: "Luca Visentini", b: "Kemal Ozkan") { node ${NODE} edgesToA ${EDGE} edgesToB ${EDGE} } }`,
    );
    const dauletalin = res.data!.commonConnections.find((c) => c.node.name === "Satybaldy Dauletalin");
    expect(dauletalin?.edgesToA.map((e) => e.type)).toEqual(["MET_WITH"]);
    expect(dauletalin?.edgesToB.map((e) => e.type)).toEqual(["MET_WITH"]);
  });

  it("ranks the most connected people and filters by label", async () => {
    const res = await api.graphql<{ mostConnected: { node: { name: string; label: string }; degree: number }[] }>(
      `{ mostConnected(label: "Person", limit: 3) { node ${NODE} degree } }`,
    );
    expect(res.data!.mostConnected[0]).toEqual({
      node: { id: "person:satybaldy-dauletalin", name: "Satybaldy Dauletalin", label: "Person" },
      degree: 7,
    });
    expect(res.data!.mostConnected.every((r) => r.node.label === "Person")).toBe(true);
    const bad = await api.graphql(`{ mostConnected(label: "Person) MATCH (n", limit: 3) { degree } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("answers search by alias, transliteration and typo, best match first", async () => {
    for (const text of ["Dauletalin", "Satibaldi Dauletalin", "Dauletallin"]) {
      const res = await api.graphql<{ search: { node: { id: string }; score: number }[] }>(
        `query($t: String!) { search(text: $t, limit: 5) { node { id } score } }`,
        { t: text },
      );
      expect(res.data!.search[0]?.node.id, text).toBe("person:satybaldy-dauletalin");
      expect(res.data!.search[0]?.score).toBeGreaterThan(0);
    }
  });

  it("gives an entity card with roles, memberships and documents", async () => {
    const res = await api.graphql<{
      entity: {
        node: { name: string };
        connections: {
          edge: { type: string; properties: Record<string, unknown> };
          other: { name: string };
          direction: string;
        }[];
        documents: { title: string }[];
      };
    }>(
      /* GraphQL */ `{ entity(id: "KTUF") { node ${NODE} connections { direction edge ${EDGE} other ${NODE} } documents { id title date } } }`,
    );
    const card = res.data!.entity;
    expect(card.node.name).toBe("Federation of Trade Unions of the Republic of Kazakhstan");
    expect(card.connections).toContainEqual(
      expect.objectContaining({
        direction: "out",
        other: expect.objectContaining({ name: "International Trade Union Confederation" }),
        edge: expect.objectContaining({ type: "MEMBER_OF", properties: expect.objectContaining({ status: "member" }) }),
      }),
    );
    expect(card.connections).toContainEqual(
      expect.objectContaining({
        direction: "in",
        other: expect.objectContaining({ name: "Satybaldy Dauletalin" }),
        edge: expect.objectContaining({
          type: "HOLDS_POSITION",
          properties: expect.objectContaining({ role: "Chairman" }),
        }),
      }),
    );
    expect(card.documents.map((d) => d.title)).toContain("Uzbek trade union delegation visits Astana");
  });
});

describe("name resolution", () => {
  it("accepts ids, names, aliases, other case, missing accents and transliterations", async () => {
    for (const ref of ["person:kemal-ozkan", "Kemal Özkan", "kemal ozkan", "KEMAL ÖZKAN", "Kemal Ozkan"]) {
      const res = await api.graphql<{ entity: { node: { id: string } } }>(
        `query($r: String!) { entity(id: $r) { node { id } } }`,
        { r: ref },
      );
      expect(res.data?.entity.node.id, ref).toBe("person:kemal-ozkan");
    }
    const translit = await api.graphql<{ entity: { node: { id: string } } }>(
      `{ entity(id: "Satibaldi Dauletalin") { node { id } } }`,
    );
    expect(translit.data?.entity.node.id).toBe("person:satybaldy-dauletalin");
  });

  it("refuses an ambiguous name with the candidates, and an unknown one with suggestions", async () => {
    const ambiguous = await api.graphql(`{ connections(from: "R. Saito", to: "Dauletalin") { length } }`);
    expect(ambiguous.status).toBe(200);
    expect(ambiguous.errors?.[0]?.extensions?.code).toBe("AMBIGUOUS");
    const candidates = ambiguous.errors?.[0]?.extensions?.candidates as { id: string }[];
    expect(candidates.map((c) => c.id).sort()).toEqual(["person:rie-saito", "person:ryo-saito"]);
    const unknown = await api.graphql(`{ entity(id: "Nobody Atall") { node { id } } }`);
    expect(unknown.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(unknown.errors?.[0]?.message).toContain("Nobody Atall");
  });
});

describe("generated queries", () => {
  it("traverses people -> HOLDS_POSITION -> organisation -> MEMBER_OF with relationship properties", async () => {
    const res = await api.graphql<{
      people: {
        name: string;
        positionsConnection: {
          edges: {
            properties: { role: string; evidence: string[] };
            node: {
              name: string;
              memberOfConnection: { edges: { properties: { status: string }; node: { name: string } }[] };
            };
          }[];
        };
      }[];
    }>(/* GraphQL */ `
      {
        people(where: { name: { eq: "Satybaldy Dauletalin" } }) {
          name
          positionsConnection {
            edges {
              properties {
                role
                evidence
              }
              node {
                name
                memberOfConnection {
                  edges {
                    properties {
                      status
                    }
                    node {
                      name
                    }
                  }
                }
              }
            }
          }
        }
      }
    `);
    expect(res.errors).toBeUndefined();
    const [position] = res.data!.people[0]!.positionsConnection.edges;
    expect(position?.properties.role).toBe("Chairman");
    expect(position?.properties.evidence[0]).toContain("Chairman of the Federation of Trade Unions");
    expect(position?.node.name).toBe("Federation of Trade Unions of the Republic of Kazakhstan");
    expect(position?.node.memberOfConnection.edges).toEqual([
      { properties: { status: "member" }, node: { name: "International Trade Union Confederation" } },
    ]);
  });

  it("lists every organisation under organizations and only unions under unions", async () => {
    const res = await api.graphql<{
      organizations: { name: string }[];
      unions: { name: string }[];
      confederations: { name: string }[];
    }>(`{ organizations(sort: [{ name: ASC }]) { name } unions { name } confederations { name } }`);
    expect(res.data!.organizations.map((o) => o.name)).toEqual(
      [...res.data!.unions, ...res.data!.confederations, { name: "Japan International Labour Foundation" }]
        .map((o) => o.name)
        .sort(),
    );
    expect(res.data!.unions.map((u) => u.name).sort()).toEqual(
      [
        "Federation of Trade Unions of Uzbekistan",
        "Federation of Trade Unions of the Republic of Kazakhstan",
        "IndustriALL Global Union",
      ].sort(),
    );
  });

  it("pages with the connection cursor and caps page sizes", async () => {
    const page = await api.graphql<{
      peopleConnection: { edges: { node: { name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    }>(
      `{ peopleConnection(first: 2, sort: [{ name: ASC }]) { edges { node { name } } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(page.data!.peopleConnection.edges).toHaveLength(2);
    expect(page.data!.peopleConnection.pageInfo.hasNextPage).toBe(true);
    const next = await api.graphql<{ peopleConnection: { edges: { node: { name: string } }[] } }>(
      `query($after: String) { peopleConnection(first: 2, after: $after, sort: [{ name: ASC }]) { edges { node { name } } } }`,
      { after: page.data!.peopleConnection.pageInfo.endCursor },
    );
    expect(
      String(next.data!.peopleConnection.edges[0]?.node.name) > String(page.data!.peopleConnection.edges[1]?.node.name),
    ).toBe(true);
  });
});

describe("safety", () => {
  it("refuses mutations in public mode and changes nothing", async () => {
    const before = await counts();
    const res = await api.graphql(
      `mutation { createPeople(input: [{ id: "person:x", name: "X" }]) { people { id } } }`,
    );
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe("READ_ONLY");
    expect(res.errors?.[0]?.message).toMatch(/read-only/);
    expect(await counts()).toEqual(before);
  });

  it("refuses an over-deep query with a clear error", async () => {
    const deep = `{ people { metWith { metWith { metWith { metWith { metWith { metWith { metWith { metWith { metWith { metWith { name } } } } } } } } } } } }`;
    const res = await api.graphql(deep);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.message).toMatch(/levels deep; at most 10/);
    expect(res.errors?.[0]?.extensions?.limit).toBe("QUERY_TOO_DEEP");
  });

  it("refuses an over-costly query with a clear error", async () => {
    const costly = `{ people(limit: 100) { metWith(limit: 100) { metWith(limit: 100) { name } } } }`;
    const res = await api.graphql(costly);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.message).toMatch(/too costly/);
    expect(res.errors?.[0]?.extensions?.limit).toBe("QUERY_TOO_COSTLY");
  });

  it("refuses generated list sizes above the page size instead of answering them", async () => {
    const res = await api.graphql<{ people: unknown[] }>(`{ people(limit: 100000) { id } }`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("keeps hostile input in every argument harmless: no change, no 500, no stack trace", async () => {
    const before = await counts();
    const hostile = [
      `") DETACH DELETE n //`,
      `' OR 1=1 MATCH (n) DETACH DELETE n RETURN '`,
      `}]->(x) WITH x MATCH (n) DETACH DELETE n //`,
      `name:* OR *:* AND NOT (a~ ) \\ "`,
      `CALL db.index.fulltext.queryNodes('entity_names', '*')`,
      `\u0000\uFFFF\uD800`,
      "x".repeat(100_000),
    ];
    const queries = [
      `query($v: String!) { search(text: $v) { node { id } } }`,
      `query($v: String!) { connections(from: $v, to: "Dauletalin") { length } }`,
      `query($v: String!) { connections(from: "Dauletalin", to: $v) { length } }`,
      `query($v: String!) { neighbourhood(id: $v) { nodes { id } } }`,
      `query($v: String!) { neighbourhood(id: "Dauletalin", types: [$v]) { nodes { id } } }`,
      `query($v: String!) { commonConnections(a: $v, b: "Dauletalin") { node { id } } }`,
      `query($v: String!) { commonConnections(a: "Dauletalin", b: $v) { node { id } } }`,
      `query($v: String!) { mostConnected(label: $v) { degree } }`,
      `query($v: String!) { entity(id: $v) { node { id } } }`,
      `query($v: String!) { people(where: { name: { contains: $v } }) { id } }`,
      `query($v: ID!) { documents(where: { id: { eq: $v } }) { id } }`,
    ];
    for (const query of queries) {
      for (const value of hostile) {
        const res = await api.graphql(query, { v: value });
        expect(res.status, `${query} ${value.slice(0, 40)}`).toBeLessThan(500);
        expect(res.text).not.toMatch(/stacktrace| {4}at |Neo4jError|Neo\.ClientError/);
        for (const error of res.errors ?? []) expect(error.extensions?.code).not.toBe("INTERNAL_SERVER_ERROR");
      }
    }
    expect(await counts()).toEqual(before);
  });

  it("answers out-of-range arguments with BAD_USER_INPUT", async () => {
    const hops = await api.graphql(`{ connections(from: "FTUU", to: "ITUC", maxHops: 7) { length } }`);
    expect(hops.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
    expect(hops.errors?.[0]?.message).toMatch(/maxHops.*1 to 6/);
    const limit = await api.graphql(`{ search(text: "FTUU", limit: 1000) { score } }`);
    expect(limit.errors?.[0]?.message).toMatch(/"limit" is 1000; pages hold at most 100/);
    for (const query of [
      `{ people(limit: -1) { id } }`,
      `{ people(offset: -5) { id } }`,
      `{ peopleConnection(first: -3) { edges { node { id } } } }`,
    ]) {
      const res = await api.graphql(query);
      expect(res.errors?.[0]?.extensions?.code, query).toBe("BAD_USER_INPUT");
    }
  });
});

describe("HTTP", () => {
  it("reports the database as reachable on /healthz", async () => {
    const res = await fetch(`${api.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: "reachable" });
  });

  it("answers GET queries with Apollo's CSRF header and refuses simple cross-site requests", async () => {
    const query = encodeURIComponent(`{ search(text: "FTUU", limit: 1) { node { id } } }`);
    const get = await fetch(`${api.url}/graphql?query=${query}`, { headers: { "apollo-require-preflight": "true" } });
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({
      data: { search: [{ node: { id: "org:federation-of-trade-unions-of-uzbekistan" } }] },
    });
    const simple = await fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: `{"query":"{ people { id } }"}`,
    });
    expect(simple.status).toBe(400);
    const bad = await fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(bad.status).toBe(400);
  });

  it("answers in the media type the client accepts: JSON by default, graphql-response+json when preferred", async () => {
    const post = (accept?: string) =>
      fetch(`${api.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(accept ? { accept } : {}) },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
    for (const accept of [undefined, "application/json", "*/*"])
      expect((await post(accept)).headers.get("content-type"), accept).toBe("application/json; charset=utf-8");
    expect((await post("application/graphql-response+json")).headers.get("content-type")).toBe(
      "application/graphql-response+json; charset=utf-8",
    );
    expect((await post("text/csv")).status).toBe(406);
  });

  it("serves a local GraphQL page to browsers, with no CDN", async () => {
    const res = await fetch(`${api.url}/graphql`, { headers: { accept: "text/html" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain("<textarea");
    expect(html).not.toMatch(/https?:\/\/(?!localhost)[a-z0-9.-]+\/[^"]*\.(js|css)/i);
  });

  it("serves the explorer's files and Cytoscape with their content types, and nothing outside web/", async () => {
    const webRoot = await mkdtemp(path.join(tmpdir(), "lg-web-"));
    await writeFile(path.join(webRoot, "index.html"), "<!doctype html><title>explorer</title>");
    await writeFile(path.join(webRoot, "app.js"), "console.log('app');");
    await writeFile(path.join(webRoot, "style.css"), "body{}");
    const web = await startApi(helper.settings, helper.driver, { webRoot });
    try {
      const expectations: [string, number, RegExp?][] = [
        ["/", 200, /text\/html/],
        ["/app.js", 200, /text\/javascript/],
        ["/style.css", 200, /text\/css/],
        ["/vendor/cytoscape.min.js", 200, /text\/javascript/],
        ["/../package.json", 404],
        ["/%2e%2e/package.json", 404],
        ["/..%2f..%2fpackage.json", 404],
        ["/%2e%2e%5cpackage.json", 404],
        ["/.env", 404],
        ["/%E0%A4%A", 404],
      ];
      for (const [urlPath, status, type] of expectations) {
        const res = await fetch(`${web.url}${urlPath}`);
        expect(res.status, urlPath).toBe(status);
        if (type) expect(res.headers.get("content-type"), urlPath).toMatch(type);
        await res.arrayBuffer();
      }
    } finally {
      await web.close();
    }
  });

  it("sends CORS headers for the configured origin only", async () => {
    const cors = await startApi(helper.settings, helper.driver, { env: { CORS_ORIGIN: "http://localhost:5173" } });
    try {
      const ok = await fetch(`${cors.url}/graphql`, {
        method: "OPTIONS",
        headers: { origin: "http://localhost:5173", "access-control-request-method": "POST" },
      });
      expect(ok.status).toBe(204);
      expect(ok.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
      const other = await fetch(`${cors.url}/graphql`, {
        method: "OPTIONS",
        headers: { origin: "http://evil.example" },
      });
      expect(other.headers.get("access-control-allow-origin")).toBeNull();
    } finally {
      await cors.close();
    }
  });

  it("answers 503 with a clear error when the database cannot be reached", async () => {
    const deadDriver = createDriver(
      { ...helper.settings, uri: "bolt://127.0.0.1:1" },
      { maxTransactionRetryTimeMs: 0 },
    );
    const dead = await startApi({ ...helper.settings, uri: "bolt://127.0.0.1:1" }, deadDriver);
    try {
      const health = await fetch(`${dead.url}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({ status: "unavailable", database: "unreachable" });
      const res = await dead.graphql(`{ search(text: "FTUU") { score } }`);
      expect(res.status).toBe(503);
      expect(res.errors?.[0]?.extensions?.code).toBe("DATABASE_UNAVAILABLE");
      expect(res.errors?.[0]?.message).toMatch(/not reachable/);
    } finally {
      await dead.close();
      await deadDriver.close();
    }
  });
});

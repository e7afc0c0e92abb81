/**
 * Hostile requests over real HTTP, each with the exact answer the API promises: an introspection flood, a
 * thousands-deep query, an oversized body on a kept-alive connection, a subscription, page sizes above the cap.
 */
import { Agent, request } from "node:http";
import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { API_LIMITS } from "../../src/api/index.js";
import { useFixtureApi } from "../helpers/api-client.js";
import { TestHelper } from "../helpers/test-helper.js";

const helper = new TestHelper();

const api = useFixtureApi(helper);

/** Polls /healthz every 10 ms until stopped; returns the statuses and the slowest answer. */
function pollHealth(url: string): { stop(): Promise<{ statuses: number[]; slowestMs: number }> } {
  const statuses: number[] = [];
  let slowestMs = 0;
  let isRunning = true;
  const loop = (async () => {
    while (isRunning) {
      const started = performance.now();
      const res = await fetch(`${url}/healthz`);
      await res.arrayBuffer();
      statuses.push(res.status);
      slowestMs = Math.max(slowestMs, performance.now() - started);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  return {
    async stop() {
      isRunning = false;
      await loop;
      return { statuses, slowestMs };
    },
  };
}

/** One HTTP request through the given agent; resolves with status, headers and body. */
function send(
  agent: Agent,
  url: string,
  body: string,
): Promise<{ status: number; headers: Record<string, unknown>; text: string; socketPort: number }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/graphql`,
      {
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString("utf8"),
            socketPort: req.socket?.localPort ?? 0,
          }),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

describe("introspection flood", () => {
  it("answers 1,000 aliased __schema requests with 400 in under 100 ms while /healthz keeps answering", async () => {
    const selection =
      "__schema { types { name kind fields { name args { name } type { name kind ofType { name } } } } }";
    const query = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: ${selection}`).join(" ")} }`;
    const body = JSON.stringify({ query });
    expect(body.length).toBeGreaterThan(100_000);
    expect(body.length).toBeLessThan(API_LIMITS.maxBodyBytes);

    const health = pollHealth(api.url);
    const durations: number[] = [];
    const cpuTimes: number[] = [];
    let last: { status: number; text: string } | undefined;
    for (let i = 0; i < 7; i++) {
      const started = performance.now();
      const cpu = process.cpuUsage();
      const res = await fetch(`${api.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
      last = { status: res.status, text: await res.text() };
      durations.push(performance.now() - started);
      const used = process.cpuUsage(cpu);
      cpuTimes.push((used.user + used.system) / 1000);
    }
    const { statuses } = await health.stop();

    expect(last?.status).toBe(400);
    expect(JSON.parse(last!.text)).toEqual({
      errors: [
        {
          message:
            "The query has more than 10000 tokens (names, brackets, punctuation); at most 10 root fields and 10 aliases are allowed. Ask for fewer fields.",
          extensions: { code: "GRAPHQL_VALIDATION_FAILED", limit: "TOO_MANY_TOKENS", maxTokens: 10000 },
        },
      ],
    });
    expect(last!.text.length).toBeLessThan(10_000);
    // the first request also warms up the server: the median of seven counts; the server runs in this process, so its
    // CPU time per request is measured too (unlike the wall time, it does not depend on what else the machine runs)
    const median = (values: number[]) => values.sort((a, b) => a - b)[3]!;
    console.info(
      `1,000-alias request: median ${median(durations).toFixed(1)} ms, CPU ${median(cpuTimes).toFixed(1)} ms`,
    );
    expect(median(cpuTimes)).toBeLessThan(100);
    expect(median(durations)).toBeLessThan(100);
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set([200]));
  });

  it("refuses more root fields or aliases than allowed, introspection fields counted like any other", async () => {
    const selection = "__schema { types { name fields { name } } }";
    const wide = await api.graphql(`{ ${Array.from({ length: 300 }, (_, i) => `a${i}: ${selection}`).join(" ")} }`);
    expect(wide.status).toBe(400);
    expect(wide.errors).toEqual([
      {
        message: "The query asks for 300 root fields; at most 10 are allowed. Split it into several requests.",
        locations: [{ line: 1, column: 1 }],
        extensions: {
          code: "GRAPHQL_VALIDATION_FAILED",
          limit: "TOO_MANY_ROOT_FIELDS",
          rootFields: 300,
          maxRootFields: 10,
        },
      },
    ]);
    const aliased = await api.graphql(
      `{ __schema { ${Array.from({ length: 50 }, (_, i) => `t${i}: types { name }`).join(" ")} } }`,
    );
    expect(aliased.status).toBe(400);
    expect(aliased.errors?.[0]?.extensions).toEqual({
      code: "GRAPHQL_VALIDATION_FAILED",
      limit: "TOO_MANY_ALIASES",
      aliases: 50,
      maxAliases: 10,
    });
  });

  it("still serves one ordinary introspection query", async () => {
    const res = await api.graphql<{ __schema: { queryType: { name: string } } }>(
      `{ __schema { queryType { name } types { name } } }`,
    );
    expect(res.status).toBe(200);
    expect(res.data?.__schema.queryType.name).toBe("Query");
  });
});

describe("deep nesting", () => {
  it("answers a 3,000-level nested query with 400 QUERY_TOO_DEEP, not a stack overflow", async () => {
    const query = `{ people ${"{ metWith ".repeat(3000)}{ name }${" }".repeat(3000)} }`;
    const res = await api.graphql(query);
    expect(res.status).toBe(400);
    expect(res.errors).toEqual([
      {
        message:
          "The query nests more than 64 levels of brackets; at most 10 levels of fields are allowed. Ask for fewer nested fields.",
        extensions: { code: "GRAPHQL_VALIDATION_FAILED", limit: "QUERY_TOO_DEEP", maxNesting: 64, maxDepth: 10 },
      },
    ]);
    expect(res.text).not.toMatch(/call stack/i);
  });
});

describe("oversized body", () => {
  it("answers 413 with Connection: close, and the next request of the same client succeeds", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const warm = await send(agent, api.url, JSON.stringify({ query: "{ __typename }" }));
      expect(warm.status).toBe(200);
      const tooLarge = JSON.stringify({ query: "{ __typename }", variables: { x: "y".repeat(2_000_000) } });
      const refused = await send(agent, api.url, tooLarge);
      expect(refused.status).toBe(413);
      expect(refused.headers.connection).toBe("close");
      expect(JSON.parse(refused.text)).toEqual({
        errors: [
          {
            message: "The request body is larger than 1000000 bytes. Send a smaller query or fewer variables.",
            extensions: { code: "BAD_REQUEST" },
          },
        ],
      });
      const started = performance.now();
      const next = await send(agent, api.url, JSON.stringify({ query: "{ __typename }" }));
      expect(next.status).toBe(200);
      expect(JSON.parse(next.text)).toEqual({ data: { __typename: "Query" } });
      expect(performance.now() - started).toBeLessThan(1000);
    } finally {
      agent.destroy();
    }
  });

  it("closes the connection after the 413 instead of reading the rest of the body as a next request", async () => {
    const socket = connect(Number(new URL(api.url).port), "127.0.0.1");
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    const received: Buffer[] = [];
    socket.on("data", (c: Buffer) => received.push(c));
    const closed = new Promise<number>((resolve) => {
      const started = performance.now();
      socket.once("close", () => resolve(performance.now() - started));
    });
    const body = "x".repeat(1_500_000);
    socket.write(
      `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    socket.write(body);
    const closedAfterMs = await closed;
    const answer = Buffer.concat(received).toString("utf8");
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toMatch(/\r\nconnection: close\r\n/i);
    expect(closedAfterMs).toBeLessThan(3000);
  });
});

describe("operation types", () => {
  it("answers a subscription with 400 and a message that says to send a query", async () => {
    const res = await api.graphql(`subscription { x }`);
    expect(res.status).toBe(400);
    expect(res.errors).toEqual([
      {
        message:
          "This API has no subscriptions: it answers queries and (with JWT_SECRET) mutations over HTTP. Send the same fields as a query: `query { ... }`.",
        locations: [{ line: 1, column: 1 }],
        extensions: { code: "OPERATION_NOT_SUPPORTED" },
      },
    ]);
  });
});

describe("page sizes", () => {
  it("refuses limit or first above 100 in generated queries, literal or variable, with BAD_USER_INPUT", async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      [`{ people(limit: 1000000) { id } }`, {}, `"limit" is 1000000`],
      [`{ peopleConnection(first: 1000000) { edges { node { id } } } }`, {}, `"first" is 1000000`],
      [`query($n: Int) { people(limit: $n) { id } }`, { n: 1_000_000 }, `"limit" is 1000000`],
      [`{ people(limit: 1) { metWith(limit: 500) { id } } }`, {}, `"limit" is 500`],
      [`{ people(limit: 1) { metWithConnection(first: 101) { edges { node { id } } } } }`, {}, `"first" is 101`],
    ];
    for (const [query, variables, message] of cases) {
      const res = await api.graphql(query, variables);
      expect(res.status, query).toBe(400);
      expect(res.errors?.[0]?.extensions?.code, query).toBe("BAD_USER_INPUT");
      expect(res.errors?.[0]?.message, query).toContain(`${message}; pages hold at most 100 items`);
    }
    const ok = await api.graphql<{ people: unknown[] }>(`query($n: Int) { people(limit: $n) { id } }`, { n: 100 });
    expect(ok.status).toBe(200);
    expect(ok.data?.people.length).toBeGreaterThan(0);
  });
});

/** The API when the database goes away and comes back, and its authenticated write path (JWT). */
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createImportDocument } from "../../src/api/import-document.js";
import type { ImportDocumentInput } from "../../src/api/index.js";
import { createDriver } from "../../src/graph/connection.js";
import { importPaths } from "../../src/pipeline/import-paths.js";
import { writeExploreFixture } from "../fixtures/explore-graph.js";
import { startApi } from "../helpers/api-client.js";
import { TcpProxy } from "../helpers/tcp-proxy.js";
import { TestHelper, testAnnotateContext } from "../helpers/test-helper.js";

const helper = new TestHelper();
const SECRET = "a-test-secret-that-is-at-least-32-characters-long";

function hs256(payload: Record<string, unknown>, secret = SECRET): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const body = `${encode({ alg: "HS256", typ: "JWT" })}.${encode(payload)}`;
  return `${body}.${createHmac("sha256", secret).update(body).digest("base64url")}`;
}

beforeAll(async () => {
  await helper.clearGraph();
  await writeExploreFixture(helper);
});
afterAll(() => helper.close());

describe("database loss", () => {
  it("answers 503 with a clear JSON error while Bolt is cut, in flight or not, and recovers by itself", async () => {
    const target = new URL(helper.settings.uri.replace(/^bolt/, "http"));
    const proxy = new TcpProxy(target.hostname, Number(target.port));
    const port = await proxy.start();
    const settings = { ...helper.settings, uri: `bolt://127.0.0.1:${port}` };
    // the driver options of `labour-graph serve`: managed transactions retry for 1 s, then the API answers 503
    const driver = createDriver(settings, { maxTransactionRetryTimeMs: 1000 });
    const api = await startApi(settings, driver);
    const query = /* GraphQL */ `
      {
        search(text: "Dauletalin", limit: 1) {
          node {
            id
          }
        }
        people(limit: 1) {
          id
        }
      }
    `;
    try {
      const before = await api.graphql(query);
      expect(before.status).toBe(200);
      expect(before.errors).toBeUndefined();

      // requests already running when the connection drops end as 200 or 503, never as a 500 or a hang
      const inFlight = Array.from({ length: 16 }, () => api.graphql(query));
      await proxy.stop();
      for (const answer of await Promise.all(inFlight)) {
        expect([200, 503], answer.text).toContain(answer.status);
        if (answer.status === 503) expect(answer.errors?.[0]?.extensions?.code).toBe("DATABASE_UNAVAILABLE");
      }

      const down = await api.graphql(query);
      expect(down.status).toBe(503);
      expect(down.errors).toHaveLength(1);
      expect(down.errors?.[0]?.message).toBe(
        "The database is not reachable right now. Retry in a few seconds; if it persists, start it with `labour-graph db start`.",
      );
      expect(down.errors?.[0]?.extensions).toEqual({ code: "DATABASE_UNAVAILABLE" });
      expect(down.text).not.toMatch(/stacktrace|ECONNREFUSED|Neo4jError|ServiceUnavailable|\n\s+at /i);
      const health = await fetch(`${api.url}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({ status: "unavailable", database: "unreachable" });

      await proxy.start();
      // the same server, not restarted: it notices by itself that the database is back
      const deadline = Date.now() + 20_000;
      let after = await api.graphql(query);
      while (after.status !== 200 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        after = await api.graphql(query);
      }
      expect(after.status, after.text).toBe(200);
      expect(after.data).toEqual(before.data);
      expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
    } finally {
      await api.close();
      await driver.close();
      await proxy.stop();
    }
  });

  it("says unreachable when the database hangs, although answers that never reach it keep coming", async () => {
    const target = new URL(helper.settings.uri.replace(/^bolt/, "http"));
    const proxy = new TcpProxy(target.hostname, Number(target.port));
    const settings = { ...helper.settings, uri: `bolt://127.0.0.1:${await proxy.start()}` };
    const driver = createDriver(settings, { maxTransactionRetryTimeMs: 1000 });
    const api = await startApi(settings, driver);
    let isAsking = true;
    try {
      expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
      proxy.stall();
      // a client asks, all along, what the schema answers by itself: no database is involved in those answers
      const schemaOnly: number[] = [];
      const asking = (async () => {
        while (isAsking) {
          schemaOnly.push((await api.graphql("{ __typename }")).status);
          await new Promise((r) => setTimeout(r, 50));
        }
      })();
      // the check waits for its timeout (3 s): the database is hung, not refusing
      const health = await fetch(`${api.url}/healthz`);
      isAsking = false;
      await asking;
      expect(schemaOnly.length).toBeGreaterThan(10);
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({ status: "unavailable", database: "unreachable" });
      const down = await api.graphql(`{ people(limit: 1) { id } }`);
      expect(down.status).toBe(503);
      expect(down.errors?.[0]?.extensions).toEqual({ code: "DATABASE_UNAVAILABLE" });

      proxy.resume();
      expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
      const after = await api.graphql(`{ people(limit: 1) { id } }`);
      expect(after.status, after.text).toBe(200);
    } finally {
      isAsking = false;
      await api.close();
      await driver.close();
      await proxy.stop();
    }
  });
});

describe("authenticated writes", () => {
  it("exposes importDocument only with JWT_SECRET, and refuses it without a valid token", async () => {
    const calls: ImportDocumentInput[] = [];
    const importDocument = async (input: ImportDocumentInput) => {
      calls.push(input);
      return { documentId: "0123456789abcdef", nodes: 2, edges: 1, diagnostics: [] };
    };
    const mutation = /* GraphQL */ `
      mutation ($text: String!) {
        importDocument(text: $text, title: "T", date: "2024-06-14") {
          documentId
          nodes
          edges
        }
      }
    `;

    const publicApi = await startApi(helper.settings, helper.driver, { importDocument });
    try {
      const refused = await publicApi.graphql(
        mutation,
        { text: "Some text." },
        { authorization: `Bearer ${hs256({ sub: "analyst" })}` },
      );
      expect(refused.errors?.[0]?.extensions?.code).toBe("READ_ONLY");
    } finally {
      await publicApi.close();
    }

    const api = await startApi(helper.settings, helper.driver, { importDocument, env: { JWT_SECRET: SECRET } });
    try {
      const anonymous = await api.graphql(mutation, { text: "Some text." });
      expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      const forged = await api.graphql(
        mutation,
        { text: "Some text." },
        { authorization: `Bearer ${hs256({ sub: "x" }, "another-secret-another-secret-another")}` },
      );
      expect(forged.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      expect(calls).toEqual([]);

      const accepted = await api.graphql<{ importDocument: { documentId: string } }>(
        mutation,
        { text: "Some text." },
        { authorization: `Bearer ${hs256({ sub: "analyst" })}` },
      );
      expect(accepted.errors).toBeUndefined();
      expect(accepted.data?.importDocument.documentId).toBe("0123456789abcdef");
      expect(calls).toEqual([{ text: "Some text.", title: "T", date: "2024-06-14" }]);

      const generated = await api.graphql(
        `mutation { deletePeople { nodesDeleted } }`,
        {},
        { authorization: `Bearer ${hs256({ sub: "analyst" })}` },
      );
      expect(generated.status).toBe(400);
      const reads = await api.graphql<{ people: unknown[] }>(`{ people(limit: 1) { id } }`);
      expect(reads.data?.people).toHaveLength(1);
    } finally {
      await api.close();
    }
  });

  it("imports a document through the real importer when the token is valid", async () => {
    const importDocument = createImportDocument((paths) =>
      importPaths(paths, {
        annotate: testAnnotateContext(),
        driver: helper.driver,
        database: helper.settings.database,
      }),
    );
    const api = await startApi(helper.settings, helper.driver, { importDocument, env: { JWT_SECRET: SECRET } });
    try {
      const text = "Jane Roe, President of the Federation of Testing Unions, met John Doe in Geneva on 12 May 2024.";
      const res = await api.graphql<{ importDocument: { documentId: string; nodes: number } }>(
        /* GraphQL */ `
          mutation ($text: String!) {
            importDocument(text: $text, title: "A test article", date: "2024-05-13", url: "https://example.org/a") {
              documentId
              nodes
              edges
              diagnostics
            }
          }
        `,
        { text },
        { authorization: `Bearer ${hs256({ sub: "analyst" })}` },
      );
      expect(res.errors).toBeUndefined();
      const id = res.data!.importDocument.documentId;
      expect(id).toMatch(/^[0-9a-f]{16}$/);
      const [doc] = await helper.runCypher(
        `MATCH (d:Document {id: $id}) RETURN d.title AS title, d.date AS date, d.url AS url`,
        { id },
      );
      expect(doc).toEqual({ title: "A test article", date: "2024-05-13", url: "https://example.org/a" });
      const bad = await api.graphql(
        `mutation { importDocument(text: "x", date: "13 May") { documentId } }`,
        {},
        { authorization: `Bearer ${hs256({ sub: "analyst" })}` },
      );
      expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    } finally {
      await api.close();
    }
  });
});

/** The API when the database goes away and comes back, and its authenticated write path (JWT). */
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createImportDocument } from "../../src/api/import-document.js";
import type { ImportDocumentInput } from "../../src/api/index.js";
import { createDriver } from "../../src/graph/connection.js";
import { importPaths } from "../../src/import.js";
import { writeExploreFixture } from "../fixtures/explore-graph.js";
import { startApi } from "../helpers/api-client.js";
import { TcpProxy } from "../helpers/tcp-proxy.js";
import { TestHelper } from "../helpers/test-helper.js";

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
  it("answers 503 while the database is unreachable and recovers by itself when it returns", async () => {
    const target = new URL(helper.settings.uri.replace(/^bolt/, "http"));
    const proxy = new TcpProxy(target.hostname, Number(target.port));
    const port = await proxy.start();
    const settings = { ...helper.settings, uri: `bolt://127.0.0.1:${port}` };
    const driver = createDriver(settings, { maxTransactionRetryTimeMs: 0 });
    const api = await startApi(settings, driver);
    const query = `{ search(text: "Dauletalin", limit: 1) { node { id } } people(limit: 1) { id } }`;
    try {
      expect((await api.graphql(query)).status).toBe(200);

      await proxy.stop();
      const down = await api.graphql(query);
      expect(down.status).toBe(503);
      expect(down.errors?.[0]?.extensions?.code).toBe("DATABASE_UNAVAILABLE");
      expect(down.text).not.toMatch(/ECONNREFUSED|Neo4jError| {4}at /);
      expect((await fetch(`${api.url}/healthz`)).status).toBe(503);

      await proxy.start();
      const deadline = Date.now() + 20_000;
      let status = 0;
      while (Date.now() < deadline) {
        status = (await api.graphql(query)).status;
        if (status === 200) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(status).toBe(200);
      expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
    } finally {
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
      importPaths(paths, { driver: helper.driver, database: helper.settings.database }),
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

/** Starts the API server in-process on 127.0.0.1:0 and talks to it over real HTTP. */
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll } from "vitest";
import { createApiServer, type ApiServer, type ImportDocumentFn } from "../../src/api/index.js";
import { loadConfig } from "../../src/config/config.js";
import type { ConnectionSettings } from "../../src/graph/connection.js";
import { silentLogger } from "../../src/log.js";
import { writeExploreFixture } from "../fixtures/explore-graph.js";
import type { TestHelper } from "./test-helper.js";

/** A GraphQL answer with its HTTP status and raw text. */
export interface GraphQLAnswer<T = Record<string, unknown>> {
  status: number;
  text: string;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> & { code?: string } }[];
}

/** A running API server and a client for it. */
export interface RunningApi {
  url: string;
  server: ApiServer;
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLAnswer<T>>;
  close(): Promise<void>;
}

/** Starts a server for the given driver and database settings. */
export async function startApi(
  settings: ConnectionSettings,
  driver: Driver,
  options: { env?: Record<string, string>; importDocument?: ImportDocumentFn; webRoot?: string } = {},
): Promise<RunningApi> {
  const config = loadConfig({
    NEO4J_URI: settings.uri,
    NEO4J_USER: settings.user,
    NEO4J_PASSWORD: settings.password,
    NEO4J_DATABASE: settings.database,
    LOG_LEVEL: "silent",
    ...options.env,
  });
  const server = createApiServer({
    config,
    driver,
    logger: silentLogger,
    ...(options.importDocument ? { importDocument: options.importDocument } : {}),
    ...(options.webRoot ? { webRoot: options.webRoot } : {}),
  });
  const { url } = await server.listen(0, "127.0.0.1");
  return {
    url,
    server,
    async graphql(query, variables = {}, headers = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      let parsed: { data?: never; errors?: never } = {};
      try {
        parsed = JSON.parse(text) as typeof parsed;
      } catch {
        // not JSON: the test asserts on status and text
      }
      return {
        status: response.status,
        text,
        ...(parsed.data !== undefined ? { data: parsed.data } : {}),
        ...(parsed.errors !== undefined ? { errors: parsed.errors } : {}),
      };
    },
    close: () => server.close(),
  };
}

/**
 * For a test file that queries the explore fixture over HTTP: before its tests, empties the graph, writes the
 * fixture and starts an API; after them, stops the API and closes the helper. Returns that API (usable in tests).
 */
export function useFixtureApi(helper: TestHelper): RunningApi {
  let api: RunningApi | undefined;
  beforeAll(async () => {
    await helper.clearGraph();
    await writeExploreFixture(helper);
    api = await startApi(helper.settings, helper.driver);
  });
  afterAll(async () => {
    await api?.close();
    await helper.close();
  });
  const current = (): RunningApi => {
    if (api === undefined) throw new Error("useFixtureApi: the API is started in beforeAll; use it inside a test.");
    return api;
  };
  return {
    get url() {
      return current().url;
    },
    get server() {
      return current().server;
    },
    graphql: <T = Record<string, unknown>>(
      query: string,
      variables?: Record<string, unknown>,
      headers?: Record<string, string>,
    ) => current().graphql<T>(query, variables, headers),
    close: () => current().close(),
  };
}

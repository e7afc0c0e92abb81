/**
 * Query latency: `connections`, `neighbourhood` and `search` through GraphQL over HTTP and the same query
 * functions (the same Cypher) through the driver, at concurrency 1 and 32.
 */
import type { Driver } from "neo4j-driver";
import { findConnections, getNeighbourhood, searchEntities, type QueryContext } from "../../src/graph/queries/index.js";
import { postGraphQL } from "./graphql-client.js";
import { measureAfterIdle, measureLatency, measurePaired, round, type LatencyStats } from "./latency.js";
import type { Prng } from "./prng.js";

/** The arguments the queries are asked with, drawn from the imported graph. */
export interface QueryTargets {
  pairs: [string, string][];
  centres: string[];
  searches: string[];
}

/** The three benchmarked queries. */
export const QUERY_NAMES = ["connections", "neighbourhood", "search"] as const;
/** A benchmarked query. */
export type QueryName = (typeof QUERY_NAMES)[number];

/** GraphQL documents asking for what the driver functions return (paths with evidence, neighbourhood summaries). */
export const GRAPHQL_QUERIES: Record<QueryName, string> = {
  connections: /* GraphQL */ `
    query Connections($from: String!, $to: String!) {
      connections(from: $from, to: $to) {
        nodes {
          id
          name
          label
        }
        edges {
          type
          from
          to
          properties
          evidence {
            sentence
            document {
              id
              title
              date
            }
          }
        }
      }
    }
  `,
  // the summary an explorer draws: top edges per type with their support; evidence is read per edge when opened
  neighbourhood: /* GraphQL */ `
    query Neighbourhood($id: String!) {
      neighbourhood(id: $id) {
        nodes {
          id
          name
          label
        }
        edges {
          key
          type
          from
          to
          properties
          support {
            documents
            firstSeen
            lastSeen
          }
          evidenceCount
        }
        pages {
          type
          total
          returned
          cursor
        }
      }
    }
  `,
  search: /* GraphQL */ `
    query Search($text: String!) {
      search(text: $text) {
        score
        node {
          id
          name
          label
        }
      }
    }
  `,
};

/** Picks query arguments from the graph: pairs of people, people as centres, and misspelt names to search. */
export async function pickQueryTargets(
  driver: Driver,
  database: string,
  prng: Prng,
  count: number,
): Promise<QueryTargets> {
  const { records } = await driver.executeQuery(
    /* Cypher */ `MATCH (p:Person)-[r]-() WHERE type(r) <> 'MENTIONED_IN' RETURN DISTINCT p.id AS id, p.name AS name ORDER BY id`,
    {},
    { database },
  );
  const people = records.map((r) => ({ id: String(r.get("id")), name: String(r.get("name")) }));
  if (people.length < 2)
    throw new Error(`The imported graph has ${people.length} connected people: too few to benchmark queries.`);
  const pairs: [string, string][] = [];
  while (pairs.length < count) {
    const [a, b] = prng.sample(people, 2) as [(typeof people)[number], (typeof people)[number]];
    pairs.push([a.id, b.id]);
  }
  const centres = Array.from({ length: count }, () => prng.pick(people).id);
  const searches = Array.from({ length: count }, () => {
    const name = prng.pick(people).name;
    const words = name.split(/\s+/);
    const family = words.at(-1) ?? name;
    if (!prng.chance(0.5) || family.length < 6) return family;
    // a typo: one letter dropped, as analysts type
    const i = prng.between(1, family.length - 2);
    return family.slice(0, i) + family.slice(i + 1);
  });
  return { pairs, centres, searches };
}

/** Runs one query through the driver. */
export function driverQuery(ctx: QueryContext, name: QueryName, targets: QueryTargets): (i: number) => Promise<void> {
  switch (name) {
    case "connections":
      return async (i) => {
        const [from, to] = targets.pairs[i % targets.pairs.length]!;
        await findConnections(ctx, from, to);
      };
    case "neighbourhood":
      return async (i) => void (await getNeighbourhood(ctx, targets.centres[i % targets.centres.length]!));
    case "search":
      return async (i) => void (await searchEntities(ctx, targets.searches[i % targets.searches.length]!));
  }
}

/** The GraphQL variables of the i-th request of a query, cycling through the targets. */
export function queryVariables(name: QueryName, targets: QueryTargets, i: number): Record<string, unknown> {
  switch (name) {
    case "connections": {
      const [from, to] = targets.pairs[i % targets.pairs.length]!;
      return { from, to };
    }
    case "neighbourhood":
      return { id: targets.centres[i % targets.centres.length]! };
    case "search":
      return { text: targets.searches[i % targets.searches.length]! };
  }
}

/** Runs one query through GraphQL over HTTP. */
export function graphqlQuery(url: string, name: QueryName, targets: QueryTargets): (i: number) => Promise<void> {
  return async (i) => void (await postGraphQL(url, GRAPHQL_QUERIES[name], queryVariables(name, targets, i)));
}

/** Figures of one query at one concurrency through both paths. */
export interface QueryComparison {
  graphql: LatencyStats & { rounds: number };
  driver: LatencyStats & { rounds: number };
  /** GraphQL p95 / driver p95 */
  p95Ratio: number;
}

/** Options of benchQueries. */
export interface BenchQueriesOptions {
  ctx: QueryContext;
  graphqlUrl: string;
  targets: QueryTargets;
  concurrencies: readonly number[];
  /** requests per path and concurrency: at least minRequests, and requestsPerWorker for each concurrent worker */
  minRequests: number;
  requestsPerWorker: number;
  /** alternating rounds the requests are spread over (see measurePaired) */
  rounds: number;
  /** requests of each query through each path before it is measured, within a time budget (see QueryWarmup) */
  warmup: QueryWarmup;
  onProgress?: (message: string) => void;
}

/**
 * The warm-up of each query on each path. The API is a fresh process when the queries are measured, while the
 * benchmark's own driver code has run through the import phases: from a fresh start the API's CPU per request falls
 * by half over its first 2,000 requests (V8 compiling the hot code, the heap growing to its working size), and so
 * does the HTTP client's. Measured before that, the GraphQL path pays its warm-up and the driver path does not.
 */
export interface QueryWarmup {
  requests: number;
  concurrency: number;
  /** stop warming a path after this long (a large graph's slow queries) */
  maxMs: number;
}

/**
 * Measures every query at every concurrency through GraphQL and through the driver, on the same requests in
 * alternating rounds (measurePaired), after a warm-up of both paths.
 */
export async function benchQueries(
  options: BenchQueriesOptions,
): Promise<Record<QueryName, Record<string, QueryComparison>>> {
  const out = {} as Record<QueryName, Record<string, QueryComparison>>;
  for (const name of QUERY_NAMES) {
    out[name] = {};
    const viaDriver = driverQuery(options.ctx, name, options.targets);
    const viaGraphql = graphqlQuery(options.graphqlUrl, name, options.targets);
    // warm-up: query plans cached, connections pooled, both processes' hot code compiled, on both paths alike
    for (const [path, task] of [
      ["GraphQL", viaGraphql],
      ["driver", viaDriver],
    ] as const) {
      const warm = await measureLatency(task, options.warmup);
      options.onProgress?.(
        `${name}: warm-up through ${path}, ${warm.requests} requests at concurrency ${options.warmup.concurrency} in ${round(warm.wallMs / 1000, 1)} s`,
      );
    }
    for (const concurrency of options.concurrencies) {
      const requests = Math.max(options.requestsPerWorker * concurrency, options.minRequests);
      const requestsPerBlock = Math.max(1, Math.ceil(requests / options.rounds));
      const paired = await measurePaired(viaGraphql, viaDriver, {
        rounds: options.rounds,
        requestsPerBlock,
        concurrency,
      });
      const comparison: QueryComparison = {
        graphql: { ...paired.a, rounds: options.rounds },
        driver: { ...paired.b, rounds: options.rounds },
        p95Ratio: round(paired.a.p95Ms / paired.b.p95Ms, 2),
      };
      out[name][`c${concurrency}`] = comparison;
      options.onProgress?.(
        `${name} c=${concurrency}: GraphQL p95 ${comparison.graphql.p95Ms} ms, driver p95 ${comparison.driver.p95Ms} ms (ratio ${comparison.p95Ratio}), errors ${comparison.graphql.errors}/${comparison.driver.errors}`,
      );
    }
  }
  return out;
}

/** What an HTTP round trip to the API costs with no query behind it: p50 of `{ __typename }` (milliseconds). */
export interface RoundTrip {
  backToBackP50Ms: number;
  /** after the API process waited idleMs, as it waits for its database and its client waits for it */
  afterIdleP50Ms: number;
  idleMs: number;
  requests: number;
}

/**
 * Measures the floor under every GraphQL figure: the round trip of a query without resolvers, asked right after the
 * previous one and after a few milliseconds of quiet (see measureAfterIdle). At one client a GraphQL request pays the
 * difference on top of the driver's time when it wakes the API, and the client's own wake-up for the answer comes on
 * top; on a machine with cheap wake-ups the difference is near zero.
 */
export async function measureRoundTrip(url: string, requests = 300, idleMs = 5): Promise<RoundTrip> {
  const task = async () => void (await postGraphQL(url, "query RoundTrip { __typename }", {}));
  await measureLatency(task, { requests: 100, concurrency: 1 });
  const { backToBack, afterIdle } = await measureAfterIdle(task, { requests, idleMs });
  if (backToBack.errors + afterIdle.errors > 0)
    throw new Error(
      `The API failed the round-trip query: ${[...backToBack.errorSamples, ...afterIdle.errorSamples][0]}`,
    );
  return { backToBackP50Ms: backToBack.p50Ms, afterIdleP50Ms: afterIdle.p50Ms, idleMs, requests };
}

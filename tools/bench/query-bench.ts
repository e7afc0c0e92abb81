/**
 * Query latency: `connections`, `neighbourhood` and `search` through GraphQL over HTTP and the same query
 * functions (the same Cypher) through the driver, at concurrency 1 and 32.
 */
import type { Driver } from "neo4j-driver";
import { findConnections, getNeighbourhood, searchEntities, type QueryContext } from "../../src/graph/queries/index.js";
import { postGraphQL } from "./graphql-client.js";
import { measureLatency, median, type LatencyStats } from "./latency.js";
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

/** The median over repeats of each figure of LatencyStats. */
export function medianStats(runs: LatencyStats[]): LatencyStats & { repeats: number } {
  const pick = (f: (s: LatencyStats) => number) => median(runs.map(f));
  const first = runs[0]!;
  return {
    requests: first.requests,
    concurrency: first.concurrency,
    errors: runs.reduce((n, r) => n + r.errors, 0),
    errorSamples: runs.flatMap((r) => r.errorSamples).slice(0, 5),
    p50Ms: pick((s) => s.p50Ms),
    p95Ms: pick((s) => s.p95Ms),
    p99Ms: pick((s) => s.p99Ms),
    meanMs: pick((s) => s.meanMs),
    maxMs: pick((s) => s.maxMs),
    throughputPerSec: pick((s) => s.throughputPerSec),
    wallMs: pick((s) => s.wallMs),
    repeats: runs.length,
  };
}

/** Figures of one query at one concurrency through both paths. */
export interface QueryComparison {
  graphql: LatencyStats & { repeats: number };
  driver: LatencyStats & { repeats: number };
  /** GraphQL p95 / driver p95 */
  p95Ratio: number;
}

/** Options of benchQueries. */
export interface BenchQueriesOptions {
  ctx: QueryContext;
  graphqlUrl: string;
  targets: QueryTargets;
  concurrencies: readonly number[];
  /** requests per measured run: at least minRequests, and requestsPerWorker for each concurrent worker */
  minRequests: number;
  requestsPerWorker: number;
  repeats: number;
  onProgress?: (message: string) => void;
}

/** Measures every query at every concurrency, GraphQL and driver alternating per repeat (warm-up first). */
export async function benchQueries(
  options: BenchQueriesOptions,
): Promise<Record<QueryName, Record<string, QueryComparison>>> {
  const out = {} as Record<QueryName, Record<string, QueryComparison>>;
  for (const name of QUERY_NAMES) {
    out[name] = {};
    const viaDriver = driverQuery(options.ctx, name, options.targets);
    const viaGraphql = graphqlQuery(options.graphqlUrl, name, options.targets);
    // warm-up: query plans cached, connections pooled, JIT warmed on both paths
    await measureLatency(viaDriver, { requests: 20, concurrency: 4 });
    await measureLatency(viaGraphql, { requests: 20, concurrency: 4 });
    for (const concurrency of options.concurrencies) {
      const requests = Math.max(options.requestsPerWorker * concurrency, options.minRequests);
      const graphqlRuns: LatencyStats[] = [];
      const driverRuns: LatencyStats[] = [];
      for (let r = 0; r < options.repeats; r++) {
        graphqlRuns.push(await measureLatency(viaGraphql, { requests, concurrency }));
        driverRuns.push(await measureLatency(viaDriver, { requests, concurrency }));
      }
      const graphql = medianStats(graphqlRuns);
      const driver = medianStats(driverRuns);
      out[name][`c${concurrency}`] = {
        graphql,
        driver,
        p95Ratio: Math.round((graphql.p95Ms / driver.p95Ms) * 100) / 100,
      };
      options.onProgress?.(
        `${name} c=${concurrency}: GraphQL p95 ${graphql.p95Ms} ms, driver p95 ${driver.p95Ms} ms (ratio ${out[name][`c${concurrency}`]!.p95Ratio}), errors ${graphql.errors}/${driver.errors}`,
      );
    }
  }
  return out;
}

/**
 * A canonical, sorted dump of the whole graph (nodes with labels and properties, relationships with type,
 * ends and properties), so that two graphs can be compared for equality line by line.
 */
import type { Driver } from "neo4j-driver";

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** One line per node and per relationship, sorted; migration records are left out. */
export async function dumpGraph(driver: Driver, database: string): Promise<string[]> {
  const nodes = await driver.executeQuery(
    /* Cypher */ `MATCH (n) WHERE NOT n:__Neo4jMigration RETURN labels(n) AS labels, properties(n) AS props`,
    {},
    { database },
  );
  const rels = await driver.executeQuery(
    /* Cypher */ `
    MATCH (a)-[r]->(b) WHERE NOT a:__Neo4jMigration AND NOT b:__Neo4jMigration
    RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props`,
    {},
    { database },
  );
  const lines = [
    ...nodes.records.map(
      (r) =>
        `N ${JSON.stringify([...(r.get("labels") as string[])].sort())} ${JSON.stringify(canonical(r.get("props")))}`,
    ),
    ...rels.records.map(
      (r) =>
        `R ${String(r.get("type"))} ${String(r.get("from"))} -> ${String(r.get("to"))} ${JSON.stringify(canonical(r.get("props")))}`,
    ),
  ];
  return lines.sort();
}

/**
 * Re-imports a JSON export: MERGE on node ids and relationship keys, values as parameters only; labels and
 * relationship types come from the domain constants (the export is validated against them first).
 */
import neo4j, { type Driver } from "neo4j-driver";
import { InputError } from "../domain/errors.js";
import { isNodeLabel, isRelType, type NodeLabel } from "../domain/model.js";
import { mapDriverError } from "./errors.js";
import { graphExportSchema, type ExportNode, type ExportRelationship, type GraphExport } from "./export.js";

/** What a load wrote. */
export interface LoadSummary {
  nodes: number;
  relationships: number;
}

const BATCH = 1000;

/** Parses and validates the text of a JSON export; a bad file is an InputError naming the first problem. */
export function parseGraphExport(text: string, source = "the export"): GraphExport {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new InputError(`Cannot load ${source}: it is not valid JSON.`, {
      input: source,
      suggestion: "Pass a file written by `labour-graph export --format json`.",
      cause: error,
    });
  }
  const parsed = graphExportSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(
      `Cannot load ${source}: ${issue ? `${issue.path.join(".") || "value"}: ${issue.message}` : "not a labour-graph export"}.`,
      {
        input: source,
        suggestion:
          "Pass a file written by `labour-graph export --format json` (labels and relationship types must be the model's).",
      },
    );
  }
  const ids = new Set(parsed.data.nodes.map((n) => n.id));
  const dangling = parsed.data.relationships.find((r) => !ids.has(r.from) || !ids.has(r.to));
  if (dangling) {
    throw new InputError(
      `Cannot load ${source}: relationship ${dangling.key ?? dangling.type} points at a node the file does not contain.`,
      { input: source },
    );
  }
  return parsed.data;
}

/** Properties with the integer ones restored as Neo4j integers (JSON numbers alone would come back as floats). */
function withIntegers(item: ExportNode | ExportRelationship): Record<string, unknown> {
  const props: Record<string, unknown> = { ...item.properties };
  for (const name of item.integerProperties ?? []) {
    const value = props[name];
    if (typeof value === "number") props[name] = neo4j.int(value);
    else if (Array.isArray(value)) props[name] = value.map((v) => (typeof v === "number" ? neo4j.int(v) : v));
  }
  return props;
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

function checkedLabel(label: string): NodeLabel {
  if (!isNodeLabel(label)) throw new InputError(`"${label}" is not a node label of the model.`, { input: label });
  return label;
}

/** Writes an export into the database: nodes first (MERGE on the most specific label and id), then relationships. */
export async function loadGraphExport(
  driver: Driver,
  graph: GraphExport,
  options: { database: string },
): Promise<LoadSummary> {
  const primary = new Map(graph.nodes.map((n) => [n.id, checkedLabel(n.labels[0] ?? "")]));
  const session = driver.session({ database: options.database, defaultAccessMode: "WRITE" });
  try {
    for (const [labelSet, nodes] of groupBy(graph.nodes, (n) => n.labels.join(":"))) {
      const [first, ...rest] = labelSet.split(":").map(checkedLabel);
      const extra = rest.map((l) => ` SET n:${l}`).join("");
      const query = /* Cypher */ `UNWIND $rows AS row MERGE (n:${first} {id: row.id}) SET n += row.props${extra}`;
      for (const batch of chunks(nodes)) {
        await session.executeWrite((tx) =>
          tx.run(query, { rows: batch.map((n) => ({ id: n.id, props: withIntegers(n) })) }),
        );
      }
    }
    const relKey = (r: ExportRelationship) => `${r.type}:${primary.get(r.from)}:${primary.get(r.to)}`;
    for (const [group, rels] of groupBy(graph.relationships, relKey)) {
      const [type, fromLabel, toLabel] = group.split(":");
      if (type === undefined || !isRelType(type))
        throw new InputError(`"${type}" is not a relationship type of the model.`, { input: type });
      const a = checkedLabel(fromLabel ?? "");
      const b = checkedLabel(toLabel ?? "");
      const keyed = rels.filter((r) => r.key !== undefined);
      const unkeyed = rels.filter((r) => r.key === undefined);
      const rows = (list: ExportRelationship[]) =>
        list.map((r) => ({ from: r.from, to: r.to, key: r.key ?? null, props: withIntegers(r) }));
      const match = /* Cypher */ `UNWIND $rows AS row MATCH (a:${a} {id: row.from}) MATCH (b:${b} {id: row.to})`;
      for (const batch of chunks(keyed)) {
        await session.executeWrite((tx) =>
          tx.run(`${match} MERGE (a)-[r:${type} {key: row.key}]->(b) SET r += row.props`, { rows: rows(batch) }),
        );
      }
      for (const batch of chunks(unkeyed)) {
        await session.executeWrite((tx) =>
          tx.run(`${match} MERGE (a)-[r:${type}]->(b) SET r += row.props`, { rows: rows(batch) }),
        );
      }
    }
    return { nodes: graph.nodes.length, relationships: graph.relationships.length };
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw mapDriverError(error, `database "${options.database}"`);
  } finally {
    await session.close();
  }
}

/** Converts driver values (nodes, relationships, paths, temporals, integers) into plain JSON. */
import neo4j, {
  isDate,
  isDateTime,
  isDuration,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isPath,
  isPoint,
  isRelationship,
  isTime,
} from "neo4j-driver";

/** Plain JSON value. */
export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

/** Converts one driver value to plain JSON (integers as numbers, temporals as ISO strings). */
export function toPlain(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (Array.isArray(value)) return value.map(toPlain);
  if (isNode(value as never)) {
    const node = value as unknown as { labels: string[]; properties: Record<string, unknown>; elementId: string };
    return { elementId: node.elementId, labels: node.labels, properties: toPlain(node.properties) };
  }
  if (isRelationship(value as never)) {
    const rel = value as unknown as {
      type: string;
      properties: Record<string, unknown>;
      elementId: string;
      startNodeElementId: string;
      endNodeElementId: string;
    };
    return {
      elementId: rel.elementId,
      type: rel.type,
      start: rel.startNodeElementId,
      end: rel.endNodeElementId,
      properties: toPlain(rel.properties),
    };
  }
  if (isPath(value as never)) {
    const path = value as unknown as {
      start: unknown;
      end: unknown;
      segments: { start: unknown; relationship: unknown; end: unknown }[];
    };
    return {
      start: toPlain(path.start),
      end: toPlain(path.end),
      segments: path.segments.map((s) => ({
        start: toPlain(s.start),
        relationship: toPlain(s.relationship),
        end: toPlain(s.end),
      })),
    };
  }
  if (
    isDate(value as never) ||
    isDateTime(value as never) ||
    isLocalDateTime(value as never) ||
    isLocalTime(value as never) ||
    isTime(value as never) ||
    isDuration(value as never) ||
    isPoint(value as never)
  ) {
    return String(value);
  }
  if (typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toPlain(v)]));
  }
  return String(value);
}

/** Converts driver records to an array of plain objects keyed by column. */
export function recordsToPlain(
  records: { keys: readonly PropertyKey[]; get(key: PropertyKey): unknown }[],
): Record<string, Plain>[] {
  return records.map((record) => Object.fromEntries(record.keys.map((key) => [String(key), toPlain(record.get(key))])));
}

/**
 * The driver sends every JS number as a Neo4j float; whole numbers among an entity's or relationship's properties
 * (counts: members, affiliates, countries…) are sent as Neo4j integers instead, so that they are stored as such.
 */
export function withIntegerCounts<T extends { properties: Record<string, unknown> }>(row: T): T {
  const entries = Object.entries(row.properties);
  if (!entries.some(([, v]) => Number.isSafeInteger(v))) return row;
  return {
    ...row,
    properties: Object.fromEntries(entries.map(([k, v]) => [k, Number.isSafeInteger(v) ? neo4j.int(v as number) : v])),
  };
}

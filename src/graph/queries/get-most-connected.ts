/** Entities ranked by their number of distinct connected entities. */
import { InputError } from "../../domain/errors.js";
import { ENTITY_TYPES, type EntityType } from "../../domain/model.js";
import type { RankedEntity } from "../../domain/views.js";
import { CONNECTION_PATTERN } from "./connection-types.js";
import { NODE_MAP, toGraphNode } from "./map-records.js";
import { QUERY_LIMITS, checkInt, runRead, type QueryContext } from "./query-context.js";

/** Options of getMostConnected. */
export interface MostConnectedOptions {
  /** an entity label (Person, Union, Confederation, Organization, Country, Event); all entities when undefined */
  label?: string;
  limit?: number;
}

function checkLabel(label: string | undefined): EntityType | undefined {
  if (label === undefined || label === "") return undefined;
  const found = ENTITY_TYPES.find((t) => t.toLowerCase() === label.toLowerCase());
  if (found === undefined) {
    throw new InputError(`Unknown label ${JSON.stringify(label.slice(0, 40))}.`, {
      input: "label",
      suggestion: `Use one of ${ENTITY_TYPES.join(", ")}.`,
    });
  }
  return found;
}

/** The `limit` entities with the most distinct neighbours over connection edges (ties by name). */
export async function getMostConnected(ctx: QueryContext, options: MostConnectedOptions = {}): Promise<RankedEntity[]> {
  const label = checkLabel(options.label);
  const limit = checkInt(options.limit ?? 10, "limit", 1, QUERY_LIMITS.maxLimit);
  // the label comes from ENTITY_TYPES, never from the caller's text
  const match =
    label === undefined ? `MATCH (n) WHERE ${ENTITY_TYPES.map((t) => `n:${t}`).join(" OR ")}` : `MATCH (n:${label})`;
  return runRead(ctx, async (tx) => {
    const result = await tx.run(
      /* Cypher */ `
      ${match}
      CALL { WITH n MATCH (n)-[${CONNECTION_PATTERN}]-(m) RETURN count(DISTINCT m) AS degree }
      WITH n, degree WHERE degree > 0
      ORDER BY degree DESC, n.name
      LIMIT toInteger($limit)
      RETURN ${NODE_MAP("n")} AS n, degree`,
      { limit },
    );
    return result.records.map((r) => ({ node: toGraphNode(r.get("n")), degree: Number(r.get("degree")) }));
  });
}

/** Relationship-type patterns for Cypher, built only from the domain constants (never from user text). */
import { InputError } from "../../domain/errors.js";
import { CONNECTION_REL_TYPES, DEFAULT_CONNECTION_REL_TYPES, REL_TYPES, type RelType } from "../../domain/model.js";

/** A connection relationship type (every type but MENTIONED_IN). */
export type ConnectionType = (typeof CONNECTION_REL_TYPES)[number];

/**
 * The relationship types a connection query follows: DEFAULT_CONNECTION_REL_TYPES when none are asked for, else the
 * ones asked for, each checked against REL_TYPES (LOCATED_IN and MENTIONED_IN may be asked for explicitly).
 */
export function checkConnectionTypes(types: readonly string[] | null | undefined): RelType[] {
  if (types === undefined || types === null || types.length === 0) return [...DEFAULT_CONNECTION_REL_TYPES];
  const unknown = types.filter((t) => !(REL_TYPES as readonly string[]).includes(t));
  if (unknown.length > 0) {
    throw new InputError(
      `Unknown relationship type${unknown.length > 1 ? "s" : ""} ${unknown
        .slice(0, 5)
        .map((t) => JSON.stringify(t.slice(0, 40)))
        .join(", ")}.`,
      {
        input: "types",
        suggestion: `Use any of ${REL_TYPES.join(", ")} (by default: ${DEFAULT_CONNECTION_REL_TYPES.join(", ")}).`,
      },
    );
  }
  return [...new Set(types as RelType[])];
}

/** `:A|B|C` for a relationship pattern; the names come from the domain constants only. */
export function relTypePattern(types: readonly RelType[]): string {
  return `:${types.join("|")}`;
}

/** The pattern of all connection types (entity cards, degrees, exports). */
export const CONNECTION_PATTERN = relTypePattern(CONNECTION_REL_TYPES);

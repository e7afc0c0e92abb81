/** Relationship-type patterns for Cypher, built only from the domain constants (never from user text). */
import { InputError } from "../../domain/errors.js";
import { CONNECTION_REL_TYPES, type RelType } from "../../domain/model.js";

/** A connection relationship type (every type but MENTIONED_IN). */
export type ConnectionType = (typeof CONNECTION_REL_TYPES)[number];

/** Checks requested types against CONNECTION_REL_TYPES; an empty or missing list means all of them. */
export function checkConnectionTypes(types: readonly string[] | undefined): ConnectionType[] {
  if (types === undefined || types.length === 0) return [...CONNECTION_REL_TYPES];
  const unknown = types.filter((t) => !(CONNECTION_REL_TYPES as readonly string[]).includes(t));
  if (unknown.length > 0) {
    throw new InputError(
      `Unknown relationship type${unknown.length > 1 ? "s" : ""} ${unknown
        .slice(0, 5)
        .map((t) => JSON.stringify(t.slice(0, 40)))
        .join(", ")}.`,
      {
        input: "types",
        suggestion: `Use any of ${CONNECTION_REL_TYPES.join(", ")}.`,
      },
    );
  }
  return [...new Set(types as ConnectionType[])];
}

/** `:A|B|C` for a relationship pattern; the names come from the domain constants only. */
export function relTypePattern(types: readonly RelType[]): string {
  return `:${types.join("|")}`;
}

/** The pattern of all connection types. */
export const CONNECTION_PATTERN = relTypePattern(CONNECTION_REL_TYPES);

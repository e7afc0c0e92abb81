/**
 * Whether an executed operation heard from the database, for the health check (DatabaseHealth.markAnswered): an
 * answer that never reached the database (`{ __typename }`, introspection, an argument refused before the query ran)
 * says nothing about it, and must not keep a hung database "reachable".
 */
import { unwrapResolverError } from "@apollo/server/errors";
import {
  Kind,
  type DocumentNode,
  type GraphQLError,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { NotFoundError } from "../domain/errors.js";
import { fragmentsOf } from "./fragments.js";

/** Root fields answered by the schema itself; every other root field of the API reads the database. */
const INTROSPECTION_FIELDS = new Set(["__typename", "__schema", "__type"]);

/** The response keys (alias or name) of the operation's root fields that read the database, through fragments. */
export function databaseRootKeys(operation: OperationDefinitionNode, document: DocumentNode): string[] {
  const fragments = fragmentsOf(document);
  const keys = new Set<string>();
  const visited = new Set<string>();
  const visit = (selectionSet: SelectionSetNode): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (!INTROSPECTION_FIELDS.has(selection.name.value)) keys.add(selection.alias?.value ?? selection.name.value);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment !== undefined && !visited.has(fragment.name.value)) {
          visited.add(fragment.name.value);
          visit(fragment.selectionSet);
        }
      }
    }
  };
  visit(operation.selectionSet);
  return [...keys];
}

/**
 * True when the error was sent by the database (a Neo4j status code, `Neo.*`, anywhere in its chain of causes: out
 * of query memory, a timeout, a refused login) or follows its answer (no entity of that name).
 */
export function isDatabaseAnswer(error: unknown): boolean {
  let current: unknown = unwrapResolverError(error);
  for (let depth = 0; current instanceof Error && depth < 8; depth++) {
    if (current instanceof NotFoundError) return true;
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("Neo.")) return true;
    current = current.cause;
  }
  return false;
}

/**
 * Whether one of the given root fields was answered by the database: it was executed (it is in `data`) and its
 * resolver either returned (an error deeper in its answer comes after the database answered) or failed with an error
 * the database sent.
 */
export function hasDatabaseAnswered(
  rootKeys: readonly string[],
  data: Record<string, unknown> | null | undefined,
  errors: readonly GraphQLError[],
): boolean {
  if (data === null || data === undefined) return false;
  return rootKeys.some((key) => {
    if (!(key in data)) return false; // skipped (@skip, @include) or never executed
    const failure = errors.find((e) => e.path?.length === 1 && e.path[0] === key);
    return failure === undefined || isDatabaseAnswer(failure);
  });
}

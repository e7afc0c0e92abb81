/**
 * Safety limits of the API: validation rules for query depth and cost (fields weighted by list sizes), plus the
 * sizes the HTTP layer enforces. The per-argument limits (maxHops, depth, limit, text length) live in
 * src/graph/queries (QUERY_LIMITS) so that the CLI shares them.
 */
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
} from "graphql";

/** The API's own limits. */
export const API_LIMITS = {
  /** deepest selection (fields nested in fields), introspection excluded */
  maxDepth: 10,
  /** most weighted fields per operation: each field costs 1, times the sizes of the lists it is in */
  maxCost: 20_000,
  /** list size assumed when a list field has no limit/first argument */
  defaultListSize: 10,
  /** list size assumed when the limit is a variable, and the largest page size */
  maxListSize: 100,
  /** largest request body, in bytes */
  maxBodyBytes: 1_000_000,
} as const;

type Fragments = Record<string, FragmentDefinitionNode>;

function listSize(field: FieldNode, inherited: number | undefined): number {
  for (const arg of field.arguments ?? []) {
    if (arg.name.value !== "limit" && arg.name.value !== "first") continue;
    if (arg.value.kind === Kind.INT) return Math.min(Math.max(Number(arg.value.value), 1), API_LIMITS.maxListSize);
    if (arg.value.kind === Kind.VARIABLE) return API_LIMITS.maxListSize;
  }
  return inherited ?? API_LIMITS.defaultListSize;
}

interface Measure {
  depth: number;
  cost: number;
}

function measure(
  set: SelectionSetNode,
  parent: GraphQLNamedType | undefined,
  fragments: Fragments,
  schemaType: (n: string) => GraphQLNamedType | undefined,
  visiting: Set<string>,
  inheritedFirst?: number,
): Measure {
  let depth = 0;
  let cost = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith("__")) continue; // introspection is cheap and served from memory
      const def =
        parent && (isObjectType(parent) || isInterfaceType(parent))
          ? parent.getFields()[selection.name.value]
          : undefined;
      const isList = def !== undefined && isListType(getNullableType(def.type));
      // a connection field's `first` sizes the `edges` list below it
      const firstHere = !isList ? listSizeArg(selection) : undefined;
      const child = selection.selectionSet
        ? measure(
            selection.selectionSet,
            def ? getNamedType(def.type) : undefined,
            fragments,
            schemaType,
            visiting,
            firstHere,
          )
        : { depth: 0, cost: 0 };
      const factor = isList ? listSize(selection, inheritedFirst) : 1;
      cost += factor * (1 + child.cost);
      depth = Math.max(depth, 1 + child.depth);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? schemaType(selection.typeCondition.name.value) : parent;
      const inner = measure(selection.selectionSet, type, fragments, schemaType, visiting, inheritedFirst);
      cost += inner.cost;
      depth = Math.max(depth, inner.depth);
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      if (fragment === undefined || visiting.has(name)) continue; // cycles are reported by NoFragmentCycles
      visiting.add(name);
      const inner = measure(
        fragment.selectionSet,
        schemaType(fragment.typeCondition.name.value),
        fragments,
        schemaType,
        visiting,
        inheritedFirst,
      );
      visiting.delete(name);
      cost += inner.cost;
      depth = Math.max(depth, inner.depth);
    }
  }
  return { depth, cost };
}

function listSizeArg(field: FieldNode): number | undefined {
  const arg = (field.arguments ?? []).find((a) => a.name.value === "first");
  if (arg === undefined) return undefined;
  if (arg.value.kind === Kind.INT) return Math.min(Math.max(Number(arg.value.value), 1), API_LIMITS.maxListSize);
  return API_LIMITS.maxListSize;
}

/** Measures every operation of a document: its depth and its weighted cost. */
export function measureOperations(
  document: { definitions: readonly { kind: string }[] },
  rootType: (operation: string) => GraphQLNamedType | undefined,
  schemaType: (name: string) => GraphQLNamedType | undefined,
): (Measure & { name: string; node: OperationDefinitionNode })[] {
  const fragments: Fragments = {};
  for (const def of document.definitions)
    if (def.kind === Kind.FRAGMENT_DEFINITION)
      fragments[(def as FragmentDefinitionNode).name.value] = def as FragmentDefinitionNode;
  return document.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((op) => ({
      name: op.name?.value ?? "anonymous",
      node: op,
      ...measure(op.selectionSet, rootType(op.operation), fragments, schemaType, new Set()),
    }));
}

/** Refuses operations deeper than API_LIMITS.maxDepth or costlier than API_LIMITS.maxCost, with a clear message. */
export const queryLimitsRule: ValidationRule = (context) => ({
  Document(document) {
    const schema = context.getSchema();
    const rootType = (op: string) =>
      (op === "query"
        ? schema.getQueryType()
        : op === "mutation"
          ? schema.getMutationType()
          : schema.getSubscriptionType()) ?? undefined;
    for (const op of measureOperations(document, rootType, (n) => schema.getType(n) ?? undefined)) {
      if (op.depth > API_LIMITS.maxDepth) {
        context.reportError(
          new GraphQLError(
            `The query is ${op.depth} levels deep; at most ${API_LIMITS.maxDepth} are allowed. Ask for fewer nested fields.`,
            {
              nodes: [op.node],
              extensions: { code: "QUERY_TOO_DEEP", depth: op.depth, maxDepth: API_LIMITS.maxDepth },
            },
          ),
        );
      }
      if (op.cost > API_LIMITS.maxCost) {
        context.reportError(
          new GraphQLError(
            `The query is too costly: about ${op.cost} fields weighted by list sizes; at most ${API_LIMITS.maxCost} are allowed. Lower the limit/first arguments or ask for fewer nested lists.`,
            { nodes: [op.node], extensions: { code: "QUERY_TOO_COSTLY", cost: op.cost, maxCost: API_LIMITS.maxCost } },
          ),
        );
      }
    }
  },
});

/** The message of a mutation sent to a read-only server. */
export const READ_ONLY_MESSAGE =
  "This server is read-only: mutations are disabled in public mode. Start it with JWT_SECRET set to enable the authenticated importDocument mutation.";

/** Refuses mutations up front (as a validation error) when the schema has none: public mode. */
export const readOnlyRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation === "mutation" && !context.getSchema().getMutationType()) {
      context.reportError(new GraphQLError(READ_ONLY_MESSAGE, { nodes: [node], extensions: { code: "READ_ONLY" } }));
    }
  },
});

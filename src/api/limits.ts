/**
 * Safety limits of the API: validation rules for query depth and cost (fields weighted by list sizes), plus the
 * sizes the HTTP layer enforces. The per-argument limits (maxHops, depth, limit, text length) live in
 * src/graph/queries (QUERY_LIMITS) so that the CLI shares them.
 */
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  Lexer,
  Source,
  TokenKind,
  visit,
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
  type ValueNode,
} from "graphql";
import { fragmentsOf } from "./fragments.js";

/** The API's own limits. */
export const API_LIMITS = {
  /** deepest selection (fields nested in fields); the schema's own introspection types are not counted */
  maxDepth: 10,
  /** most weighted fields per operation: each field costs 1, times the sizes of the lists it is in */
  maxCost: 20_000,
  /** most fields at the root of an operation (introspection fields included) */
  maxRootFields: 10,
  /** most aliased fields per operation, counted once per use of the fragments they are in */
  maxAliases: 10,
  /** deepest nesting of brackets ({ [ () in the query text, checked before it is parsed */
  maxNesting: 64,
  /** most lexical tokens in a query text: the parser stops there (a standard introspection query has ~350) */
  maxTokens: 10_000,
  /** list size assumed when a list field has no limit/first argument */
  defaultListSize: 10,
  /** list size assumed when the limit is a variable, and the largest page size (limit, first) */
  maxListSize: 100,
  /** largest request body, in bytes */
  maxBodyBytes: 1_000_000,
} as const;

/** The `extensions.limit` of an error that refuses a request for one of the limits above. */
export const LIMIT_CODES = {
  QUERY_TOO_DEEP: "QUERY_TOO_DEEP",
  QUERY_TOO_COSTLY: "QUERY_TOO_COSTLY",
  TOO_MANY_ROOT_FIELDS: "TOO_MANY_ROOT_FIELDS",
  TOO_MANY_ALIASES: "TOO_MANY_ALIASES",
  TOO_MANY_TOKENS: "TOO_MANY_TOKENS",
} as const;

/** The message of a query text longer than API_LIMITS.maxTokens (graphql-js stops parsing there). */
export const TOO_MANY_TOKENS_MESSAGE = `The query has more than ${API_LIMITS.maxTokens} tokens (names, brackets, punctuation); at most ${API_LIMITS.maxRootFields} root fields and ${API_LIMITS.maxAliases} aliases are allowed. Ask for fewer fields.`;

/** The arguments that set a page size. */
const PAGE_SIZE_ARGUMENTS = new Set(["limit", "first"]);

function listSize(field: FieldNode, inherited: number | undefined): number {
  for (const arg of field.arguments ?? []) {
    if (!PAGE_SIZE_ARGUMENTS.has(arg.name.value)) continue;
    if (arg.value.kind === Kind.INT) return Math.min(Math.max(Number(arg.value.value), 1), API_LIMITS.maxListSize);
    if (arg.value.kind === Kind.VARIABLE) return API_LIMITS.maxListSize;
  }
  return inherited ?? API_LIMITS.defaultListSize;
}

interface Measure {
  depth: number;
  cost: number;
  /** fields at this level (the root fields, when measured at the root) */
  fields: number;
  aliases: number;
}

const NOTHING: Measure = { depth: 0, cost: 0, fields: 0, aliases: 0 };

/** Walks selection sets once per use; a fragment's measure is memoised by fragment and inherited page size. */
class Measurer {
  private readonly memo = new Map<string, Measure>();
  private readonly visiting = new Set<string>();

  constructor(
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly schemaType: (n: string) => GraphQLNamedType | undefined,
  ) {}

  measure(set: SelectionSetNode, parent: GraphQLNamedType | undefined, inheritedFirst?: number): Measure {
    const total = { ...NOTHING };
    for (const selection of set.selections) {
      let inner: Measure;
      if (selection.kind === Kind.FIELD) inner = this.field(selection, parent, inheritedFirst);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? this.schemaType(selection.typeCondition.name.value) : parent;
        inner = this.measure(selection.selectionSet, type, inheritedFirst);
      } else inner = this.fragment(selection.name.value, inheritedFirst);
      total.cost += inner.cost;
      total.fields += inner.fields;
      total.aliases += inner.aliases;
      total.depth = Math.max(total.depth, inner.depth);
    }
    return total;
  }

  private field(selection: FieldNode, parent: GraphQLNamedType | undefined, inheritedFirst?: number): Measure {
    const def =
      parent && (isObjectType(parent) || isInterfaceType(parent))
        ? parent.getFields()[selection.name.value]
        : undefined;
    // the schema's own types (__Schema, __Type…): their lists are as long as the schema, not the data, so they are
    // not multiplied; every one of their fields still costs 1, and aliases bound how many copies a query asks for
    const isIntrospection = selection.name.value.startsWith("__") || (parent?.name.startsWith("__") ?? false);
    const isList = !isIntrospection && def !== undefined && isListType(getNullableType(def.type));
    // a connection field's `first` sizes the `edges` list below it
    const firstHere = !isList ? pageSizeArgument(selection) : undefined;
    const child = selection.selectionSet
      ? this.measure(selection.selectionSet, def ? getNamedType(def.type) : undefined, firstHere)
      : NOTHING;
    const factor = isList ? listSize(selection, inheritedFirst) : 1;
    return {
      cost: factor * (1 + child.cost),
      depth: isIntrospection ? 0 : 1 + child.depth,
      fields: 1,
      aliases: child.aliases + (selection.alias ? 1 : 0),
    };
  }

  private fragment(name: string, inheritedFirst?: number): Measure {
    const fragment = this.fragments.get(name);
    if (fragment === undefined || this.visiting.has(name)) return NOTHING; // cycles are reported by NoFragmentCycles
    const key = `${name}\u0000${inheritedFirst ?? ""}`;
    const known = this.memo.get(key);
    if (known) return known;
    this.visiting.add(name);
    const measured = this.measure(
      fragment.selectionSet,
      this.schemaType(fragment.typeCondition.name.value),
      inheritedFirst,
    );
    this.visiting.delete(name);
    this.memo.set(key, measured);
    return measured;
  }
}

function pageSizeArgument(field: FieldNode): number | undefined {
  const arg = (field.arguments ?? []).find((a) => a.name.value === "first");
  if (arg === undefined) return undefined;
  if (arg.value.kind === Kind.INT) return Math.min(Math.max(Number(arg.value.value), 1), API_LIMITS.maxListSize);
  return API_LIMITS.maxListSize;
}

/** Measures every operation of a document: its depth, weighted cost, root fields and aliases. */
export function measureOperations(
  document: { definitions: readonly { kind: string }[] },
  rootType: (operation: string) => GraphQLNamedType | undefined,
  schemaType: (name: string) => GraphQLNamedType | undefined,
): (Measure & { name: string; node: OperationDefinitionNode })[] {
  const measurer = new Measurer(fragmentsOf(document), schemaType);
  return document.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((op) => ({
      name: op.name?.value ?? "anonymous",
      node: op,
      ...measurer.measure(op.selectionSet, rootType(op.operation)),
    }));
}

function limitError(
  message: string,
  limit: keyof typeof LIMIT_CODES,
  node: OperationDefinitionNode | undefined,
  figures: Record<string, number>,
): GraphQLError {
  return new GraphQLError(message, {
    ...(node ? { nodes: [node] } : {}),
    extensions: { code: "GRAPHQL_VALIDATION_FAILED", limit, ...figures, http: { status: 400 } },
  });
}

/** The limits of one operation, as data: what is measured, its largest value, the message and figures of a refusal. */
const OPERATION_LIMITS: readonly {
  measure: keyof Measure;
  max: number;
  limit: keyof typeof LIMIT_CODES;
  figure: string;
  maxFigure: string;
  message: (value: number) => string;
}[] = [
  {
    measure: "fields",
    max: API_LIMITS.maxRootFields,
    limit: "TOO_MANY_ROOT_FIELDS",
    figure: "rootFields",
    maxFigure: "maxRootFields",
    message: (n) =>
      `The query asks for ${n} root fields; at most ${API_LIMITS.maxRootFields} are allowed. Split it into several requests.`,
  },
  {
    measure: "aliases",
    max: API_LIMITS.maxAliases,
    limit: "TOO_MANY_ALIASES",
    figure: "aliases",
    maxFigure: "maxAliases",
    message: (n) =>
      `The query uses ${n} aliases; at most ${API_LIMITS.maxAliases} are allowed. Ask for each field once, or split the query.`,
  },
  {
    measure: "depth",
    max: API_LIMITS.maxDepth,
    limit: "QUERY_TOO_DEEP",
    figure: "depth",
    maxFigure: "maxDepth",
    message: (n) =>
      `The query is ${n} levels deep; at most ${API_LIMITS.maxDepth} are allowed. Ask for fewer nested fields.`,
  },
  {
    measure: "cost",
    max: API_LIMITS.maxCost,
    limit: "QUERY_TOO_COSTLY",
    figure: "cost",
    maxFigure: "maxCost",
    message: (n) =>
      `The query is too costly: about ${n} fields weighted by list sizes; at most ${API_LIMITS.maxCost} are allowed. Lower the limit/first arguments or ask for fewer nested lists.`,
  },
];

/** Refuses operations deeper, costlier, wider or with more aliases than API_LIMITS allows, with a clear message. */
export const queryLimitsRule: ValidationRule = (context) => ({
  Document(document) {
    const schema = context.getSchema();
    const rootType = (op: string) =>
      (op === "query"
        ? schema.getQueryType()
        : op === "mutation"
          ? schema.getMutationType()
          : schema.getSubscriptionType()) ?? undefined;
    const fieldsAtRoot = (op: OperationDefinitionNode) =>
      op.selectionSet.selections.filter((s) => s.kind === Kind.FIELD).length;
    const wide = document.definitions.filter(
      (d): d is OperationDefinitionNode =>
        d.kind === Kind.OPERATION_DEFINITION && fieldsAtRoot(d) > API_LIMITS.maxRootFields,
    );
    // a flood of root fields is refused on its count alone, before any of them is measured
    const measured =
      wide.length > 0
        ? wide.map((node) => ({ node, fields: fieldsAtRoot(node), aliases: 0, depth: 0, cost: 0 }))
        : measureOperations(document, rootType, (n) => schema.getType(n) ?? undefined);
    for (const op of measured) {
      for (const check of OPERATION_LIMITS) {
        const value = op[check.measure];
        if (value <= check.max) continue;
        context.reportError(
          limitError(check.message(value), check.limit, op.node, {
            [check.figure]: value,
            [check.maxFigure]: check.max,
          }),
        );
      }
    }
  },
});

/**
 * Refuses a query text, before it is parsed, whose brackets nest deeper than API_LIMITS.maxNesting (the parser is
 * recursive, and a few thousand levels exhaust the stack) or that has more than API_LIMITS.maxTokens tokens (a
 * flood of aliases or fields: refused after reading that many, without building a document). The lexer is
 * iterative and skips strings and comments. Returns undefined when the text is within the limits or is not
 * lexable (the parser then reports the syntax error).
 */
export function checkQueryText(query: string): GraphQLError | undefined {
  // the explorer and scripts send the same few texts again and again: a text accepted once is not lexed again
  if (acceptedTexts.has(query)) return undefined;
  const refused = lexQueryText(query);
  if (refused === undefined) {
    if (acceptedTexts.size >= MAX_REMEMBERED_TEXTS) acceptedTexts.clear();
    acceptedTexts.add(query);
  }
  return refused;
}

/** Query texts checkQueryText accepted (bounded: emptied when full). */
const acceptedTexts = new Set<string>();
const MAX_REMEMBERED_TEXTS = 1000;

function lexQueryText(query: string): GraphQLError | undefined {
  const lexer = new Lexer(new Source(query));
  let depth = 0;
  let tokens = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      tokens += 1;
      if (tokens > API_LIMITS.maxTokens) {
        return limitError(TOO_MANY_TOKENS_MESSAGE, "TOO_MANY_TOKENS", undefined, { maxTokens: API_LIMITS.maxTokens });
      }
      if (token.kind === TokenKind.BRACE_L || token.kind === TokenKind.BRACKET_L || token.kind === TokenKind.PAREN_L)
        depth += 1;
      else if (
        token.kind === TokenKind.BRACE_R ||
        token.kind === TokenKind.BRACKET_R ||
        token.kind === TokenKind.PAREN_R
      )
        depth -= 1;
      if (depth > API_LIMITS.maxNesting) {
        return limitError(
          `The query nests more than ${API_LIMITS.maxNesting} levels of brackets; at most ${API_LIMITS.maxDepth} levels of fields are allowed. Ask for fewer nested fields.`,
          "QUERY_TOO_DEEP",
          undefined,
          { maxNesting: API_LIMITS.maxNesting, maxDepth: API_LIMITS.maxDepth },
        );
      }
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** The value of a page-size argument: a literal, or a variable's value (undefined when neither is an integer). */
function pageSizeValue(value: ValueNode, variables: Record<string, unknown>): number | undefined {
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const given = variables[value.name.value];
    return typeof given === "number" ? given : undefined;
  }
  return undefined;
}

/**
 * Refuses a page size (`limit`, `first`, as a literal or a variable) above API_LIMITS.maxListSize anywhere in the
 * document, generated queries and nested relationship fields included.
 */
export function checkPageSizes(document: DocumentNode, variables: Record<string, unknown>): GraphQLError | undefined {
  for (const node of pageSizeArguments(document)) {
    const size = pageSizeValue(node.value, variables);
    if (size !== undefined && size > API_LIMITS.maxListSize) {
      return new GraphQLError(
        `The argument "${node.name.value}" is ${size}; pages hold at most ${API_LIMITS.maxListSize} items. Ask for at most ${API_LIMITS.maxListSize} and page on with offset or after.`,
        { nodes: [node], extensions: { code: "BAD_USER_INPUT", http: { status: 400 } } },
      );
    }
  }
  return undefined;
}

/** The page-size arguments of each document, found once (Apollo hands a cached query's document out again). */
const pageSizeArgumentsOf = new WeakMap<DocumentNode, ArgumentNode[]>();

function pageSizeArguments(document: DocumentNode): ArgumentNode[] {
  let found = pageSizeArgumentsOf.get(document);
  if (found === undefined) {
    const args: ArgumentNode[] = [];
    visit(document, {
      Argument(node) {
        if (PAGE_SIZE_ARGUMENTS.has(node.name.value)) args.push(node);
      },
    });
    found = args;
    pageSizeArgumentsOf.set(document, found);
  }
  return found;
}

/** Apollo plugin: the check that needs the variables (page sizes). */
export const requestLimitsPlugin: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation(rc) {
        const refused = checkPageSizes(rc.document, rc.request.variables ?? {});
        if (refused) throw refused;
      },
    };
  },
};

/** The message of a mutation sent to a read-only server. */
export const READ_ONLY_MESSAGE =
  "This server is read-only: mutations are disabled in public mode. Start it with JWT_SECRET set to enable the authenticated importDocument mutation.";

/** The message of a subscription: the API answers queries over HTTP only. */
export const NO_SUBSCRIPTIONS_MESSAGE =
  "This API has no subscriptions: it answers queries and (with JWT_SECRET) mutations over HTTP. Send the same fields as a query: `query { ... }`.";

/**
 * Refuses, as a validation error (400), an operation whose type the schema does not have: a mutation in public
 * mode (READ_ONLY), a subscription (OPERATION_NOT_SUPPORTED). graphql-js would only fail at execution time.
 */
export const operationTypeRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    const schema = context.getSchema();
    if (node.operation === "mutation" && !schema.getMutationType()) {
      context.reportError(new GraphQLError(READ_ONLY_MESSAGE, { nodes: [node], extensions: { code: "READ_ONLY" } }));
    } else if (node.operation === "subscription" && !schema.getSubscriptionType()) {
      context.reportError(
        new GraphQLError(NO_SUBSCRIPTIONS_MESSAGE, { nodes: [node], extensions: { code: "OPERATION_NOT_SUPPORTED" } }),
      );
    }
  },
});

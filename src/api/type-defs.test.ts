import { Kind, parse, type DirectiveNode } from "graphql";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { NODE_LABELS, REL_TYPES } from "../domain/model.js";

const typeDefs = parse(readFileSync(new URL("./type-defs.graphql", import.meta.url), "utf8"));

function directives(name: string): DirectiveNode[] {
  const found: DirectiveNode[] = [];
  for (const def of typeDefs.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    for (const d of def.directives ?? []) if (d.name.value === name) found.push(d);
    for (const field of def.fields ?? [])
      for (const d of field.directives ?? []) if (d.name.value === name) found.push(d);
  }
  return found;
}

function stringArgs(directive: DirectiveNode, argument: string): string[] {
  const arg = (directive.arguments ?? []).find((a) => a.name.value === argument);
  if (arg === undefined) return [];
  if (arg.value.kind === Kind.STRING) return [arg.value.value];
  if (arg.value.kind === Kind.LIST) return arg.value.values.flatMap((v) => (v.kind === Kind.STRING ? [v.value] : []));
  return [];
}

describe("type-defs.graphql", () => {
  it("uses exactly the node labels of the domain model", () => {
    const labels = new Set(directives("node").flatMap((d) => stringArgs(d, "labels")));
    expect([...labels].sort()).toEqual([...NODE_LABELS].sort());
  });

  it("uses exactly the relationship types of the domain model", () => {
    const types = new Set(directives("relationship").flatMap((d) => stringArgs(d, "type")));
    expect([...types].sort()).toEqual([...REL_TYPES].sort());
  });

  it("gives Union and Confederation nodes the Organization label too, so organizations lists every organisation", () => {
    const byType = Object.fromEntries(
      typeDefs.definitions.flatMap((def) =>
        def.kind === Kind.OBJECT_TYPE_DEFINITION
          ? (def.directives ?? [])
              .filter((d) => d.name.value === "node")
              .map((d) => [def.name.value, stringArgs(d, "labels")])
          : [],
      ),
    );
    expect(byType.Union).toEqual(["Union", "Organization"]);
    expect(byType.Confederation).toEqual(["Confederation", "Organization"]);
    expect(byType.Organization).toEqual(["Organization"]);
  });

  it("disables the generated mutations", () => {
    const extension = typeDefs.definitions.find((d) => d.kind === Kind.SCHEMA_EXTENSION);
    expect(extension?.kind === Kind.SCHEMA_EXTENSION && extension.directives?.map((d) => d.name.value)).toEqual([
      "mutation",
    ]);
  });
});

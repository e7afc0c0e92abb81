/** Pass-through scalars for stored property values and property maps (already plain JSON when they get here). */
import { GraphQLScalarType, Kind, type ValueNode } from "graphql";

function literalValue(node: ValueNode): unknown {
  switch (node.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
    case Kind.ENUM:
      return node.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.LIST:
      return node.values.map(literalValue);
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, literalValue(f.value)]));
    default:
      return null;
  }
}

function scalar(name: string, description: string): GraphQLScalarType {
  return new GraphQLScalarType({
    name,
    description,
    serialize: (v) => v,
    parseValue: (v) => v,
    parseLiteral: literalValue,
  });
}

/** A stored property value that may be a number or text. */
export const PropertyValueScalar = scalar("PropertyValue", "A stored property value that may be a number or text.");
/** Any JSON value. */
export const JSONScalar = scalar("JSON", "Any JSON value.");

/** The fragment definitions of a GraphQL document, by name (for walks of an operation that follow its spreads). */
import { Kind, type FragmentDefinitionNode } from "graphql";

/** The document's fragments by name; the document is typed loosely so that a validation context's fits too. */
export function fragmentsOf(document: {
  definitions: readonly { kind: string }[];
}): ReadonlyMap<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      const fragment = definition as FragmentDefinitionNode;
      fragments.set(fragment.name.value, fragment);
    }
  }
  return fragments;
}

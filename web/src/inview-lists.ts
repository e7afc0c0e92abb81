/** Lists what is drawn, as buttons: the keyboard-accessible twin of the drawing. */
import type { EdgeBundle } from "./bundle-edges.js";
import { badge, byId, el, fill } from "./dom.js";
import { describeEdge } from "./edge-words.js";
import type { GraphNode } from "./types.js";

/** What the list buttons do. */
export interface ListActions {
  selectNode(id: string): void;
  selectBundle(bundle: EdgeBundle): void;
}

/** Fills the entity and connection lists of the panel. */
export function renderInView(nodes: readonly GraphNode[], bundles: readonly EdgeBundle[], actions: ListActions): void {
  const names = new Map(nodes.map((n) => [n.id, n.name]));
  const name = (id: string) => names.get(id) ?? id;
  fill(
    byId("node-list"),
    [...nodes]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((n) =>
        el(
          "li",
          {},
          badge(n.label),
          " ",
          el("button", { type: "button", class: "link", onclick: () => actions.selectNode(n.id) }, n.name),
        ),
      ),
  );
  fill(
    byId("edge-list"),
    bundles.map((b) => {
      const only = b.edges.length === 1 ? b.edges[0] : undefined;
      const text = only ? describeEdge(only, name) : `${name(b.source)} and ${name(b.target)}: ${b.edges.length} links`;
      return el(
        "li",
        {},
        el("button", { type: "button", class: "link", onclick: () => actions.selectBundle(b) }, text),
      );
    }),
  );
}

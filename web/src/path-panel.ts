/** The paths between two entities, each hop worded in its real direction and opening its evidence. */
import { el, fill, linkButton, plural } from "./dom.js";
import { hopText } from "./edge-words.js";
import type { NodeLookup } from "./evidence-panel.js";
import type { PanelContext } from "./panel-context.js";
import type { GraphPath } from "./types.js";

/** Renders the list of paths (or what to try when there is none). */
export function renderPaths(target: HTMLElement, paths: readonly GraphPath[], ctx: PanelContext): void {
  if (paths.length === 0) {
    fill(
      target,
      el("h2", {}, "No connection"),
      el("p", {}, "Try a larger “Max hops”, more relationship types, or explore each neighbourhood."),
    );
    return;
  }
  const nodes = new Map(paths.flatMap((p) => p.nodes.map((n) => [n.id, n] as const)));
  const lookup: NodeLookup = (id) => nodes.get(id);
  const first = paths[0]!;
  fill(
    target,
    el("h2", {}, "Connections"),
    el(
      "ol",
      { class: "paths" },
      paths.map((p) =>
        el(
          "li",
          {},
          p.nodes.map((n, i) => {
            const edge = p.edges[i];
            return [
              linkButton(n.name, () => ctx.open(n.id)),
              edge
                ? el(
                    "button",
                    {
                      type: "button",
                      class: "hop",
                      "aria-label": `Evidence: ${hopText(edge, n.id).trim()}`,
                      onclick: () => ctx.evidence(edge, lookup),
                    },
                    hopText(edge, n.id),
                  )
                : "",
            ];
          }),
        ),
      ),
    ),
    el(
      "p",
      { class: "muted" },
      `Shortest first; ${plural(first.edges.length, "hop", "hops")}. Click a hop or an edge for its evidence.`,
    ),
  );
}

/** The opening view: what the graph holds, and the entities and documents to start from, one click from each view. */
import { badge, el, fill, plural, type Child } from "./dom.js";
import { documentTitle } from "./source-link.js";
import { textProp, type GraphOverview, type RankedEntity, type TypeCount } from "./types.js";

/** What the opening view's links do. */
export interface OverviewActions {
  openEntity(id: string): void;
  openDocument(id: string): void;
}

function countTable(caption: string, rows: TypeCount[], head: string): HTMLElement {
  return el(
    "table",
    { class: "counts" },
    el("caption", {}, caption),
    el("thead", {}, el("tr", {}, el("th", { scope: "col" }, head), el("th", { scope: "col" }, "Count"))),
    el(
      "tbody",
      {},
      rows.map((r) => el("tr", {}, el("th", { scope: "row" }, r.type), el("td", {}, r.count.toLocaleString("en")))),
    ),
  );
}

function block(title: string, id: string, items: Child[]): HTMLElement {
  return el(
    "section",
    { class: "overview-block", "aria-labelledby": id },
    el("h3", { id }, title),
    items.length > 0 ? el("ol", { class: "plain-list" }, items) : el("p", { class: "muted" }, "None yet."),
  );
}

function rankedItem(r: RankedEntity, actions: OverviewActions): HTMLElement {
  return el(
    "li",
    {},
    badge(r.node.label),
    " ",
    el("button", { type: "button", class: "link", onclick: () => actions.openEntity(r.node.id) }, r.node.name),
    el("span", { class: "muted" }, ` · ${plural(r.degree, "connection", "connections")}`),
  );
}

/** Renders the opening view. */
export function renderOverview(target: HTMLElement, overview: GraphOverview, actions: OverviewActions): void {
  // a Union or a Confederation is counted under its own label and again under Organization
  const total = overview.nodes
    .filter((c) => c.type !== "Union" && c.type !== "Confederation")
    .reduce((s, c) => s + c.count, 0);
  fill(
    target,
    el(
      "p",
      { class: "muted" },
      `${total.toLocaleString("en")} nodes. Pick an entity below, or find one above, to open its neighbourhood.`,
    ),
    el(
      "div",
      { class: "overview-grid" },
      countTable("Entities and documents by type", overview.nodes, "Type"),
      countTable("Relationships by type", overview.relationships, "Relationship"),
      block(
        "Most connected people",
        "ov-people",
        overview.people.map((r) => rankedItem(r, actions)),
      ),
      block(
        "Most connected organisations",
        "ov-organisations",
        overview.organisations.map((r) => rankedItem(r, actions)),
      ),
      block(
        "Latest documents",
        "ov-documents",
        overview.documents.map((d) =>
          el(
            "li",
            {},
            d.date ? el("span", { class: "date" }, d.date) : "",
            el(
              "button",
              { type: "button", class: "link", onclick: () => actions.openDocument(d.id) },
              documentTitle(d),
            ),
          ),
        ),
      ),
      block(
        "Latest events",
        "ov-events",
        overview.events.map((e) => {
          const date = textProp(e.properties, "date") ?? textProp(e.properties, "seenTo");
          return el(
            "li",
            {},
            date ? el("span", { class: "date" }, date) : "",
            el("button", { type: "button", class: "link", onclick: () => actions.openEntity(e.id) }, e.name),
          );
        }),
      ),
    ),
  );
}

/** The entity card: label, aliases, properties, its relationships grouped by kind (in their real direction), sources. */
import { badge, el, fill, linkButton, type Child } from "./dom.js";
import { edgeVerb, edgeWhen } from "./edge-words.js";
import { documentLine, type NodeLookup } from "./evidence-panel.js";
import type { PanelContext } from "./panel-context.js";
import type { CardLink, EntityCard, GraphNode, RelType } from "./types.js";

const SECTIONS: { type: RelType; direction: "out" | "in" | "any"; title: string }[] = [
  { type: "HOLDS_POSITION", direction: "out", title: "Roles" },
  { type: "HOLDS_POSITION", direction: "in", title: "People" },
  { type: "MEMBER_OF", direction: "out", title: "Memberships" },
  { type: "MEMBER_OF", direction: "in", title: "Members" },
  { type: "MET_WITH", direction: "any", title: "Meetings" },
  { type: "SIGNED", direction: "out", title: "Agreements" },
  { type: "SIGNED", direction: "in", title: "Signatories" },
  { type: "PARTICIPATED_IN", direction: "out", title: "Events" },
  { type: "PARTICIPATED_IN", direction: "in", title: "Participants" },
  { type: "LOCATED_IN", direction: "out", title: "Located in" },
  { type: "LOCATED_IN", direction: "in", title: "Based here" },
];

const PROPERTIES = [
  "kind",
  "date",
  "dateText",
  "place",
  "title",
  "acronym",
  "country",
  "members",
  "affiliates",
  "countries",
  "url",
];

/** The tab switch of an entity view's panel. */
export function panelTabs(active: "card" | "timeline", ctx: PanelContext): HTMLElement {
  const tab = (name: "card" | "timeline", text: string) =>
    el(
      "button",
      { type: "button", class: "tab", "aria-pressed": String(active === name), onclick: () => ctx.tab(name) },
      text,
    );
  return el(
    "p",
    { class: "tabs", role: "group", "aria-label": "Panel" },
    tab("card", "Card"),
    tab("timeline", "Timeline"),
  );
}

/** "is President of → JTUC" or "← is President of: Tomoko Yoshino", so the words keep the edge's direction. */
export function linkItem(link: CardLink, ctx: PanelContext, lookup: NodeLookup): HTMLElement {
  const { edge, other, direction } = link;
  const when = edgeWhen(edge);
  const verb = edgeVerb(edge);
  const count = Number(edge.properties?.count);
  return el(
    "li",
    {},
    when ? el("span", { class: "date" }, when) : "",
    direction === "out" || edge.type === "MET_WITH" ? `${verb} ` : "",
    linkButton(other.name, () => ctx.open(other.id)),
    direction === "in" && edge.type !== "MET_WITH" ? ` ${verb} this` : "",
    edge.type === "MET_WITH" && count > 1 ? el("span", { class: "tag" }, `${count} meetings`) : "",
    " ",
    el(
      "button",
      {
        type: "button",
        class: "small",
        "aria-label": `Evidence: ${other.name}, ${edge.type}`,
        onclick: () => ctx.evidence(edge, lookup),
      },
      "evidence",
    ),
  );
}

/** A lookup over the card's entity and the other ends of its edges. */
export function cardLookup(node: GraphNode, links: readonly CardLink[]): NodeLookup {
  const nodes = new Map([[node.id, node], ...links.map((l) => [l.other.id, l.other] as const)]);
  return (id) => nodes.get(id);
}

/** The heading of an entity's panel: badge, name, aliases, properties and actions. */
export function entityHeader(node: GraphNode, ctx: PanelContext): Child[] {
  const props = PROPERTIES.filter((k) => {
    const v = node.properties?.[k];
    return v !== undefined && v !== null && v !== "";
  });
  return [
    el("h2", { class: "card-title" }, badge(node.label), " ", node.name),
    node.aliases.length > 0 ? el("p", { class: "aliases" }, "Also known as: ", node.aliases.join("; ")) : "",
    props.length > 0
      ? el(
          "dl",
          { class: "props" },
          props.map((k) => {
            const v = node.properties?.[k];
            return [el("dt", {}, k), el("dd", {}, Array.isArray(v) ? v.join(", ") : String(v))];
          }),
        )
      : "",
    node.label === "Document"
      ? ""
      : el(
          "p",
          { class: "actions" },
          el("button", { type: "button", onclick: () => ctx.connectFrom(node) }, "Connect from here…"),
        ),
  ];
}

/** Renders the card of one entity. */
export function renderCard(target: HTMLElement, card: EntityCard, ctx: PanelContext): void {
  const lookup = cardLookup(card.node, card.connections);
  const sections = SECTIONS.map((section) => {
    const links = card.connections.filter(
      (c) => c.edge.type === section.type && (section.direction === "any" || c.direction === section.direction),
    );
    if (links.length === 0) return "";
    return el(
      "section",
      { class: "card-section" },
      el("h3", {}, section.title),
      el(
        "ul",
        { class: "plain-list" },
        links.map((l) => linkItem(l, ctx, lookup)),
      ),
    );
  });
  fill(
    target,
    entityHeader(card.node, ctx),
    panelTabs("card", ctx),
    sections,
    card.documents.length > 0
      ? el(
          "section",
          { class: "card-section" },
          el("h3", {}, "Sources"),
          el(
            "ul",
            { class: "plain-list" },
            card.documents.map((d) => el("li", {}, documentLine(d))),
          ),
        )
      : "",
  );
}

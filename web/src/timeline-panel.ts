/** An entity's timeline: meetings, agreements, memberships and positions in date order, each with its sources. */
import { cardLookup, entityHeader, panelTabs } from "./card-panel.js";
import { el, fill } from "./dom.js";
import { describeEdge } from "./edge-words.js";
import { documentLine } from "./evidence-panel.js";
import type { PanelContext } from "./panel-context.js";
import type { EntityTimeline, EvidenceDocument, TimelineEntry } from "./types.js";

const KIND_TITLE: Record<TimelineEntry["kind"], string> = {
  meeting: "Meeting",
  agreement: "Agreement",
  membership: "Membership",
  position: "Position",
  event: "Event",
};

const SOURCE_NOTE: Record<string, string> = { event: " (event date)", reported: " (first reported)" };

function sourcesOf(entry: TimelineEntry): EvidenceDocument[] {
  const docs = new Map(entry.edge.evidence.map((e) => [e.document.id, e.document]));
  return [...docs.values()];
}

/** Renders the timeline of one entity. */
export function renderTimeline(target: HTMLElement, timeline: EntityTimeline, ctx: PanelContext): void {
  const lookup = cardLookup(timeline.node, timeline.entries);
  const name = (id: string) => lookup(id)?.name ?? id;
  fill(
    target,
    entityHeader(timeline.node, ctx),
    panelTabs("timeline", ctx),
    timeline.entries.length === 0
      ? el("p", { class: "muted" }, "No meetings, agreements, memberships or positions.")
      : "",
    el(
      "ol",
      { class: "timeline", "aria-label": `Timeline of ${timeline.node.name}` },
      timeline.entries.map((entry) =>
        el(
          "li",
          { class: `timeline-entry ${entry.kind}` },
          el(
            "p",
            { class: "when" },
            el("time", {}, entry.date ?? "undated"),
            entry.dateSource ? el("span", { class: "muted" }, SOURCE_NOTE[entry.dateSource] ?? "") : "",
            " ",
            el("span", { class: "tag" }, KIND_TITLE[entry.kind]),
          ),
          el(
            "p",
            { class: "what" },
            el(
              "button",
              { type: "button", class: "link", onclick: () => ctx.evidence(entry.edge, lookup) },
              describeEdge(entry.edge, name),
            ),
            entry.event ? el("span", { class: "muted" }, ` · ${entry.event.name}`) : "",
          ),
          el(
            "ul",
            { class: "plain-list sources", "aria-label": "Sources" },
            sourcesOf(entry).map((d) => el("li", {}, documentLine(d))),
          ),
        ),
      ),
    ),
  );
}

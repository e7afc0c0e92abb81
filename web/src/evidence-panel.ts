/** The evidence panel: each sentence highlighted, with its document's title, date and a link to the source. */
import type { EdgeBundle } from "./bundle-edges.js";
import { el, fill, plural, type Child } from "./dom.js";
import { describeEdge } from "./edge-words.js";
import { documentTitle, highlightTerms, sentenceLink } from "./source-link.js";
import type { EvidenceDocument, EvidenceRef, GraphEdge, GraphNode } from "./types.js";

/** Looks up the nodes the panel names. */
export type NodeLookup = (id: string) => GraphNode | undefined;

/** A document's title (a link to the source when it has a URL, to the sentence itself when `sentence` is given) and date. */
export function documentLine(doc: EvidenceDocument, sentence?: string): HTMLElement {
  const title = documentTitle(doc);
  const href = sentenceLink(doc, sentence ?? "");
  return el(
    "span",
    { class: "doc" },
    href ? el("a", { href, target: "_blank", rel: "noopener noreferrer" }, title) : el("cite", {}, title),
    doc.date ? el("span", { class: "doc-date" }, `, ${doc.date}`) : "",
  );
}

function sentenceItem(ref: EvidenceRef, terms: string[]): HTMLElement {
  const parts = highlightTerms(ref.sentence, terms).map((s) => (s.isHit ? el("strong", {}, s.text) : s.text));
  return el(
    "li",
    {},
    el("blockquote", { class: "sentence" }, el("mark", {}, ...parts)),
    documentLine(ref.document, ref.sentence),
  );
}

function termsOf(edge: GraphEdge, lookup: NodeLookup): string[] {
  return [edge.from, edge.to].flatMap((id) => {
    const node = lookup(id);
    return node ? [node.name, ...node.aliases] : [];
  });
}

const nameVia = (lookup: NodeLookup) => (id: string) => lookup(id)?.name ?? id;

/** The evidence of one edge. */
export function evidenceSection(edge: GraphEdge, lookup: NodeLookup): Child[] {
  return [
    el("p", { class: "edge-title" }, describeEdge(edge, nameVia(lookup))),
    el(
      "p",
      { class: "muted" },
      `${edge.type} · confidence ${edge.confidence.toFixed(2)} · ${plural(edge.evidence.length, "sentence", "sentences")}`,
    ),
    el(
      "ol",
      { class: "evidence" },
      edge.evidence.map((ref) => sentenceItem(ref, termsOf(edge, lookup))),
    ),
  ];
}

/** Shows one edge's evidence in the panel. */
export function showEvidence(target: HTMLElement, edge: GraphEdge, lookup: NodeLookup): void {
  fill(target, el("h2", {}, "Evidence"), evidenceSection(edge, lookup));
}

/** Shows a bundle of parallel edges as a list; each opens its evidence (a single edge opens directly). */
export function showBundle(target: HTMLElement, bundle: EdgeBundle, lookup: NodeLookup): void {
  const only = bundle.edges[0];
  if (bundle.edges.length === 1 && only) return showEvidence(target, only, lookup);
  const name = nameVia(lookup);
  fill(
    target,
    el("h2", {}, `${bundle.edges.length} links between ${name(bundle.source)} and ${name(bundle.target)}`),
    el(
      "ul",
      { class: "plain-list bundle-list" },
      bundle.edges.map((edge) =>
        el(
          "li",
          {},
          el(
            "button",
            { type: "button", class: "link", onclick: () => showEvidence(target, edge, lookup) },
            describeEdge(edge, name),
          ),
          el("span", { class: "muted" }, ` · ${plural(edge.evidence.length, "sentence", "sentences")}`),
        ),
      ),
    ),
  );
}

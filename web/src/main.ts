/**
 * The labour-graph explorer: an opening view of the graph, neighbourhoods, paths, cards, timelines and evidence, with
 * every view in the address. Cytoscape.js comes from /vendor/cytoscape.min.js (served by the API server).
 */
import type { Core } from "cytoscape";
import { DATABASE_DOWN, UNREACHABLE, checkHealth, fetchEntity, fetchOverview, fetchTimeline } from "./api-client.js";
import { attachBanner, guarded, hideBanner, showBanner } from "./banner.js";
import type { EdgeBundle } from "./bundle-edges.js";
import { renderCard } from "./card-panel.js";
import { attachCombobox } from "./combobox.js";
import { byId, el, fill, plural } from "./dom.js";
import { showBundle, showEvidence } from "./evidence-panel.js";
import { EXPORT_FORMATS, exportView, type ExportFormat } from "./export-view.js";
import { buildFilterControls, onControlsChange, readControls, writeControls } from "./filters.js";
import { createGraph, drawGraph, selectInGraph } from "./graph-view.js";
import { renderInView } from "./inview-lists.js";
import { renderOverview } from "./overview-panel.js";
import type { PanelContext } from "./panel-context.js";
import { renderPaths } from "./path-panel.js";
import { renderTimeline } from "./timeline-panel.js";
import type { GraphNode } from "./types.js";
import { DEFAULT_VIEW, formatView, parseView, type ViewState } from "./url-state.js";
import { loadViewData, viewKey, type ViewData } from "./view-data.js";
import { visibleSubgraph } from "./visible.js";

let cy: Core | undefined;
let current: ViewState = parseView(window.location.search);
let data: ViewData | undefined;
let renderSeq = 0;
let connectFrom: GraphNode | undefined;

const details = () => byId("details");
const lookup = (id: string) => data?.graph.nodes.find((n) => n.id === id);

/** Shows a view and records it in the address: `push` adds a history entry, `replace` rewrites it. */
async function navigate(next: ViewState, mode: "push" | "replace" | "none"): Promise<void> {
  const url = `${window.location.pathname}${formatView(next)}`;
  if (mode === "push" && url !== `${window.location.pathname}${window.location.search}`)
    window.history.pushState(null, "", url);
  else if (mode === "replace") window.history.replaceState(null, "", url);
  current = next;
  await render(next);
}

const panel: PanelContext = {
  open: (id) => void navigate({ ...current, view: "entity", entity: id, tab: "card" }, "push"),
  evidence: (edge, names) => showEvidence(details(), edge, names),
  tab: (tab) => void navigate({ ...current, tab }, "push"),
  connectFrom: (node) => {
    startConnection(node);
    byId("connect").focus();
  },
};

function startConnection(node: GraphNode): void {
  connectFrom = node;
  byId<HTMLInputElement>("search").value = node.name;
  const connect = byId<HTMLInputElement>("connect");
  connect.disabled = false;
  connect.placeholder = `From ${node.name} to…`;
}

function setStage(state: "loading" | "ready", title?: string): void {
  byId("stage").dataset.state = state;
  if (title !== undefined) byId("stage-title").textContent = title;
}

async function renderOverviewView(seq: number): Promise<void> {
  byId("overview").hidden = false;
  byId("graph-area").hidden = true;
  byId("inview").hidden = true;
  const overview = await guarded(fetchOverview);
  if (seq !== renderSeq) return;
  if (!overview) return setStage("ready", "The overview could not be loaded");
  renderOverview(byId("overview"), overview, {
    openEntity: (id) => panel.open(id),
    openDocument: (id) =>
      void navigate(
        {
          ...current,
          view: "entity",
          entity: id,
          tab: "card",
          rels: [...new Set([...current.rels, "MENTIONED_IN" as const])],
        },
        "push",
      ),
  });
  fill(
    details(),
    el("h2", {}, "Details"),
    el(
      "p",
      { class: "muted" },
      "Pick an entity for its neighbourhood; click a node for its card, an edge for its evidence.",
    ),
  );
  setStage("ready", "labour-graph at a glance");
}

/** Draws the loaded data under the current filters and fills the lists. */
function redraw(): void {
  if (!cy || !data) return;
  const visible = visibleSubgraph(data.graph, current, data.focusIds);
  const pathKeys = new Set(data.paths?.[0]?.edges.map((e) => e.key) ?? []);
  const bundles = drawGraph(cy, visible, {
    focusIds: data.focusIds,
    pathKeys,
    layout: current.view === "path" ? "path" : "rings",
  });
  renderInView(visible.nodes, bundles, { selectNode, selectBundle });
  const hidden = data.graph.nodes.length - visible.nodes.length;
  byId("status").textContent =
    `${plural(visible.nodes.length, "entity", "entities")}, ${plural(visible.edges.length, "relationship", "relationships")} drawn` +
    (bundles.length < visible.edges.length ? ` as ${plural(bundles.length, "line", "lines")}` : "") +
    (hidden > 0 ? `; ${hidden} hidden by the filters.` : ".");
}

async function renderPanel(state: ViewState, seq: number): Promise<void> {
  if (state.view === "path") return renderPaths(details(), data?.paths ?? [], panel);
  if (!state.entity) return;
  const id = data?.focusIds[0] ?? state.entity;
  if (state.tab === "timeline") {
    const timeline = await guarded(() => fetchTimeline(id));
    if (seq === renderSeq && timeline) renderTimeline(details(), timeline, panel);
  } else {
    const card = await guarded(() => fetchEntity(id));
    if (seq === renderSeq && card) renderCard(details(), card, panel);
  }
}

async function render(state: ViewState): Promise<void> {
  const seq = ++renderSeq;
  setStage("loading");
  writeControls(state);
  if (state.view === "overview") return renderOverviewView(seq);
  byId("overview").hidden = true;
  byId("graph-area").hidden = false;
  byId("inview").hidden = false;
  if (data?.key !== viewKey(state)) {
    const loaded = await guarded(() => loadViewData(state));
    if (seq !== renderSeq) return;
    if (!loaded) return setStage("ready", "Nothing to show");
    data = loaded;
  }
  if (state.view === "path" && data.from && data.to) {
    startConnection(data.from);
    byId<HTMLInputElement>("connect").value = data.to.name;
  } else if (data.graph.nodes[0]) startConnection(data.graph.nodes[0]);
  setStage("loading", data.title);
  redraw();
  await renderPanel(state, seq);
  if (seq === renderSeq) setStage("ready");
}

function selectNode(id: string): void {
  if (cy) selectInGraph(cy, id);
  void guarded(() => fetchEntity(id)).then((card) => card && renderCard(details(), card, panel));
}

function selectBundle(bundle: EdgeBundle): void {
  if (cy) selectInGraph(cy, bundle.id);
  showBundle(details(), bundle, lookup);
}

async function runExport(format: ExportFormat): Promise<void> {
  if (!cy || cy.nodes().length === 0) return showBanner("Nothing is drawn: open a neighbourhood or a path first.");
  const name = `labour-graph-${current.view === "path" ? "path" : (data?.focusIds[0] ?? "view")}`.replace(
    /[^\w.-]+/g,
    "-",
  );
  const scope = current.view === "entity" && current.entity ? { around: current.entity, depth: current.depth } : {};
  await exportView(cy, format, name, byId("stage-title").textContent ?? "labour-graph", scope);
}

async function reportHealth(): Promise<void> {
  const health = await checkHealth();
  if (health === "ok") return hideBanner();
  const text =
    health === "database-down"
      ? DATABASE_DOWN
      : health === "unreachable"
        ? UNREACHABLE
        : `The API health check answered ${health}.`;
  showBanner(text, () => void reportHealth());
}

function start(): void {
  attachBanner();
  buildFilterControls();
  byId("finder").addEventListener("submit", (ev) => ev.preventDefault());
  attachCombobox(byId<HTMLInputElement>("search"), byId("search-list"), (node) => panel.open(node.id));
  attachCombobox(byId<HTMLInputElement>("connect"), byId("connect-list"), (node) => {
    const from = connectFrom ?? lookup(current.entity ?? "");
    if (!from) return panel.open(node.id);
    void navigate({ ...current, view: "path", from: from.id, to: node.id }, "push");
  });
  byId("home").addEventListener("click", (ev) => {
    ev.preventDefault();
    void navigate({ ...current, view: "overview" }, "push");
  });
  onControlsChange(() => void navigate({ ...current, ...readControls() }, "push"));
  for (const format of EXPORT_FORMATS)
    byId(`export-${format}`).addEventListener("click", () => void guarded(() => runExport(format)));
  window.addEventListener("popstate", () => void navigate(parseView(window.location.search), "none"));
  cy = createGraph(byId("graph"), {
    onNode: (id) => selectNode(id),
    onNodeOpen: (id) => panel.open(id),
    onBundle: (bundle) => selectBundle(bundle),
  });
  if (!cy)
    showBanner(
      "The graph library (/vendor/cytoscape.min.js) did not load. Reinstall with `npm install` and restart the server.",
    );
  // a handle for scripts and the end-to-end tests
  Object.assign(window, {
    labourGraph: {
      get cy() {
        return cy ?? null;
      },
      get state() {
        return current;
      },
      navigate: (next: Partial<ViewState>) => navigate({ ...DEFAULT_VIEW, ...next }, "push"),
      drawnNames: () => (cy ? cy.nodes().map((n) => String(n.data("name"))) : []),
    },
  });
  void reportHealth();
  void navigate(current, "replace");
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();

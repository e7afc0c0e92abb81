// The labour-graph explorer: search, neighbourhoods, connections, entity cards and evidence, over the GraphQL API.
// Plain ES module, no build step; Cytoscape.js comes from /vendor/cytoscape.min.js (served by the API server).
// Every text from the graph is inserted with textContent, never as HTML.

const GRAPHQL_URL = "/graphql";
const SEARCH_DELAY_MS = 200;
const SUGGESTIONS = 8;
const PATHS = 5;
const QUIET_EDGE_LABELS_ABOVE = 14;

const NODE_FIELDS = /* GraphQL */ `id name label labels aliases properties`;
const EDGE_FIELDS = /* GraphQL */ `key type from to confidence properties evidence { sentence document { id title date url path } }`;

const QUERIES = {
  // limits are literal: the API prices a list whose limit is a variable at its maximum size
  search: /* GraphQL */ `query Search($text: String!) { search(text: $text, limit: ${SUGGESTIONS}) { score node { ${NODE_FIELDS} } } }`,
  neighbourhood: /* GraphQL */ `query Neighbourhood($id: String!, $depth: Int) { neighbourhood(id: $id, depth: $depth) { nodes { ${NODE_FIELDS} } edges { ${EDGE_FIELDS} } } }`,
  connections: /* GraphQL */ `query Connections($from: String!, $to: String!, $maxHops: Int) {
    connections(from: $from, to: $to, maxHops: $maxHops, limit: ${PATHS}) { length nodes { ${NODE_FIELDS} } edges { ${EDGE_FIELDS} } } }`,
  entity: /* GraphQL */ `query Entity($id: String!) { entity(id: $id) {
    node { ${NODE_FIELDS} }
    connections { direction other { ${NODE_FIELDS} } edge { ${EDGE_FIELDS} } }
    documents { id title date url path } } }`,
};

/** Shape and colour by label; the legend in index.html uses the same colours. */
const LABEL_STYLE = {
  Person: { shape: "ellipse", color: "#4e79a7" },
  Union: { shape: "round-rectangle", color: "#e15759" },
  Confederation: { shape: "hexagon", color: "#b07aa1" },
  Organization: { shape: "rectangle", color: "#f28e2b" },
  Country: { shape: "diamond", color: "#59a14f" },
  Event: { shape: "star", color: "#edc948" },
  Document: { shape: "tag", color: "#9c9c9c" },
};

const $ = (id) => document.getElementById(id);

// ------------------------------------------------------------------ errors: a visible banner, never a blank page

class ApiError extends Error {
  constructor(message, { code, suggestion, candidates } = {}) {
    super(message);
    this.code = code;
    this.suggestion = suggestion;
    this.candidates = candidates ?? [];
  }
}

let lastFailed = null;

function showBanner(message, retry) {
  $("banner-text").textContent = message;
  $("banner").hidden = false;
  lastFailed = retry ?? null;
  $("banner-retry").hidden = lastFailed === null;
}

function hideBanner() {
  $("banner").hidden = true;
  lastFailed = null;
}

function describeError(error) {
  if (error instanceof ApiError) {
    const parts = [error.message];
    if (error.candidates.length > 0)
      parts.push(`Candidates: ${error.candidates.map((c) => `${c.name} (${c.label})`).join(", ")}.`);
    if (error.suggestion && !error.message.includes(error.suggestion)) parts.push(error.suggestion);
    return parts.join(" ");
  }
  return `Something went wrong: ${error && error.message ? error.message : String(error)}`;
}

/** Runs a GraphQL query; network failures, 503 and GraphQL errors become ApiErrors with a message for people. */
async function gql(query, variables) {
  let response;
  try {
    response = await fetch(GRAPHQL_URL, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError(
      "Cannot reach the labour-graph API. Is the server running? Start it with `labour-graph serve` (or `npm start`).",
      {
        code: "API_UNREACHABLE",
      },
    );
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  const first = body && Array.isArray(body.errors) ? body.errors[0] : undefined;
  if (response.status === 503) {
    throw new ApiError(
      first?.message ?? "The database is not reachable. Start it with `labour-graph db start`, then retry.",
      { code: "DATABASE_UNAVAILABLE" },
    );
  }
  if (first) {
    const ext = first.extensions ?? {};
    throw new ApiError(first.message, { code: ext.code, suggestion: ext.suggestion, candidates: ext.candidates });
  }
  if (!response.ok || !body || !body.data) {
    throw new ApiError(
      `The API answered ${response.status} ${response.statusText || ""}`.trim() + ". Check the server's log.",
      { code: "HTTP_ERROR" },
    );
  }
  return body.data;
}

/** Runs an action; any failure is shown in the banner with a Retry button. */
async function guarded(action) {
  try {
    const result = await action();
    hideBanner();
    return result;
  } catch (error) {
    showBanner(describeError(error), () => guarded(action));
    return undefined;
  }
}

// ------------------------------------------------------------------ the graph drawing (Cytoscape.js)

let cy = null;

function createGraph() {
  if (typeof window.cytoscape !== "function") {
    showBanner(
      "The graph library (/vendor/cytoscape.min.js) did not load. Reinstall with `npm install` and restart the server.",
    );
    return null;
  }
  const nodeStyles = Object.entries(LABEL_STYLE).map(([label, s]) => ({
    selector: `node[label = "${label}"]`,
    style: { shape: s.shape, "background-color": s.color },
  }));
  return window.cytoscape({
    container: $("graph"),
    wheelSensitivity: 0.3,
    minZoom: 0.2,
    maxZoom: 3,
    style: [
      {
        selector: "node",
        style: {
          label: "data(caption)",
          "font-size": 13,
          "text-valign": "bottom",
          "text-margin-y": 4,
          "text-wrap": "wrap",
          "text-max-width": 140,
          "text-background-color": "#ffffff",
          "text-background-opacity": 0.8,
          "text-background-padding": 1,
          width: 30,
          height: 30,
          "border-width": 1,
          "border-color": "#333",
          color: "#111",
        },
      },
      ...nodeStyles,
      {
        selector: "node.focus",
        style: { width: 42, height: 42, "border-width": 3, "border-color": "#111", "font-weight": "bold" },
      },
      {
        selector: "node:selected",
        style: { "overlay-color": "#1f6feb", "overlay-opacity": 0.25, "overlay-padding": 6 },
      },
      {
        selector: "edge",
        style: {
          label: "data(caption)",
          "font-size": 9,
          color: "#333",
          "text-rotation": "autorotate",
          "text-background-color": "#ffffff",
          "text-background-opacity": 0.85,
          "text-background-padding": 1,
          width: "mapData(confidence, 0, 1, 1, 4)",
          "line-color": "#8a8a8a",
          "target-arrow-color": "#8a8a8a",
          "target-arrow-shape": "triangle",
          "curve-style": "bezier",
        },
      },
      { selector: 'edge[type = "MET_WITH"]', style: { "target-arrow-shape": "none", "line-color": "#1f6feb" } },
      { selector: 'edge[type = "MEMBER_OF"]', style: { "line-color": "#e15759", "target-arrow-color": "#e15759" } },
      { selector: 'edge[type = "HOLDS_POSITION"]', style: { "line-style": "dashed" } },
      { selector: "edge.quiet", style: { label: "" } },
      { selector: "edge.quiet:selected", style: { label: "data(caption)" } },
      { selector: "edge.path", style: { width: 4, "line-color": "#111", "target-arrow-color": "#111" } },
      { selector: "edge:selected", style: { "line-color": "#1f6feb", "target-arrow-color": "#1f6feb", width: 5 } },
    ],
  });
}

function edgeDetail(edge) {
  const p = edge.properties ?? {};
  const parts =
    edge.type === "MEMBER_OF" ? [p.status, p.date] : edge.type === "HOLDS_POSITION" ? [p.role, p.date] : [p.date];
  return parts.filter((x) => typeof x === "string" && x !== "").join(", ");
}

function nodeElement(node, classes = "") {
  return {
    group: "nodes",
    data: { id: node.id, caption: node.name, name: node.name, label: node.label, node },
    classes,
  };
}

function edgeElement(edge, classes = "") {
  const detail = edgeDetail(edge);
  return {
    group: "edges",
    data: {
      id: `edge:${edge.key}`,
      source: edge.from,
      target: edge.to,
      type: edge.type,
      caption: detail ? `${edge.type} (${detail})` : edge.type,
      confidence: edge.confidence ?? 0.5,
      edge,
    },
    classes,
  };
}

/**
 * A path reads left to right from its first entity (breadth-first); a neighbourhood in rings around its centre,
 * one ring per hop (concentric), which stays readable where force layouts pile captions up.
 */
function layoutOptions(layout, roots) {
  const base = { animate: false, padding: 30, nodeDimensionsIncludeLabels: true };
  if (layout === "breadthfirst") {
    return {
      ...base,
      name: "breadthfirst",
      directed: false,
      roots: cy.collection(roots.map((r) => cy.getElementById(r))),
      spacingFactor: 1.6,
    };
  }
  const hops = new Map();
  const centre = cy.getElementById(roots[0] ?? "");
  if (centre.length > 0) {
    cy.elements().bfs({
      roots: centre,
      directed: false,
      visit: (v, _e, _u, _i, depth) => void hops.set(v.id(), depth),
    });
  }
  return {
    ...base,
    name: "concentric",
    concentric: (node) => 10 - (hops.get(node.id()) ?? 9),
    levelWidth: () => 1,
    minNodeSpacing: 45,
    avoidOverlap: true,
    startAngle: (3 / 2) * Math.PI,
  };
}

/** Replaces what is drawn with these nodes and edges, then lays it out. */
function draw(nodes, edges, { focusIds = [], pathEdgeKeys = new Set(), layout = "rings", roots = [] } = {}) {
  if (!cy) return;
  const ids = new Set(nodes.map((n) => n.id));
  cy.elements().remove();
  cy.add(nodes.map((n) => nodeElement(n, focusIds.includes(n.id) ? "focus" : "")));
  cy.add(
    edges
      .filter((e) => ids.has(e.from) && ids.has(e.to))
      .map((e) => edgeElement(e, pathEdgeKeys.has(e.key) ? "path" : "")),
  );
  // many edge captions overlap: above a handful they show only on the selected edge
  if (cy.edges().length > QUIET_EDGE_LABELS_ABOVE) cy.edges().addClass("quiet");
  cy.layout(layoutOptions(layout, roots.length > 0 ? roots : focusIds)).run();
  cy.fit(undefined, 40);
  // a short path fitted to the whole canvas would be drawn huge; keep captions at a readable size
  if (cy.zoom() > 1.25) {
    cy.zoom(1.25);
    cy.center();
  }
  renderLists();
  const n = cy.nodes().length;
  const m = cy.edges().length;
  $("status").textContent = `${n} entit${n === 1 ? "y" : "ies"}, ${m} connection${m === 1 ? "" : "s"} drawn.`;
}

// ------------------------------------------------------------------ the side panel: cards, evidence and lists

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const child of children.flat(Infinity))
    if (child !== null && child !== undefined && child !== false)
      node.append(child instanceof window.Node ? child : String(child));
  return node;
}

function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

function documentLine(doc) {
  const title = doc.title || (doc.path ? doc.path.split(/[\\/]/).pop() : `document ${doc.id}`);
  const href = doc.url ? safeUrl(doc.url) : null;
  return el(
    "span",
    { class: "doc" },
    href ? el("a", { href, target: "_blank", rel: "noopener noreferrer" }, title) : title,
    doc.date ? `, ${doc.date}` : "",
  );
}

function entityButton(node) {
  return el("button", { type: "button", class: "link", onclick: () => focusEntity(node.id) }, node.name);
}

function setDetails(...children) {
  $("details").replaceChildren(
    ...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false && c !== ""),
  );
}

/** The evidence of one edge: each sentence with its document (title, date, link to the source when known). */
function showEvidence(edge, names = {}) {
  const nameOf = (id) => {
    if (names[id]) return names[id];
    const found = cy ? cy.getElementById(id) : null;
    return found && found.length > 0 ? found.data("name") : id;
  };
  const detail = edgeDetail(edge);
  setDetails(
    el("h2", {}, "Evidence"),
    el(
      "p",
      { class: "edge-title" },
      `${nameOf(edge.from)} `,
      el("strong", {}, edge.type),
      detail ? ` (${detail})` : "",
      ` ${nameOf(edge.to)}`,
    ),
    el(
      "p",
      { class: "muted" },
      `confidence ${Number(edge.confidence ?? 0).toFixed(2)} · ${edge.evidence.length} sentence${edge.evidence.length === 1 ? "" : "s"}`,
    ),
    el(
      "ol",
      { class: "evidence" },
      edge.evidence.map((ev) =>
        el("li", {}, el("blockquote", { class: "sentence" }, ev.sentence), documentLine(ev.document)),
      ),
    ),
  );
}

const CARD_SECTIONS = [
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

const CARD_PROPERTIES = [
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
];

function connectionItem(link, section, events, names) {
  const { edge, other } = link;
  const p = edge.properties ?? {};
  const eventId = Array.isArray(p.events) ? p.events[0] : undefined;
  const event = typeof eventId === "string" ? events.get(eventId) : undefined;
  const dated = section.type !== "HOLDS_POSITION" && section.type !== "MEMBER_OF";
  const date = [
    typeof p.firstDate === "string" && typeof p.lastDate === "string" && p.lastDate !== p.firstDate
      ? `${p.firstDate} – ${p.lastDate}`
      : p.firstDate,
    p.date,
    event?.properties?.date,
    dated ? other.properties?.date : undefined,
    event?.properties?.dateText,
    dated ? other.properties?.dateText : undefined,
  ].find((d) => typeof d === "string" && d !== "");
  const extra =
    section.type === "HOLDS_POSITION"
      ? edge.properties?.role
      : section.type === "MEMBER_OF"
        ? edge.properties?.status
        : section.type === "MET_WITH" && Number(p.count) > 1
          ? `${p.count} meetings`
          : undefined;
  return el(
    "li",
    {},
    date ? el("span", { class: "date" }, date) : "",
    entityButton(other),
    extra ? el("span", { class: "tag" }, extra) : "",
    el(
      "button",
      {
        type: "button",
        class: "small",
        "aria-label": `Evidence for ${edge.type} with ${other.name}`,
        onclick: () => showEvidence(edge, names),
      },
      "evidence",
    ),
  );
}

/** The card of one entity: label, aliases, properties, roles, memberships (with status), meetings (with dates). */
function renderCard(card) {
  const { node } = card;
  const events = new Map(card.connections.filter((c) => c.other.label === "Event").map((c) => [c.other.id, c.other]));
  const names = Object.fromEntries([[node.id, node.name], ...card.connections.map((c) => [c.other.id, c.other.name])]);
  const props = CARD_PROPERTIES.filter(
    (k) =>
      node.properties && node.properties[k] !== undefined && node.properties[k] !== null && node.properties[k] !== "",
  );
  const sections = CARD_SECTIONS.map((section) => {
    const links = card.connections.filter(
      (c) => c.edge.type === section.type && (section.direction === "any" || c.direction === section.direction),
    );
    if (links.length === 0) return null;
    return el(
      "section",
      { class: "card-section" },
      el("h3", {}, section.title),
      el(
        "ul",
        { class: "plain-list" },
        links.map((l) => connectionItem(l, section, events, names)),
      ),
    );
  });
  setDetails(
    el(
      "h2",
      { class: "card-title" },
      el("span", { class: `badge ${node.label.toLowerCase()}` }, node.label),
      " ",
      node.name,
    ),
    node.aliases.length > 0 ? el("p", { class: "aliases" }, "Also known as: ", node.aliases.join("; ")) : "",
    props.length > 0
      ? el(
          "dl",
          { class: "props" },
          props.map((k) => [
            el("dt", {}, k),
            el(
              "dd",
              {},
              Array.isArray(node.properties[k]) ? node.properties[k].join(", ") : String(node.properties[k]),
            ),
          ]),
        )
      : "",
    el(
      "p",
      { class: "actions" },
      el(
        "button",
        { type: "button", onclick: () => showNeighbourhood(node.id, { keep: true }) },
        "Expand neighbourhood",
      ),
      el("button", { type: "button", onclick: () => startConnectionFrom(node) }, "Connect from here…"),
    ),
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

async function showCard(id) {
  setDetails(el("h2", {}, "Details"), el("p", { class: "muted" }, "Loading…"));
  const data = await guarded(() => gql(QUERIES.entity, { id }));
  if (data) renderCard(data.entity);
}

/** Lists what is drawn, as buttons: the keyboard-accessible twin of the drawing. */
function renderLists() {
  const nodes = cy ? cy.nodes().map((n) => n.data("node")) : [];
  const edges = cy ? cy.edges().map((e) => e.data("edge")) : [];
  const nameOf = (id) => nodes.find((n) => n.id === id)?.name ?? id;
  $("node-list").replaceChildren(
    ...nodes
      .slice()
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((n) =>
        el(
          "li",
          {},
          el("span", { class: `badge ${n.label.toLowerCase()}` }, n.label),
          " ",
          el("button", { type: "button", class: "link", onclick: () => selectNode(n.id) }, n.name),
        ),
      ),
  );
  $("edge-list").replaceChildren(
    ...edges.map((e) =>
      el(
        "li",
        {},
        el(
          "button",
          { type: "button", class: "link", onclick: () => selectEdge(e.key) },
          `${nameOf(e.from)} —${e.type}${edgeDetail(e) ? ` (${edgeDetail(e)})` : ""}→ ${nameOf(e.to)}`,
        ),
      ),
    ),
  );
}

function selectNode(id) {
  if (!cy) return;
  cy.elements().unselect();
  const n = cy.getElementById(id);
  if (n.length > 0) n.select();
  return showCard(id);
}

function selectEdge(key) {
  if (!cy) return;
  cy.elements().unselect();
  const e = cy.getElementById(`edge:${key}`);
  if (e.length > 0) {
    e.select();
    showEvidence(e.data("edge"));
  }
}

// ------------------------------------------------------------------ state: one picked entity, then maybe a second

const state = { from: null, to: null, mode: "idle" };

function setTitle(text) {
  $("stage-title").textContent = text;
}

async function showNeighbourhood(id, { keep = false } = {}) {
  const depth = Number($("depth").value);
  const data = await guarded(() => gql(QUERIES.neighbourhood, { id, depth }));
  if (!data) return;
  let { nodes, edges } = data.neighbourhood;
  if (keep && cy && cy.nodes().length > 0) {
    const seen = new Map(cy.nodes().map((n) => [n.id(), n.data("node")]));
    for (const n of nodes) seen.set(n.id, n);
    const seenEdges = new Map(cy.edges().map((e) => [e.data("edge").key, e.data("edge")]));
    for (const e of edges) seenEdges.set(e.key, e);
    nodes = [...seen.values()];
    edges = [...seenEdges.values()];
  }
  const centre = nodes.find((n) => n.id === id);
  state.mode = "neighbourhood";
  setTitle(`Neighbourhood of ${centre ? centre.name : id} (depth ${depth})`);
  draw(nodes, edges, { focusIds: [id, ...(state.from ? [state.from.id] : [])] });
  await selectNode(id);
}

async function showConnections(from, to) {
  const maxHops = Number($("max-hops").value);
  const data = await guarded(() => gql(QUERIES.connections, { from: from.id, to: to.id, maxHops }));
  if (!data) return;
  const paths = data.connections;
  state.mode = "connections";
  if (paths.length === 0) {
    setTitle(`No connection between ${from.name} and ${to.name} within ${maxHops} hops`);
    draw([from, to], [], { focusIds: [from.id, to.id] });
    setDetails(el("h2", {}, "No connection"), el("p", {}, `Try a larger “Max hops”, or explore each neighbourhood.`));
    return;
  }
  const nodes = new Map();
  const edges = new Map();
  for (const p of paths) {
    for (const n of p.nodes) nodes.set(n.id, n);
    for (const e of p.edges) edges.set(e.key, e);
  }
  setTitle(`${paths.length} connection${paths.length === 1 ? "" : "s"} between ${from.name} and ${to.name}`);
  draw([...nodes.values()], [...edges.values()], {
    focusIds: [from.id, to.id],
    pathEdgeKeys: new Set(paths[0].edges.map((e) => e.key)),
    layout: "breadthfirst",
    roots: [from.id],
  });
  const first = paths[0];
  setDetails(
    el("h2", {}, "Connections"),
    el(
      "ol",
      { class: "paths" },
      paths.map((p) =>
        el(
          "li",
          {},
          p.nodes.flatMap((n, i) => {
            const edge = p.edges[i];
            return [
              entityButton(n),
              edge
                ? el(
                    "button",
                    {
                      type: "button",
                      class: "hop",
                      "aria-label": `Evidence for ${edge.type}`,
                      onclick: () => selectEdge(edge.key),
                    },
                    ` —${edge.type}${edgeDetail(edge) ? ` (${edgeDetail(edge)})` : ""}→ `,
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
      `Shortest first; ${first.edges.length} hop${first.edges.length === 1 ? "" : "s"}. Click a hop or an edge for its evidence.`,
    ),
  );
}

async function focusEntity(id) {
  if (cy && cy.getElementById(id).length > 0) return selectNode(id);
  return showNeighbourhood(id);
}

function pickFirst(node) {
  state.from = node;
  state.to = null;
  $("search").value = node.name;
  $("connect").disabled = false;
  $("connect").placeholder = `From ${node.name} to…`;
  return showNeighbourhood(node.id);
}

function pickSecond(node) {
  if (!state.from) return pickFirst(node);
  state.to = node;
  $("connect").value = node.name;
  return showConnections(state.from, node);
}

function startConnectionFrom(node) {
  state.from = node;
  $("search").value = node.name;
  $("connect").disabled = false;
  $("connect").value = "";
  $("connect").placeholder = `From ${node.name} to…`;
  $("connect").focus();
}

// ------------------------------------------------------------------ combobox: debounced suggestions, keyboard use

function attachCombobox(input, list, onPick) {
  let timer = null;
  let seq = 0;
  let items = [];
  let active = -1;

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };
  const highlight = (index) => {
    active = index;
    [...list.children].forEach((li, i) => li.setAttribute("aria-selected", String(i === index)));
    if (index >= 0) {
      input.setAttribute("aria-activedescendant", list.children[index].id);
      list.children[index].scrollIntoView({ block: "nearest" });
    } else input.removeAttribute("aria-activedescendant");
  };
  const pick = (index) => {
    const hit = items[index];
    if (!hit) return;
    close();
    onPick(hit.node);
  };
  const render = () => {
    list.replaceChildren(
      ...items.map((hit, i) =>
        el(
          "li",
          {
            id: `${list.id}-${i}`,
            role: "option",
            "aria-selected": "false",
            onmousedown: (ev) => (ev.preventDefault(), pick(i)),
          },
          el("span", { class: `badge ${hit.node.label.toLowerCase()}` }, hit.node.label),
          " ",
          hit.node.name,
          hit.node.aliases.length > 0
            ? el("span", { class: "muted" }, ` — ${hit.node.aliases.slice(0, 3).join(", ")}`)
            : "",
        ),
      ),
    );
    if (items.length === 0)
      list.append(el("li", { class: "muted", role: "option", "aria-disabled": "true" }, "No match"));
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    highlight(items.length > 0 ? 0 : -1);
  };
  const lookup = async () => {
    const text = input.value.trim();
    const mine = ++seq;
    if (text.length < 2) return close();
    const data = await guarded(() => gql(QUERIES.search, { text }));
    if (mine !== seq || !data) return;
    items = data.search;
    render();
  };
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(lookup, SEARCH_DELAY_MS);
  });
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "ArrowDown") {
      ev.preventDefault();
      if (list.hidden) void lookup();
      else if (items.length > 0) highlight((active + 1) % items.length);
    } else if (ev.key === "ArrowUp") {
      ev.preventDefault();
      if (items.length > 0) highlight((active - 1 + items.length) % items.length);
    } else if (ev.key === "Enter") {
      ev.preventDefault();
      if (!list.hidden && active >= 0) pick(active);
      else if (list.hidden) {
        // Enter before the suggestions arrived: look up now and take the best match
        clearTimeout(timer);
        void lookup().then(() => {
          if (!list.hidden && items.length > 0) pick(0);
        });
      }
    } else if (ev.key === "Escape") {
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 100));
}

// ------------------------------------------------------------------ start

async function checkHealth() {
  try {
    const response = await fetch("/healthz", { headers: { accept: "application/json" } });
    if (response.status === 503)
      showBanner("The database is not reachable. Start it with `labour-graph db start`, then retry.", checkHealth);
    else if (!response.ok) showBanner(`The API health check answered ${response.status}.`, checkHealth);
    else hideBanner();
  } catch {
    showBanner(
      "Cannot reach the labour-graph API. Is the server running? Start it with `labour-graph serve` (or `npm start`).",
      checkHealth,
    );
  }
}

function start() {
  $("finder").addEventListener("submit", (ev) => ev.preventDefault());
  $("banner-close").addEventListener("click", hideBanner);
  $("banner-retry").addEventListener("click", () => lastFailed && lastFailed());
  attachCombobox($("search"), $("search-list"), pickFirst);
  attachCombobox($("connect"), $("connect-list"), pickSecond);
  cy = createGraph();
  if (cy) {
    cy.on("tap", "node", (ev) => void selectNode(ev.target.id()));
    cy.on("tap", "edge", (ev) => showEvidence(ev.target.data("edge")));
    cy.on("dbltap", "node", (ev) => void showNeighbourhood(ev.target.id(), { keep: true }));
  }
  void checkHealth();
  // A handle for scripts and the end-to-end test: the Cytoscape instance and the main actions.
  window.labourGraph = {
    get cy() {
      return cy;
    },
    state,
    pickFirst,
    pickSecond,
    showNeighbourhood,
    showConnections,
    selectEdge,
    selectNode,
    drawnNames: () => (cy ? cy.nodes().map((n) => n.data("name")) : []),
  };
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();

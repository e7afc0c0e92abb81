/** Pure: the explorer's view as an address (query string) and back. Only values that differ from the defaults are written. */
import {
  DEFAULT_HIDDEN_LABELS,
  DEFAULT_REL_TYPES,
  NODE_LABELS,
  REL_TYPES,
  type NodeLabel,
  type RelType,
} from "./types.js";

/** Which view is shown: the opening view, one entity's neighbourhood, or the paths between two entities. */
export type ViewKind = "overview" | "entity" | "path";

/** Everything that decides what the explorer shows. */
export interface ViewState {
  view: ViewKind;
  /** the entity of an entity view */
  entity?: string;
  /** the pair of a path view */
  from?: string;
  to?: string;
  depth: number;
  hops: number;
  /** relationship types followed */
  rels: RelType[];
  /** entity types not drawn */
  hide: NodeLabel[];
  /** date range: YYYY, YYYY-MM or YYYY-MM-DD, inclusive */
  since?: string;
  until?: string;
  /** whether undated relationships stay drawn while a date range is set */
  undated: boolean;
  /** the side panel of an entity view */
  tab: "card" | "timeline";
}

/** Depths and hops the API accepts. */
export const DEPTHS = [1, 2, 3] as const;
/** See DEPTHS. */
export const HOPS = [2, 3, 4, 5, 6] as const;

/** The opening view with every default. */
export const DEFAULT_VIEW: ViewState = {
  view: "overview",
  depth: 1,
  hops: 4,
  rels: [...DEFAULT_REL_TYPES],
  hide: [...DEFAULT_HIDDEN_LABELS],
  undated: true,
  tab: "card",
};

/** A partial date the filter accepts. */
export const DATE_PATTERN = /^\d{4}(-\d{2}(-\d{2})?)?$/;

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

function pickList<T extends string>(value: string | null, allowed: readonly T[], fallback: readonly T[]): T[] {
  if (value === null) return [...fallback];
  if (value === "" || value === "none") return [];
  return allowed.filter((x) => value.split(",").includes(x));
}

function pickNumber(value: string | null, allowed: readonly number[], fallback: number): number {
  const n = Number(value);
  return value !== null && allowed.includes(n) ? n : fallback;
}

function pickDate(value: string | null): string | undefined {
  return value !== null && DATE_PATTERN.test(value) ? value : undefined;
}

/** Reads a view from a query string (`?entity=…&depth=2`); anything unknown or malformed falls back to the default. */
export function parseView(search: string): ViewState {
  const q = new URLSearchParams(search);
  const entity = q.get("entity") || undefined;
  const from = q.get("from") || undefined;
  const to = q.get("to") || undefined;
  const view: ViewKind = from && to ? "path" : entity ? "entity" : "overview";
  const state: ViewState = {
    view,
    depth: pickNumber(q.get("depth"), DEPTHS, DEFAULT_VIEW.depth),
    hops: pickNumber(q.get("hops"), HOPS, DEFAULT_VIEW.hops),
    rels: pickList(q.get("rels"), REL_TYPES, DEFAULT_VIEW.rels),
    hide: pickList(q.get("hide"), NODE_LABELS, DEFAULT_VIEW.hide),
    undated: q.get("undated") !== "0",
    tab: q.get("tab") === "timeline" ? "timeline" : "card",
  };
  if (view === "entity") state.entity = entity;
  if (view === "path") Object.assign(state, { from, to });
  const since = pickDate(q.get("since"));
  const until = pickDate(q.get("until"));
  if (since) state.since = since;
  if (until) state.until = until;
  return state;
}

/** Writes a view as a query string (with its `?`, or "" for the default opening view). */
export function formatView(state: ViewState): string {
  const q = new URLSearchParams();
  if (state.view === "entity" && state.entity) q.set("entity", state.entity);
  if (state.view === "path" && state.from && state.to) {
    q.set("from", state.from);
    q.set("to", state.to);
  }
  if (state.depth !== DEFAULT_VIEW.depth) q.set("depth", String(state.depth));
  if (state.hops !== DEFAULT_VIEW.hops) q.set("hops", String(state.hops));
  if (!sameSet(state.rels, DEFAULT_VIEW.rels)) q.set("rels", state.rels.length === 0 ? "none" : state.rels.join(","));
  if (!sameSet(state.hide, DEFAULT_VIEW.hide)) q.set("hide", state.hide.length === 0 ? "none" : state.hide.join(","));
  if (state.since) q.set("since", state.since);
  if (state.until) q.set("until", state.until);
  if (!state.undated) q.set("undated", "0");
  if (state.view === "entity" && state.tab === "timeline") q.set("tab", "timeline");
  const text = q.toString();
  return text === "" ? "" : `?${text}`;
}

/** The view's controls (depth, hops, relationship and entity types, date range) built from the constants, read and written. */
import { byId, el } from "./dom.js";
import { LABEL_STYLE } from "./graph-style.js";
import { NODE_LABELS, REL_TYPES, type NodeLabel, type RelType } from "./types.js";
import { DATE_PATTERN, type ViewState } from "./url-state.js";

/** The part of the view the controls set. */
export type ControlState = Pick<ViewState, "depth" | "hops" | "rels" | "hide" | "since" | "until" | "undated">;

const REL_TITLE: Record<RelType, string> = {
  MET_WITH: "met with",
  SIGNED: "signed",
  MEMBER_OF: "member of",
  HOLDS_POSITION: "holds position",
  PARTICIPATED_IN: "took part in",
  LOCATED_IN: "located in",
  MENTIONED_IN: "mentioned in (documents)",
};

const checkbox = (name: string, value: string, text: string, swatch?: string) =>
  el(
    "label",
    { class: "check" },
    el("input", { type: "checkbox", name, value }),
    swatch ? el("span", { class: "swatch", style: `background:${swatch}` }) : "",
    text,
  );

/** Builds the checkboxes of the type filters (the entity types double as the legend). */
export function buildFilterControls(): void {
  byId("rel-filters").append(...REL_TYPES.map((t) => checkbox("rel", t, REL_TITLE[t])));
  byId("label-filters").append(...NODE_LABELS.map((l) => checkbox("label", l, l, LABEL_STYLE[l].color)));
}

const checked = (name: string) =>
  Array.from(document.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`))
    .filter((i) => i.checked)
    .map((i) => i.value);

function dateValue(id: string): string | undefined {
  const input = byId<HTMLInputElement>(id);
  const value = input.value.trim();
  const isValid = value === "" || DATE_PATTERN.test(value);
  input.setAttribute("aria-invalid", String(!isValid));
  return isValid && value !== "" ? value : undefined;
}

/** The controls' values. */
export function readControls(): ControlState {
  const shown = checked("label");
  return {
    depth: Number(byId<HTMLSelectElement>("depth").value),
    hops: Number(byId<HTMLSelectElement>("max-hops").value),
    rels: checked("rel") as RelType[],
    hide: NODE_LABELS.filter((l) => !shown.includes(l)) as NodeLabel[],
    since: dateValue("since"),
    until: dateValue("until"),
    undated: byId<HTMLInputElement>("undated").checked,
  };
}

/** Sets the controls from a view. */
export function writeControls(state: ControlState): void {
  byId<HTMLSelectElement>("depth").value = String(state.depth);
  byId<HTMLSelectElement>("max-hops").value = String(state.hops);
  for (const input of Array.from(document.querySelectorAll<HTMLInputElement>('input[name="rel"]')))
    input.checked = state.rels.includes(input.value as RelType);
  for (const input of Array.from(document.querySelectorAll<HTMLInputElement>('input[name="label"]')))
    input.checked = !state.hide.includes(input.value as NodeLabel);
  byId<HTMLInputElement>("since").value = state.since ?? "";
  byId<HTMLInputElement>("until").value = state.until ?? "";
  byId<HTMLInputElement>("undated").checked = state.undated;
}

/** Calls `onChange` whenever a control changes. */
export function onControlsChange(onChange: () => void): void {
  byId("controls").addEventListener("change", onChange);
  byId("clear-dates").addEventListener("click", () => {
    byId<HTMLInputElement>("since").value = "";
    byId<HTMLInputElement>("until").value = "";
    onChange();
  });
}

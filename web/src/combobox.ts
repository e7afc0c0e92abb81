/** A search box with debounced suggestions, usable from the keyboard (↑ ↓ Enter Esc), as the ARIA combobox pattern. */
import { searchEntities } from "./api-client.js";
import { guarded } from "./banner.js";
import { badge, el } from "./dom.js";
import type { GraphNode, SearchHit } from "./types.js";

const SEARCH_DELAY_MS = 200;

/** Attaches suggestions to an input and its listbox; `onPick` receives the chosen entity. */
export function attachCombobox(input: HTMLInputElement, list: HTMLElement, onPick: (node: GraphNode) => void): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let seq = 0;
  let items: SearchHit[] = [];
  let active = -1;
  const options = () => Array.from(list.children) as HTMLElement[];

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };
  const highlight = (index: number) => {
    active = index;
    options().forEach((li, i) => li.setAttribute("aria-selected", String(i === index)));
    const current = options()[index];
    if (index >= 0 && current) {
      input.setAttribute("aria-activedescendant", current.id);
      current.scrollIntoView({ block: "nearest" });
    } else input.removeAttribute("aria-activedescendant");
  };
  const pick = (index: number) => {
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
            onmousedown: (ev) => {
              ev.preventDefault();
              pick(i);
            },
          },
          badge(hit.node.label),
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
    const hits = await guarded(() => searchEntities(text));
    if (mine !== seq || !hits) return;
    items = hits;
    render();
  };
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => void lookup(), SEARCH_DELAY_MS);
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
    } else if (ev.key === "Escape") close();
  });
  input.addEventListener("blur", () => setTimeout(close, 100));
}

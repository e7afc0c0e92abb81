/** Small DOM helpers. Every text from the graph is inserted as text, never as HTML. */

/** A child of el(): nodes, text, nothing, or lists of those. */
export type Child = Node | string | number | null | undefined | false | Child[];

type Handler = (event: Event) => void;

/** Creates an element with attributes (`on…` keys add listeners) and children. */
export function el(
  tag: string,
  attrs: Record<string, string | Handler | undefined> = {},
  ...children: Child[]
): HTMLElement {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined) continue;
    if (typeof v === "function") node.addEventListener(k.slice(2), v);
    else if (k === "class") node.className = v;
    else node.setAttribute(k, v);
  }
  node.append(...flatten(children));
  return node;
}

/** The non-empty children as nodes and strings. */
export function flatten(children: Child[]): (Node | string)[] {
  const out: (Node | string)[] = [];
  for (const child of children) {
    if (Array.isArray(child)) out.push(...flatten(child));
    else if (child !== null && child !== undefined && child !== false && child !== "")
      out.push(child instanceof Node ? child : String(child));
  }
  return out;
}

/** The element with this id; throws naming it when the page lacks it (a broken index.html). */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`The page has no element #${id}: index.html and the explorer's scripts disagree.`);
  return found as T;
}

/** A button styled as a link. */
export function linkButton(text: string, onClick: () => void, label?: string): HTMLElement {
  return el("button", { type: "button", class: "link", "aria-label": label, onclick: onClick }, text);
}

/** The badge of a label (Person, Union…). */
export function badge(label: string): HTMLElement {
  return el("span", { class: `badge ${label.toLowerCase()}` }, label);
}

/** Replaces the children of an element. */
export function fill(target: HTMLElement, ...children: Child[]): void {
  target.replaceChildren(...flatten(children));
}

/** "1 entity", "2 entities". */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

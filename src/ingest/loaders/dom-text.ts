/**
 * The readable text of a DOM tree: block elements become paragraphs, `<br>` a line break, white space collapses as a
 * browser collapses it (kept inside `<pre>`), and what a reader never sees (scripts, styles, forms) is dropped.
 */

/** Elements whose content is never text a reader sees. */
const HIDDEN = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "math",
  "head",
  "title",
  "iframe",
  "object",
  "canvas",
  "select",
  "button",
  "input",
  "textarea",
]);

/** Elements that are paragraphs of their own. */
const BLOCKS = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "body",
  "caption",
  "dd",
  "details",
  "dialog",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "li",
  "main",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "td",
  "th",
  "tr",
  "ul",
]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const PARAGRAPH = "\u0000P";
const LINE = "\u0000L";

function collect(node: Node, parts: string[], isPre: boolean): void {
  if (node.nodeType === TEXT_NODE) {
    parts.push(isPre ? (node.nodeValue ?? "").replace(/\n/g, LINE) : (node.nodeValue ?? ""));
    return;
  }
  if (node.nodeType !== ELEMENT_NODE) return;
  const name = (node as Element).localName.toLowerCase();
  if (HIDDEN.has(name) || (node as Element).hasAttribute("hidden")) return;
  if (name === "br") {
    parts.push(LINE);
    return;
  }
  const isBlock = BLOCKS.has(name);
  if (isBlock) parts.push(PARAGRAPH);
  for (let child = node.firstChild; child !== null; child = child.nextSibling)
    collect(child, parts, isPre || name === "pre");
  if (isBlock) parts.push(PARAGRAPH);
}

/** The text of `root` with paragraphs separated by a blank line and `<br>` kept as a line break. */
export function domToText(root: Node): string {
  const parts: string[] = [];
  collect(root, parts, false);
  return parts
    .join("")
    .replace(/[ \t\n\r\f\u00a0]+/g, " ")
    .split(PARAGRAPH)
    .map((paragraph) =>
      paragraph
        .split(LINE)
        .map((line) => line.trim())
        .join("\n")
        .trim(),
    )
    .filter((paragraph) => paragraph !== "")
    .join("\n\n")
    .replace(/\n{3,}/g, "\n\n");
}

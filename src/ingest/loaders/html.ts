/** HTML: scripts and styles dropped, block elements become paragraphs, tags stripped, entities decoded. */
import { decodeEntities } from "./entities.js";
import type { DocumentLoader, LoadedText } from "./loader.js";

const BLOCK_TAGS = new Set([
  "p",
  "div",
  "br",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "li",
  "ul",
  "ol",
  "tr",
  "td",
  "th",
  "table",
  "section",
  "article",
  "header",
  "footer",
  "blockquote",
  "pre",
  "hr",
  "main",
  "aside",
  "nav",
  "figure",
  "figcaption",
  "dd",
  "dt",
  "title",
]);
const DROP_CONTENT = new Set(["script", "style", "noscript", "template", "svg", "head"]);

function tagName(tag: string): string {
  const m = /^<\/?\s*([A-Za-z][A-Za-z0-9-]*)/.exec(tag);
  return m ? m[1]!.toLowerCase() : "";
}

/** Text inside the first `<name>…</name>`, tags stripped (used for the title). */
function firstElementText(html: string, name: string): string | undefined {
  const lower = html.toLowerCase();
  const open = lower.indexOf(`<${name}`);
  if (open < 0) return undefined;
  const gt = lower.indexOf(">", open);
  if (gt < 0) return undefined;
  const close = lower.indexOf(`</${name}`, gt);
  if (close < 0) return undefined;
  const inner = decodeEntities(html.slice(gt + 1, close).replace(/<[^<>]*>/g, " "))
    .replace(/\s+/g, " ")
    .trim();
  return inner.length > 0 ? inner : undefined;
}

/** Converts an HTML page to plain text with paragraph breaks. Scans once; no backtracking regexes over the page. */
export function htmlToText(html: string): LoadedText {
  const title = firstElementText(html, "title") ?? firstElementText(html, "h1");
  const lower = html.toLowerCase();
  let out = "";
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf("<", i);
    if (lt < 0) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, lt);
    if (html.startsWith("<!--", lt)) {
      const end = html.indexOf("-->", lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (!/[A-Za-z/!?]/.test(html[lt + 1] ?? "")) {
      // "<" that does not open a tag ("a < b"): keep it as text.
      out += "<";
      i = lt + 1;
      continue;
    }
    const gt = html.indexOf(">", lt + 1);
    if (gt < 0) {
      out += html.slice(lt);
      break;
    }
    const tag = html.slice(lt, gt + 1);
    const name = tagName(tag);
    i = gt + 1;
    if (name === "") continue;
    if (DROP_CONTENT.has(name) && tag[1] !== "/") {
      const close = lower.indexOf(`</${name}`, i);
      if (close < 0) {
        i = n;
      } else {
        const closeGt = html.indexOf(">", close);
        i = closeGt < 0 ? n : closeGt + 1;
      }
      continue;
    }
    if (BLOCK_TAGS.has(name)) out += "\n\n";
  }
  const text = decodeEntities(out)
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return title === undefined ? { text } : { text, title };
}

/** The HTML loader. */
export const htmlLoader: DocumentLoader = {
  name: "html",
  test: (path) => /\.(html?|xhtml)$/i.test(path),
  load: htmlToText,
};

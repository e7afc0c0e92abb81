/**
 * Markdown: parsed with micromark (CommonMark and GitHub's extensions: tables, strikethrough, footnotes, autolinks)
 * into an mdast tree, whose readable text is kept: each block a paragraph, link and emphasis text without their
 * syntax, raw HTML read as HTML, images and link definitions left out. The first `# heading` is the title.
 */
import type { Nodes, PhrasingContent, RootContent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { UnreachableCaseError } from "../../domain/errors.js";
import { domToText } from "./dom-text.js";
import type { LoadedText, TextLoader } from "./loader.js";
import { parseHtmlDocument } from "./parse-html.js";

/** The readable text of an HTML fragment inside Markdown. */
function htmlFragmentText(html: string): string {
  return domToText(parseHtmlDocument(html).body);
}

/** The text of inline content (a space, not two, where an image or a footnote mark was left out). */
function inlineText(nodes: readonly PhrasingContent[]): string {
  return nodes.map(phrasingText).join("").replace(/ {2,}/g, " ");
}

function phrasingText(node: PhrasingContent): string {
  switch (node.type) {
    case "text":
    case "inlineCode":
      return node.value;
    case "emphasis":
    case "strong":
    case "delete":
    case "link":
    case "linkReference":
      return inlineText(node.children);
    case "break":
      return "\n";
    case "html":
      return /^<br\s*\/?>$/i.test(node.value) ? "\n" : "";
    case "image":
    case "imageReference":
    case "footnoteReference":
      return "";
    default:
      throw new UnreachableCaseError(node);
  }
}

/** Walks the blocks of a document, collecting paragraphs and the title. */
class MarkdownText {
  readonly paragraphs: string[] = [];
  title: string | undefined;

  add(nodes: readonly (RootContent | Nodes)[]): void {
    for (const node of nodes) this.addNode(node);
  }

  private push(text: string): void {
    if (text.trim() !== "") this.paragraphs.push(text.trim());
  }

  private addNode(node: RootContent | Nodes): void {
    switch (node.type) {
      case "root":
      case "blockquote":
      case "list":
      case "listItem":
      case "footnoteDefinition":
        this.add(node.children);
        return;
      case "paragraph":
        this.push(inlineText(node.children));
        return;
      case "heading": {
        const text = inlineText(node.children).trim();
        if (this.title === undefined && node.depth === 1 && text !== "") this.title = text.replace(/\s+/g, " ");
        this.push(text);
        return;
      }
      case "code":
        this.push(node.value);
        return;
      case "html":
        this.push(htmlFragmentText(node.value));
        return;
      case "table":
        for (const row of node.children) this.push(row.children.map((cell) => inlineText(cell.children)).join("\t"));
        return;
      case "tableRow":
        this.push(node.children.map((cell) => inlineText(cell.children)).join("\t"));
        return;
      case "tableCell":
        this.push(inlineText(node.children));
        return;
      case "thematicBreak":
      case "definition":
      case "yaml":
        return;
      case "text":
      case "inlineCode":
      case "emphasis":
      case "strong":
      case "delete":
      case "link":
      case "linkReference":
      case "break":
      case "image":
      case "imageReference":
      case "footnoteReference":
        this.push(phrasingText(node));
        return;
      default:
        throw new UnreachableCaseError(node);
    }
  }
}

/** Converts Markdown to plain text: one paragraph per block, separated by a blank line. */
export function markdownToText(body: string): LoadedText {
  const tree = fromMarkdown(body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const walk = new MarkdownText();
  walk.add([tree]);
  const text = walk.paragraphs.join("\n\n");
  return walk.title === undefined ? { text } : { text, title: walk.title };
}

/** The Markdown loader. */
export const mdLoader: TextLoader = {
  kind: "text",
  name: "md",
  test: (path) => /\.(md|markdown|mdown|mkd)$/i.test(path),
  load: markdownToText,
};

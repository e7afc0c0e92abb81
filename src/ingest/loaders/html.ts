/**
 * HTML: a saved web page is parsed into a DOM (linkedom) and its article is taken out with Mozilla's Readability
 * (Firefox's Reader View), so the site's menus, "other news" lists, sidebars and footers never reach extraction and
 * their names never become entities. The page's own metadata (title, publication date, canonical URL, site name,
 * language) comes from its head; front matter, where a file has it, wins.
 */
import { Readability } from "@mozilla/readability";
import { isoDateSchema } from "../../domain/model.js";
import { domToText } from "./dom-text.js";
import type { LoadedMeta, LoadedText, TextLoader } from "./loader.js";
import { parseHtmlDocument } from "./parse-html.js";

/**
 * Page furniture, removed before Readability looks for the article: its scoring keeps a menu or a footer when the
 * article is short. Headers and footers inside an article (its headline, its tags) go with the article.
 */
const FURNITURE = [
  "nav",
  "aside",
  "form",
  "dialog",
  '[role="navigation"]',
  '[role="complementary"]',
  '[role="search"]',
  '[role="dialog"]',
  '[aria-hidden="true"]',
].join(", ");
const PAGE_FURNITURE = ["header", "footer", '[role="banner"]', '[role="contentinfo"]'].join(", ");

function removeFurniture(document: Document): Document {
  for (const element of Array.from(document.querySelectorAll(FURNITURE))) element.remove();
  for (const element of Array.from(document.querySelectorAll(PAGE_FURNITURE)))
    if (element.closest("article") === null) element.remove();
  return document;
}

const DATE_META = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="date"]',
  'meta[name="DC.date.issued"]',
  'meta[name="dc.date"]',
  'meta[name="citation_publication_date"]',
  'meta[name="pubdate"]',
  'meta[name="publish-date"]',
];

function attributeOf(document: Document, selector: string, attribute: string): string | undefined {
  const value = document.querySelector(selector)?.getAttribute(attribute)?.trim();
  return value === undefined || value === "" ? undefined : value;
}

/** YYYY-MM-DD (or YYYY-MM, YYYY) from an ISO timestamp or a date written with slashes; undefined otherwise. */
function isoDateOf(value: string | null | undefined): string | undefined {
  const m = /^\s*(\d{4})(?:[-/](\d{2})(?:[-/](\d{2}))?)?(?:$|[T\s])/.exec(value ?? "");
  if (m === null) return undefined;
  const date = [m[1], m[2], m[3]].filter((p) => p !== undefined).join("-");
  return isoDateSchema.safeParse(date).success ? date : undefined;
}

function absoluteUrl(value: string | undefined): string | undefined {
  return value !== undefined && /^https?:\/\/\S+$/i.test(value) ? value : undefined;
}

/** The metadata in the page's head, read before Readability rewrites the document. */
function headMeta(document: Document): LoadedMeta & { title?: string } {
  const meta: LoadedMeta & { title?: string } = {};
  const date = DATE_META.map((s) => isoDateOf(attributeOf(document, s, "content"))).find((d) => d !== undefined);
  if (date !== undefined) meta.date = date;
  const url =
    absoluteUrl(attributeOf(document, 'link[rel="canonical"]', "href")) ??
    absoluteUrl(attributeOf(document, 'meta[property="og:url"]', "content"));
  if (url !== undefined) meta.url = url;
  const source = attributeOf(document, 'meta[property="og:site_name"]', "content");
  if (source !== undefined) meta.source = source;
  const language = document.documentElement?.getAttribute("lang")?.trim();
  if (language) meta.language = language;
  const title = (document.querySelector("title")?.textContent ?? document.querySelector("h1")?.textContent ?? "")
    .replace(/\s+/g, " ")
    .trim();
  if (title !== "") meta.title = title;
  return meta;
}

/** The title without the site's name the page appends to it ("Unions meet | Labour News"). */
function withoutSiteName(title: string, siteName: string | undefined): string {
  if (siteName === undefined || siteName === "") return title;
  for (const separator of [" | ", " - ", " – ", " — ", " :: ", " · ", " » "]) {
    if (title.endsWith(`${separator}${siteName}`)) return title.slice(0, -(separator.length + siteName.length)).trim();
    if (title.startsWith(`${siteName}${separator}`)) return title.slice(siteName.length + separator.length).trim();
  }
  return title;
}

/** Converts a saved web page to the plain text of its article, with its title and metadata. */
export function htmlToText(html: string): LoadedText {
  const document = parseHtmlDocument(html);
  const { title: headTitle, ...meta } = headMeta(document);
  const article = new Readability<string>(removeFurniture(document), {
    serializer: (node) => domToText(node),
  }).parse();
  const published = isoDateOf(article?.publishedTime);
  if (meta.date === undefined && published !== undefined) meta.date = published;
  if (meta.source === undefined && article?.siteName) meta.source = article.siteName.trim();
  let text = article?.content?.trim() ?? "";
  if (text === "") {
    // no article found (a page of links, a fragment): the whole body, without the page furniture
    text = domToText(removeFurniture(parseHtmlDocument(html)).body);
  }
  const title = withoutSiteName(article?.title?.replace(/\s+/g, " ").trim() || (headTitle ?? ""), meta.source);
  return { text, ...(title !== "" ? { title } : {}), meta };
}

/** The HTML loader. */
export const htmlLoader: TextLoader = {
  kind: "text",
  name: "html",
  test: (path) => /\.(html?|xhtml)$/i.test(path),
  load: htmlToText,
};

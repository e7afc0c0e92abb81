/**
 * HTML into a DOM with linkedom. linkedom builds the tree as written and does not add the `<html>`, `<head>` and
 * `<body>` elements a browser implies, which Readability needs; a page or fragment without them is wrapped first.
 */
import { parseHTML } from "linkedom";

const HAS_HTML = /<html[\s>]/i;
const HAS_BODY = /<body[\s>]/i;

/** The document of an HTML page or fragment, always with a head and a body. */
export function parseHtmlDocument(html: string): Document {
  if (HAS_HTML.test(html) && HAS_BODY.test(html)) {
    const { document } = parseHTML(html);
    if (document.documentElement !== null && document.body !== null) return document;
  }
  const inner = html.replace(/<!doctype[^>]*>/i, "").replace(/<\/?html\b[^>]*>/gi, "");
  const page = HAS_BODY.test(inner) ? `<html>${inner}</html>` : `<html><head></head><body>${inner}</body></html>`;
  return parseHTML(`<!DOCTYPE html>${page}`).document;
}

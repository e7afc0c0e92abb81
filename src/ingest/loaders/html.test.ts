import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../config/config.js";
import { loadDocumentFromBytes } from "../load-document.js";
import { htmlToText } from "./html.js";

const SAVED_PAGE = path.join(PROJECT_ROOT, "test", "fixtures", "import", "formats", "saved-news-page.html");
/** Names that appear only in the page's menu, "other news" list and footer. */
const BOILERPLATE_NAMES = [
  "Confederation of Labour of Freedonia",
  "General Union of Workers of Elbonia",
  "Kemal Özkan",
  "Pedro Gómez",
  "Satybaldy Dauletalin",
  "Newsletter",
  "cookies",
];

describe("the HTML loader", () => {
  it("keeps only the article of a saved news page: no menu, other news, share links or footer", () => {
    const { text } = htmlToText(readFileSync(SAVED_PAGE, "utf8"));
    expect(text.split("\n\n")).toHaveLength(3);
    expect(text).toMatch(/^Chairman of the Federation of Trade Unions of Ruritania \(FTUR\) Ivan Petrov met with/);
    expect(text).toContain("The Federation of Trade Unions of Ruritania is a member of the International");
    for (const name of BOILERPLATE_NAMES) expect(text).not.toContain(name);
    expect(text).not.toMatch(/Share:|Facebook|©/);
  });

  it("reads the page's title without the site name, its date, canonical URL, site name and language", () => {
    const { title, meta } = htmlToText(readFileSync(SAVED_PAGE, "utf8"));
    expect(title).toBe("Ruritanian federation and ITUC agree on joint campaign");
    expect(meta).toEqual({
      date: "2024-03-12",
      url: "https://labour-world.example/news/2024/03/ruritania-ituc-campaign",
      source: "Labour World News",
      language: "en",
    });
  });

  it("reads a date from other meta tags and ignores one that is not a date", () => {
    const page = (meta: string) =>
      `<html><head>${meta}</head><body><article><p>The congress met.</p></article></body></html>`;
    expect(htmlToText(page('<meta name="date" content="2019/06/20">')).meta?.date).toBe("2019-06-20");
    expect(htmlToText(page('<meta itemprop="datePublished" content="2021-02">')).meta?.date).toBe("2021-02");
    expect(htmlToText(page('<meta name="date" content="last Tuesday">')).meta?.date).toBeUndefined();
  });

  it("drops scripts and styles, decodes entities and keeps paragraphs and line breaks", () => {
    const html =
      "<html><head><title>Union &amp; Council</title><style>p{color:red}</style></head><body><script>var a='<p>x</p>';</script><h1>Heading</h1><p>Chairman&nbsp;Rafikov said &ldquo;yes&rdquo;.<br>A second   line.</p><p>Second&#8217;s para &#x2013; end.</p></body></html>";
    const { text, title } = htmlToText(html);
    expect(title).toBe("Union & Council");
    expect(text).toContain("Chairman Rafikov said “yes”.\nA second line.\n\nSecond’s para – end.");
    expect(text).not.toMatch(/color|var a|<|>/);
  });

  it("reads a fragment or a page without html and body elements, without its menu and footer", () => {
    expect(htmlToText("<p>Ivan <b>Petrov</b> met Marta Lindqvist.</p><ul><li>one</li><li>two</li></ul>").text).toBe(
      "Ivan Petrov met Marta Lindqvist.\n\none\n\ntwo",
    );
    const bare = htmlToText(
      "<!doctype html><title>Congress</title><nav><a href=x>Kemal Özkan</a></nav><div>The congress met.</div><footer>Pedro Gómez</footer>",
    );
    expect(bare).toEqual({ text: "The congress met.", title: "Congress", meta: {} });
  });

  it("refuses a page with no readable text by name instead of importing it empty", () => {
    const page = new TextEncoder().encode(
      "<html><head><title>Loading</title><script>render()</script></head><body><nav><a href=/>Home</a></nav></body></html>",
    );
    expect(() => loadDocumentFromBytes(page, "saved/app-shell.html")).toThrow(
      'Cannot import "saved/app-shell.html": it holds no readable text (only markup, scripts and page furniture).',
    );
  });
});

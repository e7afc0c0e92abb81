/**
 * The input formats end to end, with the real NLP server and the real database: a PDF printed by headless Chromium
 * gives the graph its text gives; a PDF without a text layer, a password-protected, a damaged and an empty PDF are
 * each reported by name while everything else is imported (exit 2); a saved web page gives only its article's
 * entities, never those of its menu, "other news" list or footer. The CLI test needs `npm run build` first.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config/config.js";
import { domToText } from "../../src/ingest/loaders/dom-text.js";
import { parseHtmlDocument } from "../../src/ingest/loaders/parse-html.js";
import { importPaths, type ImportSummary } from "../../src/pipeline/import-paths.js";
import { minimalPdf, paragraphLines } from "../helpers/minimal-pdf.js";
import { htmlOfImageOnly, htmlOfText, printPdfs } from "../helpers/print-pdf.js";
import { runCli } from "../helpers/run-cli.js";
import { TestHelper, testAnnotateContext } from "../helpers/test-helper.js";
import { canonicalDump, contentId } from "./import-helpers.js";

const FORMATS = path.join(PROJECT_ROOT, "test", "fixtures", "import", "formats");
const ARTICLE_TXT = path.join(FORMATS, "meeting-article.txt");
const SAVED_PAGE = path.join(FORMATS, "saved-news-page.html");
const helper = new TestHelper();
const work = mkdtempSync(path.join(tmpdir(), "lg-import-formats-"));
const articlePdf = path.join(work, "printed", "meeting-article.pdf");
const scanPdf = path.join(work, "printed", "scanned-letter.pdf");
// annotated by the NLP server on every run: the PDF's text must stand on its own, not on a cached annotation
const uncached = () => ({
  annotate: testAnnotateContext({ isCached: false }),
  driver: helper.driver,
  database: helper.settings.database,
});

/** The graph without the document's own id and path: what a document contributed, whatever its format. */
async function graphOf(file: string): Promise<string[]> {
  const id = contentId(readFileSync(file));
  return (await canonicalDump(helper)).map((line) => line.split(id).join("<document>").split(file).join("<path>"));
}

/** Every name and alias of the entities in the graph (documents left out). */
async function entityNames(): Promise<string[]> {
  const rows = await helper.runCypher(/* Cypher */ `
    MATCH (n) WHERE NOT n:Document AND NOT n:__Neo4jMigration
    RETURN [n.name] + coalesce(n.aliases, []) AS names`);
  return rows.flatMap((r) => r.names as string[]);
}

beforeAll(async () => {
  mkdirSync(path.dirname(articlePdf), { recursive: true });
  await printPdfs([
    {
      // the last paragraph on a second page, under a running header and above "Page n of m" footers
      html: htmlOfText(readFileSync(ARTICLE_TXT, "utf8"), { breakBeforeLast: true }),
      path: articlePdf,
      header: "Ruritania Labour Bulletin",
    },
    { html: htmlOfImageOnly("Ivan Petrov met Marta Lindqvist in Brussels."), path: scanPdf },
  ]);
});

afterAll(async () => {
  await helper.clearGraph();
  await helper.close();
  rmSync(work, { recursive: true, force: true });
});

describe("importing PDF files", () => {
  beforeEach(async () => {
    await helper.clearGraph();
  });

  it("gives a PDF printed from a text the same entities, relations and evidence as the text itself", async () => {
    const fromText = await importPaths([ARTICLE_TXT], uncached());
    expect(fromText.documents).toMatchObject({ imported: 1, failed: 0 });
    const textGraph = await graphOf(ARTICLE_TXT);

    await helper.clearGraph();
    const fromPdf = await importPaths([articlePdf], uncached());
    expect(fromPdf.documents).toMatchObject({ imported: 1, failed: 0 });
    const pdfGraph = await graphOf(articlePdf);

    expect(pdfGraph).toEqual(textGraph);
    expect(fromPdf.counters).toEqual(fromText.counters);
    const relations = pdfGraph.filter((l) => l.startsWith("R ") && !l.startsWith("R MENTIONED_IN "));
    expect(relations.length).toBeGreaterThanOrEqual(3);
    expect(await entityNames()).toEqual(
      expect.arrayContaining(["Ivan Petrov", "Marta Lindqvist", "Federation of Trade Unions of Ruritania"]),
    );
    const [doc] = await helper.runCypher(/* Cypher */ `MATCH (d:Document) RETURN d.title AS title, d.path AS path`);
    expect(doc).toEqual({ title: "Federation chairman meets international leaders in Brussels", path: articlePdf });
  });

  it("reports a scanned, a password-protected, a damaged and an empty PDF by name, imports the rest and exits 2", async () => {
    const dir = path.join(work, "inbox");
    mkdirSync(dir, { recursive: true });
    copyFileSync(ARTICLE_TXT, path.join(dir, "a-article.txt"));
    copyFileSync(articlePdf, path.join(dir, "b-article-printed.pdf"));
    copyFileSync(SAVED_PAGE, path.join(dir, "c-saved-page.html"));
    const bad = {
      scan: path.join(dir, "d-scanned-letter.pdf"),
      locked: path.join(dir, "e-locked.pdf"),
      damaged: path.join(dir, "f-damaged.pdf"),
      empty: path.join(dir, "g-empty.pdf"),
    };
    copyFileSync(scanPdf, bad.scan);
    writeFileSync(bad.locked, minimalPdf({ isEncrypted: true, pages: [{ lines: paragraphLines(["Secret."], 780) }] }));
    writeFileSync(bad.damaged, readFileSync(articlePdf).subarray(0, 300));
    writeFileSync(bad.empty, "");

    const result = await runCli(["import", dir, "--json"], helper.cliEnv());
    expect(result.code, result.stderr).toBe(2);
    const summary = JSON.parse(result.stdout) as ImportSummary;
    expect(summary.documents).toMatchObject({ total: 7, imported: 3, failed: 4 });
    const reasons = new Map(summary.failed.map((f) => [f.path, f.message]));
    expect(reasons).toEqual(
      new Map([
        [
          bad.scan,
          `Cannot import "${bad.scan}": the PDF has no text layer (1 page of images only): it looks like a scan.`,
        ],
        [bad.locked, `Cannot import "${bad.locked}": the PDF is protected by a password.`],
        [bad.damaged, expect.stringMatching(/^Cannot import ".*f-damaged\.pdf": it is not a readable PDF/)],
        [bad.empty, `Cannot import "${bad.empty}": the file is empty or holds only whitespace.`],
      ]),
    );
    expect(result.stderr).toContain('error: 4 of 7 files were not imported (listed under "failed" above).');

    // nothing of the refused files is in the graph; the others are whole
    const docs = await helper.runCypher(/* Cypher */ `MATCH (d:Document) RETURN d.path AS path ORDER BY path`);
    expect(docs.map((d) => path.basename(String(d.path)))).toEqual([
      "a-article.txt",
      "b-article-printed.pdf",
      "c-saved-page.html",
    ]);
    const [fromPdf] = await helper.runCypher(
      /* Cypher */ `MATCH ()-[r]->() WHERE $id IN r.sources RETURN count(r) AS count`,
      { id: contentId(readFileSync(path.join(dir, "b-article-printed.pdf"))) },
    );
    expect(Number(fromPdf?.count)).toBeGreaterThan(3);
  });
});

describe("importing a saved web page", () => {
  it("finds the article's entities and none of the unions and people named in its menu, other news and footer", async () => {
    await helper.clearGraph();
    const summary = await importPaths([SAVED_PAGE], uncached());
    expect(summary.documents).toMatchObject({ imported: 1, failed: 0 });

    const names = await entityNames();
    expect(names).toEqual(
      expect.arrayContaining([
        "Ivan Petrov",
        "Marta Lindqvist",
        "Federation of Trade Unions of Ruritania",
        "International Trade Union Confederation",
      ]),
    );
    for (const boilerplate of [
      "Freedonia",
      "Elbonia",
      "Özkan",
      "Ozkan",
      "Gómez",
      "Gomez",
      "Dauletalin",
      "Labour World",
    ])
      expect(
        names.filter((n) => n.toLowerCase().includes(boilerplate.toLowerCase())),
        boilerplate,
      ).toEqual([]);
    const [doc] = await helper.runCypher(/* Cypher */ `
      MATCH (d:Document) RETURN d.title AS title, d.date AS date, d.url AS url, d.source AS source`);
    expect(doc).toEqual({
      title: "Ruritanian federation and ITUC agree on joint campaign",
      date: "2024-03-12",
      url: "https://labour-world.example/news/2024/03/ruritania-ituc-campaign",
      source: "Labour World News",
    });

    // the control: the whole page as a browser shows it, menus and footer included, does name the other unions
    await helper.clearGraph();
    const wholePage = path.join(work, "whole-page.txt");
    writeFileSync(wholePage, domToText(parseHtmlDocument(readFileSync(SAVED_PAGE, "utf8")).body));
    await importPaths([wholePage], uncached());
    const everything = await entityNames();
    expect(everything.filter((n) => /Freedonia|Elbonia/.test(n)).length).toBeGreaterThan(0);
  });
});

/**
 * What the explorer's browser tests share: Debian's Chromium driven by playwright-core (no browser download), the API
 * started on a free port, the seeds imported with their publication metadata, and helpers to wait for a view.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { createApiServer } from "../../src/api/index.js";
import { PROJECT_ROOT, loadConfig } from "../../src/config/config.js";
import { createDriver } from "../../src/graph/connection.js";
import { silentLogger } from "../../src/log.js";
import { writeExploreFixture } from "../fixtures/explore-graph.js";
import { SEED_METADATA } from "../fixtures/explorer/seed-metadata.js";
import { testAnnotateContext, type TestHelper } from "./test-helper.js";

/** Where Chromium is. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Where screenshots and exported files go. */
export const OUTPUT = path.join(PROJECT_ROOT, "test-output");
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Starts and stops Chromium and API servers for one test file. */
export class ExplorerBrowser {
  private readonly servers: { close: () => Promise<void> }[] = [];
  private readonly dirs: string[] = [];
  private browser: Browser | undefined;

  constructor(private readonly helper: TestHelper) {}

  /** Launches Chromium; throws with what to do when it is not installed. */
  async launch(): Promise<Browser> {
    if (!existsSync(CHROMIUM))
      throw new Error(`No Chromium at ${CHROMIUM}: run \`bash scripts/install-browser.sh\` or set CHROMIUM_PATH.`);
    mkdirSync(OUTPUT, { recursive: true });
    this.browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    return this.browser;
  }

  /** A fresh browser context (its own cookies, storage and history), as a new browser window would be. */
  async newContext(): Promise<BrowserContext> {
    if (!this.browser) throw new Error("Call launch() before newContext().");
    return this.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  }

  /** Starts the API (and so the explorer) on a free port against a database URI; returns its base URL. */
  async startApi(uri = this.helper.settings.uri): Promise<string> {
    const { user, password, database } = this.helper.settings;
    const config = loadConfig({
      NEO4J_URI: uri,
      NEO4J_USER: user,
      NEO4J_PASSWORD: password,
      NEO4J_DATABASE: database,
      LOG_LEVEL: "silent",
    });
    const driver = createDriver({ uri, user, password, database }, { maxTransactionRetryTimeMs: 1000 });
    const server = createApiServer({ config, driver, logger: silentLogger });
    const address = await server.listen(0, "127.0.0.1");
    this.servers.push({ close: async () => (await server.close(), await driver.close()) });
    return address.url.replace(/\/$/, "");
  }

  /** Stops the API started last (to see the page cope with it). */
  async stopLastApi(): Promise<void> {
    await this.servers.pop()?.close();
  }

  /**
   * Imports the seeds with their publication metadata (SEED_METADATA) and any extra fixture files through the real
   * importer; "fixture" when the importer cannot, after writing the fixture graph instead.
   */
  async importSeeds(extra: string[] = []): Promise<"seeds" | "fixture"> {
    await this.helper.clearGraph();
    const dir = mkdtempSync(path.join(os.tmpdir(), "lg-dated-seeds-"));
    this.dirs.push(dir);
    const seeds = path.join(PROJECT_ROOT, "seeds");
    for (const name of readdirSync(seeds)) {
      const meta = SEED_METADATA[name];
      const text = readFileSync(path.join(seeds, name), "utf8");
      const front = meta
        ? `---\n${Object.entries(meta)
            .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
            .join("\n")}\n---\n`
        : "";
      writeFileSync(path.join(dir, name), front + text);
    }
    for (const file of extra) writeFileSync(path.join(dir, path.basename(file)), readFileSync(file));
    try {
      const { importPaths } = await import("../../src/pipeline/import-paths.js");
      const summary = await importPaths([dir], {
        annotate: testAnnotateContext(),
        driver: this.helper.driver,
        database: this.helper.settings.database,
      });
      if (summary.documents.imported > 0 && summary.documents.failed === 0) return "seeds";
    } catch (error) {
      console.warn(`explorer e2e: the importer could not import the seeds (${(error as Error).message})`);
    }
    await this.helper.clearGraph();
    await writeExploreFixture(this.helper);
    return "fixture";
  }

  /** Closes Chromium, the servers and the temporary folders. */
  async close(): Promise<void> {
    await this.browser?.close();
    for (const s of this.servers.splice(0)) await s.close();
    for (const dir of this.dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  }
}

/** Waits until the explorer has finished drawing the view it was asked for. */
export async function waitForView(page: Page): Promise<void> {
  await page.locator("#stage[data-state=ready]").waitFor({ timeout: 30_000 });
}

/** The names drawn on the canvas, sorted. */
export async function drawnNames(page: Page): Promise<string[]> {
  const names = await page.evaluate(() =>
    (window as unknown as { labourGraph: { drawnNames(): string[] } }).labourGraph.drawnNames(),
  );
  return names.sort();
}

/** The labels of the drawn nodes. */
export async function drawnLabels(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (
      window as unknown as {
        labourGraph: { cy: { nodes(): { map(f: (n: { data(k: string): string }) => string): string[] } } };
      }
    ).labourGraph.cy
      .nodes()
      .map((n) => n.data("label")),
  );
}

/** The drawn edges: ends as stored, type, number of relationships bundled, arrow classes. */
export async function drawnEdges(
  page: Page,
): Promise<{ source: string; target: string; type: string; count: number; classes: string[] }[]> {
  return page.evaluate(() => {
    type El = { data(k: string): unknown; classes(): string[] };
    const cy = (window as unknown as { labourGraph: { cy: { edges(): { map<T>(f: (e: El) => T): T[] } } } }).labourGraph
      .cy;
    return cy.edges().map((e) => ({
      source: String(e.data("source")),
      target: String(e.data("target")),
      type: String(e.data("type")),
      count: Number(e.data("count")),
      classes: e.classes(),
    }));
  });
}

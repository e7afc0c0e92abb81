/**
 * The web explorer in real headless Chromium (Debian's package, driven by playwright-core; no browser download):
 * search "Yoshino", pick her, connect to "Rafikov", check the drawing goes through Dauletalin, click an edge and
 * read its evidence, and see the error banner when the database is down. Screenshots go to test-output/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiServer, type ApiServer } from "../../src/api/index.js";
import { PROJECT_ROOT, loadConfig } from "../../src/config/config.js";
import { createDriver } from "../../src/graph/connection.js";
import { silentLogger } from "../../src/log.js";
import { writeExploreFixture } from "../fixtures/explore-graph.js";
import { TestHelper, testAnnotateContext } from "../helpers/test-helper.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const OUTPUT = path.join(PROJECT_ROOT, "test-output");
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

const helper = new TestHelper();
const userDataDir = mkdtempSync(path.join(os.tmpdir(), "lg-chromium-"));
const servers: { server: ApiServer; close: () => Promise<void> }[] = [];
let context: BrowserContext;
let dataSource = "fixture";

async function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

/** Starts the API (and so the explorer) on a free port against the given database URI. */
async function startApi(uri: string): Promise<string> {
  const config = loadConfig({
    NEO4J_URI: uri,
    NEO4J_USER: helper.settings.user,
    NEO4J_PASSWORD: helper.settings.password,
    NEO4J_DATABASE: helper.settings.database,
    LOG_LEVEL: "silent",
  });
  const driver = createDriver(
    { uri, user: helper.settings.user, password: helper.settings.password, database: helper.settings.database },
    { maxTransactionRetryTimeMs: 1000 },
  );
  const server = createApiServer({ config, driver, logger: silentLogger });
  const address = await server.listen(0, "127.0.0.1");
  servers.push({ server, close: async () => (await server.close(), await driver.close()) });
  return address.url;
}

/** The seeds through the real importer when it can import them; the fixture graph otherwise. */
async function loadData(): Promise<void> {
  await helper.clearGraph();
  try {
    const { importPaths } = await import("../../src/import.js");
    const summary = await importPaths([path.join(PROJECT_ROOT, "seeds")], {
      annotate: testAnnotateContext(),
      driver: helper.driver,
      database: helper.settings.database,
    });
    if (summary.documents.imported > 0 && summary.documents.failed === 0) {
      dataSource = "seeds";
      return;
    }
  } catch (error) {
    console.warn(
      `explorer e2e: the importer could not import seeds/ (${(error as Error).message}); using the fixture graph`,
    );
  }
  await helper.clearGraph();
  await writeExploreFixture(helper);
}

async function drawnNames(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (window as unknown as { labourGraph: { drawnNames(): string[] } }).labourGraph.drawnNames(),
  );
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`No Chromium at ${CHROMIUM}: run \`bash scripts/install-browser.sh\` or set CHROMIUM_PATH.`);
  mkdirSync(OUTPUT, { recursive: true });
  await loadData();
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1200, height: 760 },
  });
});

afterAll(async () => {
  await context?.close();
  for (const s of servers) await s.close();
  rmSync(userDataDir, { recursive: true, force: true });
  await helper.clearGraph();
  await helper.close();
});

describe("web explorer", () => {
  it("finds Yoshino, connects her to Rafikov through Dauletalin, and shows an edge's evidence", async () => {
    const url = await startApi(helper.settings.uri);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.goto(url, { waitUntil: "load" });
    await page.waitForFunction(
      () => "labourGraph" in window && (window as unknown as { labourGraph: { cy: unknown } }).labourGraph.cy !== null,
    );
    expect(await page.locator("#banner").isHidden()).toBe(true);

    // suggestions by keyboard: type, the first option is active, Enter picks it
    await page.locator("#search").fill("Yoshino");
    const option = page.locator("#search-list [role=option]", { hasText: "Tomoko Yoshino" });
    await option.first().waitFor({ state: "visible" });
    expect(await page.locator("#search").getAttribute("aria-expanded")).toBe("true");
    const count = await page.locator("#search-list [role=option]").count();
    expect(await page.locator("#search").getAttribute("aria-activedescendant")).toBe("search-list-0");
    await page.locator("#search").press("ArrowDown");
    expect(await page.locator("#search").getAttribute("aria-activedescendant")).toBe(`search-list-${1 % count}`);
    await page.locator("#search").press("ArrowUp");
    expect(await page.locator("#search-list-0").getAttribute("aria-selected")).toBe("true");
    expect(await page.locator("#search-list-0").textContent()).toContain("Tomoko Yoshino");
    await page.locator("#search").press("Enter");
    await page.waitForFunction(() =>
      (window as unknown as { labourGraph: { drawnNames(): string[] } }).labourGraph
        .drawnNames()
        .includes("Tomoko Yoshino"),
    );
    await page.locator("#details .card-title", { hasText: "Tomoko Yoshino" }).waitFor();
    expect(await page.locator("#details").textContent()).toContain("Meetings");

    // the second entity: connections drawn
    await page.locator("#connect").fill("Rafikov");
    await page.locator("#connect-list [role=option]", { hasText: "Kudratulla Rafikov" }).first().click();
    await page.waitForFunction(
      () =>
        /connection/.test(document.getElementById("stage-title")?.textContent ?? "") &&
        /between/.test(document.getElementById("stage-title")?.textContent ?? ""),
    );
    const names = await drawnNames(page);
    expect(names).toEqual(expect.arrayContaining(["Tomoko Yoshino", "Satybaldy Dauletalin", "Kudratulla Rafikov"]));

    // click the drawn Dauletalin–Rafikov edge on the canvas; its evidence sentences are shown
    const target = await page.evaluate(() => {
      const lg = (
        window as unknown as {
          labourGraph: {
            cy: {
              edges(): {
                filter(f: (e: never) => boolean): {
                  length: number;
                  [i: number]: { renderedMidpoint(): { x: number; y: number }; data(k: string): unknown };
                };
              };
            };
          };
        }
      ).labourGraph;
      const edge = lg.cy
        .edges()
        .filter((e: { connectedNodes(): { map(f: (n: { data(k: string): string }) => string): string[] } }) => {
          const ends = e.connectedNodes().map((n) => n.data("name"));
          return ends.includes("Satybaldy Dauletalin") && ends.includes("Kudratulla Rafikov");
        })[0];
      if (!edge) return null;
      const box = document.getElementById("graph")!.getBoundingClientRect();
      const p = edge.renderedMidpoint();
      return { x: box.left + p.x, y: box.top + p.y, key: edge.data("edge") as { key: string; type: string } };
    });
    expect(target).not.toBeNull();
    await page.mouse.click(target!.x, target!.y);
    await page.locator("#details h2", { hasText: "Evidence" }).waitFor();
    // edges may cross: whichever edge the click selected, the panel shows that edge's stored sentences
    const selectedKey = await page.evaluate(() => {
      const lg = (
        window as unknown as {
          labourGraph: {
            cy: { $(s: string): { map(f: (e: { data(k: string): { key: string } }) => string): string[] } };
          };
        }
      ).labourGraph;
      return lg.cy.$("edge:selected").map((e) => e.data("edge").key)[0] ?? null;
    });
    expect(selectedKey).not.toBeNull();
    const evidenceOf = async (key: string) =>
      (
        await helper.runCypher(/* Cypher */ `MATCH ()-[r]->() WHERE r.key = $key RETURN r.evidence AS evidence`, {
          key,
        })
      )[0]?.evidence as string[];
    const shown = await page.locator("#details .sentence").allTextContents();
    expect(shown.length).toBeGreaterThan(0);
    expect(await evidenceOf(selectedKey!)).toEqual(expect.arrayContaining(shown));
    expect(await page.locator("#details .doc").first().textContent()).not.toBe("");

    // the Dauletalin–Rafikov edge, from the keyboard-accessible list of what is drawn, shows its own evidence
    await page.locator(".inview summary", { hasText: "Connections" }).click();
    await page
      .locator("#edge-list button", {
        hasText: /Rafikov —MET_WITH.*→ Satybaldy Dauletalin|Dauletalin —MET_WITH.*→ Kudratulla Rafikov/,
      })
      .first()
      .click();
    await page.locator("#details .edge-title", { hasText: "Kudratulla Rafikov" }).waitFor();
    const hopSentences = await page.locator("#details .sentence").allTextContents();
    expect(await evidenceOf(target!.key.key)).toEqual(hopSentences);

    await page.screenshot({ path: path.join(OUTPUT, "explorer.png") });
    expect(pageErrors).toEqual([]);
    console.info(`explorer e2e: data from ${dataSource}; screenshot in test-output/explorer.png`);
    await page.close();
  });

  it("shows an error banner, not a blank page, when the database is down", async () => {
    const url = await startApi(`bolt://127.0.0.1:${await closedPort()}`);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "load" });
    await page.locator("#banner").waitFor({ state: "visible" });
    expect(await page.locator("#banner-text").textContent()).toContain("labour-graph db start");
    await page.locator("#search").fill("Yoshino");
    await page.waitForFunction(() => /not reachable/.test(document.getElementById("banner-text")?.textContent ?? ""));
    expect(await page.locator("#search").isVisible()).toBe(true);
    await page.screenshot({ path: path.join(OUTPUT, "explorer-database-down.png") });
    await page.close();
  });

  it("shows an error banner when the API itself cannot be reached", async () => {
    const url = await startApi(helper.settings.uri);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "load" });
    await page.waitForFunction(() => "labourGraph" in window);
    const last = servers.pop()!;
    await last.close();
    await page.locator("#search").fill("Rafikov");
    await page.locator("#banner").waitFor({ state: "visible" });
    expect(await page.locator("#banner-text").textContent()).toContain("Cannot reach the labour-graph API");
    await page.close();
  });
});

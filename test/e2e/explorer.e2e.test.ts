/**
 * The web explorer in real headless Chromium: search "Yoshino", pick her, connect to "Rafikov", check the drawing goes
 * through Dauletalin, click an edge and read its evidence, and see the error banner when the database or the API is
 * down. Screenshots go to test-output/.
 */
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closedPort } from "../helpers/closed-port.js";
import { ExplorerBrowser, OUTPUT, drawnNames, waitForView } from "../helpers/explorer-browser.js";
import { TestHelper } from "../helpers/test-helper.js";

const helper = new TestHelper();
const explorer = new ExplorerBrowser(helper);
let dataSource = "fixture";

beforeAll(async () => {
  dataSource = await explorer.importSeeds();
  await explorer.launch();
});

afterAll(async () => {
  await explorer.close();
  await helper.clearGraph();
  await helper.close();
});

/** The one edge drawn between two named nodes: its rendered midpoint on the page and its bundled relationship keys. */
async function edgeBetween(page: Page, a: string, b: string) {
  return page.evaluate(
    ([a, b]) => {
      type El = {
        connectedNodes(): { map(f: (n: { data(k: string): string }) => string): string[] };
        renderedMidpoint(): { x: number; y: number };
        data(k: string): { edges: { key: string }[] };
      };
      const cy = (window as unknown as { labourGraph: { cy: { edges(): { filter(f: (e: El) => boolean): El[] } } } })
        .labourGraph.cy;
      const edge = cy.edges().filter((e) => {
        const ends = e.connectedNodes().map((n) => n.data("name"));
        return ends.includes(a!) && ends.includes(b!);
      })[0];
      if (!edge) return null;
      const box = document.getElementById("graph")!.getBoundingClientRect();
      const p = edge.renderedMidpoint();
      return { x: box.left + p.x, y: box.top + p.y, keys: edge.data("bundle").edges.map((e) => e.key) };
    },
    [a, b],
  );
}

describe("web explorer", () => {
  it("finds Yoshino, connects her to Rafikov through Dauletalin, and shows an edge's evidence", async () => {
    const url = await explorer.startApi();
    const page = await (await explorer.newContext()).newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.goto(url, { waitUntil: "load" });
    await waitForView(page);
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
    await page.locator("#details .card-title", { hasText: "Tomoko Yoshino" }).waitFor();
    await waitForView(page);
    expect(await drawnNames(page)).toContain("Tomoko Yoshino");
    expect(await page.locator("#details").textContent()).toContain("Meetings");

    // the second entity: connections drawn
    await page.locator("#connect").fill("Rafikov");
    await page.locator("#connect-list [role=option]", { hasText: "Kudratulla Rafikov" }).first().click();
    await page.waitForFunction(() =>
      /connections? between/.test(document.getElementById("stage-title")?.textContent ?? ""),
    );
    await waitForView(page);
    const names = await drawnNames(page);
    expect(names).toEqual(expect.arrayContaining(["Tomoko Yoshino", "Satybaldy Dauletalin", "Kudratulla Rafikov"]));

    // click the drawn Dauletalin–Rafikov edge on the canvas; its evidence sentences are shown
    const target = await edgeBetween(page, "Satybaldy Dauletalin", "Kudratulla Rafikov");
    expect(target).not.toBeNull();
    await page.mouse.click(target!.x, target!.y);
    await page.locator("#details h2", { hasText: /Evidence|links between/ }).waitFor();
    const evidenceOf = async (key: string) =>
      (
        await helper.runCypher(/* Cypher */ `MATCH ()-[r]->() WHERE r.key = $key RETURN r.evidence AS evidence`, {
          key,
        })
      )[0]?.evidence as string[];
    // edges may cross: whichever edge the click selected, the panel shows that edge's stored sentences
    const selectedKeys = await page.evaluate(() => {
      const cy = (
        window as unknown as {
          labourGraph: {
            cy: {
              $(s: string): { map(f: (e: { data(k: string): { edges: { key: string }[] } }) => string[]): string[][] };
            };
          };
        }
      ).labourGraph.cy;
      return cy.$("edge:selected").map((e) => e.data("bundle").edges.map((x) => x.key))[0] ?? [];
    });
    expect(selectedKeys.length).toBeGreaterThan(0);
    if (selectedKeys.length === 1) {
      const shown = await page.locator("#details .sentence").allTextContents();
      expect(shown.length).toBeGreaterThan(0);
      expect(await evidenceOf(selectedKeys[0]!)).toEqual(expect.arrayContaining(shown));
      expect(await page.locator("#details .doc").first().textContent()).not.toBe("");
    }

    // the Dauletalin–Rafikov edge, from the keyboard-accessible list of what is drawn, shows its own evidence
    await page.locator(".inview summary", { hasText: "Connections" }).click();
    await page
      .locator("#edge-list button", {
        hasText: /Kudratulla Rafikov met Satybaldy Dauletalin|Satybaldy Dauletalin met Kudratulla Rafikov/,
      })
      .first()
      .click();
    await page.locator("#details .edge-title", { hasText: "Kudratulla Rafikov" }).waitFor();
    const hopSentences = await page.locator("#details .sentence").allTextContents();
    expect(await evidenceOf(target!.keys[0]!)).toEqual(hopSentences);

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(OUTPUT, "explorer.png") });
    expect(pageErrors).toEqual([]);
    console.info(`explorer e2e: data from ${dataSource}; screenshot in test-output/explorer.png`);
    await page.close();
  });

  it("shows an error banner, not a blank page, when the database is down", async () => {
    const url = await explorer.startApi(`bolt://127.0.0.1:${await closedPort()}`);
    const page = await (await explorer.newContext()).newPage();
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
    const url = await explorer.startApi();
    const page = await (await explorer.newContext()).newPage();
    await page.goto(url, { waitUntil: "load" });
    await waitForView(page);
    await explorer.stopLastApi();
    await page.locator("#search").fill("Rafikov");
    await page.locator("#banner").waitFor({ state: "visible" });
    expect(await page.locator("#banner-text").textContent()).toContain("Cannot reach the labour-graph API");
    await page.close();
  });
});

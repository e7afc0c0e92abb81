/**
 * The analyst's workbench in real headless Chromium, on the seeds imported with their publication metadata (plus one
 * fixture article that gives FPRK two memberships of the ITUC): the opening view, views as addresses, the date filter
 * and the timeline, evidence and direction, type filters, exports, and accessibility (axe-core, keyboard).
 * Screenshots and exported files go to test-output/.
 */
import { XMLParser } from "fast-xml-parser";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config/config.js";
import { graphExportSchema } from "../../src/graph/export.js";
import {
  ExplorerBrowser,
  OUTPUT,
  drawnEdges,
  drawnLabels,
  drawnNames,
  waitForView,
} from "../helpers/explorer-browser.js";
import { TestHelper } from "../helpers/test-helper.js";

const helper = new TestHelper();
const explorer = new ExplorerBrowser(helper);
const PARALLEL = path.join(PROJECT_ROOT, "test", "fixtures", "explorer", "fprk-ituc.txt");
const DAULETALIN = "person:satybaldy-dauletalin";
const FPRK = "org:federation-of-trade-unions-of-the-republic-of-kazakhstan";
const ITUC = "org:international-trade-union-confederation";
let base: string;
let context: BrowserContext;
const pageErrors: string[] = [];

beforeAll(async () => {
  expect(await explorer.importSeeds([PARALLEL])).toBe("seeds");
  await explorer.launch();
  base = await explorer.startApi();
  context = await explorer.newContext();
});

afterEach(() => {
  expect(pageErrors.splice(0)).toEqual([]);
});

afterAll(async () => {
  await explorer.close();
  await helper.clearGraph();
  await helper.close();
});

/** Opens an address of the explorer in a new page and waits for its view. */
async function open(query: string, ctx = context): Promise<Page> {
  const page = await ctx.newPage();
  page.on("pageerror", (e) => pageErrors.push(`${query}: ${e.message}`));
  await page.goto(`${base}/${query}`, { waitUntil: "load" });
  await waitForView(page);
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(OUTPUT, name), fullPage: true });
const title = (page: Page) => page.locator("#stage-title").textContent();
const query = (page: Page) => new URL(page.url()).searchParams;
/** The parameters of an address, each list sorted: the same view whatever order they are written in. */
const viewOf = (url: string) =>
  Object.fromEntries([...new URL(url).searchParams].map(([k, v]) => [k, v.split(",").sort().join(",")]));

/** The drawn nodes with their label and date properties. */
async function drawnNodes(page: Page): Promise<{ id: string; label: string; date?: string; seenFrom?: string }[]> {
  return page.evaluate(() => {
    type N = { data(k: string): { id: string; label: string; properties: Record<string, string> | null } };
    const cy = (window as unknown as { labourGraph: { cy: { nodes(): { map<T>(f: (n: N) => T): T[] } } } }).labourGraph
      .cy;
    return cy.nodes().map((n) => {
      const node = n.data("node");
      return { id: node.id, label: node.label, date: node.properties?.date, seenFrom: node.properties?.seenFrom };
    });
  });
}

describe("the opening view (1)", () => {
  it("shows counts by type, the most connected, the latest documents and events, each one click from its view", async () => {
    const page = await open("");
    expect(await title(page)).toBe("labour-graph at a glance");
    const counts = await helper.runCypher(/* Cypher */ `
      MATCH (n) WHERE n:Person OR n:Event OR n:Document WITH labels(n)[0] AS l, count(*) AS c RETURN l, c`);
    for (const row of counts) {
      const cell = page.locator(".counts tr", { has: page.locator(`th:text-is("${String(row.l)}")`) }).locator("td");
      expect(Number((await cell.textContent())!.replace(/,/g, ""))).toBe(Number(row.c));
    }
    const top = await helper.runCypher(/* Cypher */ `
      MATCH (p:Person)-[:MET_WITH|SIGNED|MEMBER_OF|HOLDS_POSITION|PARTICIPATED_IN|LOCATED_IN]-(m)
      WITH p, count(DISTINCT m) AS d ORDER BY d DESC, p.name LIMIT 1 RETURN p.name AS name`);
    const people = page.locator("section[aria-labelledby=ov-people] button");
    expect(await people.first().textContent()).toBe(top[0]!.name);
    expect(await page.locator("section[aria-labelledby=ov-organisations] li").count()).toBeGreaterThan(0);
    const newest = await helper.runCypher(
      /* Cypher */ `MATCH (d:Document) WHERE d.date IS NOT NULL RETURN d.title AS t ORDER BY d.date DESC LIMIT 1`,
    );
    expect(await page.locator("section[aria-labelledby=ov-documents] button").first().textContent()).toBe(newest[0]!.t);
    expect(await page.locator("section[aria-labelledby=ov-events] li").count()).toBeGreaterThan(0);
    await shot(page, "explorer-overview.png");

    // one click: the most connected person's neighbourhood
    await people.first().click();
    await page.waitForURL(/entity=/);
    await waitForView(page);
    expect(await title(page)).toBe(`Neighbourhood of ${top[0]!.name} (depth 1)`);
    // one click from the opening view: a document opens with the entities it mentions
    await page.goBack();
    await waitForView(page);
    await page.locator("section[aria-labelledby=ov-documents] button").first().click();
    await page.waitForURL(/entity=/);
    await waitForView(page);
    const mentioned = await helper.runCypher(
      /* Cypher */ `MATCH (e)-[:MENTIONED_IN]->(d:Document {title: $t}) WHERE NOT e:Country RETURN e.name AS name`,
      { t: newest[0]!.t },
    );
    expect(await drawnNames(page)).toEqual(expect.arrayContaining(mentioned.map((r) => String(r.name))));
    await page.close();
  });
});

describe("every view is an address (2)", () => {
  const ENTITY = `?entity=${DAULETALIN}&depth=2&hide=Country,Document,Event&since=2019&until=2019-12`;
  const PATH = "?from=person:tomoko-yoshino&to=person:kudratulla-rafikov&hops=3";

  it("restores entity views on reload, back and forward, and shows the same in a new browser context", async () => {
    const page = await open(ENTITY);
    const first = { title: await title(page), names: await drawnNames(page) };
    expect(first.title).toBe("Neighbourhood of Satybaldy Dauletalin (depth 2)");
    expect(await page.locator("#depth").inputValue()).toBe("2");
    expect(await page.locator("#since").inputValue()).toBe("2019");
    expect(await page.locator('input[name=label][value="Event"]').isChecked()).toBe(false);
    expect(await drawnLabels(page)).not.toContain("Event");

    // follow a link of the card: a new entry in the history, the settings kept
    await page.locator("#details button.link", { hasText: "Kudratulla Rafikov" }).first().click();
    await page.waitForURL(/kudratulla/);
    await waitForView(page);
    expect(query(page).get("depth")).toBe("2");
    const second = { title: await title(page), names: await drawnNames(page) };
    expect(second.title).toContain("Kudratulla Rafikov");

    // a changed setting is a new entry too
    await page.locator("#depth").selectOption("1");
    await page.waitForURL((u) => !u.searchParams.has("depth"));
    await waitForView(page);

    await page.goBack();
    await waitForView(page);
    expect(await page.locator("#depth").inputValue()).toBe("2");
    expect({ title: await title(page), names: await drawnNames(page) }).toEqual(second);
    await page.goBack();
    await waitForView(page);
    expect(viewOf(page.url())).toEqual(viewOf(`${base}/${ENTITY}`));
    expect({ title: await title(page), names: await drawnNames(page) }).toEqual(first);
    await page.goForward();
    await waitForView(page);
    expect({ title: await title(page), names: await drawnNames(page) }).toEqual(second);
    await page.reload();
    await waitForView(page);
    expect({ title: await title(page), names: await drawnNames(page) }).toEqual(second);

    const fresh = await explorer.newContext();
    const elsewhere = await open(ENTITY, fresh);
    expect({ title: await title(elsewhere), names: await drawnNames(elsewhere) }).toEqual(first);
    await shot(elsewhere, "explorer-url-entity.png");
    await fresh.close();
    await page.close();
  });

  it("restores the pair of a path search and its hops in a new browser context", async () => {
    const page = await open(PATH);
    const seen = { title: await title(page), names: await drawnNames(page) };
    expect(seen.title).toMatch(/connections? between Tomoko Yoshino and Kudratulla Rafikov/);
    expect(await page.locator("#max-hops").inputValue()).toBe("3");
    expect(await page.locator("#search").inputValue()).toBe("Tomoko Yoshino");
    expect(await page.locator("#connect").inputValue()).toBe("Kudratulla Rafikov");
    const fresh = await explorer.newContext();
    const elsewhere = await open(PATH, fresh);
    expect({ title: await title(elsewhere), names: await drawnNames(elsewhere) }).toEqual(seen);
    await shot(elsewhere, "explorer-url-path.png");
    await fresh.close();
    await page.close();
  });
});

describe("time (3)", () => {
  it("keeps only what happened in the date range: July 2019 is the meeting with Mohbaliyev", async () => {
    const page = await open(`?entity=${DAULETALIN}&since=2019-07&until=2019-07&undated=0`);
    const names = await drawnNames(page);
    expect(names).toContain("Sattar Mohbaliyev");
    for (const later of ["Kudratulla Rafikov", "Kemal Özkan", "Luca Visentini", "Tomoko Yoshino"])
      expect(names).not.toContain(later);
    for (const node of await drawnNodes(page)) {
      if (node.label !== "Event") continue;
      expect(node.date ?? node.seenFrom).toMatch(/^2019-07/);
    }
    await shot(page, "explorer-time-filter.png");
    // the same view with November 2019 shows the Geneva meetings instead
    await page.locator("#since").fill("2019-11");
    await page.locator("#until").fill("2019-11");
    await page.locator("#until").press("Enter");
    await page.locator("#until").blur();
    await page.waitForURL(
      (u) => u.searchParams.get("since") === "2019-11" && u.searchParams.get("until") === "2019-11",
    );
    await waitForView(page);
    expect(await drawnNames(page)).toEqual(expect.arrayContaining(["Kemal Özkan", "Luca Visentini", "Tomoko Yoshino"]));
    expect(await drawnNames(page)).not.toContain("Sattar Mohbaliyev");
    await page.close();
  });

  it("lists an entity's meetings, agreements, memberships and positions in date order with their sources", async () => {
    const page = await open(`?entity=${FPRK}&tab=timeline`);
    const entries = page.locator(".timeline-entry");
    const dates = await entries.locator("time").allTextContents();
    const dated = dates.filter((d) => d !== "undated");
    expect(dated).toEqual([...dated].sort());
    expect(dates.slice(dated.length).every((d) => d === "undated")).toBe(true);
    const kinds = await entries.locator(".tag").allTextContents();
    expect(kinds).toEqual(expect.arrayContaining(["Agreement", "Membership", "Position"]));
    // the full membership of the ITUC, dated by the fixture article that reports it, with that article as source
    const member = entries.filter({ hasText: "is a member of International Trade Union Confederation" });
    expect(await member.locator("time").textContent()).toBe("2021-03-10");
    expect(await member.locator(".sources").textContent()).toContain("FPRK becomes a full member of the ITUC");
    for (let i = 0; i < (await entries.count()); i++)
      expect(await entries.nth(i).locator(".sources li").count()).toBeGreaterThan(0);
    // Dauletalin's meetings are listed one by one, each with its own date
    const person = await open(`?entity=${DAULETALIN}&tab=timeline`);
    const meeting = person.locator(".timeline-entry", { hasText: "Sattar Mohbaliyev" }).first();
    expect(await meeting.locator("time").textContent()).toBe("2019-07-17");
    expect(await meeting.locator(".sources").textContent()).toContain("ATUC Chairman Sattar Mohbaliyev met");
    await shot(page, "explorer-timeline.png");
    await person.close();
    await page.close();
  });
});

describe("evidence and direction (4)", () => {
  it("shows each sentence highlighted with its document's title, date and link, or its file name when it has none", async () => {
    const page = await open(`?entity=${DAULETALIN}`);
    await page.locator(".inview summary", { hasText: "Connections" }).click();
    await page.locator("#edge-list button", { hasText: "Satybaldy Dauletalin is Chairman of Federation" }).click();
    await page.locator("#details .edge-title").waitFor();
    expect(await page.locator("#details .edge-title").textContent()).toBe(
      "Satybaldy Dauletalin is Chairman of Federation of Trade Unions of the Republic of Kazakhstan",
    );
    const stored = await helper.runCypher(
      /* Cypher */ `
      MATCH (:Person {id: $p})-[r:HOLDS_POSITION]->(:Organization {id: $o})
      UNWIND range(0, size(r.evidence) - 1) AS i
      MATCH (d:Document {id: r.evidenceDocs[i]})
      RETURN r.evidence[i] AS sentence, d.title AS title, d.date AS date, d.url AS url, d.path AS path`,
      { p: DAULETALIN, o: FPRK },
    );
    const items = page.locator("#details .evidence > li");
    expect(await items.count()).toBe(stored.length);
    for (let i = 0; i < stored.length; i++) {
      const row = stored[i]!;
      const item = items.nth(i);
      expect(await item.locator("mark").textContent()).toBe(row.sentence);
      expect(await item.locator("mark strong").allTextContents()).toEqual(
        expect.arrayContaining([expect.stringMatching(/Dauletalin|Federation|FPRK|KTUF/)]),
      );
      if (row.url) {
        const link = item.locator(".doc a");
        expect(await link.textContent()).toBe(row.title ?? path.basename(String(row.path)));
        expect(await link.getAttribute("href")).toMatch(new RegExp(`^${String(row.url)}#:~:text=`));
        expect(await item.locator(".doc-date").textContent()).toBe(`, ${String(row.date)}`);
      } else {
        // no title, no date, no link: the file name, and only it
        expect(row.title).toBeNull();
        expect(await item.locator(".doc cite").textContent()).toBe(path.basename(String(row.path)));
        expect(await item.locator(".doc a").count()).toBe(0);
      }
    }
    // arrows follow the stored direction: from the person to the organisation
    const position = (await drawnEdges(page)).find((e) => e.type === "HOLDS_POSITION" && e.target === FPRK);
    expect(position).toMatchObject({ source: DAULETALIN, count: 1 });
    expect(position!.classes).toContain("forward");
    await shot(page, "explorer-evidence.png");
    await page.close();
  });

  it("draws FPRK's two memberships of the ITUC once with their count, opening as a list", async () => {
    const page = await open(`?entity=${FPRK}`);
    const stored = await helper.runCypher(
      /* Cypher */ `MATCH (:Organization {id: $a})-[r:MEMBER_OF]->(:Organization {id: $b}) RETURN r.status AS status`,
      { a: FPRK, b: ITUC },
    );
    expect(stored.length).toBeGreaterThanOrEqual(2);
    const between = (await drawnEdges(page)).filter(
      (e) => [e.source, e.target].sort().join() === [FPRK, ITUC].sort().join(),
    );
    expect(between).toHaveLength(1);
    expect(between[0]!.count).toBe(stored.length);
    expect(between[0]!.classes).toContain(between[0]!.source === FPRK ? "forward" : "backward");
    await page.locator(".inview summary", { hasText: "Connections" }).click();
    // FPRK may have other bundles (two statuses of another membership): take the one with the ITUC
    await page
      .locator("#edge-list button", { hasText: `${stored.length} links` })
      .filter({ hasText: "International Trade Union Confederation" })
      .click();
    const list = page.locator("#details .bundle-list li");
    expect(await list.count()).toBe(stored.length);
    for (const text of await list.locator("button").allTextContents())
      expect(text).toMatch(
        /^Federation of Trade Unions of the Republic of Kazakhstan .* International Trade Union Confederation/,
      );
    await list.locator("button").first().click();
    await page.locator("#details h2", { hasText: "Evidence" }).waitFor();
    await shot(page, "explorer-parallel-edges.png");
    await page.close();
  });

  it("words each hop of a path in its real direction", async () => {
    const page = await open("?from=person:tomoko-yoshino&to=person:kudratulla-rafikov");
    const hops = await page.locator("#details .paths .hop").allTextContents();
    expect(hops.some((h) => h.trim() === "— took part in →")).toBe(true);
    expect(hops.some((h) => h.trim() === "← took part in —")).toBe(true);
    expect(hops.every((h) => !/→.*→/.test(h))).toBe(true);
    await page.close();
  });
});

describe("filters (5)", () => {
  it("hides countries and documents by default; relationship and entity types are switched from the page", async () => {
    const page = await open(`?entity=${FPRK}`);
    expect(await page.locator('input[name=label][value="Country"]').isChecked()).toBe(false);
    expect(await page.locator('input[name=label][value="Document"]').isChecked()).toBe(false);
    await page.locator('input[name=rel][value="LOCATED_IN"]').check();
    await waitForView(page);
    await page.waitForURL(/rels=/);
    await waitForView(page);
    expect(await drawnLabels(page)).not.toContain("Country");
    await page.locator('input[name=label][value="Country"]').check();
    await page.waitForURL((u) => u.searchParams.get("hide") === "Document");
    await waitForView(page);
    expect(await drawnNames(page)).toContain("Kazakhstan");
    expect((await drawnEdges(page)).some((e) => e.type === "LOCATED_IN")).toBe(true);

    await page.locator('input[name=label][value="Event"]').uncheck();
    await page.locator('input[name=rel][value="MEMBER_OF"]').uncheck();
    await page.waitForURL((u) => !(u.searchParams.get("rels") ?? "").includes("MEMBER_OF"));
    await waitForView(page);
    expect(await drawnLabels(page)).not.toContain("Event");
    expect((await drawnEdges(page)).some((e) => e.type === "MEMBER_OF")).toBe(false);
    expect(await drawnNames(page)).not.toContain("International Trade Union Confederation");
    await shot(page, "explorer-filters.png");
    await page.close();
  });
});

describe("exports (6)", () => {
  it("downloads PNG and SVG of the drawing, JSON and GraphML of the nodes and edges in view", async () => {
    const page = await open(`?entity=${DAULETALIN}`);
    const ids = (await drawnNodes(page)).map((n) => n.id).sort();
    const edgeCount = (await drawnEdges(page)).reduce((s, e) => s + e.count, 0);
    const files: Record<string, Buffer> = {};
    for (const format of ["png", "svg", "json", "graphml"]) {
      const [download] = await Promise.all([page.waitForEvent("download"), page.locator(`#export-${format}`).click()]);
      const file = path.join(OUTPUT, `explorer-export.${format}`);
      await download.saveAs(file);
      expect(download.suggestedFilename()).toBe(`labour-graph-${DAULETALIN.replace(/:/g, "-")}.${format}`);
      files[format] = readFileSync(file);
    }
    expect(files.png!.subarray(1, 4).toString()).toBe("PNG");
    const svg = new XMLParser({ ignoreAttributes: false }).parse(files.svg!.toString());
    const texts = (svg.svg.g[1].text as { "#text": string }[]).map((t) => String(t["#text"]));
    expect(texts).toEqual(expect.arrayContaining(["Satybaldy Dauletalin", "Sattar Mohbaliyev"]));
    expect(texts).toHaveLength(ids.length);
    const json = graphExportSchema.parse(JSON.parse(files.json!.toString()));
    expect(json.nodes.map((n) => n.id).sort()).toEqual(ids);
    expect(json.relationships).toHaveLength(edgeCount);
    expect(json.relationships.every((r) => Array.isArray(r.properties.evidence))).toBe(true);
    const graphml = new XMLParser({ ignoreAttributes: false }).parse(files.graphml!.toString());
    expect((graphml.graphml.graph.node as { "@_id": string }[]).map((n) => n["@_id"]).sort()).toEqual(ids);
    expect(graphml.graphml.graph.edge).toHaveLength(edgeCount);
    await page.close();
  });
});

describe("accessibility (8)", () => {
  const AXE = path.join(PROJECT_ROOT, "node_modules", "axe-core", "axe.min.js");

  async function seriousViolations(page: Page): Promise<string[]> {
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run(c: Document): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
          };
        }
      ).axe;
      return (await axe.run(document)).violations;
    });
    return violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  }

  it("has no serious or critical axe-core violations on the opening, entity, timeline, evidence and path views", async () => {
    for (const view of [
      "",
      `?entity=${DAULETALIN}`,
      `?entity=${FPRK}&tab=timeline`,
      "?from=person:tomoko-yoshino&to=person:kudratulla-rafikov",
    ]) {
      const page = await open(view);
      if (view === `?entity=${DAULETALIN}`) {
        await page.locator(".inview summary", { hasText: "Connections" }).click();
        await page.locator("#edge-list button").first().click();
      }
      expect(await seriousViolations(page), `view "${view}"`).toEqual([]);
      await page.close();
    }
  });

  it("reaches every control from the keyboard and opens an entity from the opening view with Enter", async () => {
    const page = await open("");
    const reached = new Set<string>();
    const person = await page.locator("section[aria-labelledby=ov-people] button").first().textContent();
    let onPerson = false;
    for (let i = 0; i < 80 && !onPerson; i++) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => {
        const a = document.activeElement as HTMLElement | null;
        return { id: a?.id ?? "", name: a?.getAttribute("name") ?? "", text: a?.textContent ?? "" };
      });
      reached.add(focused.id || `${focused.name}`);
      onPerson = focused.text === person;
    }
    for (const id of [
      "search",
      "depth",
      "max-hops",
      "rel",
      "label",
      "since",
      "until",
      "undated",
      "clear-dates",
      "export-png",
      "export-graphml",
    ])
      expect([...reached]).toContain(id);
    expect(onPerson).toBe(true);
    await page.keyboard.press("Enter");
    await page.waitForURL(/entity=/);
    await waitForView(page);
    expect(await title(page)).toBe(`Neighbourhood of ${person} (depth 1)`);
    // the drawing's twin list is reachable and opens cards and evidence from the keyboard
    await page.locator("#node-list button").first().focus();
    await page.keyboard.press("Enter");
    await page.locator("#details .card-title").waitFor();
    await shot(page, "explorer-keyboard.png");
    await page.close();
  });
});

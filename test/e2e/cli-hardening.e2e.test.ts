/**
 * The CLI as a user meets it, run as the built binary: honest exit codes, --version, write counters, each failed
 * file reported once by name, option combinations that mean nothing refused, and input in other encodings, binary
 * formats and invisible characters.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config/config.js";
import { runCli } from "../helpers/run-cli.js";
import { TestHelper } from "../helpers/test-helper.js";

const helper = new TestHelper();
const work = mkdtempSync(path.join(tmpdir(), "labour-graph-cli-hardening-"));
const SEEDS = path.join(PROJECT_ROOT, "seeds");

beforeAll(() => helper.clearGraph());
afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await helper.close();
});

/** Every person, organisation and country by name, and every event by name: what an import produced. */
async function entityNames(): Promise<string[]> {
  const rows = await helper.runCypher(/* Cypher */ `
    MATCH (n) WHERE n:Person OR n:Organization OR n:Country OR n:Event
    RETURN labels(n)[0] + ': ' + n.name AS entity ORDER BY entity`);
  return rows.map((r) => String(r.entity));
}

/** The text encoded as UTF-16LE with a byte order mark. */
function utf16le(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
}

describe("exit codes and version", () => {
  it("prints the package version with --version and -V", async () => {
    const { version } = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as {
      version: string;
    };
    for (const flag of ["--version", "-V"]) {
      const result = await runCli([flag], helper.cliEnv());
      expect(result.code).toBe(0);
      expect(result.stdout.trim()).toBe(version);
    }
  });

  it("exits 0 from db status when the database answers, and 3 when it does not (as LSB status)", async () => {
    const up = await runCli(["db", "status", "--json"], helper.cliEnv());
    expect(up.code).toBe(0);
    expect(JSON.parse(up.stdout)).toMatchObject({ running: true });
    const down = await runCli(["db", "status"], helper.cliEnv({ NEO4J_URI: "bolt://127.0.0.1:1" }));
    expect(down.code).toBe(3);
    expect(down.stdout).toContain("not reachable: bolt://127.0.0.1:1 (NEO4J_URI)");
  });

  it("refuses export --depth without --around instead of ignoring it", async () => {
    const result = await runCli(
      ["export", "--format", "json", "--out", path.join(work, "x.json"), "--depth", "2"],
      helper.cliEnv(),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("depth: --depth sets the hops around --around");
  });
});

describe("cypher --write", () => {
  it("reports what the query changed, in text and (on stderr) with --json", async () => {
    const text = await runCli(
      ["cypher", "CREATE (a:CliProbe {v: 1}), (b:CliProbe {v: 2}) RETURN a.v AS v", "--write"],
      helper.cliEnv(),
    );
    expect(text.code).toBe(0);
    expect(text.stdout).toBe("v: 1\nchanges: 2 nodes created, 2 properties set, 2 labels added\n");
    const json = await runCli(["cypher", "MATCH (p:CliProbe) DELETE p", "--write", "--json"], helper.cliEnv());
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual([]);
    expect(json.stderr).toBe("changes: 2 nodes deleted\n");
  });
});

describe("input", () => {
  it("imports a UTF-16 copy of the seeds with the same entities as the UTF-8 original", async () => {
    const utf8 = await runCli(["import", SEEDS, "--json"], helper.cliEnv(), { timeoutMs: 300_000 });
    expect(utf8.code, utf8.stderr).toBe(0);
    const fromUtf8 = await entityNames();
    expect(fromUtf8.length).toBeGreaterThan(20);

    await helper.clearGraph();
    const copy = path.join(work, "seeds-utf16");
    rmSync(copy, { recursive: true, force: true });
    mkdirp(copy);
    for (const name of readdirSync(SEEDS))
      writeFileSync(path.join(copy, name), utf16le(readFileSync(path.join(SEEDS, name), "utf8")));
    const utf16 = await runCli(["import", copy, "--json"], helper.cliEnv(), { timeoutMs: 300_000 });
    expect(utf16.code, utf16.stderr).toBe(0);
    expect(JSON.parse(utf16.stdout).documents).toMatchObject({ imported: readdirSync(SEEDS).length, failed: 0 });
    expect(await entityNames()).toEqual(fromUtf8);
  });

  it("resolves a name typed with a right-to-left override or a zero-width space to the same person", async () => {
    for (const name of ["Dau\u202Eletalin", "Satybaldy\u200B Dauletalin", "\u200BDauletalin\u202C"]) {
      const result = await runCli(["who", name, "--json"], helper.cliEnv());
      expect(result.code, `${JSON.stringify(name)}: ${result.stderr}`).toBe(0);
      expect(JSON.parse(result.stdout).node.name).toBe("Satybaldy Dauletalin");
    }
  });

  it("reports a dangling link in a folder and a .docx or PNG named directly, each once, by name", async () => {
    const folder = path.join(work, "mixed");
    mkdirp(folder);
    writeFileSync(
      path.join(folder, "good.txt"),
      "Jane Roe, President of the Federation of Testing Unions, met John Doe in Geneva on 12 May 2024.\n",
    );
    symlinkSync(path.join(work, "nowhere.txt"), path.join(folder, "gone.txt"));
    const docx = path.join(work, "statement.docx");
    writeFileSync(docx, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]));
    const png = path.join(work, "statement.txt");
    writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));

    const result = await runCli(["import", folder, docx, png], helper.cliEnv());
    expect(result.code).toBe(2);
    const printed = result.stdout + result.stderr;
    const dangling = path.join(folder, "gone.txt");
    expect(printed).toContain(`failed: ${dangling}: Cannot import "${dangling}": a symbolic link whose target`);
    expect(printed).toContain(`Cannot import "${docx}": ".docx" is not a supported document format.`);
    expect(printed).toContain(`Cannot import "${png}": it is a PNG image, not a text document.`);
    for (const file of [dangling, docx, png]) {
      // once in the summary's "failed:" line; the message names the file a second time on that same line
      const lines = printed.split("\n").filter((l) => l.includes(file));
      expect(lines, file).toHaveLength(1);
    }
    expect(result.stderr).toContain("3 of 4 files were not imported");
    expect(result.stdout).toMatch(/1 imported/);
  });
});

/** A fresh, empty folder. */
function mkdirp(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}

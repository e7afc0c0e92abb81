/**
 * The managed CoreNLP server itself, through the CLI as a user runs it: start from a fresh home, status exit codes,
 * a second start as a no-op, loopback only, a real annotation, NLP_URL, a taken port, missing Java or Maven, stop.
 * Runs its own server in a temporary home on its own port, so the test server of the global setup is untouched.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import net from "node:net";
import { networkInterfaces, tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { loadConfig } from "../../src/config/config.js";
import { ProvisionError } from "../../src/domain/errors.js";
import { ensureNlpServer } from "../../src/provision/ensure-nlp-server.js";
import { annotationUrl, probeNlpServer } from "../../src/provision/probe-nlp-server.js";
import { isPortOpen, runCommand } from "../../src/provision/system.js";
import { runCli } from "../helpers/run-cli.js";

const PORT = Number(process.env.LG_NLP_LIFECYCLE_PORT ?? 9012);
const URL = `http://127.0.0.1:${PORT}`;
const home = mkdtempSync(path.join(tmpdir(), "labour-graph-nlp-"));
const env = { ...process.env, NLP_URL: "", NLP_HOME: home, NLP_PORT: String(PORT), NLP_HEAP: "3g", LOG_LEVEL: "warn" };
const START_MS = 300_000;
/** a second port for the runs that must fail before the port check matters (the test server holds PORT) */
const SPARE_PORT = String(PORT + 1);

/** The machine's IPv4 addresses other than loopback (where a server bound to all interfaces would answer). */
function nonLoopbackAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && a.family === "IPv4" && !a.internal)
    .map((a) => a!.address);
}

/** A folder holding only links to `commands`, to run the CLI on a PATH where the others are missing. */
async function pathWith(commands: string[]): Promise<string> {
  const dir = path.join(home, `bin-${commands.join("-") || "none"}`);
  mkdirSync(dir, { recursive: true });
  symlinkSync(process.execPath, path.join(dir, "node"));
  for (const command of commands) {
    const found = (await runCommand("sh", ["-c", `command -v ${command}`])).stdout.trim();
    symlinkSync(found, path.join(dir, command));
  }
  return dir;
}

describe("labour-graph nlp start | stop | status", () => {
  afterAll(async () => {
    await runCli(["nlp", "stop"], env);
    rmSync(home, { recursive: true, force: true });
  });

  it("reports a stopped server with exit code 3 before the first start", async () => {
    const result = await runCli(["nlp", "status", "--json"], env);
    expect(result.code).toBe(3);
    expect(JSON.parse(result.stdout)).toMatchObject({ managed: true, running: false, ready: false, home });
  });

  it("starts one CoreNLP from a fresh home when two starts race, and reports it running with exit code 0", async () => {
    const results = await Promise.all(
      [1, 2].map(() => runCli(["nlp", "start", "--json"], env, { timeoutMs: START_MS })),
    );
    for (const result of results) {
      expect(result.stderr).not.toMatch(/error/i);
      expect(result.code).toBe(0);
    }
    const [a, b] = results.map((result) => JSON.parse(result.stdout));
    expect(a).toMatchObject({ running: true, ready: true, url: URL });
    expect(b.pid).toBe(a.pid);
    expect([a.alreadyRunning, b.alreadyRunning].sort()).toEqual([false, true]);

    const status = await runCli(["nlp", "status"], env);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain(`running: ${URL} (CoreNLP 4.5.`);
  });

  it("answers on 127.0.0.1 and on no other address of the machine", async () => {
    expect(await isPortOpen(PORT, "127.0.0.1")).toBe(true);
    const others = nonLoopbackAddresses();
    // a machine with only a loopback interface has nothing to prove here
    for (const address of others) expect(await isPortOpen(PORT, address), `port ${PORT} on ${address}`).toBe(false);
  });

  it("annotates a document: tokens with lemma, part of speech and NER, entity mentions and dependency edges", async () => {
    const text = "Sharan Burrow met the leaders of Unite in London. They signed an agreement.";
    const response = await fetch(annotationUrl(URL), { method: "POST", body: text });
    expect(response.status).toBe(200);
    const doc = (await response.json()) as {
      sentences: {
        tokens: { word: string; lemma: string; pos: string; ner: string; characterOffsetBegin: number }[];
        entitymentions: { text: string; ner: string }[];
        basicDependencies: { dep: string; governorGloss: string; dependentGloss: string }[];
      }[];
    };
    expect(doc.sentences).toHaveLength(2);
    const [first, second] = doc.sentences;
    const met = first!.tokens.find((t) => t.word === "met");
    expect(met).toMatchObject({ lemma: "meet", pos: "VBD", ner: "O", characterOffsetBegin: 14 });
    expect(first!.tokens.find((t) => t.word === "Burrow")).toMatchObject({ pos: "NNP", ner: "PERSON" });
    expect(first!.entitymentions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ text: "Sharan Burrow", ner: "PERSON" }),
        expect.objectContaining({ text: "London", ner: "LOCATION" }),
      ]),
    );
    expect(first!.basicDependencies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ dep: "nsubj", governorGloss: "met", dependentGloss: "Burrow" }),
        expect.objectContaining({ dep: "obj", governorGloss: "met", dependentGloss: "leaders" }),
      ]),
    );
    expect(second!.tokens.find((t) => t.word === "signed")).toMatchObject({ lemma: "sign", pos: "VBD" });
    // the coarse NER of the pipeline (ner.applyFineGrained=false): LOCATION, not CITY
    expect(first!.tokens.find((t) => t.word === "London")?.ner).toBe("LOCATION");
  });

  it("treats a second start as a no-op", async () => {
    const before = JSON.parse((await runCli(["nlp", "status", "--json"], env)).stdout);
    const result = await runCli(["nlp", "start", "--json"], env);
    expect(result.code).toBe(0);
    const after = JSON.parse(result.stdout);
    expect(after).toMatchObject({ alreadyRunning: true, pid: before.pid });
    const ensured = await ensureNlpServer(loadConfig(env));
    expect(ensured.urls).toEqual([URL]);
  });

  it("uses the servers of NLP_URL instead of starting one, and says so", async () => {
    const withUrl = { ...env, NLP_URL: URL, NLP_HOME: path.join(home, "unused") };
    const start = await runCli(["nlp", "start"], withUrl);
    expect(start.code).toBe(0);
    expect(start.stdout).toContain(`NLP_URL is set: using the existing server(s) at ${URL}`);
    expect((await runCli(["nlp", "status"], withUrl)).code).toBe(0);
    expect(await ensureNlpServer(loadConfig(withUrl))).toEqual({ urls: [URL] });
    expect(existsSync(path.join(home, "unused"))).toBe(false);
  });

  it("fails with exit code 2 and one message naming NLP_URL when a server of NLP_URL does not answer", async () => {
    const dead = "http://127.0.0.1:1";
    const withDead = { ...env, NLP_URL: `${URL},${dead}` };
    const start = await runCli(["nlp", "start"], withDead);
    expect(start.code).toBe(2);
    expect(start.stderr).toContain(`${dead}: nothing answers at ${dead}`);
    expect(start.stderr).not.toContain(`${URL}:`);
    expect(start.stderr).toMatch(/hint: .*unset NLP_URL/);
    expect((await runCli(["nlp", "status"], withDead)).code).toBe(3);
    await expect(ensureNlpServer(loadConfig(withDead))).rejects.toThrowError(ProvisionError);
  });

  it("refuses to start on a taken port with exit code 2, naming the port and NLP_PORT, and writes nothing", async () => {
    const blocker = net.createServer();
    const taken = await new Promise<number>((resolve) =>
      blocker.listen(0, "127.0.0.1", () => resolve((blocker.address() as net.AddressInfo).port)),
    );
    const otherHome = path.join(home, "taken");
    try {
      const cli = await runCli(["nlp", "start"], { ...env, NLP_HOME: otherHome, NLP_PORT: String(taken) });
      expect(cli.code).toBe(2);
      expect(cli.stderr).toContain(`Port ${taken} on 127.0.0.1 is already in use`);
      expect(cli.stderr).toMatch(/hint: .*NLP_PORT.*NLP_URL/);
      expect(existsSync(otherHome)).toBe(false);
    } finally {
      blocker.close();
    }
  });

  it("says to install Java, or to set NLP_URL, when there is no Java (exit code 2)", async () => {
    const cli = await runCli(["nlp", "start"], {
      ...env,
      NLP_HOME: path.join(home, "nojava"),
      NLP_PORT: SPARE_PORT,
      PATH: await pathWith([]),
    });
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain("Java was not found: the managed CoreNLP needs Java 17 or newer");
    expect(cli.stderr).toMatch(/hint: Install a JDK 17.*set NLP_URL/);
  });

  it("says a JDK is needed when Java is only a runtime without the compiler module (exit code 2)", async () => {
    // the java launcher reads JDK_JAVA_OPTIONS: limiting the modules makes this JDK look like a JRE
    const jreOnly = {
      ...env,
      NLP_HOME: path.join(home, "jre"),
      NLP_PORT: SPARE_PORT,
      JDK_JAVA_OPTIONS: "--limit-modules java.se",
    };
    const cli = await runCli(["nlp", "start"], jreOnly);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain("but only as a runtime (JRE)");
    expect(cli.stderr).toMatch(/hint: Install a JDK 17.*set NLP_URL/);
    expect(existsSync(path.join(home, "jre"))).toBe(false);
  });

  it("says to install Maven, or to set NLP_URL, when CoreNLP cannot be fetched without it (exit code 2)", async () => {
    const cli = await runCli(["nlp", "start"], {
      ...env,
      NLP_HOME: path.join(home, "nomaven"),
      NLP_PORT: SPARE_PORT,
      PATH: await pathWith(["java"]),
    });
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain("Maven (mvn) was not found: it fetches the CoreNLP jars from Maven Central");
    expect(cli.stderr).toMatch(/hint: Install Maven.*set NLP_URL/);
  });

  it("the global setup provides a CoreNLP server that annotates", async () => {
    expect(await probeNlpServer(inject("nlp").url)).toBeUndefined();
  });

  it("stops cleanly; status then exits 3 and a second stop is a no-op", async () => {
    const stop = await runCli(["nlp", "stop", "--json"], env, { timeoutMs: 60_000 });
    expect(JSON.parse(stop.stdout)).toEqual({ stopped: true });
    expect(await isPortOpen(PORT)).toBe(false);
    expect((await runCli(["nlp", "status"], env)).code).toBe(3);
    expect(JSON.parse((await runCli(["nlp", "stop", "--json"], env)).stdout)).toEqual({ stopped: false });
  });
});

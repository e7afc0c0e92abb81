import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../domain/errors.js";
import { parseReferenceFile, readReferenceData } from "./read-reference.js";

const GOOD = `
organisations:
  - id: ituc
    name: International Trade Union Confederation
    type: Confederation
    acronyms: [ITUC]
    country: Belgium
    source: https://example.org/ituc
  - id: ituc-africa
    name: ITUC Regional Organisation for Africa
    type: Confederation
    acronyms: [ITUC-Africa]
    source: https://example.org/ituc-africa
    memberOf:
      - { id: ituc, source: "https://example.org/ituc-africa?page=1&x=2" }
`;

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "lg-reference-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

function problemOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error("expected an InputError");
}

async function asyncProblemOf(run: () => Promise<unknown>): Promise<string> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return (error as Error).message;
}

describe("parseReferenceFile", () => {
  it("reads organisations with their affiliations, status defaulting to member", () => {
    const entries = parseReferenceFile(GOOD, "good.yaml");
    expect(entries.map((e) => e.id)).toEqual(["ituc", "ituc-africa"]);
    expect(entries[1]!.memberOf).toEqual([
      { id: "ituc", source: "https://example.org/ituc-africa?page=1&x=2", status: "member" },
    ]);
    expect(entries[0]).toMatchObject({ acronyms: ["ITUC"], aliases: [], country: "Belgium" });
  });

  it("names the file, the entry and the field of an entry without a source", () => {
    const message = problemOf(() =>
      parseReferenceFile("organisations:\n  - { id: cosatu, name: COSATU, type: Union }\n", "africa.yaml"),
    );
    expect(message).toContain('"africa.yaml"');
    expect(message).toContain("organisation 1 (cosatu): source:");
  });

  it("rejects an affiliation without a source, a bad URL, a bad key, a bad type and unknown fields", () => {
    const bad = (org: string) => problemOf(() => parseReferenceFile(`organisations:\n  - ${org}\n`, "x.yaml"));
    const base = "id: a, name: A, type: Union, source: https://example.org/a";
    expect(bad(`{ ${base}, memberOf: [{ id: ituc }] }`)).toContain("organisation 1 (a): memberOf.0.source:");
    expect(bad(`{ id: a, name: A, type: Union, source: "not a url" }`)).toContain("source:");
    expect(bad(`{ id: "A B", name: A, type: Union, source: https://example.org/a }`)).toContain(
      "lower-case letters, digits and dashes",
    );
    expect(bad(`{ id: a, name: A, type: Person, source: https://example.org/a }`)).toContain("type:");
    expect(bad(`{ ${base}, website: https://a.org }`)).toContain("website");
  });

  it("names the file of YAML that does not parse", () => {
    expect(problemOf(() => parseReferenceFile("organisations: [\n", "broken.yaml"))).toContain(
      'Cannot read the reference file "broken.yaml": not valid YAML',
    );
  });
});

describe("readReferenceData", () => {
  it("reads every YAML file of a folder and versions their content", async () => {
    const dir = folder({
      "a.yaml": GOOD,
      "b.yml":
        "organisations:\n  - { id: etuc, name: ETUC body, type: Confederation, source: https://example.org/etuc }\n",
      "notes.txt": "ignored",
    });
    const data = await readReferenceData(dir);
    expect(data.entries.map((e) => e.id)).toEqual(["ituc", "ituc-africa", "etuc"]);
    expect(data.files.map((f) => path.basename(f))).toEqual(["a.yaml", "b.yml"]);
    expect(data.version).toMatch(/^[0-9a-f]{12}$/);
    expect((await readReferenceData(dir)).version).toBe(data.version);
    writeFileSync(path.join(dir, "b.yml"), "organisations: []\n");
    expect((await readReferenceData(dir)).version).not.toBe(data.version);
  });

  it("rejects an affiliation to a key no file defines, naming the file and the entry", async () => {
    const dir = folder({ "a.yaml": GOOD.replace("{ id: ituc,", "{ id: itcu,") });
    const message = await asyncProblemOf(() => readReferenceData(dir));
    expect(message).toContain("a.yaml");
    expect(message).toContain('organisation ituc-africa: memberOf names "itcu"');
  });

  it("rejects a key or a name used twice across files", async () => {
    const twice = "organisations:\n  - { id: ituc, name: Other, type: Confederation, source: https://example.org/o }\n";
    expect(await asyncProblemOf(() => readReferenceData(folder({ "a.yaml": GOOD, "b.yaml": twice })))).toContain(
      "organisation ituc: the key is also used in",
    );
    const sameName =
      "organisations:\n  - { id: other, name: International Trade Union Confederation, type: Confederation, source: https://example.org/o }\n";
    expect(await asyncProblemOf(() => readReferenceData(folder({ "a.yaml": GOOD, "b.yaml": sameName })))).toContain(
      'the name "International Trade Union Confederation" is also the name of ituc',
    );
  });

  it("says what to do when the path does not exist", async () => {
    expect(await asyncProblemOf(() => readReferenceData("/nonexistent/reference"))).toContain("no such file or folder");
  });
});

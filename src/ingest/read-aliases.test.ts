import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../config/config.js";
import { InputError } from "../domain/errors.js";
import { parseAliasFile } from "./read-aliases.js";

describe("parseAliasFile", () => {
  it("reads entries and distinct pairs, with defaults for the optional lists", () => {
    const file = parseAliasFile(
      "entities:\n  - name: Union X\n    type: Union\n    acronyms: [UX]\ndistinct:\n  - [A, B]\n",
      "aliases.yaml",
    );
    expect(file.entities).toEqual([{ name: "Union X", type: "Union", acronyms: ["UX"], aliases: [] }]);
    expect(file.distinct).toEqual([["A", "B"]]);
  });

  it("names the file and the problem when an entry is invalid", () => {
    expect(() => parseAliasFile("entities:\n  - name: X\n    type: Club\n", "my-aliases.yaml")).toThrow(InputError);
    expect(() => parseAliasFile("entities:\n  - name: X\n    type: Club\n", "my-aliases.yaml")).toThrow(
      /"my-aliases\.yaml": entities\.0\.type/,
    );
    expect(() => parseAliasFile("entities: [", "broken.yaml")).toThrow(/"broken\.yaml": not valid YAML/);
  });

  it("accepts the project's alias file", () => {
    const text = readFileSync(path.join(PROJECT_ROOT, "aliases", "aliases.yaml"), "utf8");
    const file = parseAliasFile(text, "aliases/aliases.yaml");
    expect(file.entities.map((e) => e.acronyms).flat()).toEqual(
      expect.arrayContaining(["ITUC", "ILO", "GCTU", "RENGO"]),
    );
  });
});

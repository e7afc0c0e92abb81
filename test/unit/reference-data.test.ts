/**
 * The shipped reference data (aliases/reference/): it validates, it is broad enough to be a map of the movement,
 * every entry and affiliation names its public source, and its countries are the project's country names.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { ReferenceData } from "../../src/domain/reference.js";
import { COUNTRY_NAMES } from "../../src/extract/lexicon/countries.js";
import { readReferenceData } from "../../src/ingest/read-reference.js";
import { DEFAULT_REFERENCE_PATH } from "../../src/pipeline/load-aliases.js";
import { referenceStats } from "../../src/resolve/reference-table.js";

// territories with their own national centres that the country lexicon does not list (yet)
const TERRITORIES = [
  "Antigua and Barbuda",
  "Aruba",
  "Cook Islands",
  "Dominican Republic",
  "French Polynesia",
  "Hong Kong",
];

let data: ReferenceData;
beforeAll(async () => {
  data = await readReferenceData(DEFAULT_REFERENCE_PATH);
});

describe("aliases/reference/", () => {
  it("has at least 300 organisations, 90% with a country, every one with a source", () => {
    const stats = referenceStats(data.entries);
    expect(stats.organisations).toBeGreaterThanOrEqual(300);
    expect(stats.withCountry / stats.organisations).toBeGreaterThanOrEqual(0.9);
    expect(stats.withSource).toBe(stats.organisations);
    expect(stats.memberships).toBeGreaterThanOrEqual(200);
  });

  it("holds the ITUC and its regional organisations, the WFTU, the GCTU and the global union federations", () => {
    const keys = new Set(data.entries.map((e) => e.id));
    for (const key of ["ituc", "ituc-africa", "ituc-ap", "tuca", "perc", "atuc", "wftu", "gctu", "etuc", "tuac"])
      expect(keys, key).toContain(key);
    for (const key of ["bwi", "ei", "ifj", "industriall", "iuf", "itf", "psi", "uni", "idwf"])
      expect(keys, key).toContain(key);
    const regional = data.entries.filter((e) => e.memberOf.some((m) => m.id === "ituc")).map((e) => e.id);
    expect(regional).toEqual(expect.arrayContaining(["ituc-africa", "ituc-ap", "tuca", "perc", "atuc"]));
  });

  it("covers national centres in at least 100 countries", () => {
    const countries = new Set(data.entries.filter((e) => e.type === "Union").map((e) => e.country));
    expect(countries.size).toBeGreaterThanOrEqual(100);
  });

  it("spells every country as the country lexicon does", () => {
    const known = new Set([...COUNTRY_NAMES, ...TERRITORIES]);
    const unknown = data.entries.filter((e) => e.country !== undefined && !known.has(e.country));
    expect(unknown.map((e) => `${e.id}: ${e.country}`)).toEqual([]);
  });

  it("cites an http(s) page for every entry and every affiliation", () => {
    const urls = data.entries.flatMap((e) => [e.source, ...e.memberOf.map((m) => m.source)]);
    expect(urls.every((u) => /^https?:\/\/[^\s]+$/.test(u))).toBe(true);
  });
});

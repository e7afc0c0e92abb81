/** LOCATED_IN: organisations are in the country their name or the text says ("... of the Republic of X", "the ITUC in Brussels"). */
import { countryOf, countryOfCity } from "../lexicon/countries.js";
import { PLACE_CONFIDENCE, type DocumentState } from "./document-state.js";
import { isOrgKey } from "./keys.js";

/** Countries a name holds as a word or words ("Federation of Trade Unions of the Republic of Kazakhstan", "Japanese ..."). */
function countriesInName(name: string): string[] {
  const words = name
    .split(/[\s,()]+/)
    .map((w) => w.replace(/['’]s$/u, ""))
    .filter(Boolean);
  const found: string[] = [];
  for (let i = 0; i < words.length; i++) {
    for (let n = 3; n >= 1; n--) {
      if (i + n > words.length) continue;
      const country = countryOf(words.slice(i, i + n).join(" "));
      if (country) {
        found.push(country);
        i += n - 1;
        break;
      }
    }
  }
  return found;
}

export function placeOrganisations(d: DocumentState): void {
  for (const e of [...d.entities.values()]) {
    if (!isOrgKey(e.key) || e.type === "Confederation") continue;
    const countries = new Set(e.surfaces.flatMap(countriesInName));
    if (countries.size !== 1) continue;
    const country = [...countries][0]!;
    e.properties.country = country;
    const place = d.countryEntity(country, e.firstSentence);
    d.sink.add("LOCATED_IN", e.key, place, d.evidenceOf(e.firstSentence), PLACE_CONFIDENCE);
  }
  d.chunks.forEach((cs, s) =>
    cs.forEach((c, k) => {
      const key = d.chunkKeys[s]![k];
      const country = c.place !== undefined ? (countryOf(c.place) ?? countryOfCity(c.place)) : undefined;
      if (key && country && isOrgKey(key))
        d.sink.add("LOCATED_IN", key, d.countryEntity(country, s), d.evidenceOf(s), PLACE_CONFIDENCE);
    }),
  );
}

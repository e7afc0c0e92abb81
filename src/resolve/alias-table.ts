/** The curated alias file as a lookup table for resolution. */
import type { AliasEntry, AliasFile } from "../domain/aliases.js";
import { isOrganisationType } from "../domain/model.js";
import { orgKey } from "../extract/org-key.js";
import { foldText } from "../text/fold.js";

/** Lookups built from an alias file: by folded surface form, by organisation key and by acronym. */
export interface AliasTable {
  entries: AliasEntry[];
  distinct: [string, string][];
  /** folded surface form → entry index */
  bySurface: Map<string, number>;
  /** order-free organisation key → entry index */
  byOrgKey: Map<string, number>;
  /** acronym (as written) → entry index */
  byAcronym: Map<string, number>;
}

/** True when a form is written like an acronym ("FPRK", "L20"). */
export function isAcronymForm(form: string): boolean {
  return /^[\p{Lu}\p{N}]{2,10}$/u.test(form) && (/\p{Lu}.*\p{Lu}/u.test(form) || /^\p{Lu}\p{N}{1,3}$/u.test(form));
}

/**
 * Builds the lookup table; later entries never override earlier ones. `lower` entries (the reference data) rank
 * below the file's: they only take forms no curated entry has, and a form two of them share (ZCTU of Zambia and
 * of Zimbabwe) decides nothing, so an automatic rule or the curated file must.
 */
export function buildAliasTable(file: Partial<AliasFile> = {}, lower: readonly AliasEntry[] = []): AliasTable {
  const curated = file.entities ?? [];
  const entries = [...curated, ...lower];
  const table: AliasTable = {
    entries,
    distinct: file.distinct ?? [],
    bySurface: new Map(),
    byOrgKey: new Map(),
    byAcronym: new Map(),
  };
  const lookupsOf = (entry: AliasEntry): [Map<string, number>, string][] => {
    const isOrg = isOrganisationType(entry.type);
    const out: [Map<string, number>, string][] = [];
    for (const form of new Set([entry.name, ...entry.aliases, ...entry.acronyms])) {
      out.push([table.bySurface, foldText(form)]);
      if (!isOrg) continue;
      if (isAcronymForm(form)) out.push([table.byAcronym, form]);
      else {
        const key = orgKey(form);
        if (key.length > 0) out.push([table.byOrgKey, key]);
      }
    }
    return out;
  };
  curated.forEach((entry, i) => {
    for (const [map, key] of lookupsOf(entry)) if (!map.has(key)) map.set(key, i);
  });
  const lowerLookups = lower.map(lookupsOf);
  const owners = new Map<Map<string, number>, Map<string, Set<number>>>();
  lowerLookups.forEach((lookups, j) => {
    for (const [map, key] of lookups) {
      let byKey = owners.get(map);
      if (byKey === undefined) owners.set(map, (byKey = new Map()));
      byKey.set(key, (byKey.get(key) ?? new Set()).add(j));
    }
  });
  lowerLookups.forEach((lookups, j) => {
    for (const [map, key] of lookups) {
      if (!map.has(key) && owners.get(map)?.get(key)?.size === 1) map.set(key, curated.length + j);
    }
  });
  return table;
}

/** An alias table with no entries. */
export const EMPTY_ALIAS_TABLE: AliasTable = buildAliasTable({});

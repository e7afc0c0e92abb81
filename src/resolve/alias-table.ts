/** The curated alias file as a lookup table for resolution. */
import type { AliasEntry, AliasFile } from "../domain/aliases.js";
import { isOrganisationType } from "../domain/model.js";
import { foldText } from "../extract/fold.js";
import { orgKey } from "../extract/org-key.js";

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

/** Builds the lookup table; later entries never override earlier ones. */
export function buildAliasTable(file: Partial<AliasFile> = {}): AliasTable {
  const entries = file.entities ?? [];
  const table: AliasTable = {
    entries,
    distinct: file.distinct ?? [],
    bySurface: new Map(),
    byOrgKey: new Map(),
    byAcronym: new Map(),
  };
  entries.forEach((entry, i) => {
    const isOrg = isOrganisationType(entry.type);
    for (const form of [entry.name, ...entry.aliases, ...entry.acronyms]) {
      if (!table.bySurface.has(foldText(form))) table.bySurface.set(foldText(form), i);
      if (!isOrg) continue;
      if (isAcronymForm(form)) {
        if (!table.byAcronym.has(form)) table.byAcronym.set(form, i);
      } else {
        const key = orgKey(form);
        if (key.length > 0 && !table.byOrgKey.has(key)) table.byOrgKey.set(key, i);
      }
    }
  });
  return table;
}

/** An alias table with no entries. */
export const EMPTY_ALIAS_TABLE: AliasTable = buildAliasTable({});

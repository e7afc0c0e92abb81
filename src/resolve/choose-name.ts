/**
 * The name a node shows: the best-supported of every surface form seen, recomputed whenever new documents add
 * evidence. The curated alias file decides first, then the reference data of the labour movement (a hook: the
 * name it gives, when it knows the entity), then a form without a form of address ("Dr", "Bro") over one with it,
 * then the form the most documents use; among equally supported forms a
 * full form beats one with initials ("S. Dauletalin"), then the longer form, then the alphabetically first, so the
 * choice never depends on which document came first. A typo seen first therefore never wins over the correct
 * form once more documents use the latter.
 */
import { isFormOfAddress } from "../extract/lexicon/words.js";
import { isAcronymForm } from "./alias-table.js";

/** Documents that used each surface form of an entity (a form counts once per document). */
export type FormDocuments = ReadonlyMap<string, number>;

/** Where a name can come from besides the documents; both are optional, the first present wins. */
export interface NameAuthority {
  /** the canonical name of the curated alias entry of the entity */
  aliasName?: string;
  /** the canonical name reference data gives the entity (not wired yet: the reference loader fills it) */
  referenceName?: string;
}

/** True when the form starts with a form of address ("Dr Yaw Baah"): an alias, not a name. */
function isTitled(form: string): boolean {
  return isFormOfAddress(form.split(/\s+/)[0] ?? "");
}

/** True when a word of the form is an initial ("S." or a single letter). */
function hasInitial(form: string): boolean {
  return form.split(/\s+/).some((w) => /^\p{L}\.?$/u.test(w));
}

/**
 * Picks the name; `isOrganisation` keeps acronyms out when a full name exists. Returns undefined only when no form
 * was seen and no authority names the entity.
 */
export function chooseName(
  forms: FormDocuments,
  authority: NameAuthority = {},
  isOrganisation = false,
): string | undefined {
  if (authority.aliasName !== undefined) return authority.aliasName;
  if (authority.referenceName !== undefined) return authority.referenceName;
  let candidates = [...forms.entries()].filter(([f]) => f.trim() !== "");
  if (isOrganisation) {
    const full = candidates.filter(([f]) => !isAcronymForm(f));
    if (full.length > 0) candidates = full;
  }
  candidates.sort(
    ([a, na], [b, nb]) =>
      Number(isTitled(a)) - Number(isTitled(b)) ||
      nb - na ||
      Number(hasInitial(a)) - Number(hasInitial(b)) ||
      b.length - a.length ||
      (a < b ? -1 : a > b ? 1 : 0),
  );
  return candidates[0]?.[0];
}

/** Adds the forms one document used (each once) to the counts. */
export function countFormsOfDocument(counts: Map<string, number>, forms: Iterable<string>): void {
  for (const form of new Set(forms)) counts.set(form, (counts.get(form) ?? 0) + 1);
}

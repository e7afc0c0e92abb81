/**
 * The reference data in resolution: a second alias table, below the curated file and above automatic decisions,
 * and the names, node ids and figures derived from it. Pure.
 */
import type { AliasEntry, AliasFile } from "../domain/aliases.js";
import type { ReferenceEntry, ReferenceStats } from "../domain/reference.js";
import { orgKey } from "../extract/org-key.js";
import { foldText, slugify } from "../text/fold.js";
import { buildAliasTable, isAcronymForm, type AliasTable } from "./alias-table.js";

/** One organisation name or acronym of the reference data, for a gazetteer of organisation names. */
export interface ReferenceName {
  form: string;
  type: ReferenceEntry["type"];
  /** the graph id of the organisation's node */
  id: string;
}

/** A reference organisation as the graph holds it: its node id and name (the curated name when one matches). */
export interface ReferenceNode {
  entry: ReferenceEntry;
  id: string;
  name: string;
  /** every other name and acronym, the curated ones included */
  aliases: string[];
}

/** The graph id resolution gives an organisation named `name` (`org:` and the slug of the name). */
export function organisationNodeId(name: string): string {
  return `org:${slugify(name)}`;
}

/** The folded full names of an entry and their order-free keys: what identifies the same body in two tables. */
function identityForms(entry: AliasEntry): Set<string> {
  const forms = new Set<string>();
  for (const f of [entry.name, ...entry.aliases]) {
    if (isAcronymForm(f)) continue;
    forms.add(foldText(f));
    const key = orgKey(f);
    if (key.length > 0) forms.add(`key:${key}`);
  }
  return forms;
}

/**
 * For each reference entry, the index of the curated alias entry naming the same body (same full name or alias,
 * or the same order-free key), if any. An acronym alone never matches: acronyms are shared across countries.
 */
export function matchCuratedEntries(
  reference: readonly ReferenceEntry[],
  curated: readonly AliasEntry[],
): (number | undefined)[] {
  const byForm = new Map<string, number>();
  curated.forEach((entry, i) => {
    for (const f of identityForms(entry)) if (!byForm.has(f)) byForm.set(f, i);
  });
  return reference.map((entry) => {
    for (const f of identityForms(entry)) {
      const i = byForm.get(f);
      if (i !== undefined && curated[i]!.type !== "Person" && curated[i]!.type !== "Country") return i;
    }
    return undefined;
  });
}

const unique = (forms: readonly string[]): string[] => [...new Set(forms)];

/** The reference organisations as nodes: a curated entry naming the same body gives the name (and so the id). */
export function referenceNodes(
  reference: readonly ReferenceEntry[],
  aliases: Partial<AliasFile> = {},
): ReferenceNode[] {
  const curated = aliases.entities ?? [];
  const matches = matchCuratedEntries(reference, curated);
  return reference.map((entry, i) => {
    const match = matches[i] !== undefined ? curated[matches[i]!] : undefined;
    const name = match?.name ?? entry.name;
    const others = [
      entry.name,
      ...entry.acronyms,
      ...entry.aliases,
      ...(match ? [...match.acronyms, ...match.aliases] : []),
    ];
    return { entry, id: organisationNodeId(name), name, aliases: unique(others.filter((f) => f !== name)) };
  });
}

/**
 * The alias table of resolution: the curated file's entries first (a reference entry naming the same body adds
 * its other names and country to it), then the remaining reference entries, whose forms rank below the curated
 * ones and decide nothing when two reference entries share them.
 */
export function buildResolutionTable(aliases: Partial<AliasFile>, reference: readonly ReferenceEntry[]): AliasTable {
  const curated = (aliases.entities ?? []).map((e) => ({ ...e, acronyms: [...e.acronyms], aliases: [...e.aliases] }));
  const lower: AliasEntry[] = [];
  matchCuratedEntries(reference, curated).forEach((match, i) => {
    const entry = reference[i]!;
    if (match === undefined) {
      const { name, type, acronyms, aliases: others, country } = entry;
      lower.push({ name, type, acronyms, aliases: others, ...(country !== undefined ? { country } : {}) });
      return;
    }
    const target = curated[match]!;
    target.acronyms = unique([...target.acronyms, ...entry.acronyms]);
    target.aliases = unique([...target.aliases, ...[entry.name, ...entry.aliases].filter((f) => f !== target.name)]);
    if (target.country === undefined && entry.country !== undefined) target.country = entry.country;
  });
  return buildAliasTable({ ...aliases, entities: curated }, lower);
}

/** Every organisation name and acronym of the reference data with its type and node id, sorted, one row per form and id. */
export function referenceOrganisationNames(
  reference: readonly ReferenceEntry[],
  aliases: Partial<AliasFile> = {},
): ReferenceName[] {
  const rows: ReferenceName[] = [];
  for (const node of referenceNodes(reference, aliases)) {
    for (const form of unique([node.name, ...node.aliases])) rows.push({ form, type: node.entry.type, id: node.id });
  }
  return rows.sort((a, b) => (a.form < b.form ? -1 : a.form > b.form ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The figures of `reference stats`: organisations, how many have a country and a source, and affiliations. */
export function referenceStats(reference: readonly ReferenceEntry[]): ReferenceStats {
  return {
    organisations: reference.length,
    withCountry: reference.filter((e) => e.country !== undefined).length,
    withSource: reference.filter((e) => e.source.length > 0).length,
    memberships: reference.reduce((n, e) => n + e.memberOf.length, 0),
  };
}

/** The alias table of resolution: the curated alias file above the reference data, both optional. */
import { existsSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../config/config.js";
import type { AliasFile } from "../domain/aliases.js";
import type { ReferenceData } from "../domain/reference.js";
import { readAliasFile } from "../ingest/read-aliases.js";
import { readReferenceData } from "../ingest/read-reference.js";
import type { AliasTable } from "../resolve/alias-table.js";
import { buildResolutionTable } from "../resolve/reference-table.js";

/** The alias file used when none is given (if it exists). */
export const DEFAULT_ALIASES_FILE = path.join(PROJECT_ROOT, "aliases", "aliases.yaml");

/** The reference data used when none is given (if it exists): a folder of YAML files. */
export const DEFAULT_REFERENCE_PATH = path.join(PROJECT_ROOT, "aliases", "reference");

/** Reads the curated alias file: the given one, else aliases/aliases.yaml when it exists, else none. */
export async function readCuratedAliases(aliasesPath?: string): Promise<AliasFile | undefined> {
  if (aliasesPath !== undefined) return readAliasFile(aliasesPath);
  if (existsSync(DEFAULT_ALIASES_FILE)) return readAliasFile(DEFAULT_ALIASES_FILE);
  return undefined;
}

/** Reads the reference data: the given file or folder, else aliases/reference/ when it exists; false: none. */
export async function readReference(referencePath?: string | false): Promise<ReferenceData | undefined> {
  if (referencePath === false) return undefined;
  if (referencePath !== undefined) return readReferenceData(referencePath);
  if (existsSync(DEFAULT_REFERENCE_PATH)) return readReferenceData(DEFAULT_REFERENCE_PATH);
  return undefined;
}

/**
 * Loads the alias table of resolution: the curated alias file (see readCuratedAliases) above the reference data
 * (see readReference), both optional.
 */
export async function loadAliasTable(aliasesPath?: string, referencePath?: string | false): Promise<AliasTable> {
  const [aliases, reference] = await Promise.all([readCuratedAliases(aliasesPath), readReference(referencePath)]);
  return buildResolutionTable(aliases ?? {}, reference?.entries ?? []);
}

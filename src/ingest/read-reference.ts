/** Reads and validates the reference data: one YAML file, or a folder of them (aliases/reference/). */
import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { InputError } from "../domain/errors.js";
import { referenceFileSchema, type ReferenceData, type ReferenceEntry } from "../domain/reference.js";

const FORMAT_HINT = "See the comment at the top of aliases/reference/internationals.yaml for the format.";

function fail(file: string, problem: string, suggestion: string = FORMAT_HINT): InputError {
  return new InputError(`Cannot read the reference file "${file}": ${problem}.`, { input: file, suggestion });
}

/** The name of an entry for messages: its key, else its position. */
function entryLabel(raw: unknown, index: number): string {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === "string" ? `organisation ${index + 1} (${id})` : `organisation ${index + 1}`;
}

/** Parses one reference file's text; a problem is an InputError naming the file, the entry and the field. */
export function parseReferenceFile(text: string, file: string): ReferenceEntry[] {
  let raw: unknown;
  try {
    raw = parseYaml(text) ?? {};
  } catch (cause) {
    throw fail(file, `not valid YAML (${(cause as Error).message.split("\n")[0]})`);
  }
  const parsed = referenceFileSchema.safeParse(raw);
  if (!parsed.success) {
    const list = (raw as { organisations?: unknown } | null)?.organisations;
    const issues = parsed.error.issues.map((issue) => {
      const [top, index, ...rest] = issue.path;
      if (top === "organisations" && typeof index === "number" && Array.isArray(list)) {
        return `${entryLabel(list[index], index)}: ${rest.join(".") || "entry"}: ${issue.message}`;
      }
      return `${issue.path.join(".") || "file"}: ${issue.message}`;
    });
    throw fail(file, issues.join("; "));
  }
  return parsed.data.organisations;
}

/**
 * Checks what no single entry can: unique keys and names across every file, affiliations to keys that exist,
 * no organisation affiliated to itself. `fileOf` names the file each entry came from.
 */
export function checkReferenceEntries(entries: readonly ReferenceEntry[], fileOf: (i: number) => string): void {
  const byKey = new Map<string, number>();
  const byName = new Map<string, number>();
  entries.forEach((entry, i) => {
    const seen = byKey.get(entry.id);
    if (seen !== undefined) {
      throw fail(
        fileOf(i),
        `organisation ${entry.id}: the key is also used in "${fileOf(seen)}" for "${entries[seen]!.name}"`,
        "Give each organisation its own key.",
      );
    }
    byKey.set(entry.id, i);
    const name = entry.name.toLowerCase();
    const sameName = byName.get(name);
    if (sameName !== undefined) {
      throw fail(
        fileOf(i),
        `organisation ${entry.id}: the name "${entry.name}" is also the name of ${entries[sameName]!.id} in "${fileOf(sameName)}"`,
        "Names are node names: keep one entry, or qualify the name (e.g. with the country).",
      );
    }
    byName.set(name, i);
  });
  entries.forEach((entry, i) => {
    for (const affiliation of entry.memberOf) {
      if (affiliation.id === entry.id)
        throw fail(fileOf(i), `organisation ${entry.id}: memberOf names the organisation itself`);
      if (!byKey.has(affiliation.id)) {
        throw fail(
          fileOf(i),
          `organisation ${entry.id}: memberOf names "${affiliation.id}", which no reference file defines`,
          "Add an entry with that key, or fix the key.",
        );
      }
    }
  });
}

/** The YAML files of a reference path: the file itself, or the folder's *.yaml / *.yml files in name order. */
async function referenceFiles(refPath: string): Promise<string[]> {
  let info;
  try {
    info = await stat(refPath);
  } catch (cause) {
    throw new InputError(
      `Cannot read the reference data "${refPath}": ${(cause as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or folder" : (cause as Error).message}.`,
      {
        input: refPath,
        suggestion: "Check the --file path, or leave it out to use aliases/reference/.",
        cause,
      },
    );
  }
  if (!info.isDirectory()) return [refPath];
  const names = (await readdir(refPath)).filter((n) => /\.ya?ml$/i.test(n)).sort();
  return names.map((n) => path.join(refPath, n));
}

/** Reads every reference file at `refPath` (a file or a folder), validates them together and versions them. */
export async function readReferenceData(refPath: string): Promise<ReferenceData> {
  const files = await referenceFiles(refPath);
  const hash = createHash("sha256");
  const entries: ReferenceEntry[] = [];
  const fileIndex: number[] = [];
  for (const [i, file] of files.entries()) {
    const text = await readFile(file, "utf8");
    hash.update(`${path.basename(file)}\n${text}\n`);
    for (const entry of parseReferenceFile(text, file)) {
      entries.push(entry);
      fileIndex.push(i);
    }
  }
  checkReferenceEntries(entries, (i) => files[fileIndex[i]!]!);
  return { entries, files, version: hash.digest("hex").slice(0, 12) };
}

/** Reads and validates the curated alias file (YAML). */
import { readFile } from "node:fs/promises";
import { parse as parseYaml } from "yaml";
import { aliasFileSchema, type AliasFile } from "../domain/aliases.js";
import { InputError } from "../domain/errors.js";

/** Parses alias-file text; an invalid file is an InputError naming `path` and each problem. */
export function parseAliasFile(text: string, path: string): AliasFile {
  let raw: unknown;
  try {
    raw = parseYaml(text) ?? {};
  } catch (cause) {
    throw new InputError(
      `Cannot read the alias file "${path}": not valid YAML (${(cause as Error).message.split("\n")[0]}).`,
      {
        input: path,
        suggestion: "Fix the YAML syntax; see the comment at the top of aliases/aliases.yaml for the format.",
        cause,
      },
    );
  }
  const parsed = aliasFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "file"}: ${i.message}`).join("; ");
    throw new InputError(`Cannot read the alias file "${path}": ${issues}.`, {
      input: path,
      suggestion:
        "Each entry needs name and type (Person, Union, Confederation, Organization, Country); distinct holds pairs of names.",
      cause: parsed.error,
    });
  }
  return parsed.data;
}

/** Reads the alias file at `path`. */
export async function readAliasFile(path: string): Promise<AliasFile> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (cause) {
    throw new InputError(
      `Cannot read the alias file "${path}": ${(cause as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (cause as Error).message}.`,
      {
        input: path,
        suggestion: "Check the --aliases path, or leave it out to use aliases/aliases.yaml.",
        cause,
      },
    );
  }
  return parseAliasFile(text, path);
}

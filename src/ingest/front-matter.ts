/** YAML front matter (`---` block at the top of a file) with the document metadata keys. */
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { InputError } from "../domain/errors.js";

/** The metadata keys a front matter block may set. */
export const frontMatterSchema = z
  .object({
    title: z.string().trim().min(1).optional(),
    date: z
      .union([z.string(), z.date(), z.number()])
      .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)))
      .pipe(z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "expected YYYY, YYYY-MM or YYYY-MM-DD"))
      .optional(),
    url: z.string().optional(),
    source: z.string().optional(),
    language: z.string().optional(),
  })
  .passthrough();
/** Parsed front matter. */
export type FrontMatter = z.infer<typeof frontMatterSchema>;

/** The front matter and the body that follows it. */
export interface SplitFrontMatter {
  frontMatter: FrontMatter;
  body: string;
  /** characters removed from the start of the text */
  bodyOffset: number;
}

const OPEN = /^---[ \t]*\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;

const FLAT_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
// plain scalars YAML 1.2 (core schema) would read as something other than a string, or that need the full parser
const NOT_FLAT_PLAIN = /^(?:[-?:,[\]{}#&*!|>'"%@`]|[+.]?\d|~$|(?:null|true|false)$|\.(?:inf|nan)$)/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads the common case of front matter, `key: value` lines with plain or double-quoted string values, without the
 * YAML parser (it dominates the cost of reading a short article). Anything else returns undefined and goes to it.
 */
function parseFlatYaml(yamlText: string): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const line of yamlText.split("\n")) {
    if (line.trim() === "") continue;
    const colon = line.indexOf(": ");
    if (colon <= 0) return undefined;
    const key = line.slice(0, colon);
    if (!FLAT_KEY.test(key) || Object.hasOwn(out, key)) return undefined;
    const value = line.slice(colon + 2).trim();
    if (value === "") return undefined;
    if (value.startsWith('"')) {
      if (value.length < 2 || !value.endsWith('"')) return undefined;
      try {
        const parsed: unknown = JSON.parse(value);
        if (typeof parsed !== "string") return undefined;
        out[key] = parsed;
      } catch {
        return undefined;
      }
      continue;
    }
    if (ISO_DATE.test(value)) {
      out[key] = value;
      continue;
    }
    if (
      NOT_FLAT_PLAIN.test(value) ||
      value.includes(": ") ||
      value.includes(" #") ||
      value.endsWith(":") ||
      value.includes("\t")
    )
      return undefined;
    out[key] = value;
  }
  return out;
}

/** Splits a leading `---` YAML block off `text`; a malformed block is an InputError naming `path`. */
export function splitFrontMatter(text: string, path: string): SplitFrontMatter {
  if (!OPEN.test(text)) return { frontMatter: {}, body: text, bodyOffset: 0 };
  const afterOpen = text.indexOf("\n") + 1;
  const rest = text.slice(afterOpen);
  const close = CLOSE.exec(rest);
  if (close === null) {
    throw new InputError(`Cannot import "${path}": the front matter starting with "---" on line 1 is never closed.`, {
      input: path,
      suggestion: 'End the front matter with a line holding only "---", or remove the first line.',
    });
  }
  const yamlText = rest.slice(0, close.index);
  let end = afterOpen + close.index + close[0].length;
  if (text[end] === "\n") end += 1;
  let raw: unknown;
  try {
    raw = yamlText.trim() === "" ? {} : (parseFlatYaml(yamlText) ?? parseYaml(yamlText));
  } catch (cause) {
    throw new InputError(
      `Cannot import "${path}": the front matter is not valid YAML (${(cause as Error).message.split("\n")[0]}).`,
      {
        input: path,
        suggestion: "Fix the YAML between the two --- lines (keys: title, date, url, source, language).",
        cause,
      },
    );
  }
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw new InputError(`Cannot import "${path}": the front matter must be a mapping of keys to values.`, {
      input: path,
      suggestion: "Write it as `key: value` lines (title, date, url, source, language).",
    });
  }
  const parsed = frontMatterSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "value"}: ${i.message}`).join("; ");
    throw new InputError(`Cannot import "${path}": bad front matter (${issues}).`, {
      input: path,
      suggestion: "Dates are YYYY, YYYY-MM or YYYY-MM-DD; title, url, source and language are strings.",
      cause: parsed.error,
    });
  }
  return { frontMatter: parsed.data, body: text.slice(end), bodyOffset: end };
}

/** Byte-level checks a file must pass before it is read as text: not empty, not binary, not huge, valid UTF-8. */
import { InputError } from "../domain/errors.js";

/** Default largest accepted file, in bytes (10 MiB). */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/** Options of the byte checks. */
export interface ByteCheckOptions {
  /** largest accepted size in bytes */
  maxBytes?: number;
}

// A text file has almost no C0 control characters besides tab, newline, carriage return and form feed.
const MAX_CONTROL_SHARE = 0.02;
const SAMPLE_BYTES = 64 * 1024;

function isAllowedControl(byte: number): boolean {
  return byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x0c;
}

/** Finds the offset of the first byte that breaks UTF-8, or -1 (needed because TextDecoder does not report it). */
export function findInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= n) return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Checks the raw bytes of `path` and returns them decoded as text; throws an InputError naming the path. */
export function decodeCheckedBytes(bytes: Uint8Array, path: string, options: ByteCheckOptions = {}): string {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) {
    throw new InputError(
      `Cannot import "${path}": the file is ${bytes.length} bytes, more than the limit of ${maxBytes} bytes.`,
      { input: path, suggestion: "Split the document into smaller files, or raise the size limit." },
    );
  }
  let controls = 0;
  const sample = Math.min(bytes.length, SAMPLE_BYTES);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0) {
      throw new InputError(
        `Cannot import "${path}": it contains a NUL byte at byte ${i}, so it looks like a binary file.`,
        {
          input: path,
          suggestion: "Import only .txt, .md or .html text files in UTF-8.",
        },
      );
    }
    if (i < sample && b < 0x20 && !isAllowedControl(b)) controls += 1;
  }
  if (sample > 0 && controls / sample > MAX_CONTROL_SHARE) {
    throw new InputError(
      `Cannot import "${path}": ${controls} control characters in its first ${sample} bytes, so it looks like a binary file.`,
      {
        input: path,
        suggestion: "Import only .txt, .md or .html text files in UTF-8.",
      },
    );
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (cause) {
    const offset = findInvalidUtf8Offset(bytes);
    const isUtf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    throw new InputError(
      `Cannot import "${path}": not valid UTF-8 at byte ${offset < 0 ? "?" : offset}${isUtf16 ? " (it starts with a UTF-16 byte order mark)" : ""}.`,
      {
        input: path,
        suggestion: "Convert it to UTF-8 (for example with iconv) and re-run.",
        cause,
      },
    );
  }
  // TextDecoder strips one BOM itself (ignoreBOM: false); strip any stray one left and normalise line ends.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?/g, "\n");
  if (text.trim().length === 0) {
    throw new InputError(`Cannot import "${path}": the file is empty or holds only whitespace.`, {
      input: path,
      suggestion: "Check that the file was saved completely, or remove it from the import.",
    });
  }
  return text;
}

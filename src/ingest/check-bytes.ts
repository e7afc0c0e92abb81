/**
 * Byte-level checks a file must pass before it is read as text: not empty, not a binary format, not huge, valid
 * UTF-8, or UTF-16/UTF-32 with a byte order mark (decoded as such).
 */
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

const PDF_FORMAT = "a PDF document";

/** Binary formats recognised by their first bytes (magic numbers): never read as text, whatever the file's name. */
const BINARY_SIGNATURES: readonly { name: string; bytes: readonly number[]; at?: number }[] = [
  { name: PDF_FORMAT, bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { name: "a ZIP archive (.docx, .xlsx, .odt, .epub…)", bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: "a PNG image", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: "a JPEG image", bytes: [0xff, 0xd8, 0xff] },
  { name: "a GIF image", bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: "a WebP image", bytes: [0x57, 0x45, 0x42, 0x50], at: 8 },
  { name: "a TIFF image", bytes: [0x49, 0x49, 0x2a, 0x00] },
  { name: "a TIFF image", bytes: [0x4d, 0x4d, 0x00, 0x2a] },
  { name: "an old Word/Excel document (OLE2)", bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { name: "a gzip archive", bytes: [0x1f, 0x8b] },
  { name: "an RTF document", bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66] }, // {\rtf
];

/** The binary format the bytes start with, if they start like one. */
export function sniffBinaryFormat(bytes: Uint8Array): string | undefined {
  return BINARY_SIGNATURES.find((sig) => sig.bytes.every((b, i) => bytes[(sig.at ?? 0) + i] === b))?.name;
}

/** Text encodings announced by a byte order mark, longest mark first (UTF-32LE starts like UTF-16LE). */
const BYTE_ORDER_MARKS: readonly { encoding: "utf-32le" | "utf-32be" | "utf-16le" | "utf-16be"; bom: number[] }[] = [
  { encoding: "utf-32le", bom: [0xff, 0xfe, 0x00, 0x00] },
  { encoding: "utf-32be", bom: [0x00, 0x00, 0xfe, 0xff] },
  { encoding: "utf-16le", bom: [0xff, 0xfe] },
  { encoding: "utf-16be", bom: [0xfe, 0xff] },
];

/** The encoding a byte order mark announces (UTF-8's own mark is left to the UTF-8 decoder). */
export function encodingOfBom(bytes: Uint8Array): (typeof BYTE_ORDER_MARKS)[number]["encoding"] | undefined {
  return BYTE_ORDER_MARKS.find((m) => m.bom.every((b, i) => bytes[i] === b))?.encoding;
}

/** Decodes UTF-32 (TextDecoder has no UTF-32); throws with the byte offset of the first invalid code point. */
function decodeUtf32(bytes: Uint8Array, isLittleEndian: boolean): string {
  if (bytes.length % 4 !== 0) throw new RangeError(`its length (${bytes.length} bytes) is not a multiple of 4`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  let chunk: number[] = [];
  for (let offset = 4; offset < bytes.length; offset += 4) {
    const cp = view.getUint32(offset, isLittleEndian);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) throw new RangeError(`invalid code point at byte ${offset}`);
    chunk.push(cp);
    if (chunk.length === 8192) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  parts.push(String.fromCodePoint(...chunk));
  return parts.join("");
}

function refuseBinary(path: string, why: string): never {
  throw new InputError(`Cannot import "${path}": ${why}, so it looks like a binary file.`, {
    input: path,
    suggestion:
      "Import only .txt, .md or .html text files (UTF-8, or UTF-16/UTF-32 with a byte order mark) or .pdf files.",
  });
}

/** Checks text decoded from UTF-16/UTF-32: no NUL character, few control characters. */
function checkDecodedText(text: string, path: string): void {
  const nul = text.indexOf("\u0000");
  if (nul >= 0) refuseBinary(path, `it contains a NUL character at character ${nul}`);
  const sample = Math.min(text.length, SAMPLE_BYTES);
  let controls = 0;
  for (let i = 0; i < sample; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && !isAllowedControl(c)) controls += 1;
  }
  if (sample > 0 && controls / sample > MAX_CONTROL_SHARE)
    refuseBinary(path, `${controls} control characters in its first ${sample} characters`);
}

/** Decodes a file with a UTF-16 or UTF-32 byte order mark; throws an InputError naming the path when it is not. */
function decodeWithBom(bytes: Uint8Array, path: string, encoding: NonNullable<ReturnType<typeof encodingOfBom>>) {
  let text: string;
  try {
    text =
      encoding === "utf-32le" || encoding === "utf-32be"
        ? decodeUtf32(bytes, encoding === "utf-32le")
        : new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (cause) {
    throw new InputError(
      `Cannot import "${path}": it starts with a ${encoding.toUpperCase()} byte order mark but is not valid ${encoding.toUpperCase()} (${cause instanceof Error ? cause.message : String(cause)}).`,
      { input: path, suggestion: "Convert it to UTF-8 (for example with iconv) and re-run.", cause },
    );
  }
  checkDecodedText(text, path);
  return text;
}

/** Checks UTF-8 (or BOM-less) bytes: no NUL byte, few control characters, valid UTF-8. */
function decodeUtf8(bytes: Uint8Array, path: string): string {
  let controls = 0;
  const sample = Math.min(bytes.length, SAMPLE_BYTES);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0) refuseBinary(path, `it contains a NUL byte at byte ${i}`);
    if (i < sample && b < 0x20 && !isAllowedControl(b)) controls += 1;
  }
  if (sample > 0 && controls / sample > MAX_CONTROL_SHARE)
    refuseBinary(path, `${controls} control characters in its first ${sample} bytes`);
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (cause) {
    const offset = findInvalidUtf8Offset(bytes);
    throw new InputError(`Cannot import "${path}": not valid UTF-8 at byte ${offset < 0 ? "?" : offset}.`, {
      input: path,
      suggestion: "Convert it to UTF-8 (for example with iconv) and re-run.",
      cause,
    });
  }
}

/** The error for a file larger than the size limit. */
export function tooLargeError(path: string, size: number, maxBytes: number): InputError {
  return new InputError(
    `Cannot import "${path}": the file is ${size} bytes, more than the limit of ${maxBytes} bytes.`,
    {
      input: path,
      suggestion: "Split the document into smaller files, or raise the size limit.",
    },
  );
}

/** Refuses a file larger than the size limit (every format, before it is read any further). */
export function checkSize(bytes: Uint8Array, path: string, options: ByteCheckOptions = {}): void {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) throw tooLargeError(path, bytes.length, maxBytes);
}

/** The error for a file with nothing in it. */
export function emptyFileError(path: string): InputError {
  return new InputError(`Cannot import "${path}": the file is empty or holds only whitespace.`, {
    input: path,
    suggestion: "Check that the file was saved completely, or remove it from the import.",
  });
}

/** Checks the raw bytes of `path` and returns them decoded as text; throws an InputError naming the path. */
export function decodeCheckedBytes(bytes: Uint8Array, path: string, options: ByteCheckOptions = {}): string {
  checkSize(bytes, path, options);
  const format = sniffBinaryFormat(bytes);
  if (format !== undefined) {
    throw new InputError(`Cannot import "${path}": it is ${format}, not a text document.`, {
      input: path,
      suggestion:
        format === PDF_FORMAT
          ? "Give it the extension .pdf to import its text layer."
          : "Save it as .txt, .md or .html text (UTF-8) and import that file.",
    });
  }
  const encoding = encodingOfBom(bytes);
  let text = encoding !== undefined ? decodeWithBom(bytes, path, encoding) : decodeUtf8(bytes, path);
  // TextDecoder strips one BOM itself (ignoreBOM: false); strip any stray one left and normalise line ends.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?/g, "\n");
  if (text.trim().length === 0) throw emptyFileError(path);
  return text;
}

/**
 * PDF: the text layer, read with Mozilla's pdf.js (through unpdf's build of it, which needs no worker, no canvas and
 * no native code), laid out as paragraphs. A PDF with no text in it (a scan) is refused by name, never imported
 * empty; so are a password-protected or damaged file and a text layer larger than the size limit.
 */
import { InputError } from "../../domain/errors.js";
import type { BinaryLoader, BinaryLoadOptions, LoadedMeta, LoadedText } from "./loader.js";
import { layoutPdfText, type PdfTextRun } from "./pdf-layout.js";

/** The part of a pdf.js text item the layout reads. */
interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  hasEOL: boolean;
}

function runOf(item: PdfTextItem): PdfTextRun {
  const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform;
  return {
    text: item.str,
    x,
    y,
    width: item.width,
    fontSize: Math.hypot(c, d) || Math.hypot(a, b),
    hasEOL: item.hasEOL,
  };
}

const MAX_TITLE_CHARS = 160;
// what PDF producers write as a title when the document has none: a URL, a file name, "Microsoft Word - x.docx"
const NOT_A_TITLE =
  /^(?:about:|[a-z]+:\/\/|microsoft (?:word|powerpoint) - |untitled\b)|\.(?:docx?|odt|rtf|pdf|txt|html?|indd)$/i;

/** The title of the information dictionary, when it is one a person wrote. */
function titleOf(info: Record<string, unknown>): string | undefined {
  const title = typeof info.Title === "string" ? info.Title.replace(/\s+/g, " ").trim() : "";
  return title === "" || title.length > MAX_TITLE_CHARS || NOT_A_TITLE.test(title) ? undefined : title;
}

function cannotImport(path: string, why: string, suggestion: string, cause?: unknown): InputError {
  return new InputError(`Cannot import "${path}": ${why}.`, {
    input: path,
    suggestion,
    ...(cause !== undefined ? { cause } : {}),
  });
}

/** The error for a file pdf.js cannot open: a password, or a damaged or truncated file. */
function openError(path: string, cause: unknown): InputError {
  const name = cause instanceof Error ? cause.name : "";
  const detail = cause instanceof Error ? cause.message : String(cause);
  if (name === "PasswordException") {
    return cannotImport(
      path,
      "the PDF is protected by a password",
      "Remove the password (for example `qpdf --decrypt --password=… in.pdf out.pdf`) and import the copy.",
      cause,
    );
  }
  return cannotImport(
    path,
    `it is not a readable PDF (${detail})`,
    "Check that the file was saved or downloaded completely: open it in a PDF viewer, save a new copy and import that.",
    cause,
  );
}

/** Reads the text layer of a PDF; throws an InputError naming `path` when there is no text to import. */
export async function pdfToText(bytes: Uint8Array, path: string, options: BinaryLoadOptions): Promise<LoadedText> {
  // loaded on first use: pdf.js is large, and most runs never see a PDF
  const { getDocumentProxy } = await import("unpdf");
  // pdf.js may take over the buffer it is given: it gets a copy
  const pdf = await getDocumentProxy(new Uint8Array(bytes), {
    isEvalSupported: false,
    stopAtErrors: false,
    verbosity: 0,
  }).catch((cause: unknown) => {
    throw openError(path, cause);
  });
  try {
    const pages: PdfTextRun[][] = [];
    let chars = 0;
    let language: string | undefined;
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      language ??= content.lang ?? undefined;
      // marked-content entries carry no text
      const runs = content.items.flatMap((item) => ("str" in item ? [runOf(item)] : []));
      chars += runs.reduce((sum, r) => sum + r.text.length, 0);
      if (chars > options.maxChars) {
        throw cannotImport(
          path,
          `its text is longer than the limit of ${options.maxChars} characters (reached on page ${n} of ${pdf.numPages})`,
          "Split the PDF into smaller files (for example with `qpdf --split-pages`), or raise the size limit.",
        );
      }
      pages.push(runs);
      page.cleanup();
    }
    const text = layoutPdfText(pages);
    if (!/\p{L}/u.test(text)) {
      throw cannotImport(
        path,
        `the PDF has no text layer (${pdf.numPages} ${pdf.numPages === 1 ? "page" : "pages"} of images only): it looks like a scan`,
        "Run OCR on it (for example `ocrmypdf in.pdf out.pdf`) and import the result, or import its text as a .txt file.",
      );
    }
    const { info } = (await pdf.getMetadata().catch(() => ({ info: {} }))) as { info: Record<string, unknown> };
    const title = titleOf(info);
    const meta: LoadedMeta = {};
    if (typeof info.Language === "string" && info.Language !== "") language = info.Language;
    if (language !== undefined && language !== "") meta.language = language;
    return { text, ...(title !== undefined ? { title } : {}), meta };
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw openError(path, error);
  } finally {
    await pdf.destroy();
  }
}

/** The PDF loader. */
export const pdfLoader: BinaryLoader = {
  kind: "binary",
  name: "pdf",
  test: (path) => /\.pdf$/i.test(path),
  load: pdfToText,
};

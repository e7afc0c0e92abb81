/**
 * Small PDF files written byte by byte for the PDF loader's unit tests: lines of Helvetica text at chosen places,
 * pages with only a drawing (what a scan looks like to a text extractor), an /Encrypt dictionary (a password), a
 * compressed content stream (a small file with a large text layer). Real PDFs for the integration tests are printed
 * by Chromium (print-pdf.ts).
 */
import { deflateSync } from "node:zlib";

/** A line of text on a page, in points from the bottom left corner (A4 is 595 × 842). */
export interface PdfLine {
  text: string;
  x?: number;
  y: number;
  size?: number;
}

/** A page: lines of text, or only a drawn rectangle. */
export type PdfPage = { lines: PdfLine[] } | { drawingOnly: true };

/** What goes into the file. */
export interface MinimalPdf {
  pages: PdfPage[];
  title?: string;
  /** an /Encrypt dictionary whose empty user password does not match: a reader must ask for the password */
  isEncrypted?: boolean;
  /** deflate the content streams */
  isCompressed?: boolean;
}

function pdfString(text: string): string {
  return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

function contentOf(page: PdfPage): string {
  if ("drawingOnly" in page) return "0.2 g 72 500 300 200 re f\n";
  return page.lines
    .map((l) => `BT /F1 ${l.size ?? 12} Tf ${l.x ?? 72} ${l.y} Td ${pdfString(l.text)} Tj ET`)
    .join("\n");
}

/** The bytes of a PDF with the given pages (Latin-1 text only: the font is the standard Helvetica). */
export function minimalPdf(spec: MinimalPdf): Uint8Array {
  const objects: (string | Buffer)[] = [];
  const add = (body: string | Buffer) => objects.push(body) && objects.length;
  const catalog = add("");
  const pagesRef = add("");
  const font = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  const pageRefs = spec.pages.map((page) => {
    const raw = Buffer.from(contentOf(page), "latin1");
    const data = spec.isCompressed ? deflateSync(raw) : raw;
    const filter = spec.isCompressed ? " /Filter /FlateDecode" : "";
    const stream = add(
      Buffer.concat([Buffer.from(`<< /Length ${data.length}${filter} >>\nstream\n`), data, Buffer.from("\nendstream")]),
    );
    return add(
      `<< /Type /Page /Parent ${pagesRef} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R >>`,
    );
  });
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesRef} 0 R >>`;
  objects[pagesRef - 1] =
    `<< /Type /Pages /Kids [${pageRefs.map((r) => `${r} 0 R`).join(" ")}] /Count ${pageRefs.length} >>`;
  const info = spec.title !== undefined ? add(`<< /Title ${pdfString(spec.title)} >>`) : undefined;
  const hex32 = "<" + "a5".repeat(32) + ">";
  const encrypt = spec.isEncrypted
    ? add(`<< /Filter /Standard /V 1 /R 2 /O ${hex32} /U ${hex32} /P -44 >>`)
    : undefined;

  const chunks: Buffer[] = [Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  let offset = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const chunk = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`),
      typeof body === "string" ? Buffer.from(body, "latin1") : body,
      Buffer.from("\nendobj\n"),
    ]);
    chunks.push(chunk);
    offset += chunk.length;
  });
  const xref = [
    "xref",
    `0 ${objects.length + 1}`,
    "0000000000 65535 f ",
    ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n `),
  ].join("\n");
  const id = "<" + "0123456789abcdef".repeat(2) + ">";
  const trailer = [
    `/Size ${objects.length + 1}`,
    `/Root ${catalog} 0 R`,
    info !== undefined ? `/Info ${info} 0 R` : "",
    encrypt !== undefined ? `/Encrypt ${encrypt} 0 R` : "",
    `/ID [${id} ${id}]`,
  ].join(" ");
  chunks.push(Buffer.from(`${xref}\ntrailer\n<< ${trailer} >>\nstartxref\n${offset}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(chunks));
}

/** Lines of a paragraph set from `top` down, one every `leading` points. */
export function paragraphLines(lines: string[], top: number, leading = 14, size = 12): PdfLine[] {
  return lines.map((text, i) => ({ text, y: top - i * leading, size }));
}

import { describe, expect, it } from "vitest";
import { minimalPdf, paragraphLines } from "../../../test/helpers/minimal-pdf.js";
import { InputError } from "../../domain/errors.js";
import { loadDocument, loadDocumentFromBytes } from "../load-document.js";

async function loadError(bytes: Uint8Array, path: string, maxBytes?: number): Promise<InputError> {
  const error = await loadDocument(bytes, path, maxBytes === undefined ? {} : { maxBytes }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

const ARTICLE = minimalPdf({
  title: "Federation chairman meets leaders in Brussels",
  pages: [
    {
      lines: [
        { text: "Federation chairman meets leaders", y: 780, size: 18 },
        ...paragraphLines(
          [
            "Chairman of the Federation of Trade Unions of Ruritania (FTUR) Ivan Petrov met with General",
            "Secretary of the International Trade Union Confederation Marta Lindqvist in Brussels.",
          ],
          740,
        ),
        ...paragraphLines(["The Federation of Trade Unions of Ruritania is a member of the ITUC."], 700),
        { text: "1", y: 40 },
      ],
    },
  ],
});

describe("the PDF loader", () => {
  it("reads the text layer as paragraphs, joins wrapped lines, drops the page number and takes the title", async () => {
    const doc = await loadDocument(ARTICLE, "reports/brussels.pdf");
    expect(doc.title).toBe("Federation chairman meets leaders in Brussels");
    expect(doc.text).toBe(
      [
        "Federation chairman meets leaders",
        "Chairman of the Federation of Trade Unions of Ruritania (FTUR) Ivan Petrov met with General Secretary of the International Trade Union Confederation Marta Lindqvist in Brussels.",
        "The Federation of Trade Unions of Ruritania is a member of the ITUC.",
      ].join("\n\n"),
    );
    expect(doc.sentences.map((s) => s.text)).toContain(
      "The Federation of Trade Unions of Ruritania is a member of the ITUC.",
    );
    for (const s of doc.sentences) expect(doc.text.slice(s.start, s.end)).toBe(s.text);
  });

  it("takes the id from the file's bytes and leaves the caller's buffer usable", async () => {
    const bytes = ARTICLE.slice();
    const first = await loadDocument(bytes, "a.pdf");
    expect(bytes.byteLength).toBe(ARTICLE.byteLength);
    expect((await loadDocument(bytes, "b.pdf")).id).toBe(first.id);
  });

  it("keeps a paragraph whole across a page break", async () => {
    const pdf = minimalPdf({
      pages: [
        { lines: paragraphLines(["Ivan Petrov, Chairman of the Federation of Trade Unions of Ruritania, met"], 780) },
        { lines: paragraphLines(["with Marta Lindqvist in Brussels on 12 March 2024."], 780) },
      ],
    });
    expect((await loadDocument(pdf, "a.pdf")).text).toBe(
      "Ivan Petrov, Chairman of the Federation of Trade Unions of Ruritania, met with Marta Lindqvist in Brussels on 12 March 2024.",
    );
  });

  it("guesses the title from the text when the PDF's title is a file name", async () => {
    const pdf = minimalPdf({
      title: "Microsoft Word - statement_final.docx",
      pages: [{ lines: [...paragraphLines(["Joint statement"], 780), ...paragraphLines(["The unions agreed."], 740)] }],
    });
    expect((await loadDocument(pdf, "a.pdf")).title).toBe("Joint statement");
  });

  it("refuses a PDF without a text layer by name, as a scan, instead of importing it empty", async () => {
    const scan = minimalPdf({ pages: [{ drawingOnly: true }, { drawingOnly: true }] });
    const error = await loadError(scan, "inbox/scan-0412.pdf");
    expect(error.message).toBe(
      'Cannot import "inbox/scan-0412.pdf": the PDF has no text layer (2 pages of images only): it looks like a scan.',
    );
    expect(error.input).toBe("inbox/scan-0412.pdf");
    expect(error.suggestion).toMatch(/OCR/);
  });

  it("refuses a PDF whose only text is page numbers as a scan", async () => {
    const pdf = minimalPdf({ pages: [{ lines: [{ text: "1", y: 40 }] }, { lines: [{ text: "2", y: 40 }] }] });
    expect((await loadError(pdf, "numbers.pdf")).message).toMatch(/"numbers\.pdf": the PDF has no text layer/);
  });

  it("refuses a password-protected PDF, naming the file and how to remove the password", async () => {
    const pdf = minimalPdf({ isEncrypted: true, pages: [{ lines: paragraphLines(["Secret."], 780) }] });
    const error = await loadError(pdf, "locked.pdf");
    expect(error.message).toBe('Cannot import "locked.pdf": the PDF is protected by a password.');
    expect(error.suggestion).toMatch(/qpdf --decrypt/);
  });

  it("refuses a damaged PDF and an empty one, naming each", async () => {
    const damaged = new TextEncoder().encode("%PDF-1.7\nthis is not a PDF body at all\n%%EOF\n");
    const error = await loadError(damaged, "damaged.pdf");
    expect(error.message).toMatch(/^Cannot import "damaged\.pdf": it is not a readable PDF \(.+\)\.$/);
    expect(error.suggestion).toMatch(/saved or downloaded completely/);
    const truncated = ARTICLE.slice(0, 200);
    expect((await loadError(truncated, "truncated.pdf")).message).toMatch(/^Cannot import "truncated\.pdf": /);
    expect((await loadError(new Uint8Array(0), "empty.pdf")).message).toBe(
      'Cannot import "empty.pdf": the file is empty or holds only whitespace.',
    );
  });

  it("keeps to the size limit: a file above it, and a small file whose text layer is above it", async () => {
    expect((await loadError(ARTICLE, "big.pdf", 100)).message).toBe(
      `Cannot import "big.pdf": the file is ${ARTICLE.length} bytes, more than the limit of 100 bytes.`,
    );
    const line = "The Federation of Trade Unions of Ruritania met the Confederation of Labour.";
    const bomb = minimalPdf({
      isCompressed: true,
      pages: Array.from({ length: 40 }, () => ({ lines: paragraphLines(Array(50).fill(line), 800, 15) })),
    });
    expect(bomb.length).toBeLessThan(30_000);
    const error = await loadError(bomb, "bomb.pdf", 30_000);
    expect(error.message).toMatch(
      /^Cannot import "bomb\.pdf": its text is longer than the limit of 30000 characters \(reached on page \d+ of 40\)\.$/,
    );
  });

  it("is read only by the asynchronous loader; a PDF named .txt is refused as binary with a hint", async () => {
    expect(() => loadDocumentFromBytes(ARTICLE, "a.pdf")).toThrow(/use loadDocument/);
    const error = await loadError(ARTICLE, "report.txt");
    expect(error.message).toBe('Cannot import "report.txt": it is a PDF document, not a text document.');
    expect(error.suggestion).toMatch(/\.pdf/);
  });
});

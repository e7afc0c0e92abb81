import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { InputError } from "../domain/errors.js";
import { loadDocumentFromBytes } from "./load-document.js";

const bytes = (text: string) => new TextEncoder().encode(text);

function loadError(data: Uint8Array, path = "news/item.txt", maxBytes?: number): InputError {
  try {
    loadDocumentFromBytes(data, path, maxBytes === undefined ? {} : { maxBytes });
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error("expected an InputError");
}

describe("loadDocumentFromBytes: byte checks", () => {
  it("rejects an empty file and a whitespace-only file, naming the path", () => {
    expect(loadError(new Uint8Array(0)).message).toMatch(/"news\/item\.txt".*empty/);
    expect(loadError(bytes(" \n\t\r\n ")).message).toMatch(/empty or holds only whitespace/);
  });

  it("rejects a file with a NUL byte as binary and says where", () => {
    const error = loadError(new Uint8Array([72, 105, 0, 33]));
    expect(error.message).toMatch(/NUL byte at byte 2/);
    expect(error.suggestion).toMatch(/text files/);
  });

  it("rejects a file full of control characters as binary", () => {
    const data = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    expect(loadError(data).message).toMatch(/control characters/);
  });

  it("rejects a file over the size limit", () => {
    expect(loadError(bytes("a".repeat(101)), "big.txt", 100).message).toMatch(
      /"big\.txt".*101 bytes, more than the limit of 100/,
    );
  });

  it("rejects invalid UTF-8 and names the byte offset", () => {
    const data = new Uint8Array([...bytes("Hello wor"), 0xff, ...bytes("ld")]);
    const error = loadError(data, "latin1.txt");
    expect(error.message).toBe('Cannot import "latin1.txt": not valid UTF-8 at byte 9.');
    expect(error.suggestion).toMatch(/Convert it to UTF-8/);
  });

  it("strips a UTF-8 byte order mark and normalises CRLF line ends", () => {
    const doc = loadDocumentFromBytes(
      new Uint8Array([0xef, 0xbb, 0xbf, ...bytes("First line.\r\nSecond line.\r\n")]),
      "bom.txt",
    );
    expect(doc.text.startsWith("First")).toBe(true);
    expect(doc.text).not.toContain("\r");
  });
});

describe("loadDocumentFromBytes: metadata", () => {
  it("uses the sha256 of the raw bytes, hex, first 16 characters, as the id", () => {
    const data = bytes("The ITUC met today.");
    expect(loadDocumentFromBytes(data, "a.txt").id).toBe(createHash("sha256").update(data).digest("hex").slice(0, 16));
  });

  it("reads quoted titles, URLs and numeric dates in front matter as the YAML parser does", () => {
    const doc = loadDocumentFromBytes(
      bytes(
        '---\ntitle: "Unions: \\u00e9 \\"met\\""\ndate: 2024\nurl: https://example.org/a?b=c\n---\nBody text here.',
      ),
      "a.txt",
    );
    expect(doc.title).toBe('Unions: é "met"');
    expect(doc.date).toBe("2024");
    expect(doc.url).toBe("https://example.org/a?b=c");
    const commented = loadDocumentFromBytes(
      bytes("---\ntitle: Unions meet # a comment\n---\nBody text here."),
      "b.txt",
    );
    expect(commented.title).toBe("Unions meet");
  });

  it("reads title, date, url, source and language from YAML front matter", () => {
    const doc = loadDocumentFromBytes(
      bytes(
        "---\ntitle: Unions meet\ndate: 2024-05-01\nurl: https://example.org/a\nsource: Example\nlanguage: en\n---\nBody text here.",
      ),
      "a.md",
    );
    expect(doc).toMatchObject({
      title: "Unions meet",
      date: "2024-05-01",
      url: "https://example.org/a",
      source: "Example",
      language: "en",
    });
    expect(doc.text).toBe("Body text here.");
  });

  it("accepts partial dates and rejects a malformed one, naming the file", () => {
    expect(loadDocumentFromBytes(bytes("---\ndate: 2020-05\n---\nText."), "a.txt").date).toBe("2020-05");
    expect(loadError(bytes("---\ndate: 5 May 2020\n---\nText."), "bad-date.md").message).toMatch(
      /"bad-date\.md": bad front matter \(date: expected YYYY/,
    );
  });

  it("rejects front matter that is never closed or is not YAML", () => {
    expect(loadError(bytes("---\ntitle: x\nBody"), "open.md").message).toMatch(/never closed/);
    expect(loadError(bytes("---\ntitle: [unclosed\n---\nBody"), "yaml.md").message).toMatch(/not valid YAML/);
  });

  it("takes a short first line followed by a blank line as the title", () => {
    expect(
      loadDocumentFromBytes(bytes("Unions sign agreement\n\nThe FTUU and the FPRK signed it."), "a.txt").title,
    ).toBe("Unions sign agreement");
    expect(
      loadDocumentFromBytes(bytes("The FTUU and the FPRK signed it.\nA second line."), "b.txt").title,
    ).toBeUndefined();
  });
});

describe("format loaders", () => {
  it("strips Markdown syntax, keeps the text and takes the first heading as title", () => {
    const doc = loadDocumentFromBytes(
      bytes("# Big **news**\n\nThe [ITUC](https://ituc-csi.org) met *today*.\n\n- First `point`.\n"),
      "a.md",
    );
    expect(doc.title).toBe("Big news");
    expect(doc.text).toContain("The ITUC met today.");
    expect(doc.text).toContain("First point.");
    expect(doc.text).not.toMatch(/[*#`[\]]/);
  });

  it("drops scripts and styles from HTML, strips tags, decodes entities and reads the title", () => {
    const html =
      "<html><head><title>Union &amp; Council</title><style>p{color:red}</style></head><body><script>var a='<p>x</p>';</script><h1>Heading</h1><p>Chairman&nbsp;Rafikov said &ldquo;yes&rdquo;.</p><p>Second&#8217;s para &#x2013; end.</p></body></html>";
    const doc = loadDocumentFromBytes(bytes(html), "a.html");
    expect(doc.title).toBe("Union & Council");
    expect(doc.text).toContain("Chairman Rafikov said “yes”.");
    expect(doc.text).toContain("Second’s para – end.");
    expect(doc.text).not.toMatch(/color|var a|<|>/);
  });
});

/** The text encoded as UTF-16 or UTF-32, with its byte order mark. */
function encodeWithBom(text: string, encoding: "utf-16le" | "utf-16be" | "utf-32le" | "utf-32be"): Uint8Array {
  const codePoints = [0xfeff, ...[...text].map((c) => c.codePointAt(0)!)];
  if (encoding.startsWith("utf-32")) {
    const out = new DataView(new ArrayBuffer(codePoints.length * 4));
    codePoints.forEach((cp, i) => out.setUint32(i * 4, cp, encoding === "utf-32le"));
    return new Uint8Array(out.buffer);
  }
  const units = String.fromCodePoint(...codePoints);
  const out = new DataView(new ArrayBuffer(units.length * 2));
  for (let i = 0; i < units.length; i++) out.setUint16(i * 2, units.charCodeAt(i), encoding === "utf-16le");
  return new Uint8Array(out.buffer);
}

describe("loadDocumentFromBytes: encodings and formats", () => {
  const text = "---\ntitle: Visit\ndate: 2024-05-13\n---\nSatybaldı Dauletalin met Kemal Özkan in Astana 🇰🇿.\n";

  it("decodes UTF-16 and UTF-32 files with a byte order mark like their UTF-8 original", () => {
    const utf8 = loadDocumentFromBytes(bytes(text), "a.txt");
    for (const encoding of ["utf-16le", "utf-16be", "utf-32le", "utf-32be"] as const) {
      const doc = loadDocumentFromBytes(encodeWithBom(text, encoding), "a.txt");
      expect({ text: doc.text, title: doc.title, date: doc.date }, encoding).toEqual({
        text: utf8.text,
        title: "Visit",
        date: "2024-05-13",
      });
    }
  });

  it("refuses a UTF-16 file that is cut in the middle of a character, naming the encoding", () => {
    const cut = encodeWithBom("Astana", "utf-16le").slice(0, -1);
    expect(loadError(cut).message).toMatch(/UTF-16LE byte order mark but is not valid UTF-16LE/);
  });

  it("refuses a UTF-16 file that holds NUL characters as binary", () => {
    expect(loadError(encodeWithBom("a\u0000b", "utf-16le")).message).toMatch(/NUL character at character 1/);
  });

  it("never reads a binary format as text, whatever its name", () => {
    const pdf = bytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n");
    expect(loadError(pdf, "report.txt").message).toBe(
      'Cannot import "report.txt": it is a PDF document, not a text document.',
    );
    const docx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    expect(loadError(docx, "statement.docx").message).toMatch(/"statement\.docx": it is a ZIP archive \(\.docx/);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(loadError(png, "photo.png").message).toMatch(/"photo\.png": it is a PNG image/);
  });

  it("removes bidi controls and zero-width characters, so that names read as written", () => {
    const doc = loadDocumentFromBytes(bytes("Satybaldy Dau\u202Eletalin met Kemal\u200B Özkan.\n"), "a.txt");
    expect(doc.text).toBe("Satybaldy Dauletalin met Kemal Özkan.\n");
  });
});

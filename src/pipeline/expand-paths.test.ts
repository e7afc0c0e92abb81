import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { expandPaths } from "./expand-paths.js";

const root = mkdtempSync(path.join(tmpdir(), "labour-graph-expand-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function file(relative: string, content: string | Uint8Array = "Some text.\n"): string {
  const full = path.join(root, relative);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, content);
  return full;
}

describe("expandPaths", () => {
  it("reports every path it does not import by name and reason, and follows links once", async () => {
    const good = file("news/a.txt");
    const nested = file("news/sub/b.md");
    file("news/.hidden.txt");
    const png = file("news/photo.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    const dangling = path.join(root, "news", "gone.txt");
    symlinkSync(path.join(root, "nowhere.txt"), dangling);
    const linked = path.join(root, "news", "linked.txt");
    symlinkSync(good, linked);
    symlinkSync(path.join(root, "news"), path.join(root, "news", "sub", "loop"));

    const { files, failures } = await expandPaths([path.join(root, "news")]);
    expect(files).toEqual([good, linked, nested]);
    expect(failures.map((f) => f.error.message)).toEqual([
      `Cannot import "${dangling}": a symbolic link whose target does not exist.`,
      `Cannot import "${png}": ".png" is not a supported document format.`,
    ]);
  });

  it("refuses a .docx or an image named directly, and keeps a .pdf and a file without extension", async () => {
    const docx = file("direct/statement.docx", new Uint8Array([0x50, 0x4b, 0x03, 0x04]));
    const pdf = file("direct/report.pdf", "%PDF-1.7\n");
    const plain = file("direct/README");
    const { files, failures } = await expandPaths([docx, pdf, plain, path.join(root, "direct", "missing.txt")]);
    expect(files).toEqual([pdf, plain]);
    expect(failures.map((f) => f.error.message)).toEqual([
      `Cannot import "${docx}": ".docx" is not a supported document format.`,
      `Cannot import "${path.join(root, "direct", "missing.txt")}": no such file or directory.`,
    ]);
    expect(failures[0]?.error.suggestion).toMatch(/Supported formats: \.txt, \.md, .*\.pdf/);
  });
});

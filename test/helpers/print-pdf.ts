/**
 * PDF fixtures printed by headless Chromium (Debian's package, driven by playwright-core, as in the explorer's
 * end-to-end test): what analysts receive is mostly PDFs printed from a word processor or a browser, so the PDF
 * loader is tested on real printed files, made at test time rather than committed.
 */
import { existsSync, writeFileSync } from "node:fs";
import { chromium } from "playwright-core";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** An HTML page to print and the file to print it to. */
export interface PrintJob {
  html: string;
  path: string;
  /** a line printed at the top of every page */
  header?: string;
}

/** Prints each page to its PDF file (A4, 2 cm margins, "Page n of m" at the foot of every page). */
export async function printPdfs(jobs: readonly PrintJob[]): Promise<void> {
  if (!existsSync(CHROMIUM))
    throw new Error(`No Chromium at ${CHROMIUM}: run \`bash scripts/install-browser.sh\` or set CHROMIUM_PATH.`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  try {
    const page = await browser.newPage();
    for (const job of jobs) {
      await page.setContent(job.html, { waitUntil: "load" });
      const pdf = await page.pdf({
        format: "A4",
        margin: { top: "2cm", bottom: "2cm", left: "2cm", right: "2cm" },
        displayHeaderFooter: true,
        headerTemplate: `<div style="font-size:8pt;width:100%;text-align:center">${job.header ?? ""}</div>`,
        footerTemplate:
          '<div style="font-size:8pt;width:100%;text-align:center">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
      });
      writeFileSync(job.path, pdf);
    }
  } finally {
    await browser.close();
  }
}

/** An HTML page of a plain text: its first paragraph as the heading and title, the others as paragraphs. */
export function htmlOfText(text: string, options: { breakBeforeLast?: boolean } = {}): string {
  const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const [heading = "", ...paragraphs] = text.trim().split(/\n\n+/);
  const body = paragraphs.map((p, i) => {
    const isLast = i === paragraphs.length - 1;
    return `<p${isLast && options.breakBeforeLast ? ' style="break-before:page"' : ""}>${escape(p)}</p>`;
  });
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escape(heading)}</title></head><body style="font:12pt/1.4 serif"><h1 style="font-size:18pt">${escape(heading)}</h1>${body.join("")}</body></html>`;
}

/** A page whose only content is an image of text (a canvas): printed, it is what a scanner makes. */
export function htmlOfImageOnly(text: string): string {
  return `<!DOCTYPE html><html><body><canvas id="scan" width="700" height="200"></canvas><script>
const context = document.getElementById("scan").getContext("2d");
context.fillStyle = "#fff"; context.fillRect(0, 0, 700, 200);
context.fillStyle = "#000"; context.font = "24px serif"; context.fillText(${JSON.stringify(text)}, 20, 100);
</script></body></html>`;
}

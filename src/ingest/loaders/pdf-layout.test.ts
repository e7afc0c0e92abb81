import { describe, expect, it } from "vitest";
import { layoutPdfText, type PdfTextRun } from "./pdf-layout.js";

/** One run per line, 12-point type, 14 points apart from `top` down, each line 6 points per character wide. */
function lines(texts: string[], top = 800, options: { size?: number; x?: number } = {}): PdfTextRun[] {
  const size = options.size ?? 12;
  return texts.map((text, i) => ({
    text,
    x: options.x ?? 72,
    y: top - i * (size + 2),
    width: text.length * size * 0.5,
    fontSize: size,
    hasEOL: true,
  }));
}

const WIDE = "a line of text that runs the full width of the column, as body text does";

describe("layoutPdfText", () => {
  it("joins the wrapped lines of a paragraph and separates paragraphs by their wider gap", () => {
    const page = [
      ...lines([`${WIDE} and the`, "Federation of Trade Unions of Ruritania met the ITUC in Brussels last week."]),
      ...lines([`${WIDE} while`, "the congress elected Ivan Petrov as its chairman for the next five years."], 760),
    ];
    expect(layoutPdfText([page])).toBe(
      `${WIDE} and the Federation of Trade Unions of Ruritania met the ITUC in Brussels last week.\n\n` +
        `${WIDE} while the congress elected Ivan Petrov as its chairman for the next five years.`,
    );
  });

  it("starts a paragraph after a heading set in larger type, and after a short line that ends a sentence", () => {
    const page = [
      ...lines(["Congress in Zenda"], 820, { size: 18 }),
      ...lines([`${WIDE} and`, "ends here.", `${WIDE} and`, "ends there."]),
    ];
    expect(layoutPdfText([page]).split("\n\n")).toEqual([
      "Congress in Zenda",
      `${WIDE} and ends here.`,
      `${WIDE} and ends there.`,
    ]);
  });

  it("starts a paragraph at a first-line indent after a sentence end, with no wider gap", () => {
    const page = [
      ...lines([`${WIDE} and ends here.`], 800),
      ...lines([`the next paragraph opens ${WIDE}`], 786, { x: 96 }),
      ...lines(["and closes."], 772),
    ];
    expect(layoutPdfText([page]).split("\n\n")).toEqual([
      `${WIDE} and ends here.`,
      `the next paragraph opens ${WIDE} and closes.`,
    ]);
  });

  it("mends a word hyphenated at the end of a line, and keeps a hyphen before a capital", () => {
    const page = lines([`${WIDE} Confede-`, `ration of Labour and ${WIDE} Franco-`, "German council met."]);
    expect(layoutPdfText([page])).toBe(`${WIDE} Confederation of Labour and ${WIDE} Franco-German council met.`);
  });

  it("puts a space between runs of one line that stand apart, and none between runs that touch", () => {
    const page: PdfTextRun[] = [
      { text: "Ivan", x: 72, y: 800, width: 24, fontSize: 12, hasEOL: false },
      { text: "Petrov", x: 100, y: 800, width: 36, fontSize: 12, hasEOL: false },
      { text: "’s", x: 136, y: 800, width: 8, fontSize: 12, hasEOL: true },
    ];
    expect(layoutPdfText([page])).toBe("Ivan Petrov’s");
  });

  it("drops page numbers and running headers, and keeps a paragraph whole across the page break", () => {
    const header = (n: number) => lines([`Annual report 2024 — page ${n}`], 820);
    const pages = [
      [...header(1), ...lines([`${WIDE} and the Federation of`]), ...lines(["1"], 40)],
      [...header(2), ...lines(["Trade Unions of Ruritania signed it."]), ...lines(["2"], 40)],
      [...header(3), ...lines(["The end."]), ...lines(["3"], 40)],
    ];
    expect(layoutPdfText(pages)).toBe(
      `${WIDE} and the Federation of\n\nTrade Unions of Ruritania signed it.\n\nThe end.`,
    );
    pages[1] = [...header(2), ...lines(["trade unions of Ruritania signed it."]), ...lines(["2"], 40)];
    expect(layoutPdfText(pages).split("\n\n")[0]).toBe(
      `${WIDE} and the Federation of trade unions of Ruritania signed it.`,
    );
  });

  it("reads the next column after the last line of the one before, joining a sentence that runs on", () => {
    const page = [
      ...lines([WIDE, "and the council met"], 800, { x: 72 }),
      ...lines(["in Zenda on Monday."], 800, { x: 320 }),
    ];
    expect(layoutPdfText([page])).toBe(`${WIDE} and the council met in Zenda on Monday.`);
  });

  it("drops control characters a broken font maps glyphs to, and is empty for a page without text", () => {
    expect(layoutPdfText([lines(["Ivan\u0003 Petrov"])])).toBe("Ivan Petrov");
    expect(layoutPdfText([[], []])).toBe("");
  });
});

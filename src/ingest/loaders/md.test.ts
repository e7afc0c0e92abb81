import { describe, expect, it } from "vitest";
import { markdownToText } from "./md.js";

describe("the Markdown loader", () => {
  it("keeps the text of links, emphasis and code without their syntax, and takes the first # heading as title", () => {
    const { text, title } = markdownToText(
      "# Big **news** from *Brussels*\n\nThe [ITUC](https://ituc-csi.org) met *today* with the FTUR in `Brussels`.\n",
    );
    expect(title).toBe("Big news from Brussels");
    expect(text).toBe("Big news from Brussels\n\nThe ITUC met today with the FTUR in Brussels.");
  });

  it("makes each block a paragraph: headings, list items, quotes, table rows, code", () => {
    const { text } = markdownToText(
      [
        "Setext heading",
        "==============",
        "",
        "- First point.",
        "- Second point.",
        "  1. A nested item.",
        "",
        "> Marta Lindqvist said it.",
        "",
        "| Union | Country |",
        "| --- | --- |",
        "| FTUR | Ruritania |",
        "",
        "```",
        "code line",
        "```",
      ].join("\n"),
    );
    expect(text.split("\n\n")).toEqual([
      "Setext heading",
      "First point.",
      "Second point.",
      "A nested item.",
      "Marta Lindqvist said it.",
      "Union\tCountry",
      "FTUR\tRuritania",
      "code line",
    ]);
  });

  it("leaves out images, link definitions, footnote marks, thematic breaks and HTML tags, and reads HTML blocks", () => {
    const { text } = markdownToText(
      [
        "Ivan Petrov ![a photo of Kemal Özkan](p.jpg) spoke[^1]. See [the report][r] &amp; more.<br>Next line.",
        "",
        "***",
        "",
        '<div class="note">An <b>HTML</b> note<script>var x = "Pedro Gómez";</script>.</div>',
        "",
        "[r]: https://example.org/report",
        "[^1]: A footnote.",
      ].join("\n"),
    );
    expect(text).toBe("Ivan Petrov spoke. See the report & more.\nNext line.\n\nAn HTML note.\n\nA footnote.");
  });

  it("keeps the line breaks of a paragraph, so that offsets into the text stay on the lines written", () => {
    const { text } = markdownToText("The Federation of Trade Unions\nof Ruritania met the ITUC.\n");
    expect(text).toBe("The Federation of Trade Unions\nof Ruritania met the ITUC.");
  });

  it("has no title without a level-one heading, and no text for an empty body", () => {
    expect(markdownToText("## Section\n\nText.").title).toBeUndefined();
    expect(markdownToText("")).toEqual({ text: "" });
  });
});

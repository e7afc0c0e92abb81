import { describe, expect, it } from "vitest";
import { MAX_SENTENCE_CHARS, splitSentences } from "./split-sentences.js";

function texts(text: string): string[] {
  return splitSentences(text).map((s) => s.text);
}

describe("splitSentences", () => {
  it("gives offsets at which every sentence is verbatim in the text", () => {
    const text = "  First one. Second one!  Third one?\n\nA new paragraph… Last. ";
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual([
      "First one.",
      "Second one!",
      "Third one?",
      "A new paragraph…",
      "Last.",
    ]);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(sentences.map((s) => s.index)).toEqual([0, 1, 2, 3, 4]);
  });

  it("does not split after abbreviations, initials or dotted acronyms", () => {
    expect(texts("Mr. Smith met Dr. Jones on Jan. 5. J. R. Tolkien arrived from the U.S. last week.")).toEqual([
      "Mr. Smith met Dr. Jones on Jan. 5.",
      "J. R. Tolkien arrived from the U.S. last week.",
    ]);
  });

  it("keeps closing quotes with their sentence and splits inside quotations", () => {
    expect(texts("“We are ready. We will act,” said the Chairman. «Unity is strength.» Next.")).toEqual([
      "“We are ready.",
      "We will act,” said the Chairman.",
      "«Unity is strength.»",
      "Next.",
    ]);
  });

  it("treats paragraphs as boundaries even without punctuation, and dashes as part of a sentence", () => {
    expect(texts("A headline without a stop\n\nThe body – with a dash – goes on.\nIt wraps here.")).toEqual([
      "A headline without a stop",
      "The body – with a dash – goes on.",
      "It wraps here.",
    ]);
  });

  it("does not split before a lower-case word", () => {
    expect(texts("It was signed in St. Petersburg. e.g. this stays.")).toEqual([
      "It was signed in St. Petersburg. e.g. this stays.",
    ]);
  });

  it("cuts a run with no sentence end into pieces of bounded length", () => {
    const text = "word ".repeat(2000);
    const sentences = splitSentences(text);
    expect(sentences.length).toBeGreaterThan(1);
    for (const s of sentences) {
      expect(s.text.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
      expect(text.slice(s.start, s.end)).toBe(s.text);
    }
  });
});

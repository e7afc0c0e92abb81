/**
 * Property-based robustness of extraction over annotations: whatever tokens, tags and dependency edges an
 * annotator returns (a parse of garbled text can be anything), extraction never throws, its output has the
 * Extraction shape, every relation carries evidence quoted from the document, and every relation end is an entity.
 * Text preparation maps every offset back into the source, in order. LG_LONG_TESTS=1 runs many more cases.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prepareText } from "../../src/annotate/prepare-text.js";
import type { AnnotatedDocument, AnnotatedToken } from "../../src/domain/annotation.js";
import { extractionSchema } from "../../src/domain/model.js";
import { extractAnnotated } from "../../src/extract/extract-annotated.js";
import { loadDocumentFromBytes } from "../../src/ingest/index.js";

const IS_LONG = process.env.LG_LONG_TESTS === "1";
const RUNS = IS_LONG ? 2000 : 150;

// words that exercise every rule: names, roles, organisation words, connectors, triggers, places, punctuation
const WORDS: [string, string, string][] = [
  ["Anna", "Anna", "NNP"],
  ["Petrova", "Petrova", "NNP"],
  ["ITUC", "ITUC", "NNP"],
  ["Federation", "Federation", "NNP"],
  ["Union", "Union", "NNP"],
  ["Trade", "Trade", "NNP"],
  ["Unions", "Unions", "NNPS"],
  ["of", "of", "IN"],
  ["the", "the", "DT"],
  ["President", "President", "NNP"],
  ["General", "General", "NNP"],
  ["Secretary", "Secretary", "NNP"],
  ["chairman", "chairman", "NN"],
  ["met", "meet", "VBD"],
  ["signed", "sign", "VBD"],
  ["memorandum", "memorandum", "NN"],
  ["member", "member", "NN"],
  ["affiliated", "affiliate", "VBN"],
  ["with", "with", "IN"],
  ["and", "and", "CC"],
  [",", ",", ","],
  ["(", "(", "-LRB-"],
  [")", ")", "-RRB-"],
  ["its", "its", "PRP$"],
  ["Kazakhstan", "Kazakhstan", "NNP"],
  ["Geneva", "Geneva", "NNP"],
  ["in", "in", "IN"],
  ["Saftu-affiliated", "saftu-affiliated", "JJ"],
  ["meeting", "meeting", "NN"],
  ["delegation", "delegation", "NN"],
  ["’s", "'s", "POS"],
  ["was", "be", "VBD"],
  ["elected", "elect", "VBN"],
  ["as", "as", "IN"],
  ["will", "will", "MD"],
  ["2019", "2019", "CD"],
  [".", ".", "."],
];
const TAGS = ["O", "PERSON", "ORGANIZATION", "LOCATION", "MISC", "DATE", "NUMBER"];
const RELS = [
  "nsubj",
  "obj",
  "obl:with",
  "nmod:of",
  "appos",
  "compound",
  "conj:and",
  "acl",
  "obl:agent",
  "nsubj:pass",
  "amod",
  "dep",
  "obl:in",
  "nmod:poss",
  "advcl",
  "xcomp",
  "aux",
];

const sentenceArb = fc
  .array(fc.record({ word: fc.constantFrom(...WORDS), ner: fc.constantFrom(...TAGS) }), { minLength: 1, maxLength: 30 })
  .chain((tokens) =>
    fc.record({
      tokens: fc.constant(tokens),
      deps: fc.array(
        fc.record({
          rel: fc.constantFrom(...RELS),
          head: fc.integer({ min: -1, max: tokens.length - 1 }),
          dep: fc.integer({ min: 0, max: tokens.length - 1 }),
        }),
        { maxLength: 40 },
      ),
      isParsed: fc.boolean(),
    }),
  );

type GeneratedSentence = {
  tokens: { word: [string, string, string]; ner: string }[];
  deps: { rel: string; head: number; dep: number }[];
  isParsed: boolean;
};

/** A document and its annotation built from generated sentences (one per line). */
function annotatedOf(sentences: readonly GeneratedSentence[]) {
  let text = "";
  const annotatedSentences: AnnotatedDocument["sentences"] = [];
  sentences.forEach((s, index) => {
    const tokens: AnnotatedToken[] = s.tokens.map(({ word: [w, lemma, pos], ner }) => {
      if (text.length > 0 && !text.endsWith("\n")) text += " ";
      const start = text.length;
      text += w;
      return { text: w, lemma, pos, ner, start, end: text.length };
    });
    annotatedSentences.push({
      index,
      start: tokens[0]!.start,
      end: tokens[tokens.length - 1]!.end,
      sourceStart: tokens[0]!.start,
      sourceEnd: tokens[tokens.length - 1]!.end,
      tokens,
      deps: s.isParsed ? s.deps : null,
    });
    text += "\n";
  });
  const annotated: AnnotatedDocument = { annotator: "generated", text, sentences: annotatedSentences, mentions: [] };
  return { text, annotated };
}

describe("extraction over any annotation", () => {
  it("never throws, keeps the Extraction shape, and quotes every piece of evidence from the document", () => {
    fc.assert(
      fc.property(fc.array(sentenceArb, { minLength: 1, maxLength: 6 }), (sentences) => {
        const { text, annotated } = annotatedOf(sentences);
        const doc = loadDocumentFromBytes(new TextEncoder().encode(text), "generated.txt");
        const x = extractAnnotated(doc, annotated, { referenceDate: "2024-05-01" });
        expect(() => extractionSchema.parse(x)).not.toThrow();
        const ids = new Set([...x.entities.map((e) => e.id), doc.id]);
        for (const r of x.relations) {
          expect(r.evidence.length).toBeGreaterThan(0);
          for (const e of r.evidence) expect(doc.text.includes(e.sentence)).toBe(true);
          expect(ids.has(r.from) && ids.has(r.to), `${r.type} ${r.from} -> ${r.to}`).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe("text preparation", () => {
  it("maps every prepared offset into the source, never backwards", () => {
    const pieces = [
      "a",
      "B",
      "said.The",
      "(VGCL)Bui",
      "\n",
      "\n\n",
      " ",
      "of\nthe",
      "UNION OF TRADE UNIONS",
      "\u200b",
      "\u202e",
      "е",
      "´",
      "\r\n",
      "Name,Other",
      "\t",
      "Bro. Ann",
      "Mr.Lee",
      "S.Erdene",
      "Ann-ABC",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
        const source = parts.join("");
        const { text, toSource } = prepareText(source);
        let previous = 0;
        for (let i = 0; i <= text.length; i++) {
          const at = toSource(i);
          expect(at).toBeGreaterThanOrEqual(previous);
          expect(at).toBeLessThanOrEqual(source.length);
          previous = at;
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("mends forms of address, glued initials and names hyphened to acronyms, keeping the source's words", () => {
    const source = "EIWU led by Bro. Ann Lee, Bro Tom-EIWU Treasurer, and the director S.Erdene met Mr.Wang.";
    const { text, toSource } = prepareText(source);
    expect(text).toBe("EIWU led by Bro  Ann Lee, Bro Tom - EIWU Treasurer, and the director S. Erdene met Mr Wang.");
    expect(source.slice(toSource(text.indexOf("Erdene")), toSource(text.indexOf("Erdene")) + 6)).toBe("Erdene");
  });

  it("leaves plain text as it is", () => {
    const source = "The chairman met the general secretary in Geneva.\n\nBoth sides signed a memorandum.";
    expect(prepareText(source).text).toBe(source);
  });
});

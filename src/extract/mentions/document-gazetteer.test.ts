import { describe, expect, it } from "vitest";
import type { AnnotatedDocument } from "../../domain/annotation.js";
import type { Chunk } from "./chunk-sentence.js";
import type { DocEntity } from "./document-entities.js";
import { addDocumentMentions } from "./document-gazetteer.js";

/** A document of whitespace-separated tokens, one sentence per string (no tags: the gazetteer reads only text). */
function docOf(sentences: string[]): AnnotatedDocument {
  let text = "";
  const annotated = sentences.map((sentence, index) => {
    const start = text.length;
    const tokens = sentence.split(" ").map((word) => {
      const at = text.length;
      text += `${word} `;
      return { text: word, lemma: word.toLowerCase(), pos: "NNP", ner: "O", start: at, end: at + word.length };
    });
    return { index, start, end: text.length - 1, sourceStart: start, sourceEnd: text.length - 1, tokens, deps: null };
  });
  return { annotator: "test", text, sentences: annotated, mentions: [] };
}

const entity = (key: string, name: string, acronyms: string[] = []): DocEntity => ({
  key,
  type: "Union",
  name,
  surfaces: [name],
  acronyms,
  mentions: 1,
  isAcronymOnly: false,
  firstSentence: 0,
  properties: {},
});

describe("addDocumentMentions", () => {
  it("chunks every other capitalised mention of a body's name or acronym, in text order, with its key", () => {
    const doc = docOf(["The Kessel Dock Union ( KDU ) met", "Later Kessel Dock Union and KDU joined it"]);
    const chunks: Chunk[][] = [
      [
        { kind: "org", first: 1, end: 4, text: "Kessel Dock Union" },
        { kind: "org", first: 5, end: 6, text: "KDU" },
      ],
      [],
    ];
    const keys: (string | undefined)[][] = [["org:kdu", "org:kdu"], []];
    addDocumentMentions(doc, chunks, keys, new Map([["org:kdu", entity("org:kdu", "Kessel Dock Union", ["KDU"])]]));
    expect(chunks[1]!.map((c) => [c.first, c.end, c.text])).toEqual([
      [1, 4, "Kessel Dock Union"],
      [5, 6, "KDU"],
    ]);
    expect(keys[1]).toEqual(["org:kdu", "org:kdu"]);
    expect(chunks[0]).toHaveLength(2);
  });

  it("leaves lower-case words, people and names of two letters alone", () => {
    const doc = docOf(["the kessel dock union and Jo met", "Jo spoke"]);
    const chunks: Chunk[][] = [[], []];
    const keys: (string | undefined)[][] = [[], []];
    const people = new Map([
      ["org:kdu", entity("org:kdu", "Kessel Dock Union")],
      ["acr:JO", entity("acr:JO", "JO")],
      ["person:jo", { ...entity("person:jo", "Jo"), type: "Person" as const }],
    ]);
    addDocumentMentions(doc, chunks, keys, people);
    expect(chunks).toEqual([[], []]);
  });
});

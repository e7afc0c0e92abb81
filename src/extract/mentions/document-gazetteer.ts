/**
 * The document as its own gazetteer: once a document names a body (as a chunk the tagger or a rule found), every
 * other capitalised mention of the same name in it is that body too ("Hak-Iş is also active ..." where the tagger saw
 * nothing), so relations read there have their party.
 */
import type { AnnotatedDocument } from "../../domain/annotation.js";
import { foldText } from "../fold.js";
import type { Chunk } from "./chunk-sentence.js";
import type { DocEntity } from "./document-entities.js";

const LONGEST_NAME_TOKENS = 8;
const isOrgKey = (key: string) => key.startsWith("org:") || key.startsWith("acr:");

/** Adds a chunk for every unchunked mention of an organisation's name in the document; keeps chunks in text order. */
export function addDocumentMentions(
  doc: AnnotatedDocument,
  chunks: Chunk[][],
  chunkKeys: (string | undefined)[][],
  entities: ReadonlyMap<string, DocEntity>,
): void {
  const byName = new Map<string, string>();
  for (const e of entities.values()) {
    if (!isOrgKey(e.key)) continue;
    for (const n of [e.name, ...e.surfaces, ...e.acronyms]) {
      const folded = foldText(n);
      if (folded.replace(/[^a-z0-9]/g, "").length >= 3) byName.set(folded, e.key);
    }
  }
  if (byName.size === 0) return;
  doc.sentences.forEach((sentence, s) => {
    const tokens = sentence.tokens;
    const covered = new Set(chunks[s]!.flatMap((c) => Array.from({ length: c.end - c.first }, (_, k) => c.first + k)));
    const added: { chunk: Chunk; key: string }[] = [];
    for (let i = 0; i < tokens.length; i++) {
      if (covered.has(i) || !/^\p{Lu}/u.test(tokens[i]!.text)) continue;
      for (let len = Math.min(LONGEST_NAME_TOKENS, tokens.length - i); len >= 1; len--) {
        const end = i + len;
        if (tokens.slice(i, end).some((_, k) => covered.has(i + k))) continue;
        const text = doc.text.slice(tokens[i]!.start, tokens[end - 1]!.end);
        const key = byName.get(foldText(text));
        if (key === undefined) continue;
        added.push({ chunk: { kind: "org", first: i, end, text }, key });
        for (let k = i; k < end; k++) covered.add(k);
        i = end - 1;
        break;
      }
    }
    if (added.length === 0) return;
    const merged = [
      ...chunks[s]!.map((chunk, k) => ({ chunk, key: chunkKeys[s]![k] })),
      ...added.map((a) => ({ chunk: a.chunk, key: a.key as string | undefined })),
    ].sort((a, b) => a.chunk.first - b.chunk.first);
    chunks[s] = merged.map((m) => m.chunk);
    chunkKeys[s] = merged.map((m) => m.key);
  });
}

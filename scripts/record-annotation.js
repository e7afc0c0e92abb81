#!/usr/bin/env node
// Records the annotation of a short text by a running CoreNLP server as a test fixture (an AnnotatedDocument).
// usage: node scripts/record-annotation.js <name> "<text>"   (NLP_URL, default http://127.0.0.1:9000; run `npm run build` first)
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { annotateDocument } from "../dist/annotate/annotate-document.js";
import { CoreNlpAnnotator } from "../dist/annotate/corenlp-annotator.js";
import { loadDocumentFromBytes } from "../dist/ingest/load-document.js";

const [name, text] = process.argv.slice(2);
if (!name || !text) {
  console.error('usage: node scripts/record-annotation.js <name> "<text>"');
  process.exit(2);
}
const annotator = new CoreNlpAnnotator({ urls: [process.env.NLP_URL ?? "http://127.0.0.1:9000"], timeoutMs: 60_000, version: "4.5.10" });
const doc = loadDocumentFromBytes(new TextEncoder().encode(text), `${name}.txt`);
const { annotated } = await annotateDocument(doc, { annotator });
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "test", "fixtures", "annotations", `${name}.json`);
writeFileSync(out, `${JSON.stringify({ text, annotated })}\n`);
console.log(out);

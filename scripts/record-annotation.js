#!/usr/bin/env node
// Records annotations of short texts by a running CoreNLP server, for tests (run `npm run build` first).
//   node scripts/record-annotation.js <name> "<text>"       → test/fixtures/annotations/<name>.json (readable)
//   node scripts/record-annotation.js --recorded "<text>"...  → into the recorded-annotation cache of the unit tests
//   node scripts/record-annotation.js --rerecord              → records every text of that cache again with today's
//                                                               annotator and text preparation, dropping the old files
//                                                               (a recording keeps the prepared text: a text the
//                                                               preparation changes is recorded again with --recorded)
// NLP_URL names the server (default http://127.0.0.1:9000).
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { TextEncoder } from "node:util";
import { gunzipSync } from "node:zlib";
import { annotateDocument, AnnotationCache, CORENLP_VERSION, CoreNlpAnnotator } from "../dist/annotate/index.js";
import { loadDocumentFromBytes } from "../dist/ingest/load-document.js";

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "test", "fixtures", "annotations");
const annotator = new CoreNlpAnnotator({
  urls: [process.env.NLP_URL ?? "http://127.0.0.1:9000"],
  timeoutMs: 60_000,
  version: CORENLP_VERSION,
});
const args = process.argv.slice(2);
if (args[0] === "--recorded" && args.length > 1) {
  const cache = new AnnotationCache(path.join(fixtures, "recorded"));
  for (const text of args.slice(1)) {
    const doc = loadDocumentFromBytes(new TextEncoder().encode(text), "recorded.txt");
    const { isCached } = await annotateDocument(doc, { annotator, cache });
    console.log(`${isCached ? "already recorded" : "recorded"}: ${text.slice(0, 60)}`);
  }
} else if (args[0] === "--rerecord") {
  const dir = path.join(fixtures, "recorded");
  const cache = new AnnotationCache(dir);
  const files = readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith(".json.gz"));
  for (const file of files.map((f) => path.join(dir, String(f)))) {
    const { text } = JSON.parse(gunzipSync(readFileSync(file)).toString("utf8"));
    const doc = loadDocumentFromBytes(new TextEncoder().encode(text), "recorded.txt");
    const { isCached } = await annotateDocument(doc, { annotator, cache });
    if (!isCached) rmSync(file);
    console.log(`${isCached ? "current" : "recorded again"}: ${text.slice(0, 60)}`);
  }
} else if (args.length === 2) {
  const [name, text] = args;
  const doc = loadDocumentFromBytes(new TextEncoder().encode(text), `${name}.txt`);
  const { annotated } = await annotateDocument(doc, { annotator });
  const out = path.join(fixtures, `${name}.json`);
  writeFileSync(out, `${JSON.stringify({ text, annotated })}\n`);
  console.log(out);
} else {
  console.error('usage: node scripts/record-annotation.js <name> "<text>" | --recorded "<text>"...');
  process.exit(2);
}

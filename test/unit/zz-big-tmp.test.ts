import { it } from "vitest";
import { extractionSchema } from "../../src/domain/model.js";
import { extractDocument } from "../../src/extract/index.js";
import { loadDocumentFromBytes } from "../../src/ingest/index.js";
it("t", () => {
  const paragraph =
      "On July 17, Chairman of the Federation of Trade Unions of Norland (FTUN) Aibek Zhaksybekov met with General Secretary of the Pan-Asian Council of Trade Unions Mirela Kovacevic. " +
      "The FTUN and the Pan-Asian Council of Trade Unions signed an Agreement on cooperation. " +
      "The Executive Committee of the FTUN took a unanimous decision to join the Global Alliance of Energy Workers' Unions.\n\n";
  const text = paragraph.repeat(Math.floor(10_000_000 / Buffer.byteLength(paragraph)));
  let t = performance.now();
  const doc = loadDocumentFromBytes(new TextEncoder().encode(text), "big.txt", { maxBytes: 16e6 });
  console.log("load", performance.now() - t, doc.sentences.length); t = performance.now();
  const x = extractDocument(doc, {});
  console.log("extract", performance.now() - t, x.relations.length, x.entities.length, x.relations.reduce((n, r) => n + r.evidence.length, 0)); t = performance.now();
  extractionSchema.parse(x);
  console.log("parse", performance.now() - t);
}, 300000);

/**
 * Property-based robustness of reading and extraction: whatever the bytes or text, loading either gives a
 * document or an InputError, extraction never throws, every relation carries evidence, every evidence sentence
 * is verbatim in the text, and hostile inputs (10 MB, long capital runs, "of the " chains, parentheses) finish
 * in bounded time. LG_LONG_TESTS=1 runs many more cases and bigger inputs.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COUNTRIES, FAMILY_NAMES, GIVEN_NAMES } from "../../src/bench/corpus-pools.js";
import { InputError } from "../../src/domain/errors.js";
import { extractionSchema, type Extraction, type SourceDocument } from "../../src/domain/model.js";
import { extractDocument } from "../../src/extract/index.js";
import { loadDocumentFromBytes } from "../../src/ingest/index.js";

const IS_LONG = process.env.LG_LONG_TESTS === "1";
const RUNS = IS_LONG ? 2000 : 60;
/** per-test time limit of the property tests: thousands of cases need minutes */
const PROPERTY_TIMEOUT_MS = IS_LONG ? 900_000 : 60_000;
const encoder = new TextEncoder();

/** Loads text as a file would be loaded; an InputError (empty, binary-looking) is an accepted outcome. */
function load(bytes: Uint8Array, name = "doc.txt"): SourceDocument | InputError {
  try {
    return loadDocumentFromBytes(bytes, name, { maxBytes: 16 * 1024 * 1024 });
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
}

function extract(doc: SourceDocument): Extraction {
  return extractDocument(doc, { referenceDate: doc.date });
}

/** The invariants every extraction must keep, whatever the input. */
function checkExtraction(doc: SourceDocument, extraction: Extraction): void {
  expect(() => extractionSchema.parse(extraction)).not.toThrow();
  const entityIds = new Set(extraction.entities.map((e) => e.id));
  for (const relation of extraction.relations) {
    expect(
      relation.evidence.length,
      `${relation.type} ${relation.from} -> ${relation.to} has no evidence`,
    ).toBeGreaterThan(0);
    expect(entityIds.has(relation.from), `${relation.type} starts at unknown entity ${relation.from}`).toBe(true);
    if (relation.type !== "MENTIONED_IN")
      expect(entityIds.has(relation.to), `${relation.type} ends at unknown entity ${relation.to}`).toBe(true);
    for (const evidence of relation.evidence) {
      expect(evidence.sentence.trim().length).toBeGreaterThan(0);
      // the offsets are the fast check; a sentence found elsewhere in the text is still verbatim
      const isVerbatim =
        doc.text.slice(evidence.start, evidence.end) === evidence.sentence || doc.text.includes(evidence.sentence);
      expect(isVerbatim, `evidence not verbatim in the text: ${JSON.stringify(evidence.sentence.slice(0, 120))}`).toBe(
        true,
      );
    }
  }
}

function timed<T>(work: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = work();
  return { value, ms: performance.now() - started };
}

// Fragments in the genre of the corpus, so that the relation rules fire on random arrangements of them.
const fcName = fc.oneof(
  fc.constantFrom(
    "Satybaldı Daulet",
    "Zoë O'Neil-Smith",
    "Jean-Luc de la Cruz",
    "Ali Al-Khalifa",
    "ŁUKASZ ŻÓŁĆ",
    "Nguyễn Thị Minh",
    "محمد علي",
    "Ἀλέξανδρος Παππάς",
    "李 小龙",
    "X Æ A-12",
    "Mc Mc Mc",
    "A B C D E F G",
    "🙂 Smile",
  ),
  fc
    .tuple(
      fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 }),
      fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 }),
    )
    .map(([a, b]) => `${a} ${b}`),
  fc.stringMatching(/^[A-Z][a-z]{1,10} [A-Z][a-z]{1,12}$/),
);
const fcOrg = fc.oneof(
  fc.constantFrom(
    "Federation of Trade Unions of the Republic of Nowhere (FTURN)",
    "FTURN",
    "International Confederation of Everything",
    "the Council",
    "ITUC",
    "Union of Unions of Unions",
    "(((",
    "Trade Unions Federation",
  ),
  fc
    .tuple(
      fc.constantFrom("Federation", "Confederation", "Council", "Union", "Organisation"),
      fc.stringMatching(/^[A-Z][a-z]{2,10}$/),
    )
    .map(([k, c]) => `${k} of Trade Unions of ${c}`),
);
const fcRole = fc.constantFrom(
  "Chairman",
  "President",
  "General Secretary",
  "Deputy General Secretary",
  "Head",
  "Vice-President",
);
const fcSentence = fc.oneof(
  fc
    .tuple(fcRole, fcOrg, fcName, fcRole, fcOrg, fcName)
    .map(([r1, o1, n1, r2, o2, n2]) => `${r1} of the ${o1} ${n1} met with ${r2} of the ${o2} ${n2}.`),
  fc.tuple(fcName, fcName).map(([a, b]) => `A meeting between ${a} and ${b} took place.`),
  fc.tuple(fcOrg, fcOrg).map(([a, b]) => `The ${a} and the ${b} signed an Agreement on cooperation.`),
  fc.tuple(fcOrg, fcOrg).map(([a, b]) => `The ${a} decided to join the ${b}.`),
  fc.tuple(fcOrg, fcOrg).map(([a, b]) => `restoring ${a}'s membership in the ${b}`),
  fc.tuple(fcOrg, fcRole, fcName).map(([o, r, n]) => `${o} ${r} ${n} said “something”,`),
  fc.string({ unit: "grapheme", maxLength: 80 }),
);
const fcArticle = fc
  .tuple(
    fc.array(fc.array(fcSentence, { minLength: 1, maxLength: 6 }), { minLength: 0, maxLength: 6 }),
    fc.constantFrom("", "---\ntitle: T\ndate: 2023-05-04\n---\n"),
  )
  .map(([paragraphs, front]) => front + paragraphs.map((p) => p.join(" ")).join("\n\n"));

describe("loading arbitrary bytes", () => {
  it(
    "gives a document or an InputError naming the file, never another exception",
    () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: IS_LONG ? 20_000 : 2_000 }), (bytes) => {
          const loaded = load(bytes, "odd.txt");
          if (loaded instanceof InputError) expect(loaded.message).toContain("odd.txt");
          else expect(typeof loaded.text).toBe("string");
        }),
        { numRuns: RUNS },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it("refuses an empty file and a file of NUL bytes with an InputError", () => {
    expect(load(new Uint8Array(0))).toBeInstanceOf(InputError);
    expect(load(new Uint8Array(4096))).toBeInstanceOf(InputError);
  });
});

describe("extracting arbitrary text", () => {
  it(
    "never throws on any Unicode text and keeps every relation's evidence verbatim",
    () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string({ unit: "binary", maxLength: IS_LONG ? 3000 : 400 }),
            fc.string({ unit: "grapheme", maxLength: IS_LONG ? 3000 : 400 }),
          ),
          (text) => {
            const doc = load(encoder.encode(text));
            if (doc instanceof InputError) return;
            checkExtraction(doc, extract(doc));
          },
        ),
        { numRuns: RUNS },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    "never throws on articles of news-like sentences with hostile names, and every relation has verbatim evidence",
    () => {
      fc.assert(
        fc.property(fcArticle, (text) => {
          const doc = load(encoder.encode(text));
          if (doc instanceof InputError) return;
          checkExtraction(doc, extract(doc));
        }),
        { numRuns: RUNS },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it("extracts nothing from a document with no text but still returns a valid extraction", () => {
    for (const text of ["---\ntitle: Empty\n---\n", " \n\n\t \n", ".", "“”"]) {
      const doc = load(encoder.encode(text));
      if (doc instanceof InputError) continue;
      const extraction = extract(doc);
      checkExtraction(doc, extraction);
      expect(extraction.relations.filter((r) => r.type !== "MENTIONED_IN")).toEqual([]);
    }
  });
});

describe("hostile inputs finish in bounded time", () => {
  const scale = IS_LONG ? 4 : 1;
  const cases: [string, string, number][] = [
    ["100k capital letters", "A".repeat(100_000 * scale), 5_000],
    ["100k capitalised words", "Ab ".repeat(100_000 * scale), 10_000],
    [
      "a long run of 'of the '",
      `Federation ${"of the ".repeat(50_000 * scale)}Union met with Chairman of the Union Ab Cd.`,
      10_000,
    ],
    [
      "a long chain of parentheses",
      `${"(".repeat(50_000 * scale)}FTU${")".repeat(50_000 * scale)} met with ITUC.`,
      5_000,
    ],
    ["nested acronym definitions", "Federation of Trade Unions (FTU (F (T (U ".repeat(10_000 * scale), 10_000],
    ["a sentence with no end", `Chairman of the Federation ${"and the Union ".repeat(30_000 * scale)}`, 10_000],
    ["one huge word", "x".repeat(1_000_000 * scale), 5_000],
    [
      "many role prefixes",
      "Chairman of the Deputy General Secretary of the President of the ".repeat(5_000 * scale),
      10_000,
    ],
  ];
  for (const [name, text, budgetMs] of cases) {
    it(`extracts ${name} within ${budgetMs / 1000} s`, () => {
      const { value: doc, ms: loadMs } = timed(() => load(encoder.encode(text)));
      if (doc instanceof InputError) return void expect(loadMs).toBeLessThan(budgetMs);
      const { value, ms } = timed(() => extract(doc));
      checkExtraction(doc, value);
      expect(loadMs + ms).toBeLessThan(budgetMs);
    });
  }

  /** A 10 MB article of varied news sentences about thousands of invented people and organisations. */
  function variedNews(bytes: number): string {
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < bytes; i++) {
      const a = `${GIVEN_NAMES[i % GIVEN_NAMES.length]} ${FAMILY_NAMES[(i * 7) % FAMILY_NAMES.length]}`;
      const b = `${GIVEN_NAMES[(i * 3 + 1) % GIVEN_NAMES.length]} ${FAMILY_NAMES[(i * 11 + 5) % FAMILY_NAMES.length]}`;
      const c1 = COUNTRIES[i % COUNTRIES.length]!.name;
      const c2 = COUNTRIES[(i * 5 + 3) % COUNTRIES.length]!.name;
      const paragraph =
        `On July ${(i % 28) + 1}, Chairman of the Federation of Trade Unions of ${c1} ${a} met with General Secretary of the Confederation of Labour of ${c2} ${b}. ` +
        `The Federation of Trade Unions of ${c1} and the Confederation of Labour of ${c2} signed an Agreement on cooperation. ` +
        `The parties discussed social partnership and decent wages.\n\n`;
      parts.push(paragraph);
      size += Buffer.byteLength(paragraph);
    }
    return parts.join("");
  }

  it("reads and extracts a 10 MB news-like document within 180 s", () => {
    const { value: doc, ms: loadMs } = timed(() => load(encoder.encode(variedNews(10_000_000)), "big.txt"));
    expect(doc).not.toBeInstanceOf(InputError);
    const { value, ms } = timed(() => extract(doc as SourceDocument));
    checkExtraction(doc as SourceDocument, value);
    expect(value.relations.length).toBeGreaterThan(0);
    expect(loadMs + ms).toBeLessThan(180_000);
  }, 300_000);

  // One relation stated over and over: catches work that grows with the square of the evidence of one relation.
  const repeatedMegabytes = IS_LONG ? 10 : 1;
  it(`extracts ${repeatedMegabytes} MB of one paragraph repeated within ${IS_LONG ? 120 : 15} s`, () => {
    const paragraph =
      "On July 17, Chairman of the Federation of Trade Unions of Norland (FTUN) Aibek Zhaksybekov met with General Secretary of the Pan-Asian Council of Trade Unions Mirela Kovacevic. " +
      "The FTUN and the Pan-Asian Council of Trade Unions signed an Agreement on cooperation.\n\n";
    const text = paragraph.repeat(Math.floor((repeatedMegabytes * 1_000_000) / Buffer.byteLength(paragraph)));
    const { value: doc, ms: loadMs } = timed(() => load(encoder.encode(text), "repeated.txt"));
    expect(doc).not.toBeInstanceOf(InputError);
    const { value, ms } = timed(() => extract(doc as SourceDocument));
    checkExtraction(doc as SourceDocument, value);
    expect(loadMs + ms).toBeLessThan(IS_LONG ? 120_000 : 15_000);
  }, 300_000);
});

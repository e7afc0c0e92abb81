import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config/config.js";
import { annotatedDocumentSchema } from "../../src/domain/annotation.js";
import { extractAnnotated } from "../../src/extract/extract-annotated.js";
import * as derived from "../../src/extract/lexicon/derived-triggers.js";
import { RELATION_PATTERNS } from "../../src/extract/patterns/relation-patterns.js";
import { loadDocumentFromBytes } from "../../src/ingest/load-document.js";

const lemmasOf = (id: string) => RELATION_PATTERNS.find((r) => r.id === id)?.lemmas ?? [];

describe("triggers derived from WordNet (scripts/derive-triggers.mjs)", () => {
  it("the committed module is what the script derives from WordNet now", () => {
    // exits 1 and names the module when it differs
    execFileSync(process.execPath, [path.join(PROJECT_ROOT, "scripts", "derive-triggers.mjs"), "--check"], {
      cwd: PROJECT_ROOT,
      stdio: "pipe",
    });
  });

  it("holds each class's seed words, their derived forms and hyponyms, as single lowercase words, sorted", () => {
    expect(derived.WORDNET_CONSULTING_VERBS).toEqual(
      expect.arrayContaining(["meet", "confer", "negotiate", "consult"]),
    );
    // hyponyms of negotiate#v1
    expect(derived.WORDNET_CONSULTING_VERBS).toEqual(expect.arrayContaining(["renegotiate", "mediate"]));
    expect(derived.WORDNET_HOSTING_VERBS).toEqual(["host", "receive", "welcome"]);
    expect(derived.WORDNET_MEETING_VERBS).toEqual(expect.arrayContaining(["meet", "receive", "visit", "negotiate"]));
    // derived forms (WordNet's "+" pointers): confer → confabulation, visit → visitation
    expect(derived.WORDNET_MEETING_NOUNS).toEqual(
      expect.arrayContaining(["meeting", "talks", "negotiation", "consultation", "confabulation", "visitation"]),
    );
    expect(derived.WORDNET_SIGNING_VERBS).toEqual(expect.arrayContaining(["sign", "conclude", "ink"]));
    expect(derived.WORDNET_SIGNING_NOUNS).toContain("signature");
    expect(derived.WORDNET_AGREEMENT_NOUNS).toEqual(
      expect.arrayContaining(["agreement", "memorandum", "treaty", "pact", "accord", "contract", "covenant"]),
    );
    expect(derived.WORDNET_JOINING_VERBS).toEqual(expect.arrayContaining(["join", "affiliate", "rejoin"]));
    expect(derived.WORDNET_ADMITTING_VERBS).toEqual(expect.arrayContaining(["admit", "accept", "readmit", "induct"]));
    expect(derived.WORDNET_MEMBER_NOUNS).toEqual(["affiliate", "member"]);
    // admit → admittance
    expect(derived.WORDNET_MEMBERSHIP_NOUNS).toEqual(
      expect.arrayContaining(["membership", "affiliation", "admittance"]),
    );
    // an agent noun (negotiator, visitor) is a party, never a trigger
    expect(derived.WORDNET_MEETING_NOUNS).not.toContain("negotiator");
    for (const list of Object.values(derived)) {
      expect(list.every((l) => /^[a-z][a-z-]*$/.test(l))).toBe(true);
      expect([...list]).toEqual([...new Set(list)].sort());
    }
  });

  it("rows take their curated lemmas and their WordNet class, less the stop-list", () => {
    expect(lemmasOf("meet-with")).toEqual(expect.arrayContaining(["work", "renegotiate", "liaise"]));
    expect(lemmasOf("meet-with")).not.toContain("bargain");
    // "see" is curated for "X saw Y"; WordNet's see (a hyponym of visit) stays out of the visit row
    expect(lemmasOf("meet-subject-object")).toContain("see");
    expect(lemmasOf("visit-person")).not.toContain("see");
    expect(lemmasOf("hold-meeting-with")).toEqual(expect.arrayContaining(["meeting", "mediation", "parley"]));
    expect(lemmasOf("hold-meeting-with")).not.toContain("council");
    expect(lemmasOf("join")).not.toContain("organise");
    expect(lemmasOf("admit")).toContain("induct");
    expect(lemmasOf("admit")).not.toContain("take");
    const requires = RELATION_PATTERNS.find((r) => r.id === "sign-with")?.requires?.[0]?.lemmas ?? [];
    expect(requires).toEqual(expect.arrayContaining(["memorandum", "covenant", "entente"]));
    expect(requires).not.toContain("sale");
  });

  it("reads relations stated with derived triggers, and none with a stop-listed one", () => {
    const file = path.join(PROJECT_ROOT, "test", "fixtures", "annotations", "wordnet-triggers.json");
    const { text, annotated } = JSON.parse(readFileSync(file, "utf8")) as { text: string; annotated: unknown };
    const doc = loadDocumentFromBytes(new TextEncoder().encode(text), "wordnet-triggers.txt");
    const x = extractAnnotated(doc, annotatedDocumentSchema.parse(annotated), { referenceDate: "2024-06-01" });
    const nameOf = (id: string) => x.entities.find((e) => e.id === id)?.name ?? id;
    const facts = (type: string) =>
      x.relations
        .filter((r) => r.type === type)
        .map((r) => [nameOf(r.from), nameOf(r.to)].join(" -> "))
        .sort();
    // renegotiate (a hyponym of negotiate#v1)
    expect(facts("MET_WITH").map((f) => f.split(" -> ").sort().join(" & "))).toEqual(["Anna Petrova & John Smith"]);
    // entente (a hyponym of agreement#n1) as the signed document
    expect(facts("SIGNED").map((f) => f.split(" -> ")[0])).toEqual(
      expect.arrayContaining(["Andean Workers Confederation", "Northern Transport Union"]),
    );
    // induct (a hyponym of admit#v3); "organised" (a hyponym of join#v1) is stop-listed: no membership
    expect(facts("MEMBER_OF")).toEqual(["Ruritanian Teachers Union -> International Federation of Teachers"]);
  });
});

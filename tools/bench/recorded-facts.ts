/**
 * The facts a generated corpus records about itself (.gold/relations.jsonl, .gold/entities.json), given to the
 * importer in the shape the real extractor gives (DocumentExtraction): the benchmark measures the write side of a
 * 100k import (chunking, resolution, planWrite, writePlan, the transaction log) without annotating 100,000 documents
 * through CoreNLP. The shape follows the extractor's: local entities with the spellings the document uses, every
 * relation with its sentence as evidence and the extractor's confidences, an Event (with participants) for each
 * meeting, signing and session, a Country with LOCATED_IN for each organisation of a country, MENTIONED_IN for all.
 */
import { createReadStream, readFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import {
  MAX_EVIDENCE_PER_DOCUMENT,
  type Entity,
  type EntityType,
  type EventKind,
  type Evidence,
  type PropertyValue,
  type Relation,
  type SourceDocument,
} from "../../src/domain/model.js";
import type { DocumentExtraction, EntityDetails } from "../../src/extract/types.js";
import type { ExtractDocuments } from "../../src/pipeline/chunk-step.js";
import { failureOf, type ExtractionFailure } from "../../src/pipeline/failure.js";
import { GOLD_FOLDER, type GoldDocumentLine, type GoldEntity } from "./generate-corpus.js";

/** The extractor's confidences for the sentences of the generated corpus. */
const CONFIDENCE = {
  HOLDS_POSITION: 0.9,
  MEMBER_OF: 0.8,
  SIGNED: 0.8,
  LOCATED_IN: 0.8,
  MENTIONED_IN: 1,
  metWith: 0.85,
  meetingBetween: 0.8,
  visit: 0.7,
  session: 0.75,
} as const;

// sentences of the generator's templates that state an event or a mention its ground truth does not list
const SESSION = / took part in the session of the /;
const VISIT = /^In \w+, a delegation of the .+ visited the /;
const PRESS_SERVICE = /^Press service of the (.+?)(?: \([A-Z]+\))?\.$/;
const PLACE = / took place in ([^.,]+)\.$/;

/** The gold of the whole corpus: entities by key, organisations by every spelling. */
export interface CorpusFacts {
  entities: ReadonlyMap<string, GoldEntity>;
  organisationBySpelling: ReadonlyMap<string, GoldEntity>;
}

/** Reads .gold/entities.json of a generated corpus. */
export function readCorpusFacts(dir: string): CorpusFacts {
  const list = JSON.parse(readFileSync(path.join(dir, GOLD_FOLDER, "entities.json"), "utf8")) as GoldEntity[];
  const organisationBySpelling = new Map<string, GoldEntity>();
  for (const e of list) {
    if (e.type === "Person" || e.type === "Event") continue;
    for (const spelling of [e.name, ...e.aliases])
      if (!organisationBySpelling.has(spelling)) organisationBySpelling.set(spelling, e);
  }
  return { entities: new Map(list.map((e) => [e.key, e])), organisationBySpelling };
}

/** One document's facts being built: local entities by gold key, relations, event participants. */
class DocumentFacts {
  private readonly entities = new Map<string, Entity>();
  private readonly details: Record<string, EntityDetails> = {};
  private readonly firstEvidence = new Map<string, Evidence>();
  /** relations by type, ends and properties: a fact stated twice is one relation with both sentences */
  private readonly relations = new Map<string, Relation>();
  private events = 0;

  constructor(
    private readonly document: SourceDocument,
    private readonly corpus: CorpusFacts,
  ) {}

  evidence(sentence: string): Evidence {
    const start = Math.max(0, this.document.text.indexOf(sentence));
    return { document: this.document.id, sentence, start, end: start + sentence.length };
  }

  private add(entity: Entity, details: EntityDetails, sentence: string): string {
    if (!this.entities.has(entity.id)) {
      this.entities.set(entity.id, entity);
      this.details[entity.id] = details;
      this.firstEvidence.set(entity.id, this.evidence(sentence));
    }
    return entity.id;
  }

  /** The local id of a gold person or organisation, added (with its country) on first use. */
  entity(key: string, sentence: string): string {
    const gold = this.corpus.entities.get(key);
    if (gold === undefined) throw new Error(`the gold names an entity "${key}" that .gold/entities.json lacks`);
    const text = this.document.text;
    const id = gold.type === "Person" ? `person:${gold.name.toLowerCase()}` : `org:${key}`;
    if (this.entities.has(id)) return id;
    const acronym = typeof gold.properties.acronym === "string" ? gold.properties.acronym : undefined;
    const country = typeof gold.properties.country === "string" ? gold.properties.country : undefined;
    const aliases = gold.aliases.filter((a) => text.includes(a));
    const properties: Record<string, PropertyValue> = gold.type === "Union" && country !== undefined ? { country } : {};
    const acronyms = acronym !== undefined && aliases.includes(acronym) ? [acronym] : [];
    this.add({ id, type: gold.type, name: gold.name, aliases, properties }, detailsOf(acronyms), sentence);
    if (country !== undefined && gold.type !== "Person") {
      this.relate("LOCATED_IN", id, this.country(country, sentence), {}, sentence, CONFIDENCE.LOCATED_IN);
    }
    return id;
  }

  /** A new event with its participants (local ids). */
  event(kind: EventKind, participants: string[], sentence: string, extra: Record<string, PropertyValue> = {}): string {
    const names = participants.map((p) => this.entities.get(p)?.name ?? p);
    const title = `${kind[0]!.toUpperCase()}${kind.slice(1)}: ${names.join(", ")}`;
    const id = `event:${kind}:${this.events++}`;
    const entity = { id, type: "Event" as EntityType, name: title, aliases: [], properties: { kind, ...extra, title } };
    return this.add(entity, { ...detailsOf([]), participants }, sentence);
  }

  relate(
    type: Relation["type"],
    from: string,
    to: string,
    properties: Record<string, PropertyValue>,
    sentence: string,
    confidence: number,
  ): void {
    const key = JSON.stringify([type, from, to, properties]);
    const known = this.relations.get(key);
    if (known === undefined) {
      this.relations.set(key, { type, from, to, properties, evidence: [this.evidence(sentence)], confidence });
    } else if (
      known.evidence.length < MAX_EVIDENCE_PER_DOCUMENT &&
      known.evidence.every((e) => e.sentence !== sentence)
    ) {
      known.evidence.push(this.evidence(sentence));
    }
  }

  /** The local id of a country, added on first use. */
  country(name: string, sentence: string): string {
    const entity = { id: `country:${name}`, type: "Country" as EntityType, name, aliases: [], properties: {} };
    return this.add(entity, detailsOf([]), sentence);
  }

  /** The DocumentExtraction: every entity also MENTIONED_IN the document, with its first sentence. */
  extraction(): DocumentExtraction {
    const { text: _text, sentences: _sentences, ...meta } = this.document;
    const mentions = [...this.entities.keys()].map((id): Relation => ({
      type: "MENTIONED_IN",
      from: id,
      to: meta.id,
      properties: {},
      evidence: [this.firstEvidence.get(id)!],
      confidence: CONFIDENCE.MENTIONED_IN,
    }));
    return {
      document: meta,
      documents: [meta],
      entities: [...this.entities.values()],
      relations: [...this.relations.values(), ...mentions],
      diagnostics: [],
      details: this.details,
    };
  }
}

function detailsOf(acronyms: string[]): EntityDetails {
  return { acronyms, mentions: 1, isAcronymOnly: false };
}

/** The meetings of the gold's MET_WITH relations: one event per sentence, its people as participants. */
function addMeetings(facts: DocumentFacts, line: GoldDocumentLine, date: string | undefined): void {
  const bySentence = new Map<string, Set<string>>();
  for (const r of line.relations) {
    if (r.type !== "MET_WITH") continue;
    const people = bySentence.get(r.sentence) ?? new Set<string>();
    people.add(facts.entity(r.from, r.sentence)).add(facts.entity(r.to, r.sentence));
    bySentence.set(r.sentence, people);
  }
  for (const [sentence, people] of bySentence) {
    const place = PLACE.exec(sentence)?.[1];
    const extra = {
      ...(sentence.startsWith("On ") && date !== undefined ? { date } : {}),
      ...(place !== undefined ? { place } : {}),
    };
    const confidence = sentence.includes(" met with ") ? CONFIDENCE.metWith : CONFIDENCE.meetingBetween;
    const eventId = addMeeting(facts, [...people], sentence, confidence, extra);
    if (place !== undefined)
      facts.relate("LOCATED_IN", eventId, facts.country(place, sentence), {}, sentence, CONFIDENCE.LOCATED_IN);
  }
}

function addMeeting(
  facts: DocumentFacts,
  people: string[],
  sentence: string,
  confidence: number,
  extra: Record<string, PropertyValue> = {},
): string {
  const eventId = facts.event("meeting", people, sentence, extra);
  for (let i = 0; i < people.length; i++)
    for (let j = i + 1; j < people.length; j++)
      facts.relate("MET_WITH", people[i]!, people[j]!, { eventId }, sentence, confidence);
  for (const p of people) facts.relate("PARTICIPATED_IN", p, eventId, {}, sentence, confidence);
  return eventId;
}

/** The signings of the gold's SIGNED relations: one event per gold event, its signatories as participants. */
function addSignings(facts: DocumentFacts, line: GoldDocumentLine, corpus: CorpusFacts): void {
  const byEvent = new Map<string, { sentence: string; parties: string[] }>();
  for (const r of line.relations) {
    if (r.type !== "SIGNED") continue;
    const signing = byEvent.get(r.to) ?? { sentence: r.sentence, parties: [] };
    signing.parties.push(facts.entity(r.from, r.sentence));
    byEvent.set(r.to, signing);
  }
  for (const [key, { sentence, parties }] of byEvent) {
    const kind = corpus.entities.get(key)?.properties.kind;
    const eventId = facts.event(kind === "memorandum" ? "memorandum" : "agreement", parties, sentence);
    for (const p of parties) facts.relate("SIGNED", p, eventId, {}, sentence, CONFIDENCE.SIGNED);
  }
}

/** What the generator's templates state beyond the gold: the session attended, the visit's meeting, the press service. */
function addTemplateFacts(facts: DocumentFacts, line: GoldDocumentLine, document: SourceDocument, corpus: CorpusFacts) {
  const positionHolder = (test: RegExp) => {
    const r = line.relations.find((x) => x.type === "HOLDS_POSITION" && test.test(x.sentence));
    return r === undefined ? undefined : { id: facts.entity(r.from, r.sentence), sentence: r.sentence };
  };
  const delegate = positionHolder(SESSION);
  if (delegate !== undefined) {
    const eventId = facts.event("session", [delegate.id], delegate.sentence);
    facts.relate("PARTICIPATED_IN", delegate.id, eventId, {}, delegate.sentence, CONFIDENCE.session);
  }
  const guest = positionHolder(VISIT);
  const host = positionHolder(/^Welcoming the guests, /);
  if (guest !== undefined && host !== undefined)
    addMeeting(facts, [guest.id, host.id], guest.sentence, CONFIDENCE.visit);
  for (const s of document.sentences) {
    const org = corpus.organisationBySpelling.get(PRESS_SERVICE.exec(s.text)?.[1] ?? "");
    if (org !== undefined) facts.entity(org.key, s.text);
  }
}

/** One document's recorded facts as the extractor would give them. */
export function recordedExtraction(
  document: SourceDocument,
  line: GoldDocumentLine,
  corpus: CorpusFacts,
): DocumentExtraction {
  const facts = new DocumentFacts(document, corpus);
  for (const r of line.relations) {
    if (r.type === "HOLDS_POSITION" || r.type === "MEMBER_OF") {
      const from = facts.entity(r.from, r.sentence);
      facts.relate(r.type, from, facts.entity(r.to, r.sentence), r.properties, r.sentence, CONFIDENCE[r.type]);
    }
  }
  addMeetings(facts, line, document.date);
  addSignings(facts, line, corpus);
  addTemplateFacts(facts, line, document, corpus);
  return facts.extraction();
}

/**
 * The lines of .gold/relations.jsonl read as the documents come (in the corpus's file order), so that a 100k
 * corpus's ground truth is never in memory at once; a line read ahead of its document waits in a map.
 */
class GoldLines {
  private readonly reader;
  private readonly lines: AsyncIterator<string>;
  private readonly waiting = new Map<string, GoldDocumentLine>();

  constructor(file: string) {
    this.reader = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
    this.lines = this.reader[Symbol.asyncIterator]();
  }

  async take(relativePath: string): Promise<GoldDocumentLine | undefined> {
    const held = this.waiting.get(relativePath);
    if (held !== undefined) {
      this.waiting.delete(relativePath);
      return held;
    }
    for (;;) {
      const next = await this.lines.next();
      if (next.done === true) return undefined;
      if (next.value.trim() === "") continue;
      const line = JSON.parse(next.value) as GoldDocumentLine;
      if (line.path === relativePath) return line;
      this.waiting.set(line.path, line);
    }
  }
}

/**
 * An ExtractDocuments (see PipelineRun) that gives each document of the generated corpus in `dir` its recorded
 * facts; a document the gold does not list is a failure naming it. Documents are expected in the corpus's file
 * order (that of expandPaths), one call at a time.
 */
export function recordedFactsOf(dir: string): ExtractDocuments {
  const corpus = readCorpusFacts(dir);
  const gold = new GoldLines(path.join(dir, GOLD_FOLDER, "relations.jsonl"));
  return async (documents) => {
    const extractions: DocumentExtraction[] = [];
    const failures: ExtractionFailure[] = [];
    for (const document of documents) {
      const relative = path.relative(dir, document.path).split(path.sep).join("/");
      const line = await gold.take(relative);
      if (line === undefined) {
        failures.push(failureOf(document.path, new Error(`no recorded facts in ${path.join(dir, GOLD_FOLDER)}`)));
        continue;
      }
      try {
        extractions.push(recordedExtraction(document, line, corpus));
      } catch (error) {
        failures.push(failureOf(document.path, error));
      }
    }
    return { extractions, failures };
  };
}

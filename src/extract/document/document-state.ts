/**
 * DocumentState: what the steps of extraction share about one annotated document: its chunks, its entities and the
 * chunk each stands for, the relations found so far, the events made, and the small lookups every step uses.
 */
import type { AnnotatedDocument } from "../../domain/annotation.js";
import type { EventKind, Evidence, SourceDocument } from "../../domain/model.js";
import { findDate } from "../dates.js";
import { foldText } from "../fold.js";
import { countryOf, countryOfCity } from "../lexicon/countries.js";
import { chunkSentence, type Chunk } from "../mentions/chunk-sentence.js";
import { creditedOutlets } from "../mentions/credits.js";
import { documentEntities, sentenceEvidence, type DocEntity } from "../mentions/document-entities.js";
import { addDocumentMentions } from "../mentions/document-gazetteer.js";
import { isOrgKey } from "./keys.js";
import { RelationSink } from "./relation-sink.js";

/** Options of extraction. */
export interface ExtractOptions {
  /** the document's date (YYYY[-MM[-DD]]); relative dates resolve against it, else stay text */
  referenceDate?: string;
}

/** An event the document reports, with the keys of its participants. */
export type EventEntity = DocEntity & { participants: string[]; eventKind: EventKind };

/** Confidence of a LOCATED_IN read from a name or a place written after it. */
export const PLACE_CONFIDENCE = 0.8;

/** Removes the news outlets the text credits (see credits.ts) from the document's people and organisations. */
function dropCreditedOutlets(
  text: string,
  entities: Map<string, DocEntity>,
  chunkKeys: (string | undefined)[][],
): void {
  const outlets = creditedOutlets(text);
  if (outlets.size === 0) return;
  for (const e of [...entities.values()]) {
    if (![e.name, ...e.surfaces].some((n) => outlets.has(foldText(n)))) continue;
    entities.delete(e.key);
    for (const keys of chunkKeys) keys.forEach((k, i) => (k === e.key ? (keys[i] = undefined) : undefined));
  }
}

export class DocumentState {
  readonly chunks: Chunk[][];
  readonly entities: Map<string, DocEntity>;
  /** the entity key each chunk stands for */
  readonly chunkKeys: (string | undefined)[][];
  /** entities the tagger named as organisations at least once */
  readonly taggedOrgs: Set<string>;
  readonly sink = new RelationSink();
  readonly events = new Map<string, EventEntity>();
  /** the event made at a sentence's token ("s:t") */
  readonly eventAt = new Map<string, string>();
  /** the person whose description (a role phrase) each token belongs to */
  readonly descriptorOwner: (string | undefined)[][];
  /** the organisation each person first holds a position in */
  readonly orgOfPerson = new Map<string, string>();
  /** organisations by every folded name, acronym and surface */
  readonly orgByName = new Map<string, string>();

  constructor(
    readonly doc: SourceDocument,
    readonly annotated: AnnotatedDocument,
    readonly options: ExtractOptions,
  ) {
    this.chunks = annotated.sentences.map((s) => chunkSentence(s, annotated.text));
    const { entities, chunkKeys, taggedOrgs } = documentEntities(annotated, this.chunks);
    addDocumentMentions(annotated, this.chunks, chunkKeys, entities);
    dropCreditedOutlets(annotated.text, entities, chunkKeys);
    this.entities = entities;
    this.chunkKeys = chunkKeys;
    this.taggedOrgs = taggedOrgs;
    this.descriptorOwner = annotated.sentences.map((s) => s.tokens.map(() => undefined));
  }

  evidenceOf(s: number): Evidence {
    return sentenceEvidence(this.annotated, this.doc.text, this.doc.id, s);
  }

  /**
   * The entity the chunk holding a token stands for; a place written right after a body's acronym ("UFCW Canada",
   * where a parse makes "Canada" the head) stands for that body too.
   */
  chunkOwner(s: number, token: number): string | undefined {
    const chunks = this.chunks[s]!;
    const k = chunks.findIndex((c) => c.first <= token && token < c.end);
    if (k >= 0) return this.chunkKeys[s]![k];
    const tokens = this.annotated.sentences[s]!.tokens;
    const before = chunks.findIndex((c) => {
      const words = c.place?.split(" ") ?? [];
      const isRightAfter = c.kind === "org" && words.length > 0 && tokens[c.end]?.text === words[0];
      return isRightAfter && c.end <= token && token < c.end + words.length;
    });
    return before >= 0 ? this.chunkKeys[s]![before] : undefined;
  }

  /** Fills orgByName from the organisations found so far. */
  indexOrgNames(): void {
    for (const e of this.entities.values())
      if (isOrgKey(e.key))
        for (const n of [e.name, ...e.surfaces, ...e.acronyms]) this.orgByName.set(foldText(n), e.key);
  }

  /** A body named only where another is said to be affiliated to it ("the Abc-affiliated X"). */
  namedBody(name: string, s: number): string | undefined {
    if (!/^\p{Lu}/u.test(name) || name.includes(" ")) return undefined;
    const key = `acr:${name}`;
    if (!this.entities.has(key))
      this.entities.set(key, {
        key,
        type: "Organization",
        name,
        surfaces: [name],
        acronyms: [name],
        mentions: 1,
        isAcronymOnly: true,
        firstSentence: s,
        properties: {},
      });
    return key;
  }

  countryEntity(country: string, s: number): string {
    const key = `country:${country}`;
    if (!this.entities.has(key))
      this.entities.set(key, {
        key,
        type: "Country",
        name: country,
        surfaces: [country],
        acronyms: [],
        mentions: 0,
        isAcronymOnly: false,
        firstSentence: s,
        properties: {},
      });
    return key;
  }

  /** The place a sentence names after "in", "to" or "at" (a country, or a city the lexicon places). */
  placeOf(s: number): { name: string; country: string } | undefined {
    const tokens = this.annotated.sentences[s]!.tokens;
    for (let t = 0; t + 1 < tokens.length; t++) {
      if (!/^(in|to|at)$/i.test(tokens[t]!.text)) continue;
      const name = tokens[t + 1]!.text;
      const country = countryOf(name) ?? countryOfCity(name);
      if (
        country &&
        (tokens[t + 1]!.ner === "LOCATION" || tokens[t + 1]!.ner === "CITY" || tokens[t + 1]!.ner === "COUNTRY")
      )
        return { name, country };
    }
    return undefined;
  }

  /** Makes the event of a sentence's trigger, with its date and place where the sentence gives them. */
  addEvent(kind: EventKind, s: number, trigger: number, participants: string[]): string {
    const key = `event:${kind}:${s}:${trigger}`;
    const sentence = this.annotated.sentences[s]!;
    const found = findDate(this.annotated.text.slice(sentence.start, sentence.end), this.options.referenceDate);
    const properties: Record<string, string> = { kind };
    if (found?.date) properties.date = found.date;
    else if (found?.dateText) properties.dateText = found.dateText;
    const names = participants.map((p) => this.entities.get(p)?.name ?? p);
    const name = `${kind[0]!.toUpperCase()}${kind.slice(1)}: ${names.slice(0, 3).join(", ")}${names.length > 3 ? ", ..." : ""}`;
    properties.title = name;
    const place = this.placeOf(s);
    if (place) {
      properties.place = place.name;
      this.sink.add("LOCATED_IN", key, this.countryEntity(place.country, s), this.evidenceOf(s), PLACE_CONFIDENCE);
    }
    this.events.set(key, {
      key,
      type: "Event",
      name,
      surfaces: [],
      acronyms: [],
      mentions: 1,
      isAcronymOnly: false,
      firstSentence: s,
      properties,
      participants,
      eventKind: kind,
    });
    return key;
  }
}

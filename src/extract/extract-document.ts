/**
 * extractDocument: one SourceDocument to local entities and relations with evidence. Pure: no I/O, no clock.
 * Precision first: a relation is emitted only when a pattern names both ends in one sentence.
 */
import type {
  Diagnostic,
  DocumentMeta,
  Entity,
  EntityType,
  EventKind,
  Evidence,
  PropertyValue,
  Relation,
  SourceDocument,
} from "../domain/model.js";
import { analyseSentence, type NameSpan, type OrgSpan, type SentenceAnalysis } from "./analyse-sentence.js";
import { findDate } from "./dates.js";
import { findRelations } from "./find-relations.js";
import { foldText } from "./fold.js";
import { initialsOf, orgKey } from "./org-key.js";
import type { DocumentExtraction, EntityDetails, LocalEntity, LocalRelation } from "./types.js";

/** Options of extraction. */
export interface ExtractOptions {
  /** the document's date (YYYY[-MM[-DD]]); relative dates resolve against it, else stay text */
  referenceDate?: string;
}

/** A positioned thing in a sentence that relation patterns reason over. */
export interface Item {
  kind: "role" | "org" | "person" | "place";
  start: number;
  end: number;
  /** local entity key (org, person, country) or the normalised role */
  ref: string;
  /** for org items: the span */
  org?: OrgSpan;
  /** for place items: city name when it is a city */
  city?: string;
}

/** A role named together with an organisation but without a person ("the Head of the FTURK"). */
export interface RoleReference {
  sentence: number;
  start: number;
  end: number;
  role: string;
  org: string;
}

/** Everything the relation patterns need about a document. */
export interface DocumentContext {
  doc: SourceDocument;
  options: ExtractOptions;
  analyses: SentenceAnalysis[];
  items: Item[][];
  entities: Map<string, LocalEntity>;
  relations: LocalRelation[];
  diagnostics: Diagnostic[];
  roleRefs: RoleReference[];
  /** local org key of the organisation the document is mostly about */
  dominantOrg?: string;
  evidenceOf(sentence: number): Evidence;
  addRelation(
    rel: Omit<LocalRelation, "evidence" | "properties"> & {
      properties?: Record<string, PropertyValue>;
      sentence: number;
    },
  ): void;
  addEvent(
    kind: EventKind,
    key: string,
    sentence: number,
    props: Record<string, PropertyValue>,
    participants: string[],
  ): string;
}

function metaOf(doc: SourceDocument): DocumentMeta {
  const meta: DocumentMeta = { id: doc.id, path: doc.path };
  if (doc.title !== undefined) meta.title = doc.title;
  if (doc.date !== undefined) meta.date = doc.date;
  if (doc.url !== undefined) meta.url = doc.url;
  if (doc.source !== undefined) meta.source = doc.source;
  if (doc.language !== undefined) meta.language = doc.language;
  return meta;
}

const GENERIC_WINDOW = 3;

/** Extracts entities and relations from one document; content problems become diagnostics, never exceptions. */
export function extractDocument(doc: SourceDocument, options: ExtractOptions = {}): DocumentExtraction {
  const analyses = doc.sentences.map((s) => analyseSentence(s));
  const entities = new Map<string, LocalEntity>();
  const diagnostics: Diagnostic[] = [];
  const evidenceOf = (index: number): Evidence => {
    const s = doc.sentences[index]!;
    return { document: doc.id, sentence: s.text, start: s.start, end: s.end };
  };
  const touch = (
    key: string,
    type: EntityType,
    surface: string,
    sentence: number,
    isFullName: boolean,
  ): LocalEntity => {
    let e = entities.get(key);
    if (!e) {
      e = {
        key,
        type,
        name: surface,
        surfaces: [],
        acronyms: [],
        mentions: 0,
        isAcronymOnly: !isFullName,
        evidence: evidenceOf(sentence),
        properties: {},
      };
      entities.set(key, e);
    }
    e.mentions += 1;
    if (!e.surfaces.includes(surface)) e.surfaces.push(surface);
    if (isFullName) {
      if (e.isAcronymOnly || surface.length > e.name.length) {
        e.isAcronymOnly = false;
        e.name = surface;
        e.type = type;
      }
    }
    return e;
  };

  // ---- organisations: full names cluster by order-free key; acronyms link to them; short forms to recent ones
  const orgOf = new Map<OrgSpan, string>();
  const acronymTo = new Map<string, string>();
  const headOf = new Map<string, string>();
  const fullNames: { key: string; name: string; initials: string[] }[] = [];
  const fullNameSeen = new Set<string>();
  analyses.forEach((a) => {
    for (const o of a.orgs) {
      if (o.form !== "full") continue;
      const key = `org:${orgKey(o.name)}`;
      orgOf.set(o, key);
      const e = touch(key, o.type, o.name, a.index, true);
      if (!headOf.has(key)) headOf.set(key, o.head);
      for (const acr of o.acronyms) {
        if (!acronymTo.has(acr)) acronymTo.set(acr, key);
        if (!e.acronyms.includes(acr)) e.acronyms.push(acr);
        if (!e.surfaces.includes(acr)) e.surfaces.push(acr);
      }
      if (o.countries.length > 0) {
        const countries = new Set(o.countries);
        if (countries.size === 1) e.properties.country = o.countries[0]!;
      }
      if (!fullNameSeen.has(`${key}|${o.name}`)) {
        fullNameSeen.add(`${key}|${o.name}`);
        fullNames.push({ key, name: o.name, initials: initialsOf(o.name) });
      }
    }
  });
  // loose acronyms "(CGT)": the nearest organisation before them in the sentence, when the letters fit
  for (const a of analyses) {
    for (const loose of a.looseAcronyms) {
      const before = a.orgs.filter((o) => o.form === "full" && o.end <= loose.start);
      const owner = before[before.length - 1];
      if (!owner) continue;
      const letters = new Set(initialsOf(owner.name).flatMap((i) => i.split("")));
      if (loose.acronym.split("").every((ch) => letters.has(ch)) && !acronymTo.has(loose.acronym)) {
        const key = orgOf.get(owner)!;
        acronymTo.set(loose.acronym, key);
        const e = entities.get(key)!;
        e.acronyms.push(loose.acronym);
        e.surfaces.push(loose.acronym);
      }
    }
  }
  // initials and first words of the full names, indexed once (documents can be long)
  const keysByInitials = new Map<string, Set<string>>();
  const keysByFirstWord = new Map<string, Set<string>>();
  const index = (map: Map<string, Set<string>>, k: string, v: string) => map.set(k, (map.get(k) ?? new Set()).add(v));
  for (const f of fullNames) {
    for (const i of f.initials) index(keysByInitials, i, f.key);
    index(keysByFirstWord, f.name.split(" ")[0]!, f.key);
  }
  const resolveAcronym = (acr: string): string | undefined => {
    const defined = acronymTo.get(acr);
    if (defined) return defined;
    const byInitials = [...(keysByInitials.get(foldText(acr).toUpperCase()) ?? [])];
    if (byInitials.length === 1) return byInitials[0];
    const byPrefix = [...(keysByFirstWord.get(acr) ?? [])];
    if (byPrefix.length === 1) return byPrefix[0];
    return undefined;
  };
  analyses.forEach((a) => {
    for (const o of a.orgs) {
      if (o.form !== "acronym") continue;
      const linked = resolveAcronym(o.name);
      if (linked) {
        orgOf.set(o, linked);
        const e = touch(linked, entities.get(linked)!.type, o.name, a.index, false);
        if (!e.acronyms.includes(o.name) && o.name === o.name.toUpperCase()) e.acronyms.push(o.name);
        if (!acronymTo.has(o.name)) acronymTo.set(o.name, linked);
        continue;
      }
      const key = `acr:${o.name}`;
      orgOf.set(o, key);
      const e = touch(key, "Organization", o.name, a.index, false);
      if (o.hasOrgContext) e.properties.hasOrgContext = true;
      if (!e.acronyms.includes(o.name)) e.acronyms.push(o.name);
    }
  });
  // short forms ("the Federation of Trade Unions") and descriptors ("the National Trade Union Center of X")
  const mentionCount = (key: string) => entities.get(key)?.mentions ?? 0;
  // the organisation with most mentions per head word, computed once
  const dominantByHead = new Map<string, string | undefined>();
  const dominantOf = (head: string): string | undefined => {
    if (!dominantByHead.has(head)) {
      const sameHead = [...entities.values()]
        .filter((e) => headOf.get(e.key) === head)
        .sort((x, y) => y.mentions - x.mentions);
      const total = sameHead.reduce((n, e) => n + e.mentions, 0);
      dominantByHead.set(head, sameHead[0] && sameHead[0].mentions >= 0.6 * total ? sameHead[0].key : undefined);
    }
    return dominantByHead.get(head);
  };
  const resolvedInSentence = (a: SentenceAnalysis, before: number) =>
    a.orgs
      .filter((o) => o.start < before && orgOf.has(o) && !orgOf.get(o)!.startsWith("acr:"))
      .map((o) => orgOf.get(o)!);
  analyses.forEach((a) => {
    for (const o of a.orgs) {
      if (o.form === "generic") {
        const next = a.orgs.find((n) => n.from === o.to && n.form === "acronym");
        if (next) continue;
        let chosen: string | undefined;
        for (let back = 0; back <= GENERIC_WINDOW && chosen === undefined; back++) {
          const s = analyses[a.index - back];
          if (!s) break;
          const candidates = [
            ...new Set(
              resolvedInSentence(s, back === 0 ? o.start : Number.MAX_SAFE_INTEGER).filter(
                (k) => headOf.get(k) === o.head,
              ),
            ),
          ];
          if (candidates.length === 1) chosen = candidates[0];
          else if (candidates.length > 1) {
            const sorted = candidates.sort((x, y) => mentionCount(y) - mentionCount(x));
            if (mentionCount(sorted[0]!) >= 2 * mentionCount(sorted[1]!)) chosen = sorted[0];
            break;
          }
        }
        chosen ??= dominantOf(o.head);
        if (chosen) {
          orgOf.set(o, chosen);
          touch(chosen, entities.get(chosen)!.type, o.name, a.index, false);
        } else {
          diagnostics.push({
            documentId: doc.id,
            level: "info",
            code: "UNRESOLVED_SHORT_FORM",
            message: `"${o.name}" could refer to more than one organisation; left out.`,
            sentence: a.text,
          });
        }
      } else if (o.form === "descriptor") {
        const country = o.countries[0];
        const candidates = [...entities.values()].filter((e) => e.type === "Union" && e.properties.country === country);
        if (candidates.length === 1) {
          orgOf.set(o, candidates[0]!.key);
          touch(candidates[0]!.key, "Union", o.name, a.index, false);
        }
      }
    }
  });

  // ---- people: named in a person-only context somewhere in the document, then every other mention of them
  const people = new Map<string, { key: string; surname: string; first: string }>();
  const fullNameOfKey = new Map<string, string>();
  const keysBySurname = new Map<string, Set<string>>();
  const personKeyOf = (name: string) => `person:${foldText(name)}`;
  analyses.forEach((a) => {
    for (const n of a.names) {
      if (!n.isStrong) continue;
      const words = n.name.split(" ");
      const key = personKeyOf(n.name);
      if (!people.has(n.name)) {
        const surname = foldText(words[words.length - 1]!);
        people.set(n.name, { key, surname, first: foldText(words[0]!) });
        if (!fullNameOfKey.has(key)) fullNameOfKey.set(key, n.name);
        index(keysBySurname, surname, key);
      }
    }
  });
  const personOf = new Map<NameSpan, string>();
  analyses.forEach((a) => {
    for (const n of a.names) {
      const exact = people.get(n.name);
      let key = exact?.key;
      if (!key) {
        const words = n.name.split(" ");
        const surname = foldText(words[words.length - 1]!);
        const matches = [...(keysBySurname.get(surname) ?? [])];
        const firstOfMatch = matches.length === 1 ? foldText(fullNameOfKey.get(matches[0]!)!.split(" ")[0]!) : "";
        if (matches.length === 1 && (words.length === 1 || firstOfMatch[0] === foldText(words[0]!)[0]))
          key = matches[0];
      }
      if (!key) continue;
      personOf.set(n, key);
      const full = fullNameOfKey.get(key)!;
      touch(key, "Person", n.words >= 2 ? n.name : full, a.index, n.words >= 2);
    }
  });

  // ---- countries named outside organisation names, and countries organisations are in
  analyses.forEach((a) => {
    for (const p of a.places) {
      if (p.isCity || p.isDemonym) continue;
      touch(`country:${p.country}`, "Country", p.country, a.index, true);
      const e = entities.get(`country:${p.country}`)!;
      if (!e.surfaces.includes(p.name)) e.surfaces.push(p.name);
    }
  });

  // ---- items per sentence, in text order, nested ones dropped
  const items: Item[][] = analyses.map((a) => {
    const list: Item[] = [];
    for (const r of a.roles) list.push({ kind: "role", start: r.start, end: r.end, ref: r.role });
    for (const o of a.orgs) {
      const key = orgOf.get(o);
      if (key) list.push({ kind: "org", start: o.itemStart, end: o.itemEnd, ref: key, org: o });
    }
    for (const n of a.names) {
      const key = personOf.get(n);
      if (key) list.push({ kind: "person", start: n.start, end: n.end, ref: key });
    }
    for (const p of a.places) {
      const item: Item = { kind: "place", start: p.start, end: p.end, ref: `country:${p.country}` };
      if (p.isCity) item.city = p.name;
      if (!p.isDemonym) list.push(item);
    }
    list.sort((x, y) => x.start - y.start || y.end - x.end);
    const kept: Item[] = [];
    for (const item of list) {
      const last = kept[kept.length - 1];
      if (last && item.start >= last.start && item.end <= last.end) continue;
      kept.push(item);
    }
    return kept;
  });

  const relations: LocalRelation[] = [];
  const relationIndex = new Map<string, LocalRelation>();
  const evidenceStarts = new Map<string, Set<number>>();
  const ctx: DocumentContext = {
    doc,
    options,
    analyses,
    items,
    entities,
    relations,
    diagnostics,
    roleRefs: [],
    evidenceOf,
    addRelation: ({ type, from, to, properties = {}, confidence, sentence }) => {
      if (from === to) return;
      const discriminator =
        type === "HOLDS_POSITION"
          ? String(properties.role ?? "")
          : type === "MET_WITH"
            ? String(properties.eventId ?? "")
            : "";
      const [a, b] = type === "MET_WITH" && from > to ? [to, from] : [from, to];
      const id = `${type}|${a}|${b}|${discriminator}`;
      const evidence = evidenceOf(sentence);
      const existing = relationIndex.get(id);
      if (existing) {
        const seen = evidenceStarts.get(id)!;
        if (!seen.has(evidence.start)) {
          seen.add(evidence.start);
          existing.evidence.push(evidence);
        }
        existing.confidence = Math.max(existing.confidence, confidence);
        for (const [k, v] of Object.entries(properties))
          if (existing.properties[k] === undefined) existing.properties[k] = v;
        return;
      }
      const rel: LocalRelation = {
        type,
        from: a,
        to: b,
        properties: { ...properties },
        evidence: [evidence],
        confidence,
      };
      relationIndex.set(id, rel);
      evidenceStarts.set(id, new Set([evidence.start]));
      relations.push(rel);
    },
    addEvent: (kind, key, sentence, props, participants) => {
      const eventKey = `event:${kind}:${key}`;
      let e = entities.get(eventKey);
      if (!e) {
        e = {
          key: eventKey,
          type: "Event",
          name: String(props.title ?? kind),
          surfaces: [],
          acronyms: [],
          mentions: 0,
          isAcronymOnly: false,
          evidence: evidenceOf(sentence),
          properties: { kind },
          participants: [],
          eventKind: kind,
        };
        entities.set(eventKey, e);
      }
      e.mentions += 1;
      for (const [k, v] of Object.entries(props)) if (e.properties[k] === undefined) e.properties[k] = v;
      for (const p of participants) if (!e.participants!.includes(p)) e.participants!.push(p);
      return eventKey;
    },
  };
  const orgTotals = [...entities.values()]
    .filter((e) => e.key.startsWith("org:"))
    .sort((x, y) => y.mentions - x.mentions);
  if (orgTotals[0] && (!orgTotals[1] || orgTotals[0].mentions > orgTotals[1].mentions))
    ctx.dominantOrg = orgTotals[0].key;

  findRelations(ctx);

  // acronym-only organisations nobody defined are kept only when used where only an organisation fits
  for (const e of [...entities.values()]) {
    if (!e.key.startsWith("acr:")) continue;
    const isUsed = relations.some((r) => r.from === e.key || r.to === e.key);
    if (e.properties.hasOrgContext !== true && !isUsed) {
      entities.delete(e.key);
      diagnostics.push({
        documentId: doc.id,
        level: "info",
        code: "UNKNOWN_ACRONYM",
        message: `"${e.name}" looks like an acronym but nothing says what it stands for; left out.`,
      });
    }
    delete e.properties.hasOrgContext;
  }

  return toDocumentExtraction(metaOf(doc), [...entities.values()], relations, diagnostics);
}

/** Packs local entities and relations as an Extraction of one document (MENTIONED_IN included). */
function toDocumentExtraction(
  document: DocumentMeta,
  locals: LocalEntity[],
  localRelations: LocalRelation[],
  diagnostics: Diagnostic[],
): DocumentExtraction {
  const details: Record<string, EntityDetails> = {};
  const entities: Entity[] = locals.map((e) => {
    const d: EntityDetails = { acronyms: e.acronyms, mentions: e.mentions, isAcronymOnly: e.isAcronymOnly };
    if (e.participants) d.participants = e.participants;
    details[e.key] = d;
    return {
      id: e.key,
      type: e.type,
      name: e.name,
      aliases: e.surfaces.filter((s) => s !== e.name),
      properties: e.properties,
    };
  });
  const relations: Relation[] = localRelations.map((r) => ({ ...r }));
  for (const e of locals)
    relations.push({
      type: "MENTIONED_IN",
      from: e.key,
      to: document.id,
      properties: {},
      evidence: [e.evidence],
      confidence: 1,
    });
  return { document, documents: [document], entities, relations, diagnostics, details };
}

/** Re-exported for the relation patterns: dates in a sentence. */
export { findDate };

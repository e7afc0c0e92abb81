/** SIGNED: the parties of the agreements the rows read in a sentence, one event per signed document. */
import type { AnnotatedSentence } from "../../domain/annotation.js";
import type { EventKind, Evidence } from "../../domain/model.js";
import type { FoundRelation } from "../patterns/find-relations.js";
import { LINEAR_SIGNING } from "../patterns/relation-patterns.js";
import type { DocumentState } from "./document-state.js";
import { isOrgKey, isPersonKey } from "./keys.js";

/** The body named right after a person in a sentence: "Mr X of the Y Union", "X from the Y" (signs for the Y). */
function bodyNamedAfter(d: DocumentState, s: number, person: string): string | undefined {
  const tokens = d.annotated.sentences[s]!.tokens;
  const k = d.chunkKeys[s]!.indexOf(person);
  if (k < 0) return undefined;
  let t = d.chunks[s]![k]!.end;
  if (!/^(of|from)$/i.test(tokens[t]?.text ?? "")) return undefined;
  t += /^the$/i.test(tokens[t + 1]?.text ?? "") ? 2 : 1;
  const next = d.chunks[s]!.findIndex((c) => c.first === t && c.kind === "org");
  const key = next >= 0 ? d.chunkKeys[s]![next] : undefined;
  return key !== undefined && isOrgKey(key) ? key : undefined;
}

/** The groups of signatories of one agreement row: each group signed one document. */
function signatoryGroups(d: DocumentState, sentence: AnnotatedSentence, s: number, r: FoundRelation): string[][] {
  const party = (k: string) => (isPersonKey(k) ? (d.orgOfPerson.get(k) ?? bodyNamedAfter(d, s, k) ?? k) : k);
  // read along the text, every person named must sign for a body the text names
  if (r.patternId === LINEAR_SIGNING.id && r.a.some((k) => isPersonKey(k) && party(k) === k)) return [];
  // a side's parties are its organisations (a person signs for the one they hold a post in); a side with none
  // is the one person it names, if it names one
  const parties = (keys: string[]) => {
    const orgs = [...new Set(keys.map(party).filter(isOrgKey))];
    const people = keys.filter((k) => isPersonKey(k) && !d.orgOfPerson.has(k));
    return orgs.length > 0 ? orgs : people.length === 1 ? people : [];
  };
  // "A signed agreements with B and C": one agreement per counterpart; "A and B signed" names each signatory,
  // and every one is a party of one agreement among them all
  const everyone = (keys: string[]) => [...new Set(keys.map(party))].filter((k) => isOrgKey(k) || isPersonKey(k));
  // one document signed ("a memorandum") has every party on it; "agreements" are one per counterpart
  const isOneDocument = r.objectToken !== undefined && /^NNP?$/.test(sentence.tokens[r.objectToken]!.pos);
  if (r.isPair) return [everyone(r.a)];
  if (isOneDocument) return [[...parties(r.a), ...parties(r.b)]];
  return parties(r.b).map((b) => [...parties(r.a), b]);
}

/** The agreements of a sentence's people-side relations: an event per signed document, SIGNED from each party. */
export function addAgreements(
  d: DocumentState,
  sentence: AnnotatedSentence,
  s: number,
  personRelations: readonly FoundRelation[],
  evidence: Evidence,
): void {
  for (const r of personRelations) {
    if (r.relation !== "SIGNED") continue;
    // "A, B and C signed agreements with D": where the parse gives sides, the subjects are one side, not parties
    // to each other
    const hasSides = personRelations.some((o) => o.relation === "SIGNED" && !o.isPair && o.trigger === r.trigger);
    if (r.isPair && hasSides) continue;
    signatoryGroups(d, sentence, s, r).forEach((group, g) => {
      const signatories = [...new Set(group)];
      if (signatories.length < 2) return;
      const kind: EventKind = /^(memorandum|memoranda|mou|moc|understanding)$/.test(r.objectLemma ?? "")
        ? "memorandum"
        : "agreement";
      const event = d.addEvent(kind, s, r.trigger * 100 + g, signatories);
      for (const p of signatories) d.sink.add("SIGNED", p, event, evidence, r.confidence);
    });
  }
}

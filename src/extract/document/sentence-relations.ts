/**
 * The relations of each sentence by the rows of RELATION_PATTERNS: a token stands for the person or body its chunk
 * or description names, or the words that refer back say; people-side rows give meetings, events and agreements,
 * organisation-side rows memberships.
 */
import type { FoundRelation, TokenOwners } from "../patterns/find-relations.js";
import { findRelations } from "../patterns/find-relations.js";
import { addAgreements } from "./agreements.js";
import type { DocumentState } from "./document-state.js";
import type { DocumentGroups } from "./groups.js";
import { isPersonKey } from "./keys.js";
import { addMeeting, addParticipation } from "./meetings.js";
import { addMemberships } from "./memberships.js";
import type { References } from "./references.js";

/** What the tokens of sentence s stand for, for the people-side and the organisation-side rows. */
function ownersOf(
  d: DocumentState,
  refs: References,
  groups: DocumentGroups,
  s: number,
): { forPeople: TokenOwners; forOrgs: TokenOwners } {
  const isRole = (t: number) => d.chunks[s]!.some((c) => c.kind === "role" && c.first <= t && t < c.end);
  const forPeople: TokenOwners = {
    ownerOf: (t) => d.descriptorOwner[s]![t] ?? d.chunkOwner(s, t) ?? refs.antecedentOf(s, t),
    isPerson: isPersonKey,
    isRole,
    isExpanding: true,
    referentsOf: (t) => refs.orgReferents(s, t),
    membersOf: (t) => groups.membersOf(s, t),
  };
  const forOrgs: TokenOwners = {
    ownerOf: (t) => d.chunkOwner(s, t),
    isPerson: () => false,
    isRole,
    isExpanding: true,
    referentsOf: (t) => refs.orgReferents(s, t),
  };
  return { forPeople, forOrgs };
}

export function readSentenceRelations(d: DocumentState, refs: References, groups: DocumentGroups): void {
  d.annotated.sentences.forEach((sentence, s) => {
    const { forPeople, forOrgs } = ownersOf(d, refs, groups, s);
    const evidence = d.evidenceOf(s);
    // people-side rows read once: meetings and events here, agreements after the memberships
    const personRelations: FoundRelation[] = findRelations(sentence, forPeople);
    for (const r of personRelations) {
      if (r.relation === "MET_WITH") addMeeting(d, groups, r, s, evidence);
      if (r.relation === "PARTICIPATED_IN") addParticipation(d, r, s, evidence);
    }
    addMemberships(d, sentence, s, findRelations(sentence, forOrgs), evidence);
    addAgreements(d, sentence, s, personRelations, evidence);
  });
}

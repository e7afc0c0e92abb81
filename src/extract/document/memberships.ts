/** MEMBER_OF of a sentence: the rows over the parse, the rows along the text and "X-affiliated Y". */
import type { AnnotatedSentence } from "../../domain/annotation.js";
import type { Evidence } from "../../domain/model.js";
import { foldText } from "../fold.js";
import { AFFILIATION_PREFIX } from "../mentions/chunk-sentence.js";
import type { FoundRelation } from "../patterns/find-relations.js";
import { HYPHEN_AFFILIATION } from "../patterns/relation-patterns.js";
import { findSurfaceMemberships } from "../patterns/surface-memberships.js";
import type { DocumentState } from "./document-state.js";
import { isOrgKey } from "./keys.js";

export function addMemberships(
  d: DocumentState,
  sentence: AnnotatedSentence,
  s: number,
  orgRelations: readonly FoundRelation[],
  evidence: Evidence,
): void {
  for (const r of orgRelations) {
    if (r.relation !== "MEMBER_OF" || r.isPair) continue;
    // an organisation on both sides is a body named in a list of bodies, not a member
    const members = r.a.filter((k) => isOrgKey(k) && !r.b.includes(k));
    for (const a of members)
      for (const b of r.b.filter(isOrgKey))
        d.sink.add("MEMBER_OF", a, b, evidence, r.confidence, { status: r.status ?? "member" });
  }
  // memberships along the text where the parse loses them ("X, XX, affiliated to the Y")
  for (const m of findSurfaceMemberships(sentence.tokens, d.chunks[s]!)) {
    const body = d.chunkKeys[s]![m.body];
    if (!body || !isOrgKey(body)) continue;
    for (const member of m.members.map((k) => d.chunkKeys[s]![k]))
      if (member && isOrgKey(member) && member !== body)
        d.sink.add("MEMBER_OF", member, body, evidence, m.confidence, { status: "member" });
  }
  // "X-affiliated Y": the body by its name in this document, the member the next organisation
  sentence.tokens.forEach((token, t) => {
    const m = AFFILIATION_PREFIX.exec(token.text);
    if (!m) return;
    const body = d.orgByName.get(foldText(m[1]!)) ?? d.namedBody(m[1]!, s);
    const next = d.chunks[s]!.findIndex((c) => c.first > t && c.kind === "org");
    const member = next >= 0 && d.chunks[s]![next]!.first <= t + 3 ? d.chunkKeys[s]![next] : undefined;
    if (body && member && isOrgKey(member))
      d.sink.add("MEMBER_OF", member, body, evidence, HYPHEN_AFFILIATION.confidence, {
        status: HYPHEN_AFFILIATION.status,
      });
  });
}

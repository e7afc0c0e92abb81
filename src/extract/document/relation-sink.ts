/** RelationSink: the relations of one document, one per type, ends and discriminator, with every sentence stating it. */
import type { Evidence, PropertyValue, Relation } from "../../domain/model.js";
import type { LocalRelation } from "../types.js";

/** Collects relations, one per type, ends and discriminator, with every sentence that states it. */
export class RelationSink {
  readonly relations: LocalRelation[] = [];
  private readonly index = new Map<string, LocalRelation>();

  add(
    type: Relation["type"],
    from: string,
    to: string,
    evidence: Evidence,
    confidence: number,
    properties: Record<string, PropertyValue> = {},
  ): void {
    if (from === to) return;
    const [a, b] = type === "MET_WITH" && from > to ? [to, from] : [from, to];
    const id = `${type}|${a}|${b}|${type === "HOLDS_POSITION" ? String(properties.role ?? "") : ""}`;
    const existing = this.index.get(id);
    if (existing) {
      if (!existing.evidence.some((e) => e.start === evidence.start)) existing.evidence.push(evidence);
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
    this.index.set(id, rel);
    this.relations.push(rel);
  }
}

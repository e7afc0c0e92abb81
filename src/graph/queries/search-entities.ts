/** Typo-tolerant search over names and aliases with the full-text index `entity_names`. */
import type { SearchHit } from "../../domain/views.js";
import { QUERY_LIMITS, checkInt, checkText, runRead, type QueryContext } from "./query-context.js";
import { exactCandidates, fulltextCandidates, matchLevel } from "./resolve-entity.js";

/**
 * Entities matching `text`, best first: exact (accent- and case-insensitive) name, alias or acronym matches as
 * resolveEntity finds them (people and organisations before events), then full-text hits ranked by transliteration,
 * all words, then the index's own ranking. `score` is the full-text score (exact hits not found by it score 0).
 */
export async function searchEntities(ctx: QueryContext, text: string, limit = 10): Promise<SearchHit[]> {
  const query = checkText(text, "text");
  const max = checkInt(limit, "limit", 1, QUERY_LIMITS.maxLimit);
  return runRead(ctx, async (tx) => {
    const exact = await exactCandidates(tx, query);
    const candidates = await fulltextCandidates(tx, query, Math.min(3 * max, 300));
    const scoreOf = new Map(candidates.map((c) => [c.elementId, c.score]));
    const isExact = new Set(exact.map((c) => c.elementId));
    const ranked = candidates
      .filter((c) => !isExact.has(c.elementId))
      .map((c, index) => ({ c, index, level: matchLevel(query, c.forms) ?? 5 }))
      .sort((x, y) => x.level - y.level || x.index - y.index)
      .map(({ c }) => c);
    return [...exact, ...ranked].slice(0, max).map((c) => ({ node: c.node, score: scoreOf.get(c.elementId) ?? 0 }));
  });
}

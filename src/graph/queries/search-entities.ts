/** Typo-tolerant search over names and aliases with the full-text index `entity_names`. */
import type { SearchHit } from "../../domain/views.js";
import { QUERY_LIMITS, checkInt, checkText, runRead, type QueryContext } from "./query-context.js";
import { fulltextCandidates, matchLevel } from "./resolve-entity.js";

/**
 * Entities matching `text`, best first: exact (accent- and case-insensitive) name or alias matches, then
 * transliterations, then all words, then the index's own ranking. `score` is the full-text score.
 */
export async function searchEntities(ctx: QueryContext, text: string, limit = 10): Promise<SearchHit[]> {
  const query = checkText(text, "text");
  const max = checkInt(limit, "limit", 1, QUERY_LIMITS.maxLimit);
  return runRead(ctx, async (tx) => {
    const candidates = await fulltextCandidates(tx, query, Math.min(3 * max, 300));
    return candidates
      .map((c, index) => ({ c, index, level: matchLevel(query, c.forms) ?? 5 }))
      .sort((x, y) => x.level - y.level || x.index - y.index)
      .slice(0, max)
      .map(({ c }) => ({ node: c.node, score: c.score }));
  });
}

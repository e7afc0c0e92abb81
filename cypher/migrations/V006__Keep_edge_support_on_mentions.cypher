// Edge support without ever-growing lists (issue 11). Each document that supports an edge gets the edge's key (and
// the confidence it gives) on its MENTIONED_IN from the edge's start, `supports` / `supportConfidences`; the edge
// gets its support as a count and two dates (`sourceCount`, `firstSeen`, `lastSeen`) and keeps the first 50 ids
// of `sources`, as it keeps the first 50 evidence sentences. Edges migrated already (with sourceCount) are left.
MATCH (a)-[r]->()
WHERE type(r) <> 'MENTIONED_IN' AND r.sources IS NOT NULL AND r.sourceCount IS NULL
UNWIND range(0, size(r.sources) - 1) AS i
WITH a, r.key AS key, r.sources[i] AS docId, coalesce(r.sourceConfidences[i], r.confidence) AS confidence
MATCH (a)-[m:MENTIONED_IN]->(:Document {id: docId})
WITH m, collect(key) AS keys, collect(confidence) AS confidences
SET m.supports = coalesce(m.supports, []) + keys,
    m.supportConfidences = coalesce(m.supportConfidences, []) + confidences;
// the count, the first and last document dates, the reference version, then the lists cut to their first 50
MATCH ()-[r]->()
WHERE type(r) <> 'MENTIONED_IN' AND r.sources IS NOT NULL AND r.sourceCount IS NULL
OPTIONAL MATCH (d:Document) WHERE d.id IN r.sources
WITH r, min(d.date) AS first, max(d.date) AS last, size(r.sources) AS count,
     [s IN r.sources WHERE s STARTS WITH 'reference:'][0] AS reference
SET r.sourceCount = count,
    r.firstSeen = first,
    r.lastSeen = last,
    r.reference = coalesce(r.reference, reference),
    r.sources = r.sources[..50],
    r.sourceConfidences = CASE WHEN r.sourceConfidences IS NULL THEN NULL ELSE r.sourceConfidences[..50] END;

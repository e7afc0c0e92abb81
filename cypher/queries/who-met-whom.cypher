// Who met whom, and when: every MET_WITH edge of one person (or of everyone), oldest first, with how we know.
// Parameters (in Neo4j Browser, run these lines first):
//   :param name => 'Satybaldy Dauletalin'
// `name` is a name, an alias or an id; set it to null to list every meeting in the graph.
// MET_WITH has no meaningful direction, so the pattern is undirected; each pair is listed once, with the number of
// meetings (events) behind it and their first and last date.
MATCH (a:Person|Organization)-[m:MET_WITH]-(b:Person|Organization)
WHERE ($name IS NULL AND elementId(a) < elementId(b))
   OR a.id = $name OR a.name = $name OR $name IN a.aliases
OPTIONAL MATCH (d:Document) WHERE d.id IN m.sources
WITH a, b, m, collect(DISTINCT coalesce(d.title, d.path) + coalesce(' (' + d.date + ')', '')) AS documents
RETURN a.name AS person,
       b.name AS met,
       coalesce(m.firstDate, m.date, 'undated') AS date,
       m.lastDate AS lastDate,
       coalesce(m.count, 1) AS meetings,
       m.events AS events,
       m.evidence[0] AS evidence,
       documents
ORDER BY date, person, met

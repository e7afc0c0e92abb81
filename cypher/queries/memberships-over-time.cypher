// A federation's memberships over time: the organisations it belongs to (out) and its members (in), with the
// status (member, applied, joining, restored, suspended, former) and when it was reported, oldest first.
// Parameters (in Neo4j Browser, run these lines first):
//   :param organisation => 'FPRK'
// `organisation` is a name, an alias, an acronym or an id.
MATCH (o:Organization)
WHERE o.id = $organisation OR o.name = $organisation OR o.acronym = $organisation OR $organisation IN o.aliases
MATCH (o)-[m:MEMBER_OF]-(other:Organization)
OPTIONAL MATCH (d:Document) WHERE d.id IN m.sources
WITH o, m, other, startNode(m) = o AS isOut, min(d.date) AS firstReported, collect(DISTINCT d.title) AS documents
RETURN o.name AS organisation,
       CASE WHEN isOut THEN 'member of' ELSE 'has member' END AS relation,
       other.name AS other,
       m.status AS status,
       coalesce(m.date, firstReported) AS date,
       m.evidence[0] AS evidence,
       documents
ORDER BY date, other

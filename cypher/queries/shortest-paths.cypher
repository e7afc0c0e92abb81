// How two entities are connected: all shortest paths over connection edges (never through documents), up to
// 6 hops. Shown as a graph in Neo4j Browser; click an edge to read its `evidence` and `sources`.
// Parameters (in Neo4j Browser, run these lines first):
//   :param from => 'Tomoko Yoshino'
//   :param to => 'Kudratulla Rafikov'
// `from` and `to` are names, aliases, acronyms or ids.
MATCH (a:Person|Organization|Country|Event)
WHERE a.id = $from OR a.name = $from OR a.acronym = $from OR $from IN a.aliases
MATCH (b:Person|Organization|Country|Event)
WHERE (b.id = $to OR b.name = $to OR b.acronym = $to OR $to IN b.aliases) AND a <> b
MATCH p = allShortestPaths((a)-[:MET_WITH|MEMBER_OF|HOLDS_POSITION|SIGNED|PARTICIPATED_IN|LOCATED_IN*..6]-(b))
RETURN p, length(p) AS hops
LIMIT 25

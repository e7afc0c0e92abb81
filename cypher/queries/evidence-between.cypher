// How do we know? Every relationship between two entities, sentence by sentence, with its document.
// Parameters (in Neo4j Browser, run these lines first):
//   :param a => 'Satybaldy Dauletalin'
//   :param b => 'Kudratulla Rafikov'
// `a` and `b` are names, aliases, acronyms or ids.
MATCH (x:Person|Organization|Country|Event)
WHERE x.id = $a OR x.name = $a OR x.acronym = $a OR $a IN x.aliases
MATCH (y:Person|Organization|Country|Event)
WHERE y.id = $b OR y.name = $b OR y.acronym = $b OR $b IN y.aliases
MATCH (x)-[r]-(y)
UNWIND range(0, size(r.evidence) - 1) AS i
OPTIONAL MATCH (d:Document {id: r.evidenceDocs[i]})
RETURN type(r) AS relationship,
       r {.date, .status, .role} AS detail,
       r.evidence[i] AS sentence,
       d.title AS document,
       d.date AS published,
       d.url AS url
ORDER BY relationship, published

// The most connected entities: distinct neighbours over connection edges (documents do not count).
// Parameters (in Neo4j Browser, run these lines first):
//   :param label => 'Person'
//   :param limit => 10
// `label` is Person, Union, Confederation, Organization, Country or Event; null ranks every entity.
MATCH (n)
WHERE ($label IS NULL AND (n:Person OR n:Organization OR n:Country OR n:Event))
   OR ($label IS NOT NULL AND $label IN labels(n) AND $label <> 'Document')
MATCH (n)-[:MET_WITH|MEMBER_OF|HOLDS_POSITION|SIGNED|PARTICIPATED_IN|LOCATED_IN]-(m)
RETURN n.name AS entity,
       [l IN labels(n) WHERE l <> 'Organization' | l][0] AS label,
       count(DISTINCT m) AS connections
ORDER BY connections DESC, entity
LIMIT toInteger($limit)

// Agreements and memoranda with their signatories, newest first, optionally only those one party signed.
// Parameters (in Neo4j Browser, run these lines first):
//   :param party => null
// `party` is a name, an alias, an acronym or an id of a signatory; null lists every agreement.
MATCH (e:Event)
WHERE e.kind IN ['agreement', 'memorandum'] OR EXISTS { (e)<-[:SIGNED]-() }
OPTIONAL MATCH (s)-[sig:SIGNED]->(e)
WITH e, collect(DISTINCT s) AS signers, collect(DISTINCT sig) AS signatures
WHERE $party IS NULL
   OR any(s IN signers WHERE s.id = $party OR s.name = $party OR s.acronym = $party OR $party IN s.aliases)
OPTIONAL MATCH (d:Document) WHERE any(sig IN signatures WHERE d.id IN sig.sources)
RETURN e.name AS agreement,
       e.kind AS kind,
       coalesce(e.date, e.dateText, 'undated') AS date,
       e.place AS place,
       [s IN signers | s.name] AS signatories,
       [sig IN signatures | sig.evidence[0]][0] AS evidence,
       collect(DISTINCT d.title) AS documents
ORDER BY date DESC, agreement

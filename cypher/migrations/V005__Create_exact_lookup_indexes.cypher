// Exact name lookups (CLI, GraphQL arguments, explorer search) before any full-text match: `lookupKeys` holds the
// folded id-free forms of a node's name, aliases and acronym as one string "|key|key|", so that
// `n.lookupKeys CONTAINS '|fprk|'` is an exact match on one whole form, answered by a trigram text index.
CREATE TEXT INDEX person_lookup_keys IF NOT EXISTS FOR (n:Person) ON (n.lookupKeys);
CREATE TEXT INDEX organization_lookup_keys IF NOT EXISTS FOR (n:Organization) ON (n.lookupKeys);
CREATE TEXT INDEX country_lookup_keys IF NOT EXISTS FOR (n:Country) ON (n.lookupKeys);
CREATE TEXT INDEX event_lookup_keys IF NOT EXISTS FOR (n:Event) ON (n.lookupKeys);
// Acronyms of organisations stored before lookupKeys existed are still found exactly.
CREATE INDEX organization_acronym IF NOT EXISTS FOR (n:Organization) ON (n.acronym);

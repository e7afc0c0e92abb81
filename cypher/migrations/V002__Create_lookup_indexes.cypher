// Lookups by name (CLI and API name resolution), by document path (re-import of a changed file) and by event kind/date.
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name);
CREATE INDEX country_name IF NOT EXISTS FOR (n:Country) ON (n.name);
CREATE INDEX event_kind_date IF NOT EXISTS FOR (n:Event) ON (n.kind, n.date);
CREATE INDEX document_path IF NOT EXISTS FOR (n:Document) ON (n.path);

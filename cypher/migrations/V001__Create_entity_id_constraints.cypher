// Every node is MERGEd on a deterministic id: one uniqueness constraint per label backs each MERGE.
// Union and Confederation nodes also carry :Organization, so Organization.id is unique across all organisations.
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT union_id IF NOT EXISTS FOR (n:Union) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT confederation_id IF NOT EXISTS FOR (n:Confederation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT country_id IF NOT EXISTS FOR (n:Country) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT migration_version IF NOT EXISTS FOR (n:__Neo4jMigration) REQUIRE n.version IS UNIQUE;

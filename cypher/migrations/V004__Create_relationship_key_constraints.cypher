// Every relationship is MERGEd on its `key` ("<TYPE>|<from>|<to>|<discriminator>"): one uniqueness constraint
// per relationship type backs each MERGE, so concurrent or repeated imports can never duplicate an edge.
CREATE CONSTRAINT met_with_key IF NOT EXISTS FOR ()-[r:MET_WITH]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT signed_key IF NOT EXISTS FOR ()-[r:SIGNED]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT member_of_key IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT holds_position_key IF NOT EXISTS FOR ()-[r:HOLDS_POSITION]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT participated_in_key IF NOT EXISTS FOR ()-[r:PARTICIPATED_IN]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT located_in_key IF NOT EXISTS FOR ()-[r:LOCATED_IN]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT mentioned_in_key IF NOT EXISTS FOR ()-[r:MENTIONED_IN]-() REQUIRE r.key IS UNIQUE;

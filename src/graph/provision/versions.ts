/** The pinned Neo4j, APOC and Browser versions, read from neo4j-version.json (also used by docker-compose and tests). */
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { PROJECT_ROOT } from "../../config/config.js";

const versionsSchema = z.object({
  neo4j: z.string().regex(/^5\.26\.\d+$/),
  apoc: z.string().regex(/^5\.26\.\d+$/),
  browser: z.string().regex(/^\d+\.\d+\.\d+$/),
  dockerImage: z.string().min(1),
});

/** The pinned versions. */
export type Neo4jVersions = z.infer<typeof versionsSchema>;

/** Reads the pinned versions from the project's neo4j-version.json. */
export function readNeo4jVersions(file = path.join(PROJECT_ROOT, "neo4j-version.json")): Neo4jVersions {
  return versionsSchema.parse(JSON.parse(readFileSync(file, "utf8")));
}

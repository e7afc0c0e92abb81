/** The pinned Neo4j, APOC and Browser versions, read from neo4j-version.env (also read by docker compose and the tests). */
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { PROJECT_ROOT } from "../config/config.js";

const versionsSchema = z.object({
  NEO4J_VERSION: z.string().regex(/^5\.26\.\d+$/),
  APOC_VERSION: z.string().regex(/^5\.26\.\d+$/),
  NEO4J_BROWSER_VERSION: z.string().regex(/^\d+\.\d+\.\d+$/),
});

/** The pinned versions. */
export interface Neo4jVersions {
  neo4j: string;
  apoc: string;
  browser: string;
  /** the official Docker image of the same version (docker compose and Testcontainers) */
  dockerImage: string;
}

/** Parses KEY=VALUE lines (comments and blank lines ignored). */
export function parseEnvFile(text: string): Record<string, string> {
  const entries = text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => {
      const eq = line.indexOf("=");
      return [line.slice(0, eq).trim(), line.slice(eq + 1).trim()] as const;
    });
  return Object.fromEntries(entries);
}

/** Reads the pinned versions from the project's neo4j-version.env. */
export function readNeo4jVersions(file = path.join(PROJECT_ROOT, "neo4j-version.env")): Neo4jVersions {
  const env = versionsSchema.parse(parseEnvFile(readFileSync(file, "utf8")));
  return {
    neo4j: env.NEO4J_VERSION,
    apoc: env.APOC_VERSION,
    browser: env.NEO4J_BROWSER_VERSION,
    dockerImage: `neo4j:${env.NEO4J_VERSION}-community`,
  };
}

/** Reads the pinned Stanford CoreNLP version from the project's corenlp-version.env. */
export function readCoreNlpVersion(file = path.join(PROJECT_ROOT, "corenlp-version.env")): string {
  return z.object({ CORENLP_VERSION: z.string().regex(/^4\.5\.\d+$/) }).parse(parseEnvFile(readFileSync(file, "utf8")))
    .CORENLP_VERSION;
}

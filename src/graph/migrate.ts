/**
 * Applies cypher/migrations/V<NNN>__<Description>.cypher in order, once each. One file runs in one transaction;
 * its checksum is recorded on a (:__Neo4jMigration) node, and a changed applied file is an error.
 */
import type { Driver } from "neo4j-driver";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../config/config.js";
import { DatabaseError, InputError } from "../domain/errors.js";
import type { Logger } from "../log.js";
import { silentLogger } from "../log.js";
import { mapDriverError } from "./errors.js";

/** The default migrations folder. */
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, "cypher", "migrations");

const FILE_PATTERN = /^V(\d{3,})__([A-Za-z0-9_]+)\.cypher$/;

/** One migration file. */
export interface Migration {
  version: number;
  description: string;
  file: string;
  checksum: string;
  statements: string[];
}

/** Splits a migration file into statements: each ends with `;` at the end of a line; `//` comment lines are dropped. */
export function splitStatements(text: string): string[] {
  const withoutComments = text
    .split("\n")
    .filter((line) => !line.trim().startsWith("//"))
    .join("\n");
  return withoutComments
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Reads the migration files of a folder, sorted by version. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .filter((name) => name.endsWith(".cypher"))
    .map((name) => {
      const match = FILE_PATTERN.exec(name);
      if (!match?.[1] || !match[2]) {
        throw new InputError(`Migration file "${name}" is not named V<NNN>__<Description>.cypher.`, {
          input: path.join(dir, name),
          suggestion: "Rename it, e.g. V003__Add_event_index.cypher.",
        });
      }
      const text = readFileSync(path.join(dir, name), "utf8");
      return {
        version: Number(match[1]),
        description: match[2].replace(/_/g, " "),
        file: name,
        checksum: createHash("sha256").update(text).digest("hex"),
        statements: splitStatements(text),
      };
    })
    .sort((a, b) => a.version - b.version);
  const versions = new Set<number>();
  for (const m of migrations) {
    if (versions.has(m.version))
      throw new InputError(`Two migration files share version ${m.version}.`, { input: m.file });
    versions.add(m.version);
  }
  return migrations;
}

/** What a migration run did. */
export interface MigrationResult {
  applied: string[];
  alreadyApplied: string[];
}

/** Applies pending migrations in order; idempotent. */
export async function migrate(
  driver: Driver,
  options: { database?: string; dir?: string; logger?: Logger } = {},
): Promise<MigrationResult> {
  const database = options.database ?? "neo4j";
  const log = options.logger ?? silentLogger;
  const target = `database "${database}"`;
  const migrations = readMigrations(options.dir);
  const result: MigrationResult = { applied: [], alreadyApplied: [] };
  try {
    const { records } = await driver.executeQuery(
      /* Cypher */ `MATCH (m:__Neo4jMigration) RETURN m.version AS version, m.checksum AS checksum`,
      {},
      { database },
    );
    const applied = new Map(records.map((r) => [Number(r.get("version")), String(r.get("checksum"))]));
    for (const migration of migrations) {
      const recorded = applied.get(migration.version);
      if (recorded !== undefined) {
        if (recorded !== migration.checksum) {
          throw new DatabaseError(`Migration ${migration.file} was changed after it was applied.`, {
            input: migration.file,
            suggestion: "Never edit an applied migration: restore it and put the change in a new V<NNN> file.",
          });
        }
        result.alreadyApplied.push(migration.file);
        continue;
      }
      const session = driver.session({ database });
      try {
        await session.executeWrite(async (tx) => {
          for (const statement of migration.statements) await tx.run(statement);
        });
        await session.executeWrite((tx) =>
          tx.run(
            /* Cypher */ `MERGE (m:__Neo4jMigration {version: $version})
             SET m.description = $description, m.file = $file, m.checksum = $checksum, m.appliedAt = datetime()`,
            {
              version: migration.version,
              description: migration.description,
              file: migration.file,
              checksum: migration.checksum,
            },
          ),
        );
      } finally {
        await session.close();
      }
      log.info(`applied ${migration.file}`);
      result.applied.push(migration.file);
    }
  } catch (error) {
    throw mapDriverError(error, target);
  }
  return result;
}

/** The labour-graph CLI entry point. */
import { Command } from "commander";
import { readFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../config/config.js";
import { cypherCommand } from "./commands/cypher.js";
import { dbCommand } from "./commands/db.js";
import { exportCommand } from "./commands/export.js";
import { extractCommand } from "./commands/extract.js";
import { importCommand } from "./commands/import.js";
import { loadCommand } from "./commands/load.js";
import { neighboursCommand } from "./commands/neighbours.js";
import { nlpCommand } from "./commands/nlp.js";
import { pathCommand } from "./commands/path.js";
import { referenceCommand } from "./commands/reference.js";
import { serveCommand } from "./commands/serve.js";
import { startCommand } from "./commands/start.js";
import { topCommand } from "./commands/top.js";
import { whoCommand } from "./commands/who.js";
import { createCliContext } from "./context.js";
import { EXIT, handleError } from "./handle-error.js";

/** The version in package.json: the one source of the version number. */
function readPackageVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as { version: string };
  return pkg.version;
}

async function main(argv: string[]): Promise<number> {
  const ctx = createCliContext();
  const program = new Command("labour-graph")
    .description("A graph of international labour relationships: documents in, a sourced Neo4j graph out.")
    .version(readPackageVersion(), "-V, --version", "print the version of labour-graph")
    .exitOverride()
    .showHelpAfterError();
  for (const build of [
    dbCommand,
    nlpCommand,
    cypherCommand,
    startCommand,
    whoCommand,
    pathCommand,
    neighboursCommand,
    topCommand,
    exportCommand,
    loadCommand,
    referenceCommand,
    importCommand,
    serveCommand,
    extractCommand,
  ])
    program.addCommand(build(ctx));
  await program.parseAsync(argv);
  return ctx.exitCode;
}

// `labour-graph extract --json | head`: a closed pipe ends the output, it is not an error
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(EXIT.OK);
  throw error;
});

main(process.argv).then(
  (code) => {
    // a command may have set a non-error outcome itself (`nlp status`: 3 when stopped)
    process.exitCode ??= code;
  },
  (error: unknown) => {
    process.exitCode = handleError(error);
  },
);

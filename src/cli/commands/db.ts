/** `labour-graph db start|stop|status|migrate`: the managed Neo4j and the schema. */
import { Command } from "commander";
import { managedNeo4jFor } from "../../graph/connection.js";
import { migrate } from "../../graph/migrate.js";
import { withDriver, type CliContext } from "../context.js";
import { EXIT } from "../handle-error.js";

/** Builds the `db` command. */
export function dbCommand(ctx: CliContext): Command {
  const db = new Command("db").description("start, stop and inspect the database; apply the schema");

  db.command("start")
    .description("start the managed local Neo4j (fetched from Maven Central on first start); a no-op if it runs")
    .option("--json", "print the status as JSON")
    .action(async (opts: { json?: boolean }) => {
      if (ctx.config.neo4j.uri !== undefined) {
        const msg = `NEO4J_URI is set: using the existing server at ${ctx.config.neo4j.uri}; nothing to start.`;
        ctx.print(opts.json ? JSON.stringify({ managed: false, uri: ctx.config.neo4j.uri, message: msg }) : msg);
        return;
      }
      const managed = managedNeo4jFor(ctx.config, ctx.logger("db"));
      const { status, alreadyRunning } = await managed.start();
      if (opts.json) ctx.print(JSON.stringify({ managed: true, alreadyRunning, ...status }));
      else
        ctx.print(
          `${alreadyRunning ? "Neo4j is already running" : "Neo4j started"}: ${status.uri} (Neo4j ${status.version}, pid ${status.pid}); browser ${status.browserUrl}; home ${status.home}`,
        );
    });

  db.command("stop")
    .description("stop the managed local Neo4j")
    .option("--json", "print the result as JSON")
    .action(async (opts: { json?: boolean }) => {
      if (ctx.config.neo4j.uri !== undefined) {
        ctx.print(`NEO4J_URI is set: ${ctx.config.neo4j.uri} is not managed by labour-graph; nothing to stop.`);
        return;
      }
      const { wasRunning } = await managedNeo4jFor(ctx.config, ctx.logger("db")).stop();
      ctx.print(
        opts.json ? JSON.stringify({ stopped: wasRunning }) : wasRunning ? "Neo4j stopped." : "Neo4j was not running.",
      );
    });

  db.command("status")
    .description("say whether the database runs, and where; exit code 0 running, 3 stopped (as LSB status)")
    .option("--json", "print the status as JSON")
    .action(async (opts: { json?: boolean }) => {
      if (ctx.config.neo4j.uri !== undefined) {
        const reachable = await withDriver(ctx, async () => true, { schema: "as-is" }).catch(() => false);
        const status = { managed: false, running: reachable, uri: ctx.config.neo4j.uri };
        ctx.print(
          opts.json
            ? JSON.stringify(status)
            : `${reachable ? "reachable" : "not reachable"}: ${status.uri} (NEO4J_URI)`,
        );
        if (!reachable) ctx.exitWith(EXIT.NOT_RUNNING);
        return;
      }
      const status = await managedNeo4jFor(ctx.config).status();
      ctx.print(
        opts.json
          ? JSON.stringify({ managed: true, ...status })
          : status.running
            ? `running: ${status.uri} (Neo4j ${status.version}, pid ${status.pid}); browser ${status.browserUrl}`
            : `stopped (home ${status.home}); start it with \`labour-graph db start\``,
      );
      if (!status.running) ctx.exitWith(EXIT.NOT_RUNNING);
    });

  db.command("migrate")
    .description("apply the schema files under cypher/migrations (idempotent)")
    .action(async () => {
      const result = await withDriver(
        ctx,
        (driver) => migrate(driver, { database: ctx.config.neo4j.database, logger: ctx.logger("migrate") }),
        { schema: "as-is" },
      );
      ctx.print(`${result.applied.length} migration(s) applied, ${result.alreadyApplied.length} already applied.`);
    });

  return db;
}

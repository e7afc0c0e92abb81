/** `labour-graph cypher "<query>" [--param name=value]... [--json] [--write]`. */
import { Command } from "commander";
import { InputError } from "../../domain/errors.js";
import { runCypher } from "../../graph/run-cypher.js";
import { withDriver, type CliContext } from "../context.js";

/** Parses `name=value`; the value is read as JSON when it parses (numbers, booleans, lists), else as a string. */
export function parseParam(text: string, previous: Record<string, unknown> = {}): Record<string, unknown> {
  const eq = text.indexOf("=");
  const name = eq > 0 ? text.slice(0, eq) : "";
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw new InputError(`--param "${text}" is not of the form name=value.`, {
      input: text,
      suggestion: "Example: --param name=Dauletalin --param limit=5",
    });
  }
  const raw = text.slice(eq + 1);
  let value: unknown = raw;
  try {
    value = JSON.parse(raw);
  } catch {
    // a plain string
  }
  return { ...previous, [name]: value };
}

/** Builds the `cypher` command. */
export function cypherCommand(ctx: CliContext): Command {
  return new Command("cypher")
    .description("run a Cypher query (read-only unless --write)")
    .argument("<query>", "the Cypher query; pass values with --param")
    .option(
      "-p, --param <name=value>",
      "a query parameter (repeatable)",
      (v: string, prev: Record<string, unknown>) => parseParam(v, prev),
      {},
    )
    .option("--write", "allow the query to write")
    .option("--json", "print an array of plain JSON records")
    .action(async (query: string, opts: { param: Record<string, unknown>; write?: boolean; json?: boolean }) => {
      const rows = await withDriver(ctx, (driver) =>
        runCypher(driver, query, {
          database: ctx.config.neo4j.database,
          params: opts.param,
          isWrite: opts.write === true,
        }),
      );
      if (opts.json) {
        ctx.print(JSON.stringify(rows));
        return;
      }
      if (rows.length === 0) {
        ctx.print("(no rows)");
        return;
      }
      for (const row of rows)
        ctx.print(
          Object.entries(row)
            .map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
            .join("  |  "),
        );
    });
}

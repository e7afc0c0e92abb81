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

/** "2 nodes created, 1 property set" from the driver's update counters; "no changes" when all are zero. */
export function formatCounters(counters: Record<string, number>): string {
  const words = (name: string, n: number) => {
    const [noun = name, ...rest] = name
      .replace(/([A-Z])/g, " $1")
      .toLowerCase()
      .split(" ");
    const singular = noun.endsWith("ies") ? `${noun.slice(0, -3)}y` : noun.replace(/s$/, "");
    return [n === 1 ? singular : noun, ...rest].join(" ");
  };
  const parts = Object.entries(counters)
    .filter(([, n]) => n > 0)
    .map(([name, n]) => `${n} ${words(name, n)}`);
  return parts.length > 0 ? `changes: ${parts.join(", ")}` : "changes: none";
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
      const { rows, counters } = await withDriver(ctx, (driver) =>
        runCypher(driver, query, {
          database: ctx.config.neo4j.database,
          params: opts.param,
          isWrite: opts.write === true,
        }),
      );
      const changed = formatCounters(counters);
      if (opts.json) {
        ctx.print(JSON.stringify(rows));
        // stdout stays one JSON array of records; what the query changed goes to stderr
        if (opts.write) process.stderr.write(`${changed}\n`);
        return;
      }
      if (rows.length === 0) ctx.print("(no rows)");
      for (const row of rows)
        ctx.print(
          Object.entries(row)
            .map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
            .join("  |  "),
        );
      if (opts.write) ctx.print(changed);
    });
}

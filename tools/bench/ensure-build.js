// Builds dist/ when a source file is newer than the built CLI, sending the build's output to stderr so that
// `--json` keeps stdout for the one result object. The benchmark itself runs from its TypeScript sources (tsx);
// dist/ is what it measures: the importer and the API it starts as child processes (bin/labour-graph.js).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (/\.(ts|graphql|cypher)$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

let isChecked = false;

/** Builds the project unless dist/cli/main.js is newer than every source file (checked once per process). */
export function ensureBuild() {
  if (isChecked) return;
  isChecked = true;
  const built = path.join(ROOT, "dist", "cli", "main.js");
  if (existsSync(built) && statSync(built).mtimeMs >= newestSource(path.join(ROOT, "src"))) return;
  process.stderr.write("[bench] building (npm run build)...\n");
  const result = spawnSync("npm", ["run", "-s", "build"], {
    cwd: ROOT,
    stdio: ["ignore", process.stderr, process.stderr],
  });
  if (result.status !== 0) {
    // tsc still emits on type errors: go on with what was built, but say so
    if (!existsSync(built)) {
      process.stderr.write("[bench] the build failed; fix the errors above and re-run.\n");
      process.exit(2);
    }
    process.stderr.write("[bench] warning: the build reported errors (above); running what was emitted.\n");
  }
}

/** Runs a TypeScript entry of tools/ (through tsx) with the given Node options; exits with its code. */
export function runTool(entry, nodeOptions = []) {
  ensureBuild();
  const result = spawnSync(
    process.execPath,
    [...nodeOptions, "--import", "tsx", path.join(ROOT, entry), ...process.argv.slice(2)],
    { stdio: "inherit", cwd: ROOT },
  );
  process.exitCode = result.status ?? 2;
}

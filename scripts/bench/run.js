// `npm run bench`: builds if needed, then runs the benchmark harness (src/bench/run-bench.ts) in a Node with room
// for the in-process extraction of a 100k corpus (the importer under test runs as its own child process).
import { spawnSync } from "node:child_process";
import { ensureBuild } from "./ensure-build.js";

const entry = ensureBuild("bench/run-bench.js");
const result = spawnSync(process.execPath, ["--max-old-space-size=8192", entry, ...process.argv.slice(2)], {
  stdio: "inherit",
});
process.exitCode = result.status ?? 2;

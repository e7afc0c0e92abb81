// `npm run bench`: builds dist/ if needed, then runs the benchmark harness (tools/bench/run-bench.ts) in a Node
// with room for the in-process extraction of a 100k corpus (the importer under test runs as its own child process).
import { runTool } from "./ensure-build.js";

runTool("tools/bench/run-bench.ts", ["--max-old-space-size=8192"]);

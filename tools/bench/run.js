// `npm run bench`: builds dist/ if needed, then runs the benchmark harness (tools/bench/run-bench.ts) in a Node
// with room for the in-process extraction of a 100k corpus (the importer under test runs as its own child process).
// The harness's own process runs the driver side of the query comparison: it gets the API server's Node options, so
// that both sides of that comparison collect garbage alike.
import { ensureBuild, runTool } from "./ensure-build.js";

ensureBuild();
const { SERVER_NODE_FLAGS } = await import("../../dist/config/server-node-flags.js");
runTool("tools/bench/run-bench.ts", ["--max-old-space-size=8192", ...SERVER_NODE_FLAGS]);

// `npm run bench`: builds if needed, then runs the benchmark harness (src/bench/run-bench.ts).
import { pathToFileURL } from "node:url";
import { ensureBuild } from "./ensure-build.js";

await import(pathToFileURL(ensureBuild("bench/run-bench.js")).href);

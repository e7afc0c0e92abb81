// `npm run bench:load`: builds if needed, then runs the load script (src/bench/load.ts).
import { pathToFileURL } from "node:url";
import { ensureBuild } from "./ensure-build.js";

await import(pathToFileURL(ensureBuild("bench/load.js")).href);

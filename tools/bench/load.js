// `npm run bench:load`: builds dist/ if needed (the API it loads is `labour-graph serve`), then runs the load
// script (tools/bench/load.ts).
import { runTool } from "./ensure-build.js";

runTool("tools/bench/load.ts");

// Empties dist/ before a build, so that files of modules since moved or removed (once src/bench, src/quality) are
// not left behind and published.
import { rmSync } from "node:fs";

rmSync("dist", { recursive: true, force: true });

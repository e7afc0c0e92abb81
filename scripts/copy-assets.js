// Copies the non-TypeScript files of src/ (GraphQL type definitions) next to the compiled JavaScript in dist/.
import { cpSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const ASSET = /\.(graphql)$/;

function copy(dir) {
  for (const name of readdirSync(dir)) {
    const from = path.join(dir, name);
    if (statSync(from).isDirectory()) copy(from);
    else if (ASSET.test(name)) cpSync(from, path.join("dist", path.relative("src", from)));
  }
}
copy("src");

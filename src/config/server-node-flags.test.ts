import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "./config.js";
import { SERVER_NODE_FLAGS } from "./server-node-flags.js";

describe("the API server's Node options", () => {
  const read = (name: string) => readFileSync(`${PROJECT_ROOT}/${name}`, "utf8");

  it("are the ones npm start and the container start it with", () => {
    const start = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts.start;
    expect(start).toBe(`node ${SERVER_NODE_FLAGS.join(" ")} bin/labour-graph.js start`);
    const cmd = /^CMD (\[.*\])$/m.exec(read("Dockerfile"))?.[1];
    expect(JSON.parse(cmd ?? "[]")).toEqual(["node", ...SERVER_NODE_FLAGS, "bin/labour-graph.js", "start"]);
  });

  it("are options Node accepts", () => {
    for (const flag of SERVER_NODE_FLAGS)
      expect(process.allowedNodeEnvironmentFlags.has(flag.split("=")[0]!)).toBe(true);
  });
});

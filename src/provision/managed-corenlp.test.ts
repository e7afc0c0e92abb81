import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CORENLP_PIPELINE } from "../annotate/corenlp-pipeline.js";
import { PROJECT_ROOT } from "../config/config.js";
import { pipelineArguments } from "./managed-corenlp.js";

describe("pipelineArguments", () => {
  it("preloads exactly the annotators that every request runs, with the pipeline's properties as server defaults", () => {
    const args = pipelineArguments();
    expect(args.slice(0, 2)).toEqual(["-preload", CORENLP_PIPELINE.annotators]);
    expect(args.join(" ")).toContain("-ner.applyFineGrained false -ner.useSUTime false -ner.buildEntityMentions true");
  });
});

describe("the docker compose corenlp service", () => {
  const compose = parse(readFileSync(path.join(PROJECT_ROOT, "docker-compose.yml"), "utf8")) as {
    services: Record<string, { ports?: string[]; environment?: Record<string, string>; build?: { context: string } }>;
  };

  it("runs CoreNLP with the same pipeline as the managed server", () => {
    const context = compose.services.corenlp?.build?.context ?? "";
    const dockerfile = readFileSync(path.join(PROJECT_ROOT, context, "Dockerfile"), "utf8");
    expect(dockerfile).toContain(`edu.stanford.nlp.pipeline.StanfordCoreNLPServer -port 9000`);
    expect(dockerfile).toContain(pipelineArguments().join(" "));
  });

  it("is what the api service annotates with, and every service is published on the host's 127.0.0.1 only", () => {
    expect(compose.services.api?.environment?.NLP_URL).toBe("http://corenlp:9000");
    const published = Object.values(compose.services).flatMap((service) => service.ports ?? []);
    expect(published).toContain("127.0.0.1:9000:9000");
    for (const port of published) expect(port).toMatch(/^127\.0\.0\.1:/);
  });
});

import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../domain/errors.js";
import { loadConfig, PROJECT_ROOT } from "./config.js";

describe("loadConfig", () => {
  it("uses the managed database on 127.0.0.1 with no password when nothing is set", () => {
    const config = loadConfig({});
    expect(config.neo4j.isManaged).toBe(true);
    expect(config.neo4j.password).toBeUndefined();
    expect(config.server.host).toBe("127.0.0.1");
    expect(config.managed.boltPort).toBe(7687);
    expect(config.server.port).toBe(4000);
  });

  it("switches to an external server when NEO4J_URI is set", () => {
    const config = loadConfig({ NEO4J_URI: "neo4j+s://example.databases.neo4j.io", NEO4J_PASSWORD: "pw" });
    expect(config.neo4j.isManaged).toBe(false);
    expect(config.neo4j.uri).toBe("neo4j+s://example.databases.neo4j.io");
  });

  it("treats an empty NEO4J_URI as unset", () => {
    expect(loadConfig({ NEO4J_URI: "  " }).neo4j.isManaged).toBe(true);
  });

  it("rejects a port that is not a number, naming the variable and its value", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrowError(ConfigError);
    expect(() => loadConfig({ PORT: "eighty" })).toThrowError(/PORT="eighty"/);
  });

  it("rejects an out-of-range Bolt port", () => {
    expect(() => loadConfig({ NEO4J_BOLT_PORT: "70000" })).toThrowError(/NEO4J_BOLT_PORT="70000"/);
  });

  it("rejects a URI that is not a Bolt or Neo4j URI", () => {
    expect(() => loadConfig({ NEO4J_URI: "http://localhost:7474" })).toThrowError(/NEO4J_URI/);
  });

  it("rejects an unknown log level and a short JWT secret", () => {
    expect(() => loadConfig({ LOG_LEVEL: "loud" })).toThrowError(/LOG_LEVEL/);
    expect(() => loadConfig({ JWT_SECRET: "short" })).toThrowError(/JWT_SECRET/);
  });

  it("runs 4 path searches at once unless MAX_PATH_SEARCHES says otherwise, and refuses 0", () => {
    expect(loadConfig({}).server.maxPathSearches).toBe(4);
    expect(loadConfig({ MAX_PATH_SEARCHES: "16" }).server.maxPathSearches).toBe(16);
    expect(() => loadConfig({ MAX_PATH_SEARCHES: "0" })).toThrowError(/MAX_PATH_SEARCHES="0"/);
  });

  it("returns a frozen configuration", () => {
    expect(Object.isFrozen(loadConfig({}))).toBe(true);
  });

  it("names the first bad variable as the error's input", () => {
    try {
      loadConfig({ NEO4J_HEAP: "lots" });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).input).toBe("NEO4J_HEAP");
    }
  });

  describe("nlp", () => {
    it("runs the managed CoreNLP on port 9000 with a 4g heap, 2 threads and a 60 s timeout when nothing is set", () => {
      const { nlp } = loadConfig({});
      expect(nlp.url).toBeUndefined();
      expect(nlp).toMatchObject({ port: 9000, heap: "4g", threads: 2, timeoutMs: 60_000 });
      expect(nlp.home).toBe(path.join(PROJECT_ROOT, ".corenlp"));
      expect(nlp.cacheDir).toBe(path.join(PROJECT_ROOT, ".labour-graph", "annotations"));
    });

    it("reads NLP_URL as a comma-separated list of servers, and an empty NLP_URL as unset", () => {
      expect(loadConfig({ NLP_URL: "http://10.0.0.5:9000" }).nlp.url).toEqual(["http://10.0.0.5:9000"]);
      expect(loadConfig({ NLP_URL: " http://a:9000/ , https://b.example/corenlp" }).nlp.url).toEqual([
        "http://a:9000/",
        "https://b.example/corenlp",
      ]);
      expect(loadConfig({ NLP_URL: " " }).nlp.url).toBeUndefined();
    });

    it("rejects an NLP_URL that is not a list of http(s) URLs, naming the variable", () => {
      expect(() => loadConfig({ NLP_URL: "localhost:9000" })).toThrowError(/NLP_URL="localhost:9000"/);
      expect(() => loadConfig({ NLP_URL: "http://a:9000,,http://b:9000" })).toThrowError(/NLP_URL/);
    });

    it("takes the port, heap, timeout and threads from NLP_PORT, NLP_HEAP, NLP_TIMEOUT_MS and NLP_THREADS", () => {
      const { nlp } = loadConfig({ NLP_PORT: "9111", NLP_HEAP: "3g", NLP_TIMEOUT_MS: "5000", NLP_THREADS: "4" });
      expect(nlp).toMatchObject({ port: 9111, heap: "3g", timeoutMs: 5000, threads: 4 });
    });

    it("rejects a heap that is not a JVM size and a timeout that is not positive", () => {
      expect(() => loadConfig({ NLP_HEAP: "4GB" })).toThrowError(/NLP_HEAP="4GB"/);
      expect(() => loadConfig({ NLP_TIMEOUT_MS: "0" })).toThrowError(/NLP_TIMEOUT_MS/);
    });

    it("keeps the server home next to a moved LABOUR_GRAPH_HOME, unless NLP_HOME says where", () => {
      expect(loadConfig({ LABOUR_GRAPH_HOME: "/data/lg/.neo4j" }).nlp.home).toBe("/data/lg/.corenlp");
      expect(loadConfig({ LABOUR_GRAPH_HOME: "/data/lg/.neo4j", NLP_HOME: "/opt/corenlp" }).nlp.home).toBe(
        "/opt/corenlp",
      );
    });

    it("puts the annotation cache where NLP_CACHE_DIR says, resolved to an absolute path", () => {
      expect(loadConfig({ NLP_CACHE_DIR: "cache/annotations" }).nlp.cacheDir).toBe(path.resolve("cache/annotations"));
    });
  });
});

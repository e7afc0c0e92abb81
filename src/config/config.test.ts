import { describe, expect, it } from "vitest";
import { ConfigError } from "../domain/errors.js";
import { loadConfig } from "./config.js";

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
});

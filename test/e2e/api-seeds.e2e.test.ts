/** Issue 4 acceptance 1-3 on the seed articles, imported by the real importer and queried over HTTP. */
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config/config.js";
import { importPaths } from "../../src/pipeline/import-paths.js";
import { startApi, type RunningApi } from "../helpers/api-client.js";
import { TestHelper, testAnnotateContext } from "../helpers/test-helper.js";

const helper = new TestHelper();
let api: RunningApi;
const SEEDS = path.join(PROJECT_ROOT, "seeds");

interface Edge {
  type: string;
  evidence: { sentence: string; document: { id: string; title: string | null; path: string | null } }[];
}
interface Path {
  nodes: { name: string; label: string }[];
  edges: Edge[];
}

const PATH_FIELDS = /* GraphQL */ `nodes { id name label } edges { type from to evidence { sentence document { id title path } } }`;

beforeAll(async () => {
  await helper.clearGraph();
  const files = readdirSync(SEEDS)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => path.join(SEEDS, f));
  await importPaths(files, {
    annotate: testAnnotateContext(),
    driver: helper.driver,
    database: helper.settings.database,
  });
  api = await startApi(helper.settings, helper.driver);
});
afterAll(async () => {
  await api?.close();
  await helper.close();
});

/** The document text an evidence sentence must come from. */
async function documentContains(documentId: string, sentence: string): Promise<boolean> {
  const [row] = await helper.runCypher(/* Cypher */ `MATCH (d:Document {id: $id}) RETURN d.path AS path`, {
    id: documentId,
  });
  const file = String(row?.path ?? "");
  if (file === "") return false;
  const { readFile } = await import("node:fs/promises");
  const text = await readFile(path.isAbsolute(file) ? file : path.join(PROJECT_ROOT, file), "utf8");
  const squash = (s: string) => s.replace(/\s+/g, " ");
  return squash(text).includes(squash(sentence));
}

describe("issue 4 acceptance on the seeds", () => {
  it("1. connects Tomoko Yoshino to Kudratulla Rafikov through Satybaldy Dauletalin, every edge with evidence from its document", async () => {
    const res = await api.graphql<{ connections: Path[] }>(
      `{ connections(from: "Tomoko Yoshino", to: "Kudratulla Rafikov", maxHops: 4, limit: 5) { ${PATH_FIELDS} } }`,
    );
    expect(res.errors).toBeUndefined();
    const through = res.data!.connections.find((p) => p.nodes.some((n) => /Dauletalin/.test(n.name)));
    expect(through, JSON.stringify(res.data?.connections.map((p) => p.nodes.map((n) => n.name)))).toBeDefined();
    for (const edge of through!.edges) {
      expect(edge.evidence.length).toBeGreaterThan(0);
      for (const ev of edge.evidence)
        expect(await documentContains(ev.document.id, ev.sentence), ev.sentence).toBe(true);
    }
  });

  it("2a. connects FTUU to ITUC via FPRK", async () => {
    const res = await api.graphql<{ connections: Path[] }>(
      `{ connections(from: "FTUU", to: "ITUC", maxHops: 4, limit: 10) { ${PATH_FIELDS} } }`,
    );
    expect(res.errors).toBeUndefined();
    const routes = res.data!.connections.map((p) => p.nodes.map((n) => `${n.name} (${n.label})`).join(" > "));
    const viaFprk = res.data!.connections.filter((p) =>
      p.nodes.slice(1, -1).some((n) => n.label !== "Country" && /Republic of Kazakhstan|FPRK/.test(n.name)),
    );
    expect(viaFprk.length, routes.join("\n")).toBeGreaterThan(0);
    for (const p of viaFprk) for (const edge of p.edges) expect(edge.evidence.length).toBeGreaterThan(0);
  });

  it("2b. includes the five people Dauletalin met in his neighbourhood at depth 1", async () => {
    const res = await api.graphql<{ neighbourhood: { nodes: { name: string; label: string }[] } }>(
      `{ neighbourhood(id: "Dauletalin", depth: 1) { nodes { name label } } }`,
    );
    expect(res.errors).toBeUndefined();
    const people = res.data!.neighbourhood.nodes.filter((n) => n.label === "Person").map((n) => n.name);
    for (const name of [/Yoshino/, /Rafikov/, /Visentini/, /zkan/, /Mohbaliyev|Mokhbaliyev/]) {
      expect(
        people.some((p) => name.test(p)),
        `${String(name)} in ${people.join(", ")}`,
      ).toBe(true);
    }
  });

  it("2c. lists Dauletalin among the common connections of Visentini and Özkan", async () => {
    const res = await api.graphql<{ commonConnections: { node: { name: string } }[] }>(
      `{ commonConnections(a: "Luca Visentini", b: "Kemal Özkan") { node { name } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.commonConnections.map((c) => c.node.name).some((n) => /Dauletalin/.test(n))).toBe(true);
  });

  it("2d. returns Dauletalin first for 'Dauletalin' and 'Satibaldi Dauletalin'", async () => {
    for (const text of ["Dauletalin", "Satibaldi Dauletalin"]) {
      const res = await api.graphql<{ search: { node: { name: string; label: string } }[] }>(
        `query($t: String!) { search(text: $t, limit: 5) { node { name label } } }`,
        { t: text },
      );
      expect(res.data!.search[0]?.node.label, text).toBe("Person");
      expect(res.data!.search[0]?.node.name, text).toMatch(/Dauletalin/);
    }
  });

  it("3. answers people -> HOLDS_POSITION -> organisation -> MEMBER_OF with roles and statuses", async () => {
    const res = await api.graphql<{
      people: {
        name: string;
        positionsConnection: {
          edges: {
            properties: { role: string | null };
            node: {
              name: string;
              memberOfConnection: { edges: { properties: { status: string | null }; node: { name: string } }[] };
            };
          }[];
        };
      }[];
    }>(/* GraphQL */ `
      {
        people(where: { name: { contains: "Dauletalin" } }) {
          name
          positionsConnection {
            edges {
              properties {
                role
                evidence
              }
              node {
                name
                memberOfConnection {
                  edges {
                    properties {
                      status
                    }
                    node {
                      name
                    }
                  }
                }
              }
            }
          }
        }
      }
    `);
    expect(res.errors).toBeUndefined();
    const positions = res.data!.people.flatMap((p) => p.positionsConnection.edges);
    const fprk = positions.find((e) => /Kazakhstan/.test(e.node.name));
    expect(fprk?.properties.role, JSON.stringify(positions)).toMatch(/chair/i);
    const memberships = fprk?.node.memberOfConnection.edges ?? [];
    expect(
      memberships.some(
        (m) => /International Trade Union Confederation|ITUC/.test(m.node.name) && m.properties.status !== null,
      ),
      JSON.stringify(memberships),
    ).toBe(true);
  });
});

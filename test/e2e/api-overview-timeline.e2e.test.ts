/** The overview and timeline queries over HTTP on the fixture graph of test/fixtures/explore-graph.ts, checked with Cypher. */
import { describe, expect, it } from "vitest";
import { useFixtureApi } from "../helpers/api-client.js";
import { TestHelper } from "../helpers/test-helper.js";

const helper = new TestHelper();
const api = useFixtureApi(helper);

const OVERVIEW = /* GraphQL */ `
  query {
    overview(limit: 3) {
      nodes {
        type
        count
      }
      relationships {
        type
        count
      }
      people {
        degree
        node {
          id
        }
      }
      organisations {
        node {
          id
          labels
        }
      }
      documents {
        id
        date
      }
      events {
        id
        properties
      }
    }
  }
`;

const TIMELINE = /* GraphQL */ `
  query ($id: String!) {
    timeline(id: $id) {
      node {
        id
      }
      entries {
        kind
        date
        dateSource
        other {
          id
        }
        event {
          id
        }
        edge {
          type
          evidence {
            document {
              id
            }
          }
        }
      }
    }
  }
`;

interface Overview {
  overview: {
    nodes: { type: string; count: number }[];
    relationships: { type: string; count: number }[];
    people: { degree: number; node: { id: string } }[];
    organisations: { node: { id: string; labels: string[] } }[];
    documents: { id: string; date: string | null }[];
    events: { id: string; properties: { date?: string } }[];
  };
}

interface Timeline {
  timeline: {
    node: { id: string };
    entries: {
      kind: string;
      date: string | null;
      dateSource: string | null;
      other: { id: string };
      event: { id: string } | null;
      edge: { type: string; evidence: { document: { id: string } }[] };
    }[];
  };
}

describe("overview", () => {
  it("counts every label and type as the database does, ranks people by connections, lists the newest first", async () => {
    const answer = await api.graphql<Overview>(OVERVIEW);
    expect(answer.errors).toBeUndefined();
    const overview = answer.data!.overview;
    for (const { type, count } of overview.nodes) {
      const [row] = await helper.runCypher(/* Cypher */ `MATCH (n) WHERE $l IN labels(n) RETURN count(n) AS c`, {
        l: type,
      });
      expect(count, type).toBe(Number(row!.c));
    }
    for (const { type, count } of overview.relationships) {
      const [row] = await helper.runCypher(/* Cypher */ `MATCH ()-[r]->() WHERE type(r) = $t RETURN count(r) AS c`, {
        t: type,
      });
      expect(count, type).toBe(Number(row!.c));
    }
    const degrees = overview.people.map((p) => p.degree);
    expect(degrees).toEqual([...degrees].sort((a, b) => b - a));
    expect(overview.people).toHaveLength(3);
    expect(overview.organisations.every((o) => o.node.labels.includes("Organization"))).toBe(true);
    const [newest] = await helper.runCypher(
      /* Cypher */ `MATCH (d:Document) RETURN d.id AS id ORDER BY d.date DESC LIMIT 1`,
    );
    expect(overview.documents[0]!.id).toBe(newest!.id);
    const eventDates = overview.events.map((e) => e.properties.date ?? "");
    expect(eventDates).toEqual([...eventDates].sort().reverse());
  });

  it("refuses a list longer than 20 with a message naming the argument", async () => {
    const answer = await api.graphql(`{ overview(limit: 50) { nodes { type } } }`);
    expect(answer.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(answer.errors?.[0]?.message).toContain('"limit"');
  });
});

describe("timeline", () => {
  it("lists a person's meetings and positions oldest first, undated last, each with the documents of its evidence", async () => {
    const answer = await api.graphql<Timeline>(TIMELINE, { id: "Satybaldy Dauletalin" });
    expect(answer.errors).toBeUndefined();
    const { node, entries } = answer.data!.timeline;
    expect(node.id).toBe("person:satybaldy-dauletalin");
    const dated = entries.filter((e) => e.date !== null).map((e) => e.date!);
    expect(dated).toEqual([...dated].sort());
    expect(entries.slice(dated.length).every((e) => e.date === null)).toBe(true);
    expect(entries.map((e) => e.kind)).toEqual(expect.arrayContaining(["meeting", "position"]));
    // each meeting entry is dated by its own meeting: the stored date of the MET_WITH edge or of its event
    for (const entry of entries.filter((e) => e.kind === "meeting" && e.dateSource !== "reported" && e.date)) {
      const [row] = await helper.runCypher(
        /* Cypher */ `
        MATCH (p:Person {id: $p})-[r:MET_WITH]-(o {id: $o})
        OPTIONAL MATCH (ev:Event) WHERE ev.id IN coalesce(r.events, []) AND ev.id = $event
        RETURN r.date AS edgeDate, r.firstDate AS first, ev.date AS eventDate`,
        { p: node.id, o: entry.other.id, event: entry.event?.id ?? "" },
      );
      expect([row!.edgeDate, row!.first, row!.eventDate]).toContain(entry.date);
    }
    for (const entry of entries) expect(entry.edge.evidence.length).toBeGreaterThan(0);
  });

  it("answers a document's id too, so a document opens like an entity", async () => {
    const [doc] = await helper.runCypher(/* Cypher */ `MATCH (d:Document) RETURN d.id AS id, d.title AS title LIMIT 1`);
    const answer = await api.graphql<{ entity: { node: { id: string; name: string; label: string } } }>(
      `query ($id: String!) { entity(id: $id) { node { id name label } } }`,
      { id: doc!.id },
    );
    expect(answer.data?.entity.node).toEqual({ id: doc!.id, name: doc!.title, label: "Document" });
  });
});

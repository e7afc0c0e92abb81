/**
 * Generated load for the query benchmark at scale: people, organisations and relationships added to the imported
 * graph until it holds a target number of relationships, shaped like the real one (a few hub organisations with
 * most memberships, pairs of people who met, evidence citing the imported documents), written the way the importer
 * writes edges (keys, support counts, dates, capped evidence). Faster than importing millions of articles, and it
 * asks the queries the same questions: hubs with tens of thousands of edges, typos in names, long paths.
 */
import type { Driver } from "neo4j-driver";
import { MAX_EVIDENCE_PER_EDGE } from "../../src/domain/model.js";
import type { Prng } from "./prng.js";

/** What was added. */
export interface GeneratedLoad {
  people: number;
  organisations: number;
  relationships: number;
  ms: number;
}

const BATCH = 20_000;
const FAMILY = [
  "Ivanova",
  "Okafor",
  "Haddad",
  "Lindqvist",
  "Moreno",
  "Nakamura",
  "Petrov",
  "Osei",
  "Kowalski",
  "Singh",
];
const GIVEN = ["Amina", "Boris", "Carmen", "Dmitri", "Elif", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kwame"];
const ROLES = ["president", "general secretary", "treasurer", "vice president", "chairman"];

/** A Zipf-like pick in [0, n): low indexes (the hubs) far more often than high ones. */
function skewed(prng: Prng, n: number): number {
  return Math.min(n - 1, Math.floor(n ** prng.next()) - 1 + (prng.chance(0.5) ? 0 : prng.int(Math.max(1, n / 100))));
}

const WRITE_PEOPLE = /* Cypher */ `
UNWIND $rows AS row
CREATE (p:Person {id: row.id, name: row.name, aliases: [], searchText: row.name, lookupKeys: row.keys})`;

const WRITE_ORGANISATIONS = /* Cypher */ `
UNWIND $rows AS row
CREATE (o:Organization:Union {id: row.id, name: row.name, aliases: [], searchText: row.name, lookupKeys: row.keys})`;

/** The edge rows of one type: MATCH both ends by id, CREATE with the properties the importer keeps. */
const EDGE_WRITES = {
  MEMBER_OF: /* Cypher */ `
UNWIND $rows AS row
MATCH (a:Person {id: row.from}) MATCH (b:Organization {id: row.to})
CREATE (a)-[r:MEMBER_OF {key: row.key}]->(b) SET r += row.props`,
  HOLDS_POSITION: /* Cypher */ `
UNWIND $rows AS row
MATCH (a:Person {id: row.from}) MATCH (b:Organization {id: row.to})
CREATE (a)-[r:HOLDS_POSITION {key: row.key}]->(b) SET r += row.props`,
  MET_WITH: /* Cypher */ `
UNWIND $rows AS row
MATCH (a:Person {id: row.from}) MATCH (b:Person {id: row.to})
CREATE (a)-[r:MET_WITH {key: row.key}]->(b) SET r += row.props`,
} as const;

type EdgeType = keyof typeof EDGE_WRITES;

interface EdgeRow {
  key: string;
  from: string;
  to: string;
  props: Record<string, unknown>;
}

function fold(name: string): string {
  return `|${name.toLowerCase().replace(/[^a-z0-9]+/g, " ")}|`;
}

/**
 * Adds generated people, organisations and relationships until the graph holds `targetRelationships`. The existing
 * organisations (the imported hubs) come first in the hub ranking; evidence cites existing documents.
 */
export async function addGeneratedLoad(
  driver: Driver,
  database: string,
  prng: Prng,
  targetRelationships: number,
  onProgress: (message: string) => void = () => undefined,
): Promise<GeneratedLoad> {
  const started = performance.now();
  const read = async (cypher: string) => (await driver.executeQuery(cypher, {}, { database, routing: "READ" })).records;
  const existing = Number((await read(/* Cypher */ `MATCH ()-[r]->() RETURN count(r) AS n`))[0]?.get("n") ?? 0);
  const needed = Math.max(0, targetRelationships - existing);
  if (needed === 0) return { people: 0, organisations: 0, relationships: 0, ms: 0 };
  const hubs = (
    await read(/* Cypher */ `MATCH (o:Organization) RETURN o.id AS id ORDER BY COUNT { (o)--() } DESC`)
  ).map((r) => String(r.get("id")));
  const docs = (
    await read(/* Cypher */ `MATCH (d:Document) RETURN d.id AS id, coalesce(d.date, '2024-01-01') AS date LIMIT 5000`)
  ).map((r) => ({ id: String(r.get("id")), date: String(r.get("date")) }));
  if (docs.length === 0) throw new Error("Generated load needs an imported graph with documents to cite.");

  // about one person per 8 relationships and one organisation per 250 people, as in the imported graphs
  const peopleCount = Math.max(100, Math.round(needed / 8));
  const organisationCount = Math.max(20, Math.round(peopleCount / 250));
  const write = async (cypher: string, rows: unknown[]) => {
    for (let i = 0; i < rows.length; i += BATCH)
      await driver.executeQuery(cypher, { rows: rows.slice(i, i + BATCH) }, { database });
  };
  const people = Array.from({ length: peopleCount }, (_, i) => {
    const name = `${prng.pick(GIVEN)} ${prng.pick(FAMILY)}-${i.toString(36)}`;
    return { id: `person:gen-${i}`, name, keys: fold(name) };
  });
  await write(WRITE_PEOPLE, people);
  const organisations = Array.from({ length: organisationCount }, (_, i) => {
    const name = `Generated Workers Union ${i}`;
    return { id: `org:gen-${i}`, name, keys: fold(name) };
  });
  await write(WRITE_ORGANISATIONS, organisations);
  onProgress(`generated load: ${peopleCount} people, ${organisationCount} organisations written`);
  const targets = [...hubs, ...organisations.map((o) => o.id)];

  const support = () => {
    const count = 1 + skewed(prng, 400);
    const first = prng.pick(docs);
    const last = prng.pick(docs);
    const [firstSeen, lastSeen] = first.date <= last.date ? [first.date, last.date] : [last.date, first.date];
    const cited = Array.from({ length: Math.min(MAX_EVIDENCE_PER_EDGE, 1 + prng.int(3)) }, () => prng.pick(docs).id);
    return {
      confidence: 0.7 + prng.int(30) / 100,
      sourceCount: count,
      sources: cited,
      firstSeen,
      lastSeen,
      evidence: cited.map((_, k) => `Generated sentence ${k} reporting this relationship for the benchmark.`),
      evidenceDocs: cited,
    };
  };
  const keys = new Set<string>();
  let written = 0;
  let pending: Record<EdgeType, EdgeRow[]> = { MEMBER_OF: [], HOLDS_POSITION: [], MET_WITH: [] };
  const flush = async () => {
    for (const type of Object.keys(pending) as EdgeType[]) await write(EDGE_WRITES[type], pending[type]);
    pending = { MEMBER_OF: [], HOLDS_POSITION: [], MET_WITH: [] };
  };
  while (written < needed) {
    const person = people[prng.int(people.length)]!.id;
    const roll = prng.next();
    let row: (EdgeRow & { type: EdgeType }) | undefined;
    if (roll < 0.45) {
      const to = targets[skewed(prng, targets.length)]!;
      row = { type: "MEMBER_OF", key: `MEMBER_OF|${person}|${to}|member`, from: person, to, props: {} };
      row.props = { ...support(), status: "member" };
    } else if (roll < 0.6) {
      const to = targets[skewed(prng, targets.length)]!;
      const role = prng.pick(ROLES);
      row = { type: "HOLDS_POSITION", key: `HOLDS_POSITION|${person}|${to}|${role}`, from: person, to, props: {} };
      row.props = { ...support(), role };
    } else {
      const other = people[skewed(prng, people.length)]!.id;
      if (other === person) continue;
      const [from, to] = person < other ? [person, other] : [other, person];
      row = { type: "MET_WITH", key: `MET_WITH|${from}|${to}|`, from, to, props: {} };
      const s = support();
      row.props = { ...s, count: 1, firstDate: s.firstSeen, lastDate: s.lastSeen };
    }
    if (keys.has(row.key)) continue;
    keys.add(row.key);
    pending[row.type].push({ key: row.key, from: row.from, to: row.to, props: row.props });
    written++;
    if (written % 100_000 === 0) {
      await flush();
      onProgress(`generated load: ${written} of ${needed} relationships`);
    }
  }
  await flush();
  return {
    people: peopleCount,
    organisations: organisationCount,
    relationships: written,
    ms: Math.round(performance.now() - started),
  };
}

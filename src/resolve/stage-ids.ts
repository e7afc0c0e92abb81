/**
 * Stage: clusters become entities with deterministic ids. A cluster holding a stored entity keeps its id; a new one
 * is "<family>:<slug of its name>", with the country, then a hash of its nodes, when that id is taken. Events are
 * left to the events stage. Pure.
 */
import type { Entity } from "../domain/model.js";
import { shortHash, slugify } from "../text/fold.js";
import { buildEntity, type Cluster } from "./build-entity.js";
import type { Resolution } from "./resolution.js";

/** Clusters that hold at least one document node, in the order of their first node, events apart. */
export function clustersOf(r: Resolution): { entityClusters: Cluster[]; eventClusters: Cluster[] } {
  const byRoot = new Map<string, Cluster>();
  for (const n of [...r.aliasNodes, ...r.clusters.knownNodeList(), ...r.nodes]) {
    const root = r.clusters.find(n.id);
    let c = byRoot.get(root);
    if (!c) {
      c = { nodes: [] };
      byRoot.set(root, c);
    }
    if (n.aliasEntry !== undefined) c.aliasEntry = n.aliasEntry;
    else if (n.knownId !== undefined) c.knownId = n.knownId;
    else c.nodes.push(n);
  }
  const sorted = [...byRoot.values()]
    .filter((c) => c.nodes.length > 0)
    .sort((a, b) => (a.nodes[0]!.id < b.nodes[0]!.id ? -1 : 1));
  return {
    entityClusters: sorted.filter((c) => c.nodes[0]!.entity.type !== "Event"),
    eventClusters: sorted.filter((c) => c.nodes[0]!.entity.type === "Event"),
  };
}

/** A new id for a cluster's entity: its slug, else with its country, else with a hash of its nodes. */
function newIdOf(c: Cluster, entity: Entity, isTaken: (id: string) => boolean): string {
  const type = c.nodes[0]!.entity.type;
  const family = type === "Person" ? "person" : type === "Country" ? "country" : "org";
  const id = `${family}:${slugify(entity.name)}`;
  if (!isTaken(id)) return id;
  const country = entity.properties.country;
  const withCountry = typeof country === "string" ? `${id}-${slugify(country)}` : undefined;
  if (withCountry !== undefined && !isTaken(withCountry)) return withCountry;
  let salt = c.nodes
    .map((n) => n.id)
    .sort()
    .join("|");
  let salted: string;
  do {
    salted = `${id}-${shortHash(salt)}`;
    salt = `${salt}|`;
  } while (isTaken(salted));
  return salted;
}

/** The resolved entities, the ids taken, and the entity id of each document node. */
export interface IdentifiedEntities {
  entities: Entity[];
  usedIds: Set<string>;
  globalIdOf: Map<string, string>;
}

/** Builds the entity of each (non-event) cluster and gives it its id. */
export function identifyEntities(r: Resolution, entityClusters: readonly Cluster[]): IdentifiedEntities {
  const out: IdentifiedEntities = { entities: [], usedIds: new Set(), globalIdOf: new Map() };
  const isTaken = (id: string) => out.usedIds.has(id) || r.known.has(id);
  for (const c of entityClusters) {
    const entry = c.aliasEntry !== undefined ? r.aliases.entries[c.aliasEntry] : undefined;
    const stored = c.knownId !== undefined ? r.known.get(c.knownId) : undefined;
    const entity = buildEntity(c, entry, stored);
    const id = stored !== undefined ? stored.id : newIdOf(c, entity, isTaken);
    out.usedIds.add(id);
    entity.id = id;
    out.entities.push(entity);
    for (const n of c.nodes) out.globalIdOf.set(n.id, id);
  }
  return out;
}

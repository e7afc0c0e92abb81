/**
 * Stage: people. Transliteration and typo variants of a name ("Mikhail Orda", "Mikhaıl Orda", "Mikhail Ordá") merge
 * when exactly one person cluster (of these documents, or stored) fits; several make an AMBIGUOUS_PERSON diagnostic
 * and keep the name apart. Clusters are compared only within a block of surnames starting with the same folded
 * letter, and found through a fuzzy surname index. Pure.
 */
import type { ResolutionNode } from "./clustering.js";
import { personBlockOf } from "./known-entities.js";
import { isSamePersonParts, nameParts } from "./person-names.js";
import type { Resolution } from "./resolution.js";
import { SurnameIndex } from "./surname-index.js";

type NameParts = { first?: string; last: string };

/** A person cluster as compared during resolution: each distinct name once, with its parts. */
interface PersonCluster {
  root: string;
  names: Map<string, NameParts>;
}

/** The person clusters of one resolution, indexed by surname block and by fuzzy surname. */
class PersonClusters {
  private readonly blocks = new Map<string, Set<PersonCluster>>();
  private readonly byRoot = new Map<string, PersonCluster>();
  private readonly bySurname = new SurnameIndex<PersonCluster>();
  private readonly partsCache = new Map<string, NameParts>();

  constructor(private readonly r: Resolution) {}

  /** The parts of a name, computed once per distinct name. */
  partsOf(name: string): NameParts {
    let v = this.partsCache.get(name);
    if (v === undefined) this.partsCache.set(name, (v = nameParts(name)));
    return v;
  }

  /** The cluster whose root is this node, if it was added. */
  rooted(root: string): PersonCluster | undefined {
    return this.byRoot.get(root);
  }

  /** Adds a cluster rooted at `root` with these names. */
  add(root: string, names: readonly string[]): PersonCluster {
    const cluster: PersonCluster = { root, names: new Map(names.map((name) => [name, this.partsOf(name)])) };
    this.byRoot.set(root, cluster);
    for (const parts of cluster.names.values()) this.bySurname.add(parts.last, cluster);
    for (const parts of cluster.names.values()) {
      const b = personBlockOf(parts);
      let list = this.blocks.get(b);
      if (list === undefined) this.blocks.set(b, (list = new Set()));
      list.add(cluster);
    }
    return cluster;
  }

  /** Adds a name to a cluster (its block stays the one it was filed under). */
  addName(cluster: PersonCluster, name: string, parts: NameParts = this.partsOf(name)): void {
    if (cluster.names.has(name)) return;
    cluster.names.set(name, parts);
    this.bySurname.add(parts.last, cluster);
  }

  /** True when one of the names can be the same person as `parts`. */
  fits(names: Iterable<NameParts>, parts: NameParts): boolean {
    for (const other of names) {
      this.r.work.nameComparisons++;
      if (isSamePersonParts(other, parts)) return true;
    }
    return false;
  }

  /** The clusters (by current root) a name fits: those of these documents in its block, then stored people. */
  fitting(parts: NameParts): Map<string, PersonCluster> {
    const { clusters, known } = this.r;
    const fits = new Map<string, PersonCluster>();
    const inBlock = this.blocks.get(personBlockOf(parts));
    if (inBlock !== undefined) {
      for (const c of this.bySurname.candidates(parts.last)) {
        if (inBlock.has(c) && this.fits(c.names.values(), parts)) fits.set(clusters.find(c.root), c);
      }
    }
    // stored people not yet drawn into these documents' clusters
    for (const id of known.peopleNear(parts)) {
      if (clusters.hasKnownNode(id) || !this.fits(known.namePartsOf(id), parts)) continue;
      const k = known.get(id)!;
      const kn = clusters.knownNodeOf(k);
      fits.set(clusters.find(kn.id), this.add(kn.id, [k.name, ...k.aliases]));
    }
    return fits;
  }
}

/** People by mentions (most first), then name and id: the order in which they are clustered. */
function personNodes(r: Resolution): ResolutionNode[] {
  return r.nodes
    .filter((n) => n.entity.type === "Person")
    .sort(
      (a, b) =>
        b.mentions - a.mentions ||
        (a.entity.name < b.entity.name ? -1 : a.entity.name > b.entity.name ? 1 : a.id < b.id ? -1 : 1),
    );
}

/** Unites each person with the alias entry that names them exactly, else with the one cluster their name fits. */
export function unitePeople(r: Resolution): void {
  const { clusters, aliases } = r;
  const people = new PersonClusters(r);
  for (const a of r.aliasNodes) if (a.entity.type === "Person") people.add(a.id, [a.entity.name, ...a.entity.aliases]);
  for (const n of personNodes(r)) {
    const name = n.entity.name;
    const exactAlias = aliases.bySurface.get(clusters.fold(name));
    if (exactAlias !== undefined && aliases.entries[exactAlias]!.type === "Person") {
      const aliasNode = r.aliasNodes[exactAlias]!;
      clusters.tryUnion(aliasNode.id, n.id);
      const cluster = people.rooted(aliasNode.id);
      if (cluster !== undefined) people.addName(cluster, name);
      continue;
    }
    const parts = people.partsOf(name);
    const fits = people.fitting(parts);
    const only = fits.size === 1 ? [...fits.values()][0]! : undefined;
    if (only !== undefined && clusters.tryUnion(only.root, n.id)) {
      people.addName(only, name, parts);
      continue;
    }
    if (fits.size > 1) {
      r.diagnostics.push({
        documentId: n.doc?.document.id ?? "",
        level: "warning",
        code: "AMBIGUOUS_PERSON",
        message: `"${name}" is close to ${fits.size} different people; kept apart.`,
      });
    }
    people.add(n.id, [name]);
  }
}

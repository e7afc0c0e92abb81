/**
 * The one clustering structure of resolution: the local entities of every document (and stand-ins for alias
 * entries and stored entities) as nodes of a union-find, whose clusters become the resolved entities. Each stage
 * (stage-*.ts) proposes unions; `tryUnion` refuses those the alias file's `distinct` pairs, two alias entries or
 * two stored entities forbid. Pure.
 */
import { isOrganisationType, type Entity } from "../domain/model.js";
import { orgKey } from "../extract/org-key.js";
import type { DocumentExtraction } from "../extract/types.js";
import { foldText } from "../text/fold.js";
import { isAcronymForm, type AliasTable } from "./alias-table.js";
import { formsOfKnown, type KnownEntities, type KnownEntity } from "./known-entities.js";

/** One local entity of one document, or the stand-in of an alias entry or a known entity. */
export interface ResolutionNode {
  id: string;
  doc?: DocumentExtraction;
  entity: Entity;
  acronyms: string[];
  mentions: number;
  isAcronymOnly: boolean;
  participants: string[];
  /** alias entry this node stands for (alias nodes only) */
  aliasEntry?: number;
  /** known entity this node stands for (known nodes only) */
  knownId?: string;
}

/** Counts of the steps whose number decides how resolution scales (filled in when passed; tests read them). */
export interface ResolutionWork {
  /** person names compared with isSamePersonParts */
  nameComparisons: number;
  /** folded forms copied from one cluster into another by a union */
  formsCopied: number;
  /** cluster roots looked at for acronym-only mentions */
  acronymCandidates: number;
}

/** Zeroed work counters. */
export function emptyResolutionWork(): ResolutionWork {
  return { nameComparisons: 0, formsCopied: 0, acronymCandidates: 0 };
}

/** Memoises a string function: corpora repeat the same names thousands of times. */
export function memo<T>(fn: (s: string) => T): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined) cache.set(s, (v = fn(s)));
    return v;
  };
}

/** Union-find over string ids; the smaller id of two roots becomes the root, whatever the order of unions. */
export class UnionFind {
  private readonly parent = new Map<string, string>();

  /** The root of `x`'s cluster (paths are compressed on the way). */
  find(x: string): string {
    let root = x;
    for (let up = this.parent.get(root); up !== undefined && up !== root; up = this.parent.get(root)) root = up;
    let cur = x;
    while (cur !== root) {
      const next = this.parent.get(cur)!;
      this.parent.set(cur, root);
      cur = next;
    }
    return root;
  }

  /** Joins two roots and returns the new root: the smaller id. */
  unionRoots(ra: string, rb: string): string {
    if (ra < rb) {
      this.parent.set(rb, ra);
      return ra;
    }
    this.parent.set(ra, rb);
    return rb;
  }
}

/** What a cluster root knows about its cluster: folded forms (for distinct pairs), alias entry, known entity. */
interface ClusterInfo {
  forms: Set<string>;
  aliasEntry?: number;
  knownId?: string;
}

type FormPair = readonly [string, string];

/** The clusters of one resolution, with the alias table and the stored entities that constrain them. */
export class Clustering {
  private readonly uf = new UnionFind();
  private readonly info = new Map<string, ClusterInfo>();
  private readonly knownNodes = new Map<string, ResolutionNode>();
  private readonly distinctForms: (readonly [FormPair, FormPair])[];
  /** foldText, memoised */
  readonly fold = memo(foldText);
  /** orgKey, memoised */
  readonly keyOf = memo(orgKey);

  constructor(
    readonly aliases: AliasTable,
    readonly known: KnownEntities,
    readonly work: ResolutionWork,
  ) {
    this.distinctForms = aliases.distinct.map(([x, y]) => [this.formPair(x), this.formPair(y)] as const);
  }

  private formPair(form: string): FormPair {
    return [this.fold(form), `key:${this.keyOf(form)}`];
  }

  /** Makes a node a cluster of its own. */
  register(n: ResolutionNode): void {
    const forms = new Set<string>();
    const isOrg = isOrganisationType(n.entity.type);
    for (const f of [n.entity.name, ...n.entity.aliases, ...n.acronyms]) {
      forms.add(this.fold(f));
      if (isOrg && !isAcronymForm(f)) forms.add(`key:${this.keyOf(f)}`);
    }
    this.info.set(n.id, {
      forms,
      ...(n.aliasEntry !== undefined ? { aliasEntry: n.aliasEntry } : {}),
      ...(n.knownId !== undefined ? { knownId: n.knownId } : {}),
    });
  }

  /** The root of a node's cluster. */
  find(id: string): string {
    return this.uf.find(id);
  }

  /** Unites two clusters unless an alias entry, a stored entity or a `distinct` pair keeps them apart. */
  tryUnion(a: string, b: string): boolean {
    const ra = this.uf.find(a);
    const rb = this.uf.find(b);
    if (ra === rb) return true;
    const ia = this.info.get(ra)!;
    const ib = this.info.get(rb)!;
    if (!this.mayUnite(ia, ib)) return false;
    const root = this.uf.unionRoots(ra, rb);
    // the smaller set is copied into the larger: each form moves O(log n) times over the whole resolution
    const [big, small] = ia.forms.size >= ib.forms.size ? [ia.forms, ib.forms] : [ib.forms, ia.forms];
    for (const f of small) big.add(f);
    this.work.formsCopied += small.size;
    const aliasEntry = ia.aliasEntry ?? ib.aliasEntry;
    const knownId = ia.knownId ?? ib.knownId;
    this.info.delete(ra);
    this.info.delete(rb);
    this.info.set(root, {
      forms: big,
      ...(aliasEntry !== undefined ? { aliasEntry } : {}),
      ...(knownId !== undefined ? { knownId } : {}),
    });
    return true;
  }

  private mayUnite(ia: ClusterInfo, ib: ClusterInfo): boolean {
    if (ia.aliasEntry !== undefined && ib.aliasEntry !== undefined && ia.aliasEntry !== ib.aliasEntry) return false;
    if (ia.knownId !== undefined && ib.knownId !== undefined && ia.knownId !== ib.knownId) return false;
    const has = (forms: Set<string>, [folded, key]: FormPair) => forms.has(folded) || forms.has(key);
    for (const [x, y] of this.distinctForms) {
      if ((has(ia.forms, x) && has(ib.forms, y)) || (has(ia.forms, y) && has(ib.forms, x))) return false;
    }
    return true;
  }

  /** The node standing for a stored entity, made (and registered) the first time something points at it. */
  knownNodeOf(entity: KnownEntity): ResolutionNode {
    let n = this.knownNodes.get(entity.id);
    if (n !== undefined) return n;
    n = {
      id: `~known#${entity.id}`,
      entity: {
        id: entity.id,
        type: entity.type,
        name: entity.name,
        aliases: formsOfKnown(entity).filter((f) => f !== entity.name),
        properties: {},
      },
      acronyms: entity.acronym !== undefined ? [entity.acronym] : [],
      mentions: 0,
      isAcronymOnly: false,
      participants: [],
      knownId: entity.id,
    };
    this.knownNodes.set(entity.id, n);
    this.register(n);
    return n;
  }

  /** The node id of the stored entity with this id (made on first use). */
  knownNodeId(id: string): string {
    return this.knownNodeOf(this.known.get(id)!).id;
  }

  /** True when the stored entity already has a node in this resolution. */
  hasKnownNode(id: string): boolean {
    return this.knownNodes.has(id);
  }

  /** The nodes of stored entities, in the order they were drawn in. */
  knownNodeList(): ResolutionNode[] {
    return [...this.knownNodes.values()];
  }

  /**
   * Unites node `id` with the first holder of `key`: the stored entity `storedId()` names, else the first node that
   * came with the key (remembered in `firsts`).
   */
  uniteWithFirstHolder(firsts: Map<string, string>, key: string, id: string, storedId: () => string | undefined): void {
    let first = firsts.get(key);
    if (first === undefined) {
      const stored = storedId();
      first = stored !== undefined ? this.knownNodeId(stored) : id;
      firsts.set(key, first);
    }
    if (first !== id) this.tryUnion(first, id);
  }
}

/**
 * resolveExtraction: per-document extractions to one Extraction with entities resolved across documents.
 * Pure and deterministic: the same documents, alias file and known entities always give the same ids, names
 * and order. The curated alias file wins over every automatic decision, and its `distinct` pairs never merge.
 * Known entities (nodes stored earlier) anchor clusters like alias entries do, and keep their ids.
 *
 * The work is near-linear in the number of mentions: cluster form sets are merged smaller into larger, names
 * are folded once per distinct string, a person cluster keeps each distinct name once, and acronym candidates
 * are reduced to their distinct clusters once.
 */
import { mergeMeetingProperties } from "../domain/meetings.js";
import {
  isOrganisationType,
  type Diagnostic,
  type DocumentMeta,
  type Entity,
  type EntityType,
  type Evidence,
  type Extraction,
  type PropertyValue,
  type Relation,
} from "../domain/model.js";
import { initialsOf, isSpecificOrgName, orgKey } from "../extract/org-key.js";
import type { DocumentExtraction } from "../extract/types.js";
import { foldText, shortHash, slugify } from "../text/fold.js";
import { EMPTY_ALIAS_TABLE, isAcronymForm, type AliasTable } from "./alias-table.js";
import { chooseName, countFormsOfDocument } from "./choose-name.js";
import { confirmAcronyms } from "./confirm-acronyms.js";
import { dateOfDay, dayOf, resolveEvents, type EventReport, type ResolvedEvent } from "./event-identity.js";
import { familyOf, formsOfKnown, KnownEntities, personBlockOf, type KnownEntity } from "./known-entities.js";
import { isSamePersonParts, nameParts } from "./person-names.js";
import { SurnameIndex } from "./surname-index.js";

/** One local entity of one document, or the stand-in of an alias entry or a known entity. */
interface Node {
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

class UnionFind {
  private readonly parent = new Map<string, string>();
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
  /** Joins two roots; the smaller id becomes the root, so the result does not depend on the order of unions. */
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

interface Cluster {
  nodes: Node[];
  aliasEntry?: number;
  knownId?: string;
}

type NameParts = { first?: string; last: string };

/** A person cluster as compared during resolution: each distinct name once, with its parts. */
interface PersonCluster {
  root: string;
  names: Map<string, NameParts>;
}

/** Memoises a string function: corpora repeat the same names thousands of times. */
function memo(fn: (s: string) => string): (s: string) => string {
  const cache = new Map<string, string>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined) cache.set(s, (v = fn(s)));
    return v;
  };
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

/**
 * Resolves entities across documents and merges their relations; `aliases` is the curated alias table and
 * `known` the entities that have nodes already (their ids are kept; new ids never take one of theirs).
 */
export function resolveExtraction(
  docs: DocumentExtraction[],
  aliases: AliasTable = EMPTY_ALIAS_TABLE,
  known: KnownEntities = new KnownEntities(),
  work: ResolutionWork = emptyResolutionWork(),
): Extraction {
  docs = docs.map((d) => confirmAcronyms(d, aliases));
  const diagnostics: Diagnostic[] = docs.flatMap((d) => d.diagnostics);
  const fold = memo(foldText);
  const keyOf = memo(orgKey);
  const specific = new Map<string, boolean>();
  const isSpecific = (f: string) => {
    let v = specific.get(f);
    if (v === undefined) specific.set(f, (v = isSpecificOrgName(f)));
    return v;
  };
  const partsCache = new Map<string, NameParts>();
  const partsOf = (name: string) => {
    let v = partsCache.get(name);
    if (v === undefined) partsCache.set(name, (v = nameParts(name)));
    return v;
  };

  const nodes: Node[] = [];
  for (const doc of docs) {
    for (const entity of doc.entities) {
      const d = doc.details[entity.id];
      nodes.push({
        id: `${doc.document.id}#${entity.id}`,
        doc,
        entity,
        acronyms: d?.acronyms ?? [],
        mentions: d?.mentions ?? 1,
        isAcronymOnly: d?.isAcronymOnly ?? false,
        participants: d?.participants ?? [],
      });
    }
  }
  const uf = new UnionFind();
  const info = new Map<string, ClusterInfo>();
  const formsOf = (n: Node) => {
    const forms = new Set<string>();
    const isOrg = isOrganisationType(n.entity.type);
    for (const f of [n.entity.name, ...n.entity.aliases, ...n.acronyms]) {
      forms.add(fold(f));
      if (isOrg && !isAcronymForm(f)) forms.add(`key:${keyOf(f)}`);
    }
    return forms;
  };
  const register = (n: Node) => {
    info.set(n.id, {
      forms: formsOf(n),
      ...(n.aliasEntry !== undefined ? { aliasEntry: n.aliasEntry } : {}),
      ...(n.knownId !== undefined ? { knownId: n.knownId } : {}),
    });
  };
  const aliasNodes: Node[] = aliases.entries.map((entry, i) => ({
    id: `~alias#${String(i).padStart(5, "0")}`,
    entity: {
      id: `alias:${i}`,
      type: entry.type,
      name: entry.name,
      aliases: [...entry.aliases, ...entry.acronyms],
      properties: {},
    },
    acronyms: entry.acronyms,
    mentions: 0,
    isAcronymOnly: false,
    participants: [],
    aliasEntry: i,
  }));
  for (const n of aliasNodes) register(n);
  for (const n of nodes) register(n);

  // known entities become nodes only when something in these documents points at them
  const knownNodes = new Map<string, Node>();
  const knownNodeOf = (entity: KnownEntity): Node => {
    let n = knownNodes.get(entity.id);
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
    knownNodes.set(entity.id, n);
    register(n);
    return n;
  };
  const knownNodeId = (id: string): string => knownNodeOf(known.get(id)!).id;

  // ---- distinct pairs, alias entries and known entities keep clusters apart
  const distinctForms = aliases.distinct.map(
    ([x, y]) =>
      [
        [fold(x), `key:${keyOf(x)}`],
        [fold(y), `key:${keyOf(y)}`],
      ] as const,
  );
  const hasForm = (forms: Set<string>, [folded, key]: readonly [string, string]) => forms.has(folded) || forms.has(key);
  const tryUnion = (a: string, b: string): boolean => {
    const ra = uf.find(a);
    const rb = uf.find(b);
    if (ra === rb) return true;
    const ia = info.get(ra)!;
    const ib = info.get(rb)!;
    if (ia.aliasEntry !== undefined && ib.aliasEntry !== undefined && ia.aliasEntry !== ib.aliasEntry) return false;
    if (ia.knownId !== undefined && ib.knownId !== undefined && ia.knownId !== ib.knownId) return false;
    for (const [x, y] of distinctForms) {
      if ((hasForm(ia.forms, x) && hasForm(ib.forms, y)) || (hasForm(ia.forms, y) && hasForm(ib.forms, x)))
        return false;
    }
    const root = uf.unionRoots(ra, rb);
    // the smaller set is copied into the larger: each form moves O(log n) times over the whole resolution
    const [big, small] = ia.forms.size >= ib.forms.size ? [ia.forms, ib.forms] : [ib.forms, ia.forms];
    for (const f of small) big.add(f);
    work.formsCopied += small.size;
    const aliasEntry = ia.aliasEntry ?? ib.aliasEntry;
    const knownId = ia.knownId ?? ib.knownId;
    info.delete(ra);
    info.delete(rb);
    info.set(root, {
      forms: big,
      ...(aliasEntry !== undefined ? { aliasEntry } : {}),
      ...(knownId !== undefined ? { knownId } : {}),
    });
    return true;
  };

  // ---- alias entries that already have a node join it: the curated name wins, the stored id stays
  aliases.entries.forEach((entry, i) => {
    const family = familyOf(entry.type);
    if (family === undefined) return;
    for (const form of [entry.name, ...entry.aliases, ...entry.acronyms]) {
      let ids: string[];
      if (family === "org")
        ids = isAcronymForm(form)
          ? known.orgsByAcronym(form)
          : [...known.orgsByKey(keyOf(form)), ...known.bySurfaceForm(fold(form))];
      else ids = known.bySurfaceForm(fold(form));
      const id = ids.find((k) => familyOf(known.get(k)!.type) === family);
      if (id !== undefined && tryUnion(aliasNodes[i]!.id, knownNodeId(id))) return;
    }
  });

  // ---- organisations
  const orgNodes = nodes.filter((n) => isOrganisationType(n.entity.type));
  // generic short forms ("the Federation of Trade Unions") were resolved inside their document; they never merge
  const fullFormsCache = new Map<Node, string[]>();
  const fullForms = (n: Node) => {
    let forms = fullFormsCache.get(n);
    if (forms === undefined) {
      forms = [n.entity.name, ...n.entity.aliases].filter(
        (f) => !isAcronymForm(f) && !n.acronyms.includes(f) && isSpecific(f),
      );
      fullFormsCache.set(n, forms);
    }
    return forms;
  };
  /**
   * Unites node `id` with the first holder of `key`: the stored entity `storedId()` names, else the first node that
   * came with the key (remembered in `firsts`).
   */
  const uniteWithFirstHolder = (
    firsts: Map<string, string>,
    key: string,
    id: string,
    storedId: () => string | undefined,
  ): void => {
    let first = firsts.get(key);
    if (first === undefined) {
      const stored = storedId();
      first = stored !== undefined ? knownNodeId(stored) : id;
      firsts.set(key, first);
    }
    if (first !== id) tryUnion(first, id);
  };
  const byKey = new Map<string, string>();
  const aliasOf = (n: Node): number | undefined => {
    for (const f of fullForms(n)) {
      const hit = aliases.byOrgKey.get(keyOf(f)) ?? aliases.bySurface.get(fold(f));
      if (hit !== undefined && isOrganisationType(aliases.entries[hit]!.type)) return hit;
    }
    return undefined;
  };
  for (const n of orgNodes) {
    if (n.isAcronymOnly) continue;
    const entry = aliasOf(n);
    if (entry !== undefined) tryUnion(aliasNodes[entry]!.id, n.id);
    for (const f of fullForms(n)) {
      const key = keyOf(f);
      if (key.length === 0) continue;
      // a stored organisation with this name is the first holder of its key
      uniteWithFirstHolder(byKey, key, n.id, () => known.orgsByKey(key)[0]);
    }
  }
  // acronyms: the alias file first, then acronyms some document defined, then initials of a known full name
  // which named organisations carry an acronym, or have it as initials (indexed once)
  const nodesByAcronym = new Map<string, string[]>();
  const nodesByInitials = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, key: string, id: string) => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [id]);
    else list.push(id);
  };
  for (const n of orgNodes) {
    if (n.isAcronymOnly) continue;
    for (const a of n.acronyms) push(nodesByAcronym, a, n.id);
    for (const f of fullForms(n)) for (const i of initialsOf(f)) push(nodesByInitials, i, n.id);
  }
  // Organisation clusters no longer merge with each other below (an acronym-only mention joins one cluster at a
  // time), so the distinct clusters behind an acronym are computed once; find() keeps them current.
  const distinctRoots = (ids: readonly string[]) => [...new Set(ids.map((id) => uf.find(id)))];
  const rootsCache = new Map<string, string[]>();
  const rootsBehind = (cacheKey: string, chunkIds: readonly string[], knownIds: readonly string[]) => {
    let roots = rootsCache.get(cacheKey);
    if (roots === undefined) {
      roots = distinctRoots([...chunkIds, ...knownIds.map(knownNodeId)]);
      rootsCache.set(cacheKey, roots);
    }
    work.acronymCandidates += roots.length;
    return new Set(roots.map((r) => uf.find(r)));
  };
  const acronymOnly = orgNodes.filter((n) => n.isAcronymOnly).sort((a, b) => (a.id < b.id ? -1 : 1));
  const firstByAcronym = new Map<string, string>();
  for (const n of acronymOnly) {
    const acr = n.entity.name;
    const entry = aliases.byAcronym.get(acr) ?? aliases.bySurface.get(fold(acr));
    if (entry !== undefined && isOrganisationType(aliases.entries[entry]!.type)) {
      tryUnion(aliasNodes[entry]!.id, n.id);
      continue;
    }
    let roots = rootsBehind(`a:${acr}`, nodesByAcronym.get(acr) ?? [], known.orgsByAcronym(acr));
    if (roots.size === 0) roots = rootsBehind(`i:${acr}`, nodesByInitials.get(acr) ?? [], known.orgsByInitials(acr));
    if (roots.size === 1) tryUnion([...roots][0]!, n.id);
    else {
      if (roots.size > 1)
        diagnostics.push({
          documentId: n.doc?.document.id ?? "",
          level: "warning",
          code: "AMBIGUOUS_ACRONYM",
          message: `"${acr}" matches ${roots.size} organisations; kept apart.`,
        });
      // an organisation stored under this acronym alone is the one earlier imports kept apart
      uniteWithFirstHolder(firstByAcronym, acr, n.id, () => known.orgsNamedByAcronym(acr)[0]);
    }
  }

  // ---- people: transliteration and typo variants merge when exactly one known person fits
  const personNodes = nodes
    .filter((n) => n.entity.type === "Person")
    .sort(
      (a, b) =>
        b.mentions - a.mentions ||
        (a.entity.name < b.entity.name ? -1 : a.entity.name > b.entity.name ? 1 : a.id < b.id ? -1 : 1),
    );
  // clusters are compared only within a block of surnames starting with the same folded letter
  const blocks = new Map<string, Set<PersonCluster>>();
  const clusterByRoot = new Map<string, PersonCluster>();
  const bySurname = new SurnameIndex<PersonCluster>();
  const addName = (cluster: PersonCluster, name: string, parts: NameParts = partsOf(name)) => {
    if (cluster.names.has(name)) return;
    cluster.names.set(name, parts);
    bySurname.add(parts.last, cluster);
  };
  const addCluster = (root: string, names: readonly string[]) => {
    const cluster: PersonCluster = { root, names: new Map(names.map((name) => [name, partsOf(name)])) };
    clusterByRoot.set(root, cluster);
    for (const parts of cluster.names.values()) bySurname.add(parts.last, cluster);
    for (const parts of cluster.names.values()) {
      const b = personBlockOf(parts);
      let list = blocks.get(b);
      if (list === undefined) blocks.set(b, (list = new Set()));
      list.add(cluster);
    }
    return cluster;
  };
  const fitsName = (names: Iterable<NameParts>, parts: NameParts) => {
    for (const other of names) {
      work.nameComparisons++;
      if (isSamePersonParts(other, parts)) return true;
    }
    return false;
  };
  for (const a of aliasNodes) if (a.entity.type === "Person") addCluster(a.id, [a.entity.name, ...a.entity.aliases]);
  for (const n of personNodes) {
    const name = n.entity.name;
    const exactAlias = aliases.bySurface.get(fold(name));
    if (exactAlias !== undefined && aliases.entries[exactAlias]!.type === "Person") {
      tryUnion(aliasNodes[exactAlias]!.id, n.id);
      const cluster = clusterByRoot.get(aliasNodes[exactAlias]!.id);
      if (cluster !== undefined) addName(cluster, name);
      continue;
    }
    const parts = partsOf(name);
    const block = personBlockOf(parts);
    const fits = new Map<string, PersonCluster>();
    const inBlock = blocks.get(block);
    if (inBlock !== undefined) {
      for (const c of bySurname.candidates(parts.last)) {
        if (inBlock.has(c) && fitsName(c.names.values(), parts)) fits.set(uf.find(c.root), c);
      }
    }
    // stored people not yet drawn into these documents' clusters
    for (const id of known.peopleNear(parts)) {
      if (knownNodes.has(id) || !fitsName(known.namePartsOf(id), parts)) continue;
      const k = known.get(id)!;
      const kn = knownNodeOf(k);
      const cluster = addCluster(kn.id, [k.name, ...k.aliases]);
      fits.set(uf.find(kn.id), cluster);
    }
    const only = fits.size === 1 ? [...fits.values()][0]! : undefined;
    if (only !== undefined && tryUnion(only.root, n.id)) {
      addName(only, name, parts);
      continue;
    }
    if (fits.size > 1) {
      diagnostics.push({
        documentId: n.doc?.document.id ?? "",
        level: "warning",
        code: "AMBIGUOUS_PERSON",
        message: `"${name}" is close to ${fits.size} different people; kept apart.`,
      });
    }
    addCluster(n.id, [name]);
  }

  // ---- countries: one per canonical name
  const countryByName = new Map<string, string>();
  for (const n of nodes) {
    if (n.entity.type !== "Country") continue;
    let seen = countryByName.get(n.entity.name);
    if (seen === undefined) {
      const stored = known.countryNamed(n.entity.name);
      seen = stored !== undefined ? knownNodeId(stored) : n.id;
      countryByName.set(n.entity.name, seen);
    }
    if (seen !== n.id) tryUnion(seen, n.id);
  }

  // ---- clusters → entities with deterministic ids
  const clusters = new Map<string, Cluster>();
  for (const n of [...aliasNodes, ...knownNodes.values(), ...nodes]) {
    const root = uf.find(n.id);
    let c = clusters.get(root);
    if (!c) {
      c = { nodes: [] };
      clusters.set(root, c);
    }
    if (n.aliasEntry !== undefined) c.aliasEntry = n.aliasEntry;
    else if (n.knownId !== undefined) c.knownId = n.knownId;
    else c.nodes.push(n);
  }
  const globalIdOf = new Map<string, string>();
  const entities: Entity[] = [];
  const usedIds = new Set<string>();
  const isTaken = (id: string) => usedIds.has(id) || known.has(id);
  const eventClusters: Cluster[] = [];
  const sortedClusters = [...clusters.values()]
    .filter((c) => c.nodes.length > 0)
    .sort((a, b) => (a.nodes[0]!.id < b.nodes[0]!.id ? -1 : 1));
  for (const c of sortedClusters) {
    const type = c.nodes[0]!.entity.type;
    if (type === "Event") {
      eventClusters.push(c);
      continue;
    }
    const entry = c.aliasEntry !== undefined ? aliases.entries[c.aliasEntry] : undefined;
    const stored = c.knownId !== undefined ? known.get(c.knownId) : undefined;
    const entity = buildEntity(c, entry, stored);
    let id: string;
    if (stored !== undefined) id = stored.id;
    else {
      const family = type === "Person" ? "person" : type === "Country" ? "country" : "org";
      id = `${family}:${slugify(entity.name)}`;
      if (isTaken(id)) {
        const country = entity.properties.country;
        const withCountry = typeof country === "string" ? `${id}-${slugify(country)}` : undefined;
        if (withCountry !== undefined && !isTaken(withCountry)) id = withCountry;
        else {
          const base = id;
          let salt = c.nodes
            .map((n) => n.id)
            .sort()
            .join("|");
          do {
            id = `${base}-${shortHash(salt)}`;
            salt = `${salt}|`;
          } while (isTaken(id));
        }
      }
    }
    usedIds.add(id);
    entity.id = id;
    entities.push(entity);
    for (const n of c.nodes) globalIdOf.set(n.id, id);
  }
  const nameOfId = new Map(entities.map((e) => [e.id, e] as const));
  // ---- events: reports of one happening in several documents (and imports) become one event
  const reportOf = new Map<string, EventReport>();
  const reportIdOfNode = new Map<string, string>();
  for (const c of eventClusters) {
    const n = c.nodes[0]!;
    const docId = n.doc?.document.id ?? "";
    const participants = [
      ...new Set(
        n.participants.map((p) => globalIdOf.get(`${docId}#${p}`)).filter((p): p is string => p !== undefined),
      ),
    ].sort();
    const kind = String(n.entity.properties.kind ?? "other");
    const id = `event:${docId}-${kind}-${shortHash(participants.join("|"))}`;
    reportIdOfNode.set(n.id, id);
    if (reportOf.has(id)) continue;
    const day = dayOf(n.entity.properties.date) ?? dayOf(n.doc?.document.date);
    const place = n.entity.properties.place;
    reportOf.set(id, {
      id,
      document: docId,
      kind,
      participants,
      ...(day !== undefined ? { day } : {}),
      ...(typeof place === "string" ? { place } : {}),
      properties: n.entity.properties,
    });
  }
  // participants stored by earlier imports are labelled from the registry
  const labelOf = (id: string): string => {
    const inBatch = nameOfId.get(id);
    if (inBatch !== undefined) return shortLabel(inBatch);
    const stored = known.get(id);
    return stored === undefined ? "?" : (stored.acronym ?? stored.name);
  };
  const eventOfReport = resolveEvents([...reportOf.values()], known.events);
  const eventEntities = new Map<string, Entity>();
  for (const [nodeId, reportId] of reportIdOfNode) {
    const event = eventOfReport.get(reportId)!;
    globalIdOf.set(nodeId, event.id);
    if (eventEntities.has(event.id)) continue;
    const entity = eventEntity(event, labelOf);
    eventEntities.set(event.id, entity);
    usedIds.add(event.id);
    entities.push(entity);
  }

  // ---- relations: mapped to global ids and merged by key, evidence concatenated without repeats
  const merged = new Map<string, Relation>();
  const evidenceKeys = new Map<string, Set<string>>();
  const evidenceKey = (e: Evidence) => `${e.document}|${e.start}|${e.end}`;
  for (const doc of docs) {
    for (const r of doc.relations) {
      const from = globalIdOf.get(`${doc.document.id}#${r.from}`);
      const to = r.type === "MENTIONED_IN" ? r.to : globalIdOf.get(`${doc.document.id}#${r.to}`);
      if (from === undefined || to === undefined || from === to) continue;
      let properties: Record<string, PropertyValue> = { ...r.properties };
      if (r.type === "MET_WITH") properties = meetingOf(properties, doc.document, eventEntities, globalIdOf);
      const [a, b] = r.type === "MET_WITH" && from > to ? [to, from] : [from, to];
      // a pair of people has one MET_WITH edge; its meetings are listed in `events`
      // as the writer keys edges: a role tells positions apart, a status memberships (restored, applied, ...)
      const discriminator =
        r.type === "HOLDS_POSITION"
          ? String(properties.role ?? "")
          : r.type === "MEMBER_OF"
            ? String(properties.status ?? "")
            : "";
      const key = `${r.type}|${a}|${b}|${discriminator}`;
      const existing = merged.get(key);
      if (!existing) {
        const evidence = dedupeEvidence(r.evidence);
        merged.set(key, { type: r.type, from: a, to: b, properties, evidence, confidence: r.confidence });
        evidenceKeys.set(key, new Set(evidence.map(evidenceKey)));
        continue;
      }
      const seen = evidenceKeys.get(key)!;
      for (const e of r.evidence) {
        if (seen.has(evidenceKey(e))) continue;
        seen.add(evidenceKey(e));
        existing.evidence.push(e);
      }
      const before = existing.properties;
      if (r.confidence > existing.confidence) {
        existing.properties = { ...existing.properties, ...properties };
        existing.confidence = r.confidence;
      } else {
        for (const [k, v] of Object.entries(properties))
          if (existing.properties[k] === undefined) existing.properties[k] = v;
      }
      if (r.type === "MET_WITH")
        existing.properties = { ...existing.properties, ...mergeMeetingProperties(before, properties) };
    }
  }
  const relations = [...merged.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
  entities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { documents: docs.map((d) => d.document), entities, relations, diagnostics };
}

function dedupeEvidence(evidence: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const e of evidence) {
    const key = `${e.document}|${e.start}|${e.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out;
}

/** The entity of a cluster, named by chooseName over every form seen (stored counts included). */
function buildEntity(
  c: Cluster,
  entry: { name: string; type: EntityType; acronyms: string[]; aliases: string[]; country?: string } | undefined,
  stored: KnownEntity | undefined,
): Entity {
  const type0 = c.nodes[0]!.entity.type;
  const isOrg = isOrganisationType(type0);
  // surface forms weighted by how often each document used them
  const weight = new Map<string, number>();
  const typeVotes = new Map<EntityType, number>();
  const acronymVotes = new Map<string, number>();
  const properties: Record<string, PropertyValue> = {};
  const sorted = [...c.nodes].sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const n of sorted) {
    const forms = [n.entity.name, ...n.entity.aliases];
    for (const f of forms) weight.set(f, (weight.get(f) ?? 0) + (f === n.entity.name ? n.mentions : 1));
    if (!n.isAcronymOnly) typeVotes.set(n.entity.type, (typeVotes.get(n.entity.type) ?? 0) + n.mentions);
    if (!n.isAcronymOnly) for (const a of n.acronyms) acronymVotes.set(a, (acronymVotes.get(a) ?? 0) + 1);
    for (const [k, v] of Object.entries(n.entity.properties)) if (properties[k] === undefined) properties[k] = v;
  }
  const byWeight = (m: Map<string, number>) =>
    [...m.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1));
  // the name: the alias file, then reference data, then the form most documents used (stored counts included)
  const formDocs = new Map<string, number>(Object.entries(stored?.formDocs ?? {}));
  if (stored !== undefined && formDocs.size === 0) formDocs.set(stored.name, 1);
  const formsByDoc = new Map<string, string[]>();
  for (const n of sorted) {
    const docId = n.doc?.document.id ?? n.id;
    formsByDoc.set(docId, [...(formsByDoc.get(docId) ?? []), n.entity.name, ...n.entity.aliases]);
  }
  for (const forms of formsByDoc.values()) countFormsOfDocument(formDocs, forms);
  const name =
    chooseName(
      formDocs,
      {
        ...(entry !== undefined ? { aliasName: entry.name } : {}),
        ...(stored?.referenceName !== undefined ? { referenceName: stored.referenceName } : {}),
      },
      isOrg,
    ) ?? byWeight(weight)[0]![0];
  if (type0 !== "Country") {
    const counted = [...formDocs.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    properties.nameForms = counted.map(([f]) => f);
    properties.nameFormDocs = counted.map(([, n]) => n);
  }
  let type: EntityType =
    entry?.type ??
    stored?.type ??
    (byWeight(new Map([...typeVotes].map(([t, v]) => [t as string, v])))[0]?.[0] as EntityType | undefined) ??
    type0;
  if (!isOrg && type !== type0) type = type0;
  const aliasSet = new Set<string>();
  for (const f of weight.keys()) if (f !== name) aliasSet.add(f);
  // an entity the alias file or the reference data knows carries every name they give it
  if (entry) for (const f of [entry.name, ...entry.aliases, ...entry.acronyms]) if (f !== name) aliasSet.add(f);
  // a stored node keeps every name it had (the writer adds aliases, never drops them)
  if (stored) for (const f of formsOfKnown(stored)) if (f !== name) aliasSet.add(f);
  if (isOrg) {
    const acronym = entry?.acronyms[0] ?? stored?.acronym ?? byWeight(acronymVotes)[0]?.[0];
    if (acronym !== undefined) properties.acronym = acronym;
    // the acronym is also an alias, as it is once the node is stored: the aliases must not depend on the chunking
    if (acronym !== undefined && acronym !== name) aliasSet.add(acronym);
    const country = entry?.country ?? stored?.country;
    if (country !== undefined) properties.country = country;
  } else {
    delete properties.acronym;
  }
  return { id: "", type, name, aliases: [...aliasSet].sort(), properties };
}

/**
 * The MET_WITH properties of one document's meeting: the resolved event in `events` (count 1) and its date (else the
 * publication date of the report) as the first and last date; the document-local `eventId` is dropped.
 */
function meetingOf(
  properties: Record<string, PropertyValue>,
  document: DocumentMeta,
  eventEntities: ReadonlyMap<string, Entity>,
  globalIdOf: ReadonlyMap<string, string>,
): Record<string, PropertyValue> {
  const { eventId: localEvent, ...rest } = properties;
  const eventId = typeof localEvent === "string" ? globalIdOf.get(`${document.id}#${localEvent}`) : undefined;
  const date = [rest.date, eventEntities.get(eventId ?? "")?.properties.date, document.date].find(
    (d) => typeof d === "string",
  );
  const meeting: Record<string, PropertyValue> = { ...rest, events: eventId !== undefined ? [eventId] : [], count: 1 };
  if (typeof date === "string") {
    meeting.firstDate = date;
    meeting.lastDate = date;
  }
  return mergeMeetingProperties(meeting, {});
}

/** The properties every report of an event agrees on, chosen so that they do not depend on the order of reports. */
function eventEntity(event: ResolvedEvent, labelOf: (id: string) => string): Entity {
  const stored = event.stored?.properties ?? {};
  const values = (name: string): string[] =>
    [stored[name], ...event.reports.map((r) => r.properties[name])]
      .filter((v): v is string => typeof v === "string" && v !== "")
      .sort();
  const properties: Record<string, PropertyValue> = { kind: event.kind };
  const title = values("title")[0];
  if (title !== undefined) properties.title = title;
  // the earliest full date, else the earliest partial one ("2024-10" says less than "2024-10-28")
  const dates = values("date");
  const date = dates.find((d) => dayOf(d) !== undefined) ?? dates[0];
  if (date !== undefined) properties.date = date;
  else {
    const dateText = values("dateText")[0];
    if (dateText !== undefined) properties.dateText = dateText;
  }
  if (event.place !== undefined) properties.place = event.place;
  const participants = [...event.participants].sort();
  properties.participantIds = participants;
  properties.sources = [...event.sources].sort();
  if (event.firstDay !== undefined) properties.seenFrom = dateOfDay(event.firstDay);
  if (event.lastDay !== undefined) properties.seenTo = dateOfDay(event.lastDay);
  const labels = participants.map(labelOf);
  return { id: event.id, type: "Event", name: eventName(event.kind, properties, labels), aliases: [], properties };
}

function shortLabel(entity: Entity | undefined): string {
  if (!entity) return "?";
  const acronym = entity.properties.acronym;
  return typeof acronym === "string" ? acronym : entity.name;
}

function eventName(kind: string, properties: Record<string, PropertyValue>, labels: string[]): string {
  const local = { properties };
  const list =
    labels.length <= 1 ? (labels[0] ?? "") : `${labels.slice(0, -1).join(", ")} and ${labels[labels.length - 1]}`;
  // an event always shows when it happened, or at least when it was reported: reports of different meetings of
  // the same people must not read the same
  const when =
    typeof local.properties.date === "string"
      ? ` (${local.properties.date})`
      : typeof local.properties.dateText === "string"
        ? ` (${local.properties.dateText}${typeof local.properties.seenFrom === "string" ? `, reported ${local.properties.seenFrom}` : ""})`
        : typeof local.properties.seenFrom === "string"
          ? ` (reported ${local.properties.seenFrom})`
          : "";
  const title =
    typeof local.properties.title === "string" ? local.properties.title : kind.charAt(0).toUpperCase() + kind.slice(1);
  switch (kind) {
    case "meeting":
      return `Meeting of ${list}${when}`;
    case "agreement":
    case "memorandum":
      return `${title} between ${list}${when}`;
    case "visit":
      return `Visit of ${list}${typeof local.properties.place === "string" ? ` to ${local.properties.place}` : ""}${when}`;
    default:
      return `${title}${when}`;
  }
}

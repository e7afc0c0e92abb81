/**
 * resolveExtraction: per-document extractions to one Extraction with entities resolved across documents.
 * Pure and deterministic: the same documents and alias file always give the same ids, names and order.
 * The curated alias file wins over every automatic decision, and its `distinct` pairs never merge.
 */
import type { Diagnostic, Entity, EntityType, Evidence, Extraction, PropertyValue, Relation } from "../domain/model.js";
import { foldText, shortHash, slugify } from "../extract/fold.js";
import { initialsOf, isSpecificOrgName, orgKey } from "../extract/org-key.js";
import type { DocumentExtraction } from "../extract/types.js";
import { EMPTY_ALIAS_TABLE, isAcronymForm, type AliasTable } from "./alias-table.js";
import { isSamePersonName, nameParts } from "./person-names.js";

const ORG_TYPES = new Set<EntityType>(["Union", "Confederation", "Organization"]);

/** One local entity of one document. */
interface Node {
  id: string;
  doc: DocumentExtraction;
  entity: Entity;
  acronyms: string[];
  mentions: number;
  isAcronymOnly: boolean;
  participants: string[];
  /** alias entry this node stands for (alias nodes only) */
  aliasEntry?: number;
}

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    let root = x;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    let cur = x;
    while (cur !== root) {
      const next = this.parent.get(cur)!;
      this.parent.set(cur, root);
      cur = next;
    }
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    // the smaller id becomes the root, so the result does not depend on the order of unions
    if (ra < rb) this.parent.set(rb, ra);
    else this.parent.set(ra, rb);
  }
}

interface Cluster {
  nodes: Node[];
  aliasEntry?: number;
}

/** Resolves entities across documents and merges their relations; `aliases` is the curated alias table. */
export function resolveExtraction(docs: DocumentExtraction[], aliases: AliasTable = EMPTY_ALIAS_TABLE): Extraction {
  const diagnostics: Diagnostic[] = docs.flatMap((d) => d.diagnostics);
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
  const aliasNodes: Node[] = aliases.entries.map((entry, i) => ({
    id: `~alias#${String(i).padStart(5, "0")}`,
    doc: docs[0]!,
    entity: { id: `alias:${i}`, type: entry.type, name: entry.name, aliases: [...entry.aliases, ...entry.acronyms], properties: {} },
    acronyms: entry.acronyms,
    mentions: 0,
    isAcronymOnly: false,
    participants: [],
    aliasEntry: i,
  }));

  // ---- distinct pairs and alias entries keep clusters apart
  const clusterForms = new Map<string, Set<string>>();
  const formsOf = (n: Node) => {
    const forms = new Set<string>();
    for (const f of [n.entity.name, ...n.entity.aliases, ...n.acronyms]) {
      forms.add(foldText(f));
      if (ORG_TYPES.has(n.entity.type) && !isAcronymForm(f)) forms.add(`key:${orgKey(f)}`);
    }
    if (n.aliasEntry !== undefined) forms.add(`alias:${n.aliasEntry}`);
    return forms;
  };
  const allNodes = [...aliasNodes, ...nodes];
  for (const n of allNodes) clusterForms.set(n.id, formsOf(n));
  const matchesForm = (forms: Set<string>, name: string) => forms.has(foldText(name)) || forms.has(`key:${orgKey(name)}`);
  const tryUnion = (a: string, b: string): boolean => {
    const ra = uf.find(a);
    const rb = uf.find(b);
    if (ra === rb) return true;
    const fa = clusterForms.get(ra)!;
    const fb = clusterForms.get(rb)!;
    const aliasA = [...fa].filter((f) => f.startsWith("alias:"));
    const aliasB = [...fb].filter((f) => f.startsWith("alias:"));
    if (aliasA.length > 0 && aliasB.length > 0 && aliasA[0] !== aliasB[0]) return false;
    for (const [x, y] of aliases.distinct) {
      if ((matchesForm(fa, x) && matchesForm(fb, y)) || (matchesForm(fa, y) && matchesForm(fb, x))) return false;
    }
    uf.union(ra, rb);
    const merged = new Set([...fa, ...fb]);
    clusterForms.set(uf.find(ra), merged);
    return true;
  };

  // ---- organisations
  const orgNodes = nodes.filter((n) => ORG_TYPES.has(n.entity.type));
  // generic short forms ("the Federation of Trade Unions") were resolved inside their document; they never merge
  const fullForms = (n: Node) => [n.entity.name, ...n.entity.aliases].filter((f) => !isAcronymForm(f) && !n.acronyms.includes(f) && isSpecificOrgName(f));
  const byKey = new Map<string, string>();
  const aliasOf = (n: Node): number | undefined => {
    for (const f of fullForms(n)) {
      const hit = aliases.byOrgKey.get(orgKey(f)) ?? aliases.bySurface.get(foldText(f));
      if (hit !== undefined && ORG_TYPES.has(aliases.entries[hit]!.type)) return hit;
    }
    return undefined;
  };
  for (const n of orgNodes) {
    if (n.isAcronymOnly) continue;
    const entry = aliasOf(n);
    if (entry !== undefined) tryUnion(aliasNodes[entry]!.id, n.id);
    for (const f of fullForms(n)) {
      const key = orgKey(f);
      if (key.length === 0) continue;
      const seen = byKey.get(key);
      if (seen === undefined) byKey.set(key, n.id);
      else tryUnion(seen, n.id);
    }
  }
  // acronyms: the alias file first, then acronyms some document defined, then initials of a known full name
  // which named organisations carry an acronym, or have it as initials (indexed once)
  const nodesByAcronym = new Map<string, string[]>();
  const nodesByInitials = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, key: string, id: string) => {
    const list = map.get(key) ?? [];
    list.push(id);
    map.set(key, list);
  };
  for (const n of orgNodes) {
    if (n.isAcronymOnly) continue;
    for (const a of n.acronyms) push(nodesByAcronym, a, n.id);
    for (const f of fullForms(n)) for (const i of initialsOf(f)) push(nodesByInitials, i, n.id);
  }
  const acronymRoots = (acr: string) => new Set((nodesByAcronym.get(acr) ?? []).map((id) => uf.find(id)));
  const acronymOnly = orgNodes.filter((n) => n.isAcronymOnly).sort((a, b) => (a.id < b.id ? -1 : 1));
  const firstByAcronym = new Map<string, string>();
  for (const n of acronymOnly) {
    const acr = n.entity.name;
    const entry = aliases.byAcronym.get(acr) ?? aliases.bySurface.get(foldText(acr));
    if (entry !== undefined && ORG_TYPES.has(aliases.entries[entry]!.type)) {
      tryUnion(aliasNodes[entry]!.id, n.id);
      continue;
    }
    let roots = acronymRoots(acr);
    if (roots.size === 0) {
      roots = new Set((nodesByInitials.get(acr) ?? []).map((id) => uf.find(id)));
    }
    if (roots.size === 1) tryUnion([...roots][0]!, n.id);
    else {
      if (roots.size > 1) diagnostics.push({ documentId: n.doc.document.id, level: "warning", code: "AMBIGUOUS_ACRONYM", message: `"${acr}" matches ${roots.size} organisations; kept apart.` });
      const first = firstByAcronym.get(acr);
      if (first === undefined) firstByAcronym.set(acr, n.id);
      else tryUnion(first, n.id);
    }
  }

  // ---- people: transliteration and typo variants merge when exactly one known person fits
  const personNodes = nodes.filter((n) => n.entity.type === "Person").sort((a, b) => b.mentions - a.mentions || (a.entity.name < b.entity.name ? -1 : a.entity.name > b.entity.name ? 1 : a.id < b.id ? -1 : 1));
  // clusters are compared only within a block of surnames starting with the same folded letter
  const personClusters: { root: string; names: string[] }[] = [];
  const blocks = new Map<string, { root: string; names: string[] }[]>();
  const blockOf = (name: string) => nameParts(name).last.slice(0, 1);
  const addCluster = (cluster: { root: string; names: string[] }) => {
    personClusters.push(cluster);
    for (const b of new Set(cluster.names.map(blockOf))) {
      const list = blocks.get(b) ?? [];
      if (!list.includes(cluster)) list.push(cluster);
      blocks.set(b, list);
    }
  };
  aliasNodes.forEach((a) => {
    if (a.entity.type === "Person") addCluster({ root: a.id, names: [a.entity.name, ...a.entity.aliases] });
  });
  for (const n of personNodes) {
    const exactAlias = aliases.bySurface.get(foldText(n.entity.name));
    if (exactAlias !== undefined && aliases.entries[exactAlias]!.type === "Person") {
      tryUnion(aliasNodes[exactAlias]!.id, n.id);
      personClusters.find((c) => c.root === aliasNodes[exactAlias]!.id)?.names.push(n.entity.name);
      continue;
    }
    const fits = (blocks.get(blockOf(n.entity.name)) ?? []).filter((c) => c.names.some((name) => isSamePersonName(name, n.entity.name)));
    if (fits.length === 1 && tryUnion(fits[0]!.root, n.id)) {
      fits[0]!.names.push(n.entity.name);
      continue;
    }
    if (fits.length > 1) {
      diagnostics.push({ documentId: n.doc.document.id, level: "warning", code: "AMBIGUOUS_PERSON", message: `"${n.entity.name}" is close to ${fits.length} different people; kept apart.` });
    }
    addCluster({ root: n.id, names: [n.entity.name] });
  }

  // ---- countries: one per canonical name
  const countryByName = new Map<string, string>();
  for (const n of nodes.filter((m) => m.entity.type === "Country")) {
    const seen = countryByName.get(n.entity.name);
    if (seen === undefined) countryByName.set(n.entity.name, n.id);
    else tryUnion(seen, n.id);
  }

  // ---- clusters → entities with deterministic ids
  const clusters = new Map<string, Cluster>();
  for (const n of [...aliasNodes, ...nodes]) {
    const root = uf.find(n.id);
    let c = clusters.get(root);
    if (!c) {
      c = { nodes: [] };
      clusters.set(root, c);
    }
    if (n.aliasEntry !== undefined) c.aliasEntry = n.aliasEntry;
    else c.nodes.push(n);
  }
  const globalIdOf = new Map<string, string>();
  const entities: Entity[] = [];
  const usedIds = new Set<string>();
  const eventClusters: Cluster[] = [];
  const sortedClusters = [...clusters.values()].filter((c) => c.nodes.length > 0).sort((a, b) => (a.nodes[0]!.id < b.nodes[0]!.id ? -1 : 1));
  for (const c of sortedClusters) {
    const type = c.nodes[0]!.entity.type;
    if (type === "Event") {
      eventClusters.push(c);
      continue;
    }
    const entry = c.aliasEntry !== undefined ? aliases.entries[c.aliasEntry] : undefined;
    const entity = buildEntity(c, entry);
    const family = type === "Person" ? "person" : type === "Country" ? "country" : "org";
    let id = `${family}:${slugify(entity.name)}`;
    if (usedIds.has(id)) {
      const country = entity.properties.country;
      id = typeof country === "string" && !usedIds.has(`${id}-${slugify(country)}`) ? `${id}-${slugify(country)}` : `${id}-${shortHash(c.nodes.map((n) => n.id).sort().join("|"))}`;
    }
    usedIds.add(id);
    entity.id = id;
    entities.push(entity);
    for (const n of c.nodes) globalIdOf.set(n.id, id);
  }
  const nameOfId = new Map(entities.map((e) => [e.id, e] as const));
  for (const c of eventClusters) {
    const n = c.nodes[0]!;
    const participants = [...new Set(n.participants.map((p) => globalIdOf.get(`${n.doc.document.id}#${p}`)).filter((p): p is string => p !== undefined))].sort();
    const kind = String(n.entity.properties.kind ?? "other");
    const id = `event:${n.doc.document.id}-${kind}-${shortHash(participants.join("|"))}`;
    const labels = participants.map((p) => shortLabel(nameOfId.get(p)));
    const entity: Entity = { id, type: "Event", name: eventName(kind, n.entity, labels), aliases: [], properties: { ...n.entity.properties } };
    if (!usedIds.has(id)) {
      usedIds.add(id);
      entities.push(entity);
    }
    globalIdOf.set(n.id, id);
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
      const properties: Record<string, PropertyValue> = { ...r.properties };
      if (typeof properties.eventId === "string") {
        const eventId = globalIdOf.get(`${doc.document.id}#${properties.eventId}`);
        if (eventId === undefined) delete properties.eventId;
        else properties.eventId = eventId;
      }
      const [a, b] = r.type === "MET_WITH" && from > to ? [to, from] : [from, to];
      const discriminator = r.type === "HOLDS_POSITION" ? String(properties.role ?? "") : r.type === "MET_WITH" ? String(properties.eventId ?? "") : "";
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
      if (r.confidence > existing.confidence) {
        existing.properties = { ...existing.properties, ...properties };
        existing.confidence = r.confidence;
      } else {
        for (const [k, v] of Object.entries(properties)) if (existing.properties[k] === undefined) existing.properties[k] = v;
      }
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

function buildEntity(c: Cluster, entry: { name: string; type: EntityType; acronyms: string[]; aliases: string[]; country?: string } | undefined): Entity {
  const type0 = c.nodes[0]!.entity.type;
  const isOrg = ORG_TYPES.has(type0);
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
  const byWeight = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1));
  let name: string;
  if (entry) name = entry.name;
  else if (isOrg) {
    const full = byWeight(new Map([...weight].filter(([f]) => !isAcronymForm(f))));
    name = full[0]?.[0] ?? byWeight(weight)[0]![0];
  } else name = byWeight(weight)[0]![0];
  let type: EntityType = entry?.type ?? (byWeight(new Map([...typeVotes].map(([t, v]) => [t as string, v])))[0]?.[0] as EntityType | undefined) ?? type0;
  if (!isOrg && type !== type0) type = type0;
  const aliasSet = new Set<string>();
  for (const f of weight.keys()) if (f !== name) aliasSet.add(f);
  if (isOrg) {
    const acronym = entry?.acronyms[0] ?? byWeight(acronymVotes)[0]?.[0];
    if (acronym !== undefined) properties.acronym = acronym;
    if (entry?.country !== undefined) properties.country = entry.country;
  } else {
    delete properties.acronym;
  }
  return { id: "", type, name, aliases: [...aliasSet].sort(), properties };
}

function shortLabel(entity: Entity | undefined): string {
  if (!entity) return "?";
  const acronym = entity.properties.acronym;
  return typeof acronym === "string" ? acronym : entity.name;
}

function eventName(kind: string, local: Entity, labels: string[]): string {
  const list = labels.length <= 1 ? (labels[0] ?? "") : `${labels.slice(0, -1).join(", ")} and ${labels[labels.length - 1]}`;
  const when = typeof local.properties.date === "string" ? ` (${local.properties.date})` : typeof local.properties.dateText === "string" ? ` (${local.properties.dateText})` : "";
  const title = typeof local.properties.title === "string" ? local.properties.title : kind.charAt(0).toUpperCase() + kind.slice(1);
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

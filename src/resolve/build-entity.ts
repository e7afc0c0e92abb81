/** The entity of a cluster: its name (alias file, reference data, then the most used form), type, aliases, properties. Pure. */
import { isOrganisationType, type Entity, type EntityType, type PropertyValue } from "../domain/model.js";
import { chooseName, countFormsOfDocument } from "./choose-name.js";
import type { ResolutionNode } from "./clustering.js";
import { formsOfKnown, type KnownEntity } from "./known-entities.js";

/** The nodes of one cluster, and the alias entry and stored entity it holds, if any. */
export interface Cluster {
  nodes: ResolutionNode[];
  aliasEntry?: number;
  knownId?: string;
}

/** The entity of a cluster, named by chooseName over every form seen (stored counts included). */
export function buildEntity(
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

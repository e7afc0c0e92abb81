/** Stage: alias entries that already have a node join it, so the curated name wins and the stored id stays. Pure. */
import { isAcronymForm } from "./alias-table.js";
import { familyOf } from "./known-entities.js";
import type { Resolution } from "./resolution.js";

/** Unites each alias entry with the first stored entity of its family that one of its forms names. */
export function uniteAliasEntriesWithStored(r: Resolution): void {
  const { clusters, known } = r;
  r.aliases.entries.forEach((entry, i) => {
    const family = familyOf(entry.type);
    if (family === undefined) return;
    for (const form of [entry.name, ...entry.aliases, ...entry.acronyms]) {
      let ids: string[];
      if (family === "org")
        ids = isAcronymForm(form)
          ? known.orgsByAcronym(form)
          : [...known.orgsByKey(clusters.keyOf(form)), ...known.bySurfaceForm(clusters.fold(form))];
      else ids = known.bySurfaceForm(clusters.fold(form));
      const id = ids.find((k) => familyOf(known.get(k)!.type) === family);
      if (id !== undefined && clusters.tryUnion(r.aliasNodes[i]!.id, clusters.knownNodeId(id))) return;
    }
  });
}

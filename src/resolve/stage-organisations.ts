/**
 * Stage: organisations with the same order-free key of a specific full name ("Belarus Trade Unions Federation",
 * "Federation of Trade Unions of Belarus") are one, and one the alias file or a stored node names. Pure.
 */
import { isOrganisationType } from "../domain/model.js";
import { isSpecificOrgName } from "../extract/org-key.js";
import { isAcronymForm } from "./alias-table.js";
import { memo, type ResolutionNode } from "./clustering.js";
import type { Resolution } from "./resolution.js";

/** The full forms of organisation nodes: names that are neither acronyms nor generic short forms, memoised. */
export class OrganisationForms {
  private readonly cache = new Map<ResolutionNode, string[]>();
  private readonly isSpecific = memo(isSpecificOrgName);

  /** A node's specific full forms ("the Federation of Trade Unions" is resolved inside its document only). */
  of(n: ResolutionNode): string[] {
    let forms = this.cache.get(n);
    if (forms === undefined) {
      forms = [n.entity.name, ...n.entity.aliases].filter(
        (f) => !isAcronymForm(f) && !n.acronyms.includes(f) && this.isSpecific(f),
      );
      this.cache.set(n, forms);
    }
    return forms;
  }
}

/** The organisation nodes of the documents, in node order. */
export function organisationNodes(r: Resolution): ResolutionNode[] {
  return r.nodes.filter((n) => isOrganisationType(n.entity.type));
}

/** The alias entry (of an organisation) one of a node's full forms names, if any. */
function aliasEntryOf(r: Resolution, forms: readonly string[]): number | undefined {
  const { aliases, clusters } = r;
  for (const f of forms) {
    const hit = aliases.byOrgKey.get(clusters.keyOf(f)) ?? aliases.bySurface.get(clusters.fold(f));
    if (hit !== undefined && isOrganisationType(aliases.entries[hit]!.type)) return hit;
  }
  return undefined;
}

/** Unites named organisations by alias entry and by the key of each full form (a stored holder of a key first). */
export function uniteOrganisations(r: Resolution, fullForms: OrganisationForms): void {
  const { clusters, known } = r;
  const byKey = new Map<string, string>();
  for (const n of organisationNodes(r)) {
    if (n.isAcronymOnly) continue;
    const entry = aliasEntryOf(r, fullForms.of(n));
    if (entry !== undefined) clusters.tryUnion(r.aliasNodes[entry]!.id, n.id);
    for (const f of fullForms.of(n)) {
      const key = clusters.keyOf(f);
      if (key.length === 0) continue;
      // a stored organisation with this name is the first holder of its key
      clusters.uniteWithFirstHolder(byKey, key, n.id, () => known.orgsByKey(key)[0]);
    }
  }
}

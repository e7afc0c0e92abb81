/**
 * Stage: an acronym-only mention ("the FPB") joins the organisation the alias file gives it, else the one organisation
 * some document defined it for, else the one whose full name it spells; several candidates keep it apart. Pure.
 */
import { isOrganisationType } from "../domain/model.js";
import { initialsOf } from "../extract/org-key.js";
import type { ResolutionNode } from "./clustering.js";
import type { Resolution } from "./resolution.js";
import { organisationNodes, type OrganisationForms } from "./stage-organisations.js";

/** Named organisations by the acronyms documents gave them and by the initials of their full forms. */
interface AcronymIndex {
  byAcronym: Map<string, string[]>;
  byInitials: Map<string, string[]>;
}

function indexAcronyms(named: readonly ResolutionNode[], fullForms: OrganisationForms): AcronymIndex {
  const index: AcronymIndex = { byAcronym: new Map(), byInitials: new Map() };
  const push = (map: Map<string, string[]>, key: string, id: string) => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [id]);
    else list.push(id);
  };
  for (const n of named) {
    for (const a of n.acronyms) push(index.byAcronym, a, n.id);
    for (const f of fullForms.of(n)) for (const i of initialsOf(f)) push(index.byInitials, i, n.id);
  }
  return index;
}

/**
 * The distinct clusters behind a list of nodes and stored organisations. Organisation clusters no longer merge with
 * each other in this stage (an acronym-only mention joins one cluster at a time), so each list is reduced to its
 * roots once; find() keeps them current.
 */
function rootsBehindFor(
  r: Resolution,
): (cacheKey: string, nodeIds: readonly string[], knownIds: readonly string[]) => Set<string> {
  const { clusters } = r;
  const cache = new Map<string, string[]>();
  return (cacheKey, nodeIds, knownIds) => {
    let roots = cache.get(cacheKey);
    if (roots === undefined) {
      const ids = [...nodeIds, ...knownIds.map((id) => clusters.knownNodeId(id))];
      roots = [...new Set(ids.map((id) => clusters.find(id)))];
      cache.set(cacheKey, roots);
    }
    r.work.acronymCandidates += roots.length;
    return new Set(roots.map((root) => clusters.find(root)));
  };
}

/** Unites each acronym-only organisation mention with the one organisation its acronym stands for. */
export function uniteAcronyms(r: Resolution, fullForms: OrganisationForms): void {
  const { clusters, known, aliases } = r;
  const orgs = organisationNodes(r);
  const index = indexAcronyms(
    orgs.filter((n) => !n.isAcronymOnly),
    fullForms,
  );
  const rootsBehind = rootsBehindFor(r);
  const acronymOnly = orgs.filter((n) => n.isAcronymOnly).sort((a, b) => (a.id < b.id ? -1 : 1));
  const firstByAcronym = new Map<string, string>();
  for (const n of acronymOnly) {
    const acr = n.entity.name;
    const entry = aliases.byAcronym.get(acr) ?? aliases.bySurface.get(clusters.fold(acr));
    if (entry !== undefined && isOrganisationType(aliases.entries[entry]!.type)) {
      clusters.tryUnion(r.aliasNodes[entry]!.id, n.id);
      continue;
    }
    let roots = rootsBehind(`a:${acr}`, index.byAcronym.get(acr) ?? [], known.orgsByAcronym(acr));
    if (roots.size === 0) roots = rootsBehind(`i:${acr}`, index.byInitials.get(acr) ?? [], known.orgsByInitials(acr));
    if (roots.size === 1) {
      clusters.tryUnion([...roots][0]!, n.id);
      continue;
    }
    if (roots.size > 1)
      r.diagnostics.push({
        documentId: n.doc?.document.id ?? "",
        level: "warning",
        code: "AMBIGUOUS_ACRONYM",
        message: `"${acr}" matches ${roots.size} organisations; kept apart.`,
      });
    // an organisation stored under this acronym alone is the one earlier imports kept apart
    clusters.uniteWithFirstHolder(firstByAcronym, acr, n.id, () => known.orgsNamedByAcronym(acr)[0]);
  }
}

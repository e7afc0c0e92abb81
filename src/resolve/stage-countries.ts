/** Stage: countries, one per canonical name (a stored country of that name first). Pure. */
import type { Resolution } from "./resolution.js";

/** Unites every country node with the first holder of its name. */
export function uniteCountries(r: Resolution): void {
  const { clusters, known } = r;
  const byName = new Map<string, string>();
  for (const n of r.nodes) {
    if (n.entity.type !== "Country") continue;
    clusters.uniteWithFirstHolder(byName, n.entity.name, n.id, () => known.countryNamed(n.entity.name));
  }
}

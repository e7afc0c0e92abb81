/**
 * A fuzzy index of folded surnames: every string within two edits of another shares one of its "deletion
 * variants" (the string with up to two letters left out), so candidates for isSamePersonParts are found by a
 * few hash lookups instead of a scan over every person (the scan made resolution quadratic in people).
 */

const MAX_EDITS = 2;

/** The string with up to two letters deleted, itself included, distinct. */
export function deletionVariants(word: string): string[] {
  const out = new Set<string>([word]);
  let frontier = [word];
  for (let round = 0; round < MAX_EDITS; round++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (let i = 0; i < w.length; i++) {
        const v = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(v)) {
          out.add(v);
          next.push(v);
        }
      }
    }
    frontier = next;
  }
  return [...out];
}

/** Items (person clusters, known people) by the surnames they carry; a superset of the ones that can fit. */
export class SurnameIndex<T> {
  private readonly byVariant = new Map<string, Set<T>>();
  private readonly variants = new Map<string, string[]>();
  private readonly added = new Map<T, Set<string>>();

  private variantsOf(last: string): string[] {
    let v = this.variants.get(last);
    if (v === undefined) this.variants.set(last, (v = deletionVariants(last)));
    return v;
  }

  /** Lists an item under a surname (once per surname). */
  add(last: string, item: T): void {
    let surnames = this.added.get(item);
    if (surnames === undefined) this.added.set(item, (surnames = new Set()));
    if (surnames.has(last)) return;
    surnames.add(last);
    for (const v of this.variantsOf(last)) {
      let items = this.byVariant.get(v);
      if (items === undefined) this.byVariant.set(v, (items = new Set()));
      items.add(item);
    }
  }

  /** Takes an item out under every surname it was listed under. */
  remove(item: T): void {
    const surnames = this.added.get(item);
    if (surnames === undefined) return;
    for (const last of surnames) {
      for (const v of this.variantsOf(last)) {
        const items = this.byVariant.get(v);
        items?.delete(item);
        if (items?.size === 0) this.byVariant.delete(v);
      }
    }
    this.added.delete(item);
  }

  /** Items with a surname within two edits of `last` (and possibly a few more). */
  candidates(last: string): Set<T> {
    const found = new Set<T>();
    for (const v of this.variantsOf(last)) for (const item of this.byVariant.get(v) ?? []) found.add(item);
    return found;
  }
}

/** A small seeded pseudo-random generator (sfc32), so a corpus is the same for the same seed on every machine. */

/** Deterministic random choices derived from one seed. */
export interface Prng {
  /** a float in [0, 1) */
  next(): number;
  /** an integer in [0, n) */
  int(n: number): number;
  /** an integer in [min, max] */
  between(min: number, max: number): number;
  /** true with probability p */
  chance(p: number): boolean;
  /** one element of a non-empty array */
  pick<T>(items: readonly T[]): T;
  /** k distinct elements (k <= items.length), in random order */
  sample<T>(items: readonly T[], k: number): T[];
  /** an independent generator derived from this one and a label */
  fork(label: string): Prng;
}

function hashString(text: string): number {
  // FNV-1a: good enough to turn a label into a seed
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Creates a generator from a numeric or string seed. */
export function createPrng(seed: number | string): Prng {
  const s = typeof seed === "number" ? seed >>> 0 : hashString(seed);
  let a = 0x9e3779b9 ^ s;
  let b = 0x243f6a88 ^ Math.imul(s, 0x85ebca6b);
  let c = 0xb7e15162 ^ Math.imul(s, 0xc2b2ae35);
  let d = 1;
  const raw = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 15; i++) raw();
  const prng: Prng = {
    next: raw,
    int: (n) => Math.floor(raw() * n),
    between: (min, max) => min + Math.floor(raw() * (max - min + 1)),
    chance: (p) => raw() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error("pick: empty list");
      return items[Math.floor(raw() * items.length)] as T;
    },
    sample<T>(items: readonly T[], k: number): T[] {
      const copy = [...items];
      const n = Math.min(k, copy.length);
      for (let i = 0; i < n; i++) {
        const j = i + Math.floor(raw() * (copy.length - i));
        [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
      }
      return copy.slice(0, n);
    },
    fork: (label) => createPrng((s ^ hashString(label)) >>> 0),
  };
  return prng;
}

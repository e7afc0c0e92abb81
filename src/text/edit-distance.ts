/** Levenshtein distance with an early stop, and the typo budget lookups allow a word. Pure. */

/** Levenshtein distance, bounded: returns max + 1 as soon as the distance exceeds `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** The typo budget for a word: none for short words, 1 up to 6 letters, 2 beyond. */
export function typoBudget(word: string): number {
  return word.length <= 3 ? 0 : word.length <= 6 ? 1 : 2;
}

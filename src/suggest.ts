// "Did you mean ...?" for names the program checks itself (scenario names, units, reporters, help
// topics, dataset fields), worded like commander's own suggestions for commands and options.

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** " (did you mean optimistic?)" when one candidate is close to `word` (case ignored), else "". */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const best = closest(word, candidates);
  return best.length === 0 ? '' : ` (did you mean ${best.join(' or ')}?)`;
}

/** The candidates nearest to `word` (the fewest edits, and close enough to be a typo of it). */
export function closest(word: string, candidates: readonly string[]): string[] {
  const w = word.toLowerCase();
  let best: string[] = [];
  let bestDistance = Infinity;
  for (const c of new Set(candidates)) {
    if (c.length <= 1) continue;
    // More than three edits apart by length alone: no suggestion, and no distance table (a value of
    // ten million characters would otherwise build one of ten million rows).
    if (Math.abs(w.length - c.length) > 3) continue;
    const distance = editDistance(w, c.toLowerCase());
    const length = Math.max(w.length, c.length);
    if ((length - distance) / length <= 0.5 || distance > 3) continue;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = [c];
    } else if (distance === bestDistance) best.push(c);
  }
  return best;
}

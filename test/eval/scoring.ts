// Generic scoring shared by the accuracy harnesses: precision/recall/F1 and one-to-one span matching.
export interface Interval {
  start: number;
  end: number;
}

export interface PRF {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export function prf(tp: number, fp: number, fn: number): PRF {
  const precision = tp + fp ? tp / (tp + fp) : tp + fn ? 0 : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

export function overlap(a: Interval, b: Interval): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/**
 * Greedy one-to-one matching: every (gold, predicted) pair with a score (null = cannot match) is a
 * candidate; candidates are taken best score first, each gold and each predicted item at most once.
 * Returns pred index per gold index (-1 = unmatched).
 */
export function greedyMatch<G, P>(gold: G[], pred: P[], score: (g: G, p: P) => number | null): number[] {
  const cands: [number, number, number][] = [];
  gold.forEach((g, i) =>
    pred.forEach((p, j) => {
      const s = score(g, p);
      if (s !== null) cands.push([s, i, j]);
    }),
  );
  cands.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const g2p = gold.map(() => -1);
  const used = new Set<number>();
  for (const [, i, j] of cands) {
    if (g2p[i] !== -1 || used.has(j)) continue;
    g2p[i] = j;
    used.add(j);
  }
  return g2p;
}

// Span matchers for greedyMatch: any overlap, the exact span, at least half of the longer span.
export const anyOverlap = (g: Interval, p: Interval) => {
  const o = overlap(g, p);
  return o > 0 ? o : null;
};
export const exactSpan = (g: Interval, p: Interval) => (g.start === p.start && g.end === p.end ? 1 : null);
/** Overlap of at least half of the longer span; the score prefers larger overlap ratios. */
export const halfOfLonger = (g: Interval, p: Interval) => {
  const o = overlap(g, p);
  const longer = Math.max(g.end - g.start, p.end - p.start);
  return longer > 0 && o / longer >= 0.5 ? o / longer : null;
};

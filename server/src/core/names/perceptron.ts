// A linear-chain structured perceptron (Collins 2002) with weight averaging: the sequence model behind the
// name tagger. Emission scores are sums of feature weights per label, plus a first-order transition score;
// decoding is Viterbi. Pure and deterministic: the same data and seed give the same model, byte for byte.

export interface SequenceModel {
  labels: string[];
  /** Feature name → one weight per label. */
  weights: Map<string, Float32Array | Float64Array>;
  /** transitions[from * L + to]; from = L is the sequence start. */
  transitions: Float64Array;
  /** Allowed transitions (BIO: no O → I); the same layout as `transitions`. */
  allowed: Uint8Array;
}

/** Emission scores of every position for every label: scores[i * L + y]. */
export function emissionScores(model: SequenceModel, features: string[][]): Float64Array {
  const L = model.labels.length;
  const scores = new Float64Array(features.length * L);
  for (let i = 0; i < features.length; i++) {
    const base = i * L;
    for (const f of features[i]) {
      const w = model.weights.get(f);
      if (!w) continue;
      for (let y = 0; y < L; y++) scores[base + y] += w[y];
    }
  }
  return scores;
}

/** The best label sequence under emission and transition scores. */
export function viterbi(model: SequenceModel, scores: Float64Array, n: number): number[] {
  const L = model.labels.length;
  if (n === 0) return [];
  const best = new Float64Array(n * L);
  const back = new Int32Array(n * L);
  for (let y = 0; y < L; y++) best[y] = model.allowed[L * L + y] ? model.transitions[L * L + y] + scores[y] : -Infinity;
  for (let i = 1; i < n; i++) {
    for (let y = 0; y < L; y++) {
      let arg = 0;
      let max = -Infinity;
      for (let p = 0; p < L; p++) {
        if (!model.allowed[p * L + y]) continue;
        const s = best[(i - 1) * L + p] + model.transitions[p * L + y];
        if (s > max) {
          max = s;
          arg = p;
        }
      }
      best[i * L + y] = max + scores[i * L + y];
      back[i * L + y] = arg;
    }
  }
  let y = 0;
  for (let k = 1; k < L; k++) if (best[(n - 1) * L + k] > best[(n - 1) * L + y]) y = k;
  const out = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    out[i] = y;
    y = back[i * L + y];
  }
  return out;
}

export interface TrainingSequence {
  features: string[][];
  labels: number[];
}

export interface TrainOptions {
  epochs: number;
  seed: number;
  /** Features seen fewer times than this in the training data are not used. */
  minCount?: number;
}

/** Deterministic pseudo-random numbers (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Trains an averaged structured perceptron. Averaging uses the usual lazy trick: each weight keeps the
 * running sum of its value over time, brought up to date only when the weight changes.
 */
export function trainPerceptron(labels: string[], allowed: Uint8Array, data: TrainingSequence[], opts: TrainOptions): SequenceModel {
  const L = labels.length;
  const counts = new Map<string, number>();
  for (const s of data) for (const fs of s.features) for (const f of fs) counts.set(f, (counts.get(f) ?? 0) + 1);
  const minCount = opts.minCount ?? 1;
  const keep = (f: string) => (counts.get(f) ?? 0) >= minCount;
  const w = new Map<string, Float64Array>();
  const total = new Map<string, Float64Array>();
  const stamp = new Map<string, Float64Array>();
  const T = (L + 1) * L;
  const tw = new Float64Array(T);
  const tTotal = new Float64Array(T);
  const tStamp = new Float64Array(T);
  let time = 0;
  const model: SequenceModel = { labels, weights: w, transitions: tw, allowed };
  const update = (f: string, y: number, delta: number) => {
    let wf = w.get(f);
    if (!wf) {
      w.set(f, (wf = new Float64Array(L)));
      total.set(f, new Float64Array(L));
      stamp.set(f, new Float64Array(L));
    }
    const tf = total.get(f)!;
    const sf = stamp.get(f)!;
    tf[y] += (time - sf[y]) * wf[y];
    sf[y] = time;
    wf[y] += delta;
  };
  const updateT = (k: number, delta: number) => {
    tTotal[k] += (time - tStamp[k]) * tw[k];
    tStamp[k] = time;
    tw[k] += delta;
  };
  const order = data.map((_, i) => i);
  const random = seededRandom(opts.seed);
  const feats = data.map((s) => s.features.map((fs) => fs.filter(keep)));
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const idx of order) {
      time++;
      const gold = data[idx].labels;
      const fs = feats[idx];
      const guess = viterbi(model, emissionScores(model, fs), fs.length);
      for (let i = 0; i < gold.length; i++) {
        const prevG = i === 0 ? L : gold[i - 1];
        const prevP = i === 0 ? L : guess[i - 1];
        if (gold[i] !== guess[i]) {
          for (const f of fs[i]) {
            update(f, gold[i], 1);
            update(f, guess[i], -1);
          }
        }
        if (gold[i] !== guess[i] || prevG !== prevP) {
          updateT(prevG * L + gold[i], 1);
          updateT(prevP * L + guess[i], -1);
        }
      }
    }
  }
  // Averages: the running totals brought up to the final time, divided by it.
  const avg = new Map<string, Float64Array>();
  for (const [f, wf] of w) {
    const tf = total.get(f)!;
    const sf = stamp.get(f)!;
    const a = new Float64Array(L);
    let any = false;
    for (let y = 0; y < L; y++) {
      a[y] = (tf[y] + (time - sf[y]) * wf[y]) / time;
      if (a[y] !== 0) any = true;
    }
    if (any) avg.set(f, a);
  }
  const tAvg = new Float64Array(T);
  for (let k = 0; k < T; k++) tAvg[k] = (tTotal[k] + (time - tStamp[k]) * tw[k]) / time;
  return { labels, weights: avg, transitions: tAvg, allowed };
}

/** The model as a compact, JSON-serialisable object: weights scaled to integers, small ones dropped. */
export interface SerializedModel {
  format: 'news-lens/sequence-model@1';
  labels: string[];
  /** Weights are integers: the real weight times `scale`. */
  scale: number;
  transitions: number[];
  allowed: number[];
  /** Feature names, sorted; weights[k] holds one weight per label for features[k]. */
  features: string[];
  weights: number[][];
}

export function serializeModel(model: SequenceModel, scale = 1000, minAbs = 0.5): SerializedModel {
  const features: string[] = [];
  const weights: number[][] = [];
  for (const f of [...model.weights.keys()].sort()) {
    const ws = [...model.weights.get(f)!].map((x) => Math.round(x * scale));
    if (ws.every((x) => Math.abs(x) < minAbs * 1 || x === 0)) continue;
    features.push(f);
    weights.push(ws);
  }
  return {
    format: 'news-lens/sequence-model@1',
    labels: model.labels,
    scale,
    transitions: [...model.transitions].map((x) => Math.round(x * scale)),
    allowed: [...model.allowed],
    features,
    weights,
  };
}

export function deserializeModel(m: SerializedModel): SequenceModel {
  if (m.format !== 'news-lens/sequence-model@1') throw new Error(`unknown model format ${String(m.format)}`);
  const L = m.labels.length;
  const weights = new Map<string, Float32Array>();
  m.features.forEach((f, k) => {
    const a = new Float32Array(L);
    for (let y = 0; y < L; y++) a[y] = m.weights[k][y] / m.scale;
    weights.set(f, a);
  });
  return {
    labels: m.labels,
    weights,
    transitions: Float64Array.from(m.transitions, (x) => x / m.scale),
    allowed: Uint8Array.from(m.allowed),
  };
}

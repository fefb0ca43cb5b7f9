// Indirect-speech patterns found inside one paragraph ("X said (that) …", "according to X, …"). They depend
// on the paragraph's tokens only, so they are cached with the paragraph; the document-level pass then only
// resolves each speaker phrase to an entity.
import type { Token } from './text';

export interface SpeechPattern {
  kind: 'according' | 'verb';
  verb: string;
  /** Offsets relative to the paragraph. */
  cue: { start: number; end: number };
  /** The speaker phrase: after "according to", or the word(s) right before the verb. */
  speaker: { start: number; end: number };
  /** The reported clause. */
  body: { start: number; end: number };
  sentence: { start: number; end: number };
}

export const INDIRECT_VERBS = new Set(['said', 'says', 'stated', 'announced', 'claimed', 'told', 'added', 'insisted', 'warned', 'argued', 'noted', 'confirmed', 'denied', 'declared', 'reported']);
const SPEAKER_STOP = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'when', 'while', 'as', 'to', 'from', 'last', 'this', 'yesterday', 'today', 'recently', 'later', 'earlier', 'who', 'which', 'that', 'adding', 'saying', 'and', ';']);

/**
 * The noun phrase after a cue (`according to Smith, a spokesman` → "Smith"): the index range [first, last]
 * of at most eight words from `from`, up to punctuation or a word that starts a new phrase. Generic over
 * the token wrapper so the document pass (absolute tokens) and the paragraph pass share the rule.
 */
export function phraseRange<T>(items: T[], from: number, to: number, tokenOf: (x: T) => Token): [number, number] | undefined {
  let first = -1;
  let last = -1;
  for (let k = from; k < to; k++) {
    const w = tokenOf(items[k]);
    if (!w.word && w.text !== "'s" && w.text !== '’s' && w.text !== '-') break;
    if (first >= 0 && SPEAKER_STOP.has(w.lower)) break;
    if (first < 0) first = k;
    last = k;
    if (last - first >= 7) break;
  }
  return first < 0 ? undefined : [first, last];
}

function phraseAfter(tokens: Token[], from: number, to: number): { start: number; end: number } | undefined {
  const r = phraseRange(tokens, from, to, (t) => t);
  return r && { start: tokens[r[0]].start, end: tokens[r[1]].end };
}

export function findSpeechPatterns(tokens: Token[]): SpeechPattern[] {
  const out: SpeechPattern[] = [];
  let s = 0;
  while (s < tokens.length) {
    let e = s;
    while (e < tokens.length && tokens[e].sentence === tokens[s].sentence) e++;
    const p = sentencePattern(tokens, s, e);
    if (p) out.push(p);
    s = e;
  }
  return out;
}

const isBodyToken = (t: Token) => t.text !== '.';

function sentencePattern(tokens: Token[], s: number, e: number): SpeechPattern | undefined {
  const sentence = { start: tokens[s].start, end: tokens[e - 1].end };
  for (let v = s; v < e; v++) {
    const w = tokens[v].lower;
    if (w === 'according' && tokens[v + 1]?.lower === 'to' && v + 1 < e) {
      const np = phraseAfter(tokens, v + 2, e);
      if (!np) continue;
      // The reported clause: the rest of the sentence after the according-to phrase, or what came before it.
      let body: Token[];
      if (v === s) {
        let comma = -1;
        for (let k = v + 2; k < e; k++) if (tokens[k].text === ',') { comma = k; break; }
        body = comma > 0 ? tokens.slice(comma + 1, e - 1) : [];
      } else body = tokens.slice(s, v).filter((x) => x.text !== ',');
      body = body.filter(isBodyToken);
      if (body.length < 3) return undefined;
      return { kind: 'according', verb: 'according', cue: { start: tokens[v].start, end: tokens[v + 1].end }, speaker: np, body: { start: body[0].start, end: body[body.length - 1].end }, sentence };
    }
    if (!INDIRECT_VERBS.has(w)) continue;
    // Subject right before the verb, possibly with an adverb: "The Kremlin stated that …".
    let b = v - 1;
    if (b >= s && /ly$|^also$|^later$|^earlier$/.test(tokens[b].lower)) b--;
    if (b < s) return undefined;
    let c = v + 1;
    if (w === 'told' || w === 'warned') {
      // "told reporters (that)": skip the addressee.
      while (c < e && tokens[c].lower !== 'that' && c - v < 5) c++;
      if (tokens[c]?.lower !== 'that') return undefined;
    }
    if (tokens[c]?.lower === 'that') c++;
    const body = tokens.slice(c, e).filter(isBodyToken);
    if (body.length < 3) return undefined;
    return { kind: 'verb', verb: w, cue: { start: tokens[v].start, end: tokens[v].end }, speaker: { start: tokens[b].start, end: tokens[b].end }, body: { start: body[0].start, end: body[body.length - 1].end }, sentence };
  }
  return undefined;
}

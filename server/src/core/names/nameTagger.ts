// The learned name tagger: which tokens of a paragraph are a person's name (BIO tags), from a structured
// perceptron trained on human-annotated text (server/data/name-tagger.json; how it was trained, on what
// data and under which licence: server/data/README.md#name-tagger). Titles, the knowledge base and
// coreference stay rule-based; this decides only where names are and where they start and end.
import modelData from '../../../data/name-tagger.json';
import type { KnowledgeBase } from '../knowledgeBase';
import type { Lexicon } from '../lexicon';
import type { Slot } from '../slots';
import type { Token } from '../text';
import { paragraphEmissions, type NameWords } from './features';
import { deserializeModel, viterbi, type SequenceModel, type SerializedModel } from './perceptron';

export const NAME_LABELS = ['O', 'B-PER', 'I-PER'];
/** BIO: a name continues (I) only after its beginning (B) or another I; index L is the sequence start. */
export function bioTransitions(): Uint8Array {
  const L = NAME_LABELS.length;
  const allowed = new Uint8Array((L + 1) * L).fill(1);
  allowed[0 * L + 2] = 0;
  allowed[L * L + 2] = 0;
  return allowed;
}

let shipped: SequenceModel | undefined;

/** The model shipped with News Lens. */
export function shippedNameModel(): SequenceModel {
  return (shipped ??= deserializeModel(modelData as SerializedModel));
}

const nameWordsByKb = new WeakMap<KnowledgeBase, NameWords>();

/** Lower-case words of the knowledge base's names and aliases, without particles of one or two letters. */
export function knowledgeBaseNameWords(kb: KnowledgeBase): NameWords {
  let words = nameWordsByKb.get(kb);
  if (!words) {
    const set = new Set<string>();
    for (const r of kb.records) for (const n of [r.name, ...(r.aliases ?? []), ...(r.surname ? [r.surname] : [])]) for (const w of n.toLowerCase().split(/\s+/)) if (w.length > 2) set.add(w);
    nameWordsByKb.set(kb, (words = set));
  }
  return words;
}

/** Person-name spans as token index ranges [from, to). */
export function tagNames(model: SequenceModel, tokens: Token[], slots: Slot[], lex: Lexicon, nameWords: NameWords): [number, number][] {
  if (!tokens.length) return [];
  const labels = viterbi(model, paragraphEmissions(model, tokens, slots, lex, nameWords), tokens.length);
  return spansOf(labels);
}

/** Token ranges of the B/I runs of a BIO label sequence (1 = B, 2 = I). */
export function spansOf(labels: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== 1 && labels[i] !== 2) continue;
    let j = i + 1;
    while (j < labels.length && labels[j] === 2) j++;
    out.push([i, j]);
    i = j - 1;
  }
  return out;
}

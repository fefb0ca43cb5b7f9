// What every part of attribution reads and keeps for one analysis: the text, its paragraphs with their
// tokens, the entity table, and the per-analysis state (who has spoken so far, entities made while
// attributing, memoised sentence numbers and token offsets). One context per Attributor.
import { lexicon } from '../lexicon';
import type { EntityTable, ResolvedMention } from '../entities/table';
import type { SpeechPattern } from '../paragraph/speechPatterns';
import type { TriggerPattern } from '../paragraph/triggerPatterns';
import type { Token } from '../text';
import type { Entity, PronounWeights, Quote, Span } from '../types';

export interface DocParagraph {
  start: number;
  end: number;
  tokens: Token[];
  /** Indirect-speech patterns of the paragraph (relative offsets), cached with it. */
  speech: SpeechPattern[];
  /** Communication triggers of the paragraph (relative offsets), cached with it. */
  triggers: TriggerPattern[];
}

export interface AmbiguousSpeaker {
  quoteId: string;
  pronoun: Span;
  chosen: string;
  others: string[];
}

export type Resolved = { entityId: string; mention: Span; via: Quote['attribution']; ambiguous?: AmbiguousSpeaker['others'] };

/** Index of the first token starting at or after `offset` (binary search; tokens are in order). */
export function firstTokenAtOrAfter(toks: { s: number }[], offset: number): number {
  return firstAtOrAfter(toks, offset, (t) => t.s);
}

/** Index of the first item whose start (by `startOf`) is at or after `offset` (binary search; items in order). */
export function firstAtOrAfter<T>(items: T[], offset: number, startOf: (x: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (startOf(items[mid]) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The shipped weights of the pronoun-antecedent score, fitted on our annotated documents (the attribution
 * set and the quote fixtures) by `npm run eval`'s search, whose held-out figure is cross-validated by document.
 */
export const PRONOUN_WEIGHTS: PronounWeights = { sentence: 1, lastSpeaker: 0, earlierSpeaker: 0, subject: 0.75, afterPreposition: 1.5, sameParagraph: 0 };

export interface AbsToken {
  t: Token;
  s: number;
  e: number;
  sent: number;
}

// Absolute tokens by paragraph tokens (which the paragraph cache keeps while the paragraph's text stands).
const keptAbsTokens = new WeakMap<Token[], { base: number; toks: AbsToken[] }>();

export class AttributionContext {
  readonly lex = lexicon();
  constructor(
    readonly text: string,
    readonly paras: DocParagraph[],
    readonly table: EntityTable,
    readonly pronounWeights: PronounWeights = PRONOUN_WEIGHTS,
  ) {}

  span(start: number, end: number): Span {
    return { start, end, text: this.text.slice(start, end) };
  }

  /**
   * Absolute tokens of paragraph p. They are kept with the paragraph's tokens across analyses and moved in
   * place when the paragraph moved (an edit before it), so that an edit does not rebuild them for the whole
   * document; a paragraph whose text repeats elsewhere in the document shares its tokens and gets its own copy.
   */
  abs(p: number): AbsToken[] {
    let toks = this.absCache.get(p);
    if (toks) return toks;
    const para = this.paras[p];
    const kept = keptAbsTokens.get(para.tokens);
    if (this.claimed.has(para.tokens) || !kept) {
      toks = para.tokens.map((t) => ({ t, s: t.start + para.start, e: t.end + para.start, sent: t.sentence }));
      if (!this.claimed.has(para.tokens)) keptAbsTokens.set(para.tokens, { base: para.start, toks });
    } else {
      toks = kept.toks;
      const delta = para.start - kept.base;
      if (delta) {
        for (const x of toks) {
          x.s += delta;
          x.e += delta;
        }
        kept.base = para.start;
      }
    }
    this.claimed.add(para.tokens);
    this.absCache.set(p, toks);
    return toks;
  }

  /** Absolute tokens of the paragraphs this analysis has looked at. */
  readonly absCache = new Map<number, AbsToken[]>();
  /** Token arrays whose kept absolute tokens this analysis uses (a repeated paragraph must not move them). */
  private readonly claimed = new Set<Token[]>();

  paraIndexAt(offset: number): number {
    let lo = 0;
    let hi = this.paras.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.paras[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  mentionsIn(start: number, end: number): ResolvedMention[] {
    return this.table.range(start, end);
  }

  /** The mention nearest before `pos` (within a few paragraphs) that satisfies `ok`. */
  nearest(pos: number, ok: (m: ResolvedMention) => boolean, paragraphsBack = 6): ResolvedMention | undefined {
    const from = Math.max(this.paras[Math.max(0, this.paraIndexAt(pos) - paragraphsBack)].start, pos - 3000);
    const ms = this.table.range(from, pos);
    for (let k = ms.length - 1; k >= 0; k--) if (ms[k].end <= pos && ok(ms[k])) return ms[k];
    return undefined;
  }

  entity(id: string): Entity {
    return this.table.byId.get(id)!;
  }

  /** Who has spoken so far, in the order the quotes were attributed (for pronoun salience). */
  readonly spoke: { pos: number; entityId: string }[] = [];

  /** Group speakers made during attribution, by their key. */

  readonly groups = new Map<string, Entity>();
  /** Mention starts already added to entities made during attribution; they are sorted once, in `finish`. */
  readonly lateStarts = new Map<Entity, Set<number>>();

  addLateMention(e: Entity, m: Entity['mentions'][number]): void {
    let starts = this.lateStarts.get(e);
    if (!starts) this.lateStarts.set(e, (starts = new Set(e.mentions.map((x) => x.start))));
    if (starts.has(m.start)) return;
    starts.add(m.start);
    e.mentions.push(m);
  }

  /** Puts the mentions added during attribution in document order. */
  finish(): void {
    for (const e of this.lateStarts.keys()) e.mentions.sort((a, b) => a.start - b.start);
  }

  /** Sentences in the paragraphs before p (see pronouns.ts: sentenceBase). */
  readonly sentenceBases: number[] = [0];
  /** Offsets right after a preposition ("to Mohamed"), memoised. */
  readonly prepositionBefore = new Map<number, boolean>();
  /** Genders read from people's first names, memoised. */
  readonly genders = new Map<string, 'm' | 'f' | undefined>();
}

// Who said it: finds the cue (said, told, "the statement read", according to, a colon introduction)
// before or after each quotation (cues.ts), reads the speaker phrase and resolves it to an entity
// (speakers.ts) — a person, an organisation ("the Kremlin statement" → the Kremlin, "the statement" →
// whoever put out a statement), a pronoun (the nearest fitting person before it, pronouns.ts), or, with no
// cue at all, the speaker of the quote just before it. Also finds indirect speech (indirect.ts).
import type { EntityTable } from '../entities/table';
import type { CueMatch, QuoteSpan } from '../quotes/scan';
import type { PronounWeights, Quote } from '../types';
import { AttributionContext, type AmbiguousSpeaker, type DocParagraph, type Resolved } from './context';
import { continues, findCue } from './cues';
import { genderOf } from './pronouns';
import { indirect } from './indirect';
import { lastNamedIn, resolveSpeaker } from './speakers';

export interface AttributionResult {
  quotes: Quote[];
  ambiguous: AmbiguousSpeaker[];
}

export class Attributor {
  private readonly ctx: AttributionContext;
  constructor(text: string, paras: DocParagraph[], table: EntityTable, pronounWeights?: PronounWeights) {
    this.ctx = new AttributionContext(text, paras, table, pronounWeights);
  }

  paraIndexAt(offset: number): number {
    return this.ctx.paraIndexAt(offset);
  }

  attribute(spans: { q: QuoteSpan; kind: Quote['kind'] }[]): AttributionResult {
    const ctx = this.ctx;
    const quotes: Quote[] = [];
    const ambiguous: AmbiguousSpeaker[] = [];
    let prev: { quote: Quote; endPara: number } | undefined;
    spans.forEach(({ q, kind }, idx) => {
      const id = `q${idx + 1}`;
      const firstPara = ctx.paraIndexAt(q.start);
      const lastPara = ctx.paraIndexAt(Math.max(q.start, q.end - 1));
      // The paragraph cache may already know the cue (null: it looked and found none).
      const found = q.found !== undefined ? q.found ?? undefined : findCue(ctx, q, firstPara, lastPara, spans[idx + 1]?.q.start, spans[idx - 1]?.q.end);
      let quote: Quote;
      if (found) {
        const r = resolveSpeaker(ctx, found.np, q.start, found.cueVerb) ?? (found.wide ? lastNamedIn(ctx, found.wide) : undefined);
        quote = {
          id, kind, start: q.start, end: q.end, text: ctx.text.slice(q.start, q.end),
          speaker: r?.entityId ?? null,
          speakerMention: r ? r.mention : found.np.end > found.np.start ? ctx.span(found.np.start, found.np.end) : null,
          cue: ctx.span(found.cue.start, found.cue.end),
          attribution: r ? (r.via === 'pronoun' ? 'pronoun' : found.via) : 'none',
        };
        if (r?.ambiguous?.length) ambiguous.push({ quoteId: id, pronoun: r.mention, chosen: r.entityId, others: r.ambiguous });
      } else if (prev && prev.quote.speaker && continues(ctx, prev.quote, prev.endPara, q, firstPara)) {
        quote = { id, kind, start: q.start, end: q.end, text: ctx.text.slice(q.start, q.end), speaker: prev.quote.speaker, speakerMention: prev.quote.speakerMention, cue: null, attribution: 'continuation' };
      } else {
        quote = { id, kind, start: q.start, end: q.end, text: ctx.text.slice(q.start, q.end), speaker: null, speakerMention: null, cue: null, attribution: 'none' };
      }
      quotes.push(quote);
      if (quote.speaker) ctx.spoke.push({ pos: quote.start, entityId: quote.speaker });
      prev = { quote, endPara: lastPara };
    });
    return { quotes, ambiguous };
  }

  /** The cue after the quote, else before it; the speaker phrase is resolved separately. */
  findCue(q: QuoteSpan, firstPara: number, lastPara: number, nextQuoteStart: number | undefined, prevQuoteEnd: number | undefined): CueMatch | undefined {
    return findCue(this.ctx, q, firstPara, lastPara, nextQuoteStart, prevQuoteEnd);
  }

  /** Resolves a speaker phrase to an entity. */
  resolveSpeaker(np: { start: number; end: number }, quoteStart: number, cueVerb: string): Resolved | undefined {
    return resolveSpeaker(this.ctx, np, quoteStart, cueVerb);
  }

  genderOf(entityId: string): 'm' | 'f' | undefined {
    return genderOf(this.ctx, entityId);
  }

  /** Puts the mentions added during attribution in document order. */
  finish(): void {
    this.ctx.finish();
  }

  /**
   * Reported speech outside quotation marks: `X said (that) …`, `according to X, …`, `…, X said.`. A reported
   * clause that contains a quoted fragment is one mixed quote (the fragment is absorbed: its id is returned);
   * a clause running into a full direct quote stops before it.
   */
  indirect(direct: Quote[], startId: number): { quotes: Quote[]; absorbed: Set<string> } {
    return indirect(this.ctx, direct, startId);
  }
}

// Who said it: finds the cue (said, told, "the statement read", according to, a colon introduction)
// before or after each quotation, reads the speaker phrase and resolves it to an entity — a person, an
// organisation ("the Kremlin statement" → the Kremlin, "the statement" → whoever put out a statement), a
// pronoun (the nearest fitting person before it), or, with no cue at all, the speaker of the quote just
// before it. Also finds indirect speech ("X said that …", "according to X, …").
import type { EntityTable, ResolvedMention } from './entities';
import type { Quote, Span, Entity } from './types';
import type { CueMatch, QuoteSpan } from './quotes';
import type { Token } from './text';
import { lexicon } from './lexicon';
import { phraseRange, type SpeechPattern } from './speechPatterns';
import type { TriggerPattern } from './interactions';

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

export interface AttributionResult {
  quotes: Quote[];
  ambiguous: AmbiguousSpeaker[];
}

export const CUE_VERBS = new Set([
  'said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'stated', 'states', 'wrote', 'writes', 'explained', 'explains',
  'insisted', 'insists', 'warned', 'warns', 'asked', 'asks', 'argued', 'argues', 'claimed', 'claims', 'noted', 'notes',
  'declared', 'declares', 'announced', 'announces', 'replied', 'replies', 'responded', 'responds', 'continued', 'continues',
  'recalled', 'recalls', 'admitted', 'admits', 'stressed', 'stresses', 'emphasised', 'emphasized', 'acknowledged',
  'tweeted', 'posted', 'commented', 'remarked', 'suggested', 'suggests', 'confirmed', 'confirms', 'denied', 'denies',
  'urged', 'urges', 'concluded', 'observed', 'complained', 'conceded', 'cautioned', 'shouted', 'vowed', 'pledged',
  'promised', 'insisted', 'predicted', 'agreed', 'exclaimed', 'answered', 'joked', 'quipped', 'mused', 'boasted',
  'countered', 'retorted', 'pointed', 'reiterated', 'underlined', 'underscored', 'alleged', 'maintained', 'affirmed',
  'read', 'reads', 'tweets', 'posts', 'writing', 'saying', 'telling', 'adding', 'noting', 'warning', 'stating',
]);
const VERBS_NEEDING_STATEMENT = new Set(['read', 'reads']);
// Verbs that introduce a quoted phrase only before it: `called the budget "a betrayal"`.
const NAMING_VERBS = new Set(['called', 'calls', 'described', 'describes', 'termed', 'branded', 'dubbed', 'labelled', 'labeled', 'hailed', 'praised', 'condemned', 'denounced', 'slammed', 'welcomed', 'promised', 'pledged', 'vowed']);
const NOT_A_SUBJECT = new Set(['and', 'but', 'or', 'to', 'then', 'which', 'that', 'as', 'while']);
// Nouns that stand for an organisation already named ("the group said").
const ORGANISATION_NOUNS = new Set(['group', 'company', 'firm', 'party', 'ministry', 'department', 'agency', 'organisation', 'organization', 'association', 'union', 'council', 'government', 'bank', 'court', 'campaign', 'committee', 'foundation', 'charity', 'embassy', 'club', 'team', 'body', 'regulator', 'board', 'institute', 'coalition', 'alliance', 'federation', 'network', 'channel', 'newspaper', 'broadcaster', 'university', 'airline', 'carrier', 'insurer', 'retailer', 'manufacturer', 'developer', 'operator', 'utility', 'watchdog', 'directorate', 'commission', 'office', 'administration', 'presidency', 'cabinet', 'military', 'army', 'police', 'force', 'forces']);
const DETERMINERS = new Set(['the', 'his', 'her', 'their', 'its', 'a', 'an']);
const PRONOUNS = new Map<string, 'm' | 'f' | 'n' | 'p'>([
  ['he', 'm'], ['she', 'f'], ['they', 'p'], ['it', 'n'], ['i', 'p'], ['we', 'p'], ['his', 'm'], ['her', 'f'], ['their', 'p'], ['him', 'm'],
]);

type Resolved = { entityId: string; mention: Span; via: Quote['attribution']; ambiguous?: AmbiguousSpeaker['others'] };

/** Index of the first token starting at or after `offset` (binary search; tokens are in order). */
function firstTokenAtOrAfter(toks: { s: number }[], offset: number): number {
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid].s < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class Attributor {
  private readonly lex = lexicon();
  constructor(
    private readonly text: string,
    private readonly paras: DocParagraph[],
    private readonly table: EntityTable,
  ) {}

  private span(start: number, end: number): Span {
    return { start, end, text: this.text.slice(start, end) };
  }

  /** Absolute tokens of paragraph p. */
  private abs(p: number): { t: Token; s: number; e: number; sent: number }[] {
    let toks = this.absCache.get(p);
    if (!toks) {
      const para = this.paras[p];
      toks = para.tokens.map((t) => ({ t, s: t.start + para.start, e: t.end + para.start, sent: t.sentence }));
      this.absCache.set(p, toks);
    }
    return toks;
  }

  /** Absolute tokens of the paragraphs this analysis has looked at. */
  private readonly absCache = new Map<number, { t: Token; s: number; e: number; sent: number }[]>();

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

  attribute(spans: { q: QuoteSpan; kind: Quote['kind'] }[]): AttributionResult {
    const quotes: Quote[] = [];
    const ambiguous: AmbiguousSpeaker[] = [];
    let prev: { quote: Quote; endPara: number } | undefined;
    spans.forEach(({ q, kind }, idx) => {
      const id = `q${idx + 1}`;
      const firstPara = this.paraIndexAt(q.start);
      const lastPara = this.paraIndexAt(Math.max(q.start, q.end - 1));
      // The paragraph cache may already know the cue (null: it looked and found none).
      const found = q.found !== undefined ? q.found ?? undefined : this.findCue(q, firstPara, lastPara, spans[idx + 1]?.q.start, spans[idx - 1]?.q.end);
      let quote: Quote;
      if (found) {
        const r = this.resolveSpeaker(found.np, q.start, found.cueVerb) ?? (found.wide ? this.lastNamedIn(found.wide) : undefined);
        quote = {
          id, kind, start: q.start, end: q.end, text: this.text.slice(q.start, q.end),
          speaker: r?.entityId ?? null,
          speakerMention: r ? r.mention : found.np.end > found.np.start ? this.span(found.np.start, found.np.end) : null,
          cue: this.span(found.cue.start, found.cue.end),
          attribution: r ? (r.via === 'pronoun' ? 'pronoun' : found.via) : 'none',
        };
        if (r?.ambiguous?.length) ambiguous.push({ quoteId: id, pronoun: r.mention, chosen: r.entityId, others: r.ambiguous });
      } else if (prev && prev.quote.speaker && this.continues(prev.quote, prev.endPara, q, firstPara)) {
        quote = { id, kind, start: q.start, end: q.end, text: this.text.slice(q.start, q.end), speaker: prev.quote.speaker, speakerMention: prev.quote.speakerMention, cue: null, attribution: 'continuation' };
      } else {
        quote = { id, kind, start: q.start, end: q.end, text: this.text.slice(q.start, q.end), speaker: null, speakerMention: null, cue: null, attribution: 'none' };
      }
      quotes.push(quote);
      prev = { quote, endPara: lastPara };
    });
    return { quotes, ambiguous };
  }

  /** The cue after the quote, else before it; the speaker phrase is resolved separately. */
  findCue(q: QuoteSpan, firstPara: number, lastPara: number, nextQuoteStart: number | undefined, prevQuoteEnd: number | undefined): CueMatch | undefined {
    // A fragment inside a sentence ("said the plan was "reckless" and vowed …") is governed by the cue before it.
    const para = this.paras[firstPara];
    const before = this.text.slice(para.start, q.start).trimEnd();
    if (/[\p{L}\p{N}]$/u.test(before)) return this.before(q, firstPara, prevQuoteEnd) ?? this.after(q, lastPara, nextQuoteStart);
    return this.after(q, lastPara, nextQuoteStart) ?? this.before(q, firstPara, prevQuoteEnd);
  }

  /** A quote with no cue continues the previous speaker in the same or the next paragraph. */
  private continues(prevQuote: Quote, prevEndPara: number, q: QuoteSpan, firstPara: number): boolean {
    if (firstPara - prevEndPara > 1) return false;
    const between = this.text.slice(prevQuote.end, q.start);
    // Only a short attribution or nothing may stand between them: no new sentence about someone else.
    return between.length < 200 && !/[.!?]\s+\p{Lu}[^"“”]*\b(?:said|told|says)\b/u.test(between);
  }

  /** `"…," Smith said.` / `"…," said Smith, a …` / `"…," the statement read.` */
  private after(q: QuoteSpan, p: number, nextQuoteStart: number | undefined) {
    const all = this.abs(p);
    const first = firstTokenAtOrAfter(all, q.end);
    const toks: typeof all = [];
    for (let k = first; k < all.length && toks.length < 16; k++) {
      if (nextQuoteStart !== undefined && all[k].s >= nextQuoteStart) break;
      toks.push(all[k]);
    }
    if (!toks.length) return undefined;
    const sent = toks[0].sent;
    // Stop at the end of the sentence that the closing mark ends or is inside.
    const window = [];
    for (const x of toks) {
      if (x.sent !== sent && window.length) break;
      window.push(x);
      if (window.length > 14) break;
    }
    if (window[0] && /^[.!?]$/.test(window[0].t.text) && !/[,:—–-]$/.test(this.text.slice(q.start, q.end - 1))) {
      // `"…." Smith said.` is rare; a sentence that ended before the cue is a new sentence.
      return undefined;
    }
    for (let v = 0; v < Math.min(window.length, 10); v++) {
      const w = window[v].t;
      const isAccording = w.lower === 'according' && window[v + 1]?.t.lower === 'to';
      if (!CUE_VERBS.has(w.lower) && !isAccording) continue;
      // (A full stop inside the sentence belongs to an abbreviation: "Sen. Patricia Munoz said".)
      if (window.slice(0, v).some((x) => /^[!?;]$/.test(x.t.text))) return undefined;
      if (isAccording) {
        const np = this.phraseAfter(window, v + 2);
        return { np, cue: { start: w.start + this.paras[p].start, end: window[v + 1].e }, cueVerb: 'according', via: 'according-to' as const };
      }
      const npBefore = window.slice(0, v).filter((x) => x.t.word || x.t.text === "'s" || x.t.text === '’s');
      // `"…" and vowed to …`: a coordinated verb, not a speaker before a cue.
      if (npBefore.length && NOT_A_SUBJECT.has(npBefore[0].t.lower)) return undefined;
      if (npBefore.length) {
        if (VERBS_NEEDING_STATEMENT.has(w.lower) && !npBefore.some((x) => this.lex.statementNouns.has(x.t.lower))) return undefined;
        return { np: { start: npBefore[0].s, end: npBefore[npBefore.length - 1].e }, cue: { start: window[v].s, end: window[v].e }, cueVerb: w.lower, via: 'cue' as const };
      }
      const np = this.phraseAfter(window, v + 1);
      if (np.end <= np.start) return undefined;
      return { np, cue: { start: window[v].s, end: window[v].e }, cueVerb: w.lower, via: 'cue' as const };
    }
    return undefined;
  }

  /** The noun phrase after an inverted cue: `said Smith, a spokesman` → "Smith". */
  private phraseAfter(window: { t: Token; s: number; e: number }[], from: number): { start: number; end: number } {
    const r = phraseRange(window, from, window.length, (x) => x.t);
    return r ? { start: window[r[0]].s, end: window[r[1]].e } : { start: 0, end: 0 };
  }


  /** `Smith said: "…"` / `the Kremlin statement said: "…"` / `According to X, "…"` / `X: "…"`. */
  private before(q: QuoteSpan, p: number, prevQuoteEnd: number | undefined): CueMatch | undefined {
    const all = this.abs(p);
    const openIdx = firstTokenAtOrAfter(all, q.start);
    // The cue stands within the sentence before the quote: look back a bounded number of tokens.
    let toks = all.slice(Math.max(0, openIdx - 80), openIdx).filter((x) => prevQuoteEnd === undefined || x.s >= prevQuoteEnd);
    if (!toks.length) {
      // A quote opening its paragraph, introduced at the end of the one before: `Calloway said:`.
      if (p === 0) return undefined;
      const prev = this.abs(p - 1);
      const last = prev[prev.length - 1];
      if (!last || last.t.text !== ':' || (prevQuoteEnd !== undefined && last.s < prevQuoteEnd)) return undefined;
      toks = prev.filter((x) => x.sent === last.sent && (prevQuoteEnd === undefined || x.s >= prevQuoteEnd));
    }
    // The sentence the quote opens in (or the previous one when it ended with a colon).
    const lastSent = toks[toks.length - 1].sent;
    toks = toks.filter((x) => x.sent === lastSent);
    const last = toks[toks.length - 1];
    const mixed = !(last.t.text === ':' || last.t.text === ',');
    for (let v = toks.length - 1; v >= 0; v--) {
      const w = toks[v].t;
      const isAccording = w.lower === 'according' && toks[v + 1]?.t.lower === 'to';
      if (isAccording) {
        const np = this.phraseAfter(toks, v + 2);
        if (np.end > np.start) return { np, cue: { start: toks[v].s, end: toks[v + 1].e }, cueVerb: 'according', via: 'according-to' };
      }
      if ((!CUE_VERBS.has(w.lower) && !NAMING_VERBS.has(w.lower)) || VERBS_NEEDING_STATEMENT.has(w.lower)) continue;
      const wide = { start: toks[0].s, end: toks[v].s };
      // The subject: words before the verb back to the previous comma or the sentence start.
      let b = v - 1;
      while (b >= 0 && toks[b].t.text !== ',' && toks[b].t.text !== ';' && v - b <= 8) b--;
      const subj = toks.slice(b + 1, v).filter((x) => x.t.word || x.t.text === "'s" || x.t.text === '’s');
      if (subj.length) return { np: { start: subj[0].s, end: subj[subj.length - 1].e }, cue: { start: toks[v].s, end: toks[v].e }, cueVerb: w.lower, via: 'cue', wide };
      // Inverted before the quote: `Said Smith: "…"`; or an appositive: `The director, Rosalind Tate, said …`.
      const np = this.phraseAfter(toks, v + 1);
      if (np.end > np.start || v > 0) return { np: np.end > np.start && v === 0 ? np : wide, cue: { start: toks[v].s, end: toks[v].e }, cueVerb: w.lower, via: 'cue', wide };
    }
    if (!mixed && last.t.text === ':') {
      // A colon introduction without a verb: `Netanyahu's statement: "…"`.
      const words = toks.filter((x) => x.t.word || x.t.text === "'s" || x.t.text === '’s');
      const np = words.slice(-6);
      if (np.length) return { np: { start: np[0].s, end: np[np.length - 1].e }, cue: { start: last.s, end: last.e }, cueVerb: ':', via: 'colon', wide: { start: toks[0].s, end: last.s } };
    }
    return undefined;
  }

  private mentionsIn(start: number, end: number): ResolvedMention[] {
    return this.table.range(start, end);
  }

  /** Resolves a speaker phrase to an entity. */
  resolveSpeaker(np: { start: number; end: number }, quoteStart: number, cueVerb: string): Resolved | undefined {
    if (np.end <= np.start) return undefined;
    const inside = this.mentionsIn(np.start, np.end);
    const pick = (ms: ResolvedMention[]) =>
      ms.find((m) => m.type === 'organization' && this.entity(m.entityId).speaksFor) ??
      [...ms].reverse().find((m) => m.type === 'person') ??
      ms.find((m) => m.type === 'organization') ??
      ms.find((m) => m.type === 'country' && m.form !== 'demonym');
    const direct = pick(inside);
    if (direct) return { entityId: direct.entityId, mention: this.span(direct.start, direct.end), via: 'cue' };
    const words = this.text.slice(np.start, np.end).toLowerCase().split(/\s+/);
    const pron = words.length === 1 ? PRONOUNS.get(words[0]) : undefined;
    if (pron) return this.resolvePronoun(np, pron);
    // "the statement", "a spokesman", "officials": whoever the article says put it out.
    if (words.some((w) => this.lex.statementNouns.has(w.replace(/[^a-zé]/g, '')))) {
      const owner = this.statementOwner(quoteStart, np.start);
      if (owner) return { entityId: owner.entityId, mention: this.span(np.start, np.end), via: 'cue' };
    }
    // "the group", "the ministry": the organisation last named.
    if (words.some((w) => ORGANISATION_NOUNS.has(w))) {
      const org = this.nearest(np.start, (m) => m.type === 'organization' && m.form !== 'acronym');
      if (org) return { entityId: org.entityId, mention: this.span(np.start, np.end), via: 'cue' };
      return undefined;
    }
    // "the 61-year-old singer", "his lawyer": a description of someone already named — the person last named.
    if (DETERMINERS.has(words[0]) && words.length <= 5) {
      const person = this.nearest(np.start, (m) => m.type === 'person');
      if (person) return { entityId: person.entityId, mention: this.span(np.start, np.end), via: 'pronoun' };
    }
    void cueVerb;
    return undefined;
  }

  /** The speaker named somewhere in the clause before a cue: the last person, else organisation, else country. */
  private lastNamedIn(wide: { start: number; end: number }): Resolved | undefined {
    const ms = this.table.range(wide.start, wide.end).filter((m) => m.start >= wide.start && m.end <= wide.end);
    const m = [...ms].reverse().find((x) => x.type === 'person') ?? [...ms].reverse().find((x) => x.type === 'organization') ?? [...ms].reverse().find((x) => x.type === 'country' && x.form !== 'demonym');
    return m ? { entityId: m.entityId, mention: this.span(m.start, m.end), via: 'cue' } : undefined;
  }

  /** The mention nearest before `pos` (within a few paragraphs) that satisfies `ok`. */
  private nearest(pos: number, ok: (m: ResolvedMention) => boolean): ResolvedMention | undefined {
    const from = this.paras[Math.max(0, this.paraIndexAt(pos) - 6)].start;
    const ms = this.table.range(from, pos);
    for (let k = ms.length - 1; k >= 0; k--) if (ms[k].end <= pos && ok(ms[k])) return ms[k];
    return undefined;
  }

  private entity(id: string): Entity {
    return this.table.byId.get(id)!;
  }

  /** The nearest person before the pronoun whose gender fits; notes other fitting people in that sentence. */
  private resolvePronoun(np: { start: number; end: number }, gender: 'm' | 'f' | 'n' | 'p'): Resolved | undefined {
    // A pronoun looks back a few paragraphs at most.
    const from = this.paras[Math.max(0, this.paraIndexAt(np.start) - 8)].start;
    const candidates = this.table.range(from, np.start).filter((m) => m.end <= np.start && (gender === 'n' || gender === 'p' ? m.type !== 'country' || m.form !== 'demonym' : m.type === 'person'));
    for (let k = candidates.length - 1; k >= 0; k--) {
      const m = candidates[k];
      if (gender === 'm' || gender === 'f') {
        const g = this.genderOf(m.entityId);
        if (g && g !== gender) continue;
      } else if (gender === 'n' && m.type === 'person') continue;
      else if (gender === 'p' && m.type === 'country') continue;
      // Other people of the same gender in the same sentence make the pronoun ambiguous.
      const others = new Set(
        candidates
          .filter((o) => o.sentenceKey === m.sentenceKey && o.entityId !== m.entityId && o.type === 'person' && (gender === 'm' || gender === 'f') && (this.genderOf(o.entityId) ?? gender) === gender)
          .map((o) => o.entityId),
      );
      return { entityId: m.entityId, mention: this.span(np.start, np.end), via: 'pronoun', ambiguous: [...others] };
    }
    return undefined;
  }

  genderOf(entityId: string): 'm' | 'f' | undefined {
    const e = this.entity(entityId);
    if (e.type !== 'person') return undefined;
    const first = e.name.split(/\s+/)[0].toLowerCase();
    const tags = this.lex.tagsOf(first);
    if (tags.includes('MaleName')) return 'm';
    if (tags.includes('FemaleName')) return 'f';
    return undefined;
  }

  /** Who put out "the statement": the first organisation or person in a recent sentence that mentions one. */
  private statementOwner(quoteStart: number, npStart: number): ResolvedMention | undefined {
    const p = this.paraIndexAt(npStart);
    const limit = Math.min(quoteStart, npStart);
    for (let pp = p; pp >= Math.max(0, p - 3); pp--) {
      // The last few hundred tokens before the quote, walked back sentence by sentence.
      const all = this.abs(pp);
      const end = firstTokenAtOrAfter(all, limit);
      const toks = all.slice(Math.max(0, end - 400), end);
      for (let k = toks.length - 1; k >= 0; ) {
        let from = k;
        while (from > 0 && toks[from - 1].sent === toks[k].sent) from--;
        const st = toks.slice(from, k + 1);
        k = from - 1;
        const noun = st.find((x) => this.lex.statementNouns.has(x.t.lower));
        if (!noun) continue;
        // The one whose statement it is: named right before the noun ("the Kremlin statement",
        // "Netanyahu's Office also put out a statement"), not a source cited earlier ("According to Fox News").
        const ms = this.mentionsIn(st[0].s, noun.s).filter((m) => m.start < quoteStart && m.end <= noun.s && (m.type !== 'country' || m.form !== 'demonym'));
        const owner = ms
          .filter((m) => m.type === 'organization' || m.type === 'person')
          .sort((a, b) => b.end - a.end || (a.type === 'organization' ? -1 : 1))[0];
        if (owner) return owner;
      }
    }
    return undefined;
  }

  /** Indirect speech outside quotation marks: `X said (that) …`, `according to X, …`. */
  indirect(direct: Quote[], startId: number): Quote[] {
    const out: Quote[] = [];
    // Direct quotes are sorted by start, so overlap and cue checks are binary searches.
    const starts = direct.map((q) => q.start);
    const firstEndingAfter = (s: number) => {
      let lo = 0;
      let hi = direct.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid] < s) lo = mid + 1;
        else hi = mid;
      }
      return Math.max(0, lo - 1);
    };
    const inDirect = (s: number, e: number) => {
      for (let k = firstEndingAfter(s); k < direct.length && direct[k].start < e; k++) if (direct[k].end > s) return true;
      return false;
    };
    const cueStarts = new Set(direct.flatMap((q) => (q.cue ? [q.cue.start] : [])));
    const usedCue = (s: number) => cueStarts.has(s);
    let n = startId;
    for (const para of this.paras) {
      for (const sp of para.speech) {
        const shift = (x: { start: number; end: number }) => ({ start: x.start + para.start, end: x.end + para.start });
        const sentence = shift(sp.sentence);
        if (inDirect(sentence.start, sentence.end)) continue;
        const cue = shift(sp.cue);
        if (usedCue(cue.start)) continue;
        const speaker = shift(sp.speaker);
        let r: Resolved | undefined;
        if (sp.kind === 'according') r = this.resolveSpeaker(speaker, sentence.start, 'according');
        else {
          const ms = this.table.range(speaker.start, speaker.end).filter((m) => m.end === speaker.end || (m.start <= speaker.start && m.end >= speaker.end));
          if (ms.length) r = this.resolveSpeaker({ start: ms[0].start, end: ms[ms.length - 1].end }, sentence.start, sp.verb);
          else if (PRONOUNS.has(this.text.slice(speaker.start, speaker.end).toLowerCase())) r = this.resolveSpeaker(speaker, sentence.start, sp.verb);
        }
        if (!r) continue;
        const body = shift(sp.body);
        out.push(this.indirectQuote(`q${++n}`, body.start, body.end, r, cue));
      }
    }
    return out;
  }

  private indirectQuote(id: string, start: number, end: number, r: Resolved, cue: { start: number; end: number }): Quote {
    return {
      id, kind: 'indirect', start, end, text: this.text.slice(start, end), speaker: r.entityId, speakerMention: r.mention,
      cue: this.span(cue.start, cue.end), attribution: r.via === 'pronoun' ? 'pronoun' : 'cue',
    };
  }
}

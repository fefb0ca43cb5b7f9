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
import { NAMING_VERBS, QUOTE_VERBS, STATEMENT_READ_VERBS } from './vocabulary';
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

const NOT_A_SUBJECT = new Set(['and', 'but', 'or', 'to', 'then', 'which', 'that', 'as', 'while']);
// Nouns that stand for an organisation already named ("the group said").
const ORGANISATION_NOUNS = new Set(['group', 'company', 'firm', 'party', 'ministry', 'department', 'agency', 'organisation', 'organization', 'association', 'union', 'council', 'government', 'bank', 'court', 'campaign', 'committee', 'foundation', 'charity', 'embassy', 'club', 'team', 'body', 'regulator', 'board', 'institute', 'coalition', 'alliance', 'federation', 'network', 'channel', 'newspaper', 'broadcaster', 'university', 'airline', 'carrier', 'insurer', 'retailer', 'manufacturer', 'developer', 'operator', 'utility', 'watchdog', 'directorate', 'commission', 'office', 'administration', 'presidency', 'cabinet', 'military', 'army', 'police', 'force', 'forces']);
const POSTMODIFIER_RE = /^(?:of|from|at|with)\s/;
// An organisation noun followed by capitalised words to the end of the phrase: "the firm Secunia.com".
const ORGANISATION_NAMED_RE = /\b(\p{Ll}+)\s+(\p{Lu}[\p{L}\p{N}.&'-]*(?:\s+\p{Lu}[\p{L}\p{N}.&'-]*){0,3})$/u;
// Nouns before an outlet's name: "state media KCNA", "the tabloid Bild".
const MEDIA_NOUNS = new Set(['media', 'outlet', 'daily', 'paper', 'tabloid', 'magazine', 'station', 'television', 'agency', 'broadcaster', 'newspaper', 'website', 'site', 'portal', 'weekly']);
// Organisation nouns that any organisation can stand behind; the others name their kind.
const GENERIC_ORGANISATION_NOUNS = new Set(['group', 'company', 'firm', 'organisation', 'organization', 'association', 'body', 'coalition', 'alliance', 'network', 'campaign', 'charity', 'foundation', 'government', 'administration', 'office', 'operator', 'developer', 'manufacturer', 'retailer', 'carrier', 'insurer', 'utility', 'watchdog', 'regulator', 'club', 'team']);
const DETERMINERS = new Set(['the', 'his', 'her', 'their', 'its', 'a', 'an']);
// Speaker pronouns. "I" and "we" outside quotation marks are the writer (an interviewer's "I asked"): no speaker.
const PRONOUNS = new Map<string, 'm' | 'f' | 'n' | 'p'>([
  ['he', 'm'], ['she', 'f'], ['they', 'p'], ['it', 'n'], ['his', 'm'], ['her', 'f'], ['their', 'p'], ['him', 'm'],
]);
const WRITER_PRONOUNS = new Set(['i', 'we']);

// Heads of unnamed sources that compromise does not tag as people ("sources", "reports", "media").
const GROUP_NOUNS = new Set(['official', 'source', 'spokesperson', 'spokesman', 'spokeswoman', 'expert', 'analyst', 'critic', 'researcher', 'scientist', 'witness', 'resident', 'authority', 'authorities', 'police', 'prosecutor', 'report', 'media', 'author', 'organiser', 'organizer', 'observer', 'activist', 'campaigner', 'economist', 'investigator', 'diplomat', 'people', 'poster', 'user', 'fan', 'student', 'parent', 'teacher', 'doctor', 'nurse', 'worker', 'protester', 'protestor', 'survivor', 'victim', 'relative', 'neighbour', 'neighbor', 'friend', 'colleague', 'insider', 'aide', 'adviser', 'advisor', 'lawmaker', 'legislator', 'senator', 'minister', 'leader', 'commentator', 'blogger', 'reviewer', 'survey', 'poll', 'study', 'studies', 'data', 'figures', 'statistics']);
const AFTER_PREPOSITION_RE = /\b(?:to|with|by|from|for|of|at|on|about|than|and)\s+$/;
const SPOKESPERSON = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'representative']);
// Words that show a speaker phrase is a clause, not a noun phrase.
const VERB_LIKE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'would', 'will', 'could', 'should', 'can', 'may', 'might', 'must', 'do', 'does', 'did', 'forgot', 'think', 'thought', 'know', 'knew']);

interface PhraseFacts {
  writer: boolean;
  pronoun?: 'm' | 'f' | 'n' | 'p';
  statement: boolean;
  organisation: boolean;
  /** The organisation noun of the phrase ("ministry" in "the foreign ministry"). */
  organisationNoun?: string;
  spokesperson: boolean;
  group: boolean;
  description: boolean;
  describesAPerson: boolean;
}
const phraseFactsCache = new Map<string, PhraseFacts>();

const ROLE_HEADS = new Set(['coach', 'captain', 'representative', 'director', 'chairman', 'chairwoman', 'chair', 'chief', 'executive', 'founder', 'head', 'member', 'president', 'secretary', 'manager', 'editor']);

/** "a representative for the Sheriff's office", "the team's coach": words headed by a role noun. */
function describesAPersonWords(words: string[], lex: ReturnType<typeof lexicon>): boolean {
  const cut = words.findIndex((w, k) => k > 0 && ['for', 'of', 'at', 'with', 'in', 'from', 'to'].includes(w));
  const head = (cut > 0 ? words[cut - 1] : words[words.length - 1]).replace(/['’]s$/, '').replace(/[^\p{L}-]/gu, '');
  return lex.tagsOf(head).includes('Actor') || GROUP_NOUNS.has(head) || lex.titleForms.has(head) || ROLE_HEADS.has(head);
}

type Resolved = { entityId: string; mention: Span; via: Quote['attribution']; ambiguous?: AmbiguousSpeaker['others'] };

/** Index of the first token starting at or after `offset` (binary search; tokens are in order). */
function firstTokenAtOrAfter(toks: { s: number }[], offset: number): number {
  return firstAtOrAfter(toks, offset, (t) => t.s);
}

/** Index of the first item whose start (by `startOf`) is at or after `offset` (binary search; items in order). */
function firstAtOrAfter<T>(items: T[], offset: number, startOf: (x: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (startOf(items[mid]) < offset) lo = mid + 1;
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
      if (quote.speaker) this.spoke.push({ pos: quote.start, entityId: quote.speaker });
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
    // `"…" — Shimon Peres` / `"…" - Matthew Ingram`: a dash before a name after the quote names its author.
    if (window[0] && /^[—–-]$/.test(window[0].t.text) && window[1]?.t.cap) {
      const np = this.phraseAfter(window, 1);
      if (np.end > np.start) return { np, cue: { start: window[0].s, end: window[0].e }, cueVerb: '—', via: 'cue' as const };
    }
    if (window[0] && /^[.!?]$/.test(window[0].t.text) && !/[,:—–-]$/.test(this.text.slice(q.start, q.end - 1))) {
      // `"…." Smith said.` is rare; a sentence that ended before the cue is a new sentence.
      return undefined;
    }
    for (let v = 0; v < Math.min(window.length, 10); v++) {
      const w = window[v].t;
      const isAccording = w.lower === 'according' && window[v + 1]?.t.lower === 'to';
      if (!QUOTE_VERBS.has(w.lower) && !isAccording) continue;
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
        if (STATEMENT_READ_VERBS.has(w.lower) && !npBefore.some((x) => this.lex.statementNouns.has(x.t.lower))) return undefined;
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
      // `Calloway said:` and `Rathbun stated,` at the end of the paragraph before.
      if (!last || (last.t.text !== ':' && !(last.t.text === ',' && QUOTE_VERBS.has(prev[prev.length - 2]?.t.lower ?? ''))) || (prevQuoteEnd !== undefined && last.s < prevQuoteEnd)) return undefined;
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
      if ((!QUOTE_VERBS.has(w.lower) && !NAMING_VERBS.has(w.lower)) || STATEMENT_READ_VERBS.has(w.lower)) continue;
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
    // "A letter seen by Sky News says": who saw or obtained it did not say it.
    const agent = /\s(?:seen|obtained|reviewed|viewed|leaked|cited|quoted|published|sent)\s+(?:to|by)\s/.exec(this.text.slice(np.start, np.end));
    if (agent) np = { start: np.start, end: np.start + agent.index };
    // "Professor Cres Eastman, of the Centre for …, says": the phrase after the comma modifies the name before it.
    if (POSTMODIFIER_RE.test(this.text.slice(np.start, np.start + 6)) && this.maybeAppositive(np)) {
      const owner = this.appositivePerson(np);
      if (owner) return { entityId: owner.entityId, mention: this.span(owner.start, owner.end), via: 'cue' };
    }
    const inside = this.mentionsIn(np.start, np.end);
    const pick = (ms: ResolvedMention[]) =>
      ms.find((m) => m.type === 'organization' && this.entity(m.entityId).speaksFor) ??
      [...ms].reverse().find((m) => m.type === 'person') ??
      ms.find((m) => m.type === 'organization') ??
      ms.find((m) => m.type === 'country' && m.form !== 'demonym');
    const direct = pick(inside);
    // A description in apposition to a name speaks for the person named: the appositive wins over an
    // organisation or place inside the description ("a representative for the Sheriff's office").
    if (!direct || direct.type !== 'person') {
      const appos = this.maybeAppositive(np) && this.describesAPerson(np) ? this.appositivePerson(np) : undefined;
      if (appos) return { entityId: appos.entityId, mention: this.span(np.start, np.end), via: 'cue' };
    }
    const named = direct && (direct.type === 'country' || direct.type === 'organization') ? this.organisationNamedBy(np, direct) : undefined;
    if (named) return named;
    if (direct) return { entityId: direct.entityId, mention: this.span(direct.start, direct.end), via: 'cue' };
    // "the CFA" after "the Coastal Fisheries Authority (CFA)": that organisation; an acronym is no one's description.
    const acronym = /^(?:[Tt]he\s+)?([A-Z][A-Za-z.&]{1,9})$/.exec(this.text.slice(np.start, np.end));
    if (acronym && /[A-Z].*[A-Z]/.test(acronym[1])) {
      const id = this.table.acronyms.get(acronym[1]);
      // An acronym the article does not spell out ("the RCMP said") is an organisation's name.
      if (!id) return this.lateOrganisation(np.end - acronym[1].length, np.end);
      const start = np.end - acronym[1].length;
      this.addLateMention(this.entity(id), { start, end: np.end, text: acronym[1], form: 'acronym' });
      return { entityId: id, mention: this.span(start, np.end), via: 'cue' };
    }
    // "The Internet security firm Secunia.com": the capitalised words after an organisation noun name it.
    const firm = ORGANISATION_NAMED_RE.exec(this.text.slice(np.start, np.end));
    if (firm && (ORGANISATION_NOUNS.has(firm[1].toLowerCase()) || MEDIA_NOUNS.has(firm[1].toLowerCase()))) {
      const start = np.start + firm.index + firm[0].length - firm[2].length;
      return this.lateOrganisation(start, start + firm[2].length);
    }
    const f = this.phraseFacts(this.text.slice(np.start, np.end));
    if (f.writer) return undefined;
    if (f.pronoun) return this.resolvePronoun(np, f.pronoun);
    // "the statement", "a spokesman", "officials": whoever the article says put it out.
    if (f.statement) {
      const owner = this.statementOwner(quoteStart, np.start);
      if (owner) return { entityId: owner.entityId, mention: this.span(np.start, np.end), via: 'cue' };
    }
    // "the group", "the ministry": the organisation last named.
    if (f.organisation) {
      // A specific noun names its kind ("the ministry": an organisation called a ministry); a generic one
      // ("the group", "the company") any organisation. None named: the organisation speaks unnamed ("police").
      const noun = f.organisationNoun;
      const org = this.nearest(np.start, (m) => m.type === 'organization' && m.form !== 'acronym' && (!noun || GENERIC_ORGANISATION_NOUNS.has(noun) || this.entity(m.entityId).name.toLowerCase().includes(noun)));
      if (org) return { entityId: org.entityId, mention: this.span(np.start, np.end), via: 'cue' };
      return f.group || np.end - np.start < 40 ? this.groupSpeaker(np) : undefined;
    }
    // An unnamed spokesperson speaks for the organisation just named ("a spokesman said" after the ministry).
    if (f.spokesperson) {
      const org = this.nearest(np.start, (m) => m.type === 'organization' && m.form !== 'acronym' && !this.entity(m.entityId).speaksFor, 2);
      if (org) return { entityId: org.entityId, mention: this.span(np.start, np.end), via: 'cue' };
      return this.groupSpeaker(np);
    }
    // Unnamed people and groups speak for themselves: "officials", "a spokesperson", "experts", "the authors".
    if (f.group) return this.groupSpeaker(np);
    // "the 61-year-old singer", "his lawyer": a description of someone already named — the person last named.
    if (f.description) {
      const person = this.nearest(np.start, (m) => m.type === 'person');
      if (person) return { entityId: person.entityId, mention: this.span(np.start, np.end), via: 'pronoun' };
    }
    void cueVerb;
    return undefined;
  }

  /**
   * "reported The Moscow Times": a capitalised name around a country or capital is an organisation's name
   * (a newspaper, a broadcaster), not the country.
   */
  private organisationNamedBy(np: { start: number; end: number }, inner: ResolvedMention): Resolved | undefined {
    // Only a capitalised word right before or after the inner mention can make a longer name.
    const left = inner.start > np.start && /\p{Lu}[\p{L}.&'-]*\s$/u.test(this.text.slice(Math.max(np.start, inner.start - 16), inner.start));
    const right = inner.end < np.end && /^\s\p{Lu}/u.test(this.text.slice(inner.end, inner.end + 2));
    if (!left && !right) return undefined;
    const toks = this.text.slice(np.start, np.end);
    const m = /(?:^|\s)((?:The\s)?(?:\p{Lu}[\p{L}.&'-]*\s?)+)/u.exec(toks);
    if (!m) return undefined;
    const lead = /^(?:A|An)\s+/.exec(m[1])?.[0].length ?? 0;
    const start = np.start + m.index + (m[0].length - m[1].length) + lead;
    const end = start + m[1].trimEnd().length - lead;
    if (start > inner.start || end < inner.end || (start === inner.start && end === inner.end)) return undefined;
    const words = this.text.slice(start, end).split(/\s+/);
    if (words.length < 2 || (words.length === 2 && words[0] === 'The')) return undefined;
    return this.lateOrganisation(start, end);
  }

  /** An organisation the speaker phrase names that the paragraph pass did not know (made once per name). */
  private lateOrganisation(start: number, end: number): Resolved {
    const name = this.text.slice(start, end);
    const id = `org:${name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '')}`;
    let e = this.table.byId.get(id);
    if (!e) {
      e = { id, type: 'organization', name, mentions: [] };
      this.table.entities.push(e);
      this.table.byId.set(id, e);
    }
    this.addLateMention(e, { start, end, text: name, form: 'name' });
    return { entityId: e.id, mention: this.span(start, end), via: 'cue' };
  }

  private readonly groups = new Map<string, Entity>();
  /** Mention starts already added to entities made during attribution; they are sorted once, in `finish`. */
  private readonly lateStarts = new Map<Entity, Set<number>>();

  private addLateMention(e: Entity, m: Entity['mentions'][number]): void {
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

  /**
   * A speaker phrase headed by a plural or role noun that names no one in the article ("officials",
   * "a senior official", "the report's authors", "local residents"): its own speaker entity, never the nearest
   * name. Singular role nouns with "the" ("the minister") are descriptions of someone named, not groups.
   */
  private groupSpeaker(np: { start: number; end: number }): Resolved {
    const surface = this.text.slice(np.start, np.end);
    const name = surface.replace(/^(?:The|A|An)\b/, (d) => d.toLowerCase());
    const key = name.toLowerCase().replace(/^(?:the|a|an|one|some|several|many)\s+/, '');
    let e = this.groups.get(key);
    if (!e) {
      e = { id: `group:${key.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '')}`, type: 'person', name, group: true, mentions: [] };
      if (this.table.byId.has(e.id)) e.id += '-group';
      this.groups.set(key, e);
      this.table.entities.push(e);
      this.table.byId.set(e.id, e);
    }
    this.addLateMention(e, { start: np.start, end: np.end, text: surface, form: 'description' });
    return { entityId: e.id, mention: this.span(np.start, np.end), via: 'cue' };
  }

  /** The speaker named somewhere in the clause before a cue: the last person, else organisation, else country. */
  private lastNamedIn(wide: { start: number; end: number }): Resolved | undefined {
    const ms = this.table.range(wide.start, wide.end).filter((m) => m.start >= wide.start && m.end <= wide.end);
    const m = [...ms].reverse().find((x) => x.type === 'person') ?? [...ms].reverse().find((x) => x.type === 'organization') ?? [...ms].reverse().find((x) => x.type === 'country' && x.form !== 'demonym');
    return m ? { entityId: m.entityId, mention: this.span(m.start, m.end), via: 'cue' } : undefined;
  }

  /** The mention nearest before `pos` (within a few paragraphs) that satisfies `ok`. */
  private nearest(pos: number, ok: (m: ResolvedMention) => boolean, paragraphsBack = 6): ResolvedMention | undefined {
    const from = Math.max(this.paras[Math.max(0, this.paraIndexAt(pos) - paragraphsBack)].start, pos - 3000);
    const ms = this.table.range(from, pos);
    for (let k = ms.length - 1; k >= 0; k--) if (ms[k].end <= pos && ok(ms[k])) return ms[k];
    return undefined;
  }

  private entity(id: string): Entity {
    return this.table.byId.get(id)!;
  }

  /** The nearest person before the pronoun whose gender fits; notes other fitting people in that sentence. */
  /** Who has spoken so far, in the order the quotes were attributed (for pronoun salience). */
  private readonly spoke: { pos: number; entityId: string }[] = [];

  /**
   * The person a speaker pronoun stands for, chosen by a score over the people named before it (within a
   * few paragraphs) whose gender fits. Features and weights (documented in the README):
   *   - sentences back from the pronoun: −1 per sentence (same sentence 0);
   *   - the person spoke in the last quotes before it: +2.5 (the most recent speaker), +1 (an earlier one);
   *   - the mention is its sentence's subject (the first person named in it, not after a preposition): +1.5;
   *   - the mention follows a preposition ("to Mohamed", "with Netanyahu"): −1.5.
   * Other fitting people in the chosen person's sentence, or scoring within 1 of it, make the pronoun ambiguous.
   */
  private resolvePronoun(np: { start: number; end: number }, gender: 'm' | 'f' | 'n' | 'p'): Resolved | undefined {
    // A few paragraphs back at most, and never more than a few thousand characters (one huge paragraph).
    const from = Math.max(this.paras[Math.max(0, this.paraIndexAt(np.start) - 8)].start, np.start - 3000);
    const fits = (m: ResolvedMention) => {
      if (gender === 'm' || gender === 'f') {
        if (m.type !== 'person' || this.entity(m.entityId).group) return false;
        const g = this.genderOf(m.entityId);
        return !g || g === gender;
      }
      if (gender === 'n') return m.type !== 'person' && (m.type !== 'country' || m.form !== 'demonym');
      return m.type !== 'country' || m.form !== 'demonym';
    };
    const all = this.table.range(from, np.start);
    const candidates: ResolvedMention[] = [];
    // The last few dozen fitting mentions are plenty: salience falls with every sentence back.
    for (let k = all.length - 1; k >= 0 && candidates.length < 40; k--) if (all[k].end <= np.start && fits(all[k])) candidates.push(all[k]);
    candidates.reverse();
    if (!candidates.length) return undefined;
    const here = this.sentenceIndexAt(np.start);
    const recent: { pos: number; entityId: string }[] = [];
    for (let k = this.spoke.length - 1; k >= 0 && k >= this.spoke.length - 50 && recent.length < 3; k--) if (this.spoke[k].pos < np.start && np.start - this.spoke[k].pos < 5000) recent.unshift(this.spoke[k]);
    const lastSpeaker = recent[recent.length - 1]?.entityId;
    const firstInSentence = new Map<number, string>();
    for (const m of candidates) if (m.type === 'person' && !firstInSentence.has(m.sentenceKey) && !this.afterPreposition(m.start)) firstInSentence.set(m.sentenceKey, m.entityId);
    const best = new Map<string, { score: number; m: ResolvedMention }>();
    for (const m of candidates) {
      const back = here - this.sentenceOfMention(m);
      let score = -Math.min(back, 8);
      if (m.entityId === lastSpeaker) score += 2.5;
      else if (recent.some((x) => x.entityId === m.entityId)) score += 1;
      if (firstInSentence.get(m.sentenceKey) === m.entityId) score += 1.5;
      if (this.afterPreposition(m.start)) score -= 1.5;
      const prev = best.get(m.entityId);
      if (!prev || score > prev.score) best.set(m.entityId, { score, m });
    }
    const ranked = [...best.values()].sort((a, b) => b.score - a.score || b.m.start - a.m.start);
    if (!ranked.length) return undefined;
    const top = ranked[0];
    // Other fitting people named in the chosen person's sentence, or as salient, make the pronoun ambiguous.
    const others = gender === 'm' || gender === 'f'
      ? [...new Set(candidates.filter((o) => o.entityId !== top.m.entityId && o.type === 'person' && (o.sentenceKey === top.m.sentenceKey || (best.get(o.entityId)?.score ?? -99) > top.score - 1)).map((o) => o.entityId))]
      : [];
    return { entityId: top.m.entityId, mention: this.span(np.start, np.end), via: 'pronoun', ambiguous: others };
  }

  /** A document-wide sentence number for an offset (paragraph-major), for sentence distances. */
  private sentenceIndexAt(offset: number): number {
    const p = this.paraIndexAt(offset);
    const toks = this.paras[p].tokens;
    const k = Math.min(toks.length - 1, firstAtOrAfter(toks, offset - this.paras[p].start, (t) => t.start));
    return this.sentenceBase(p) + (k >= 0 ? toks[k].sentence : 0);
  }

  /** The document-wide sentence number of a mention, from its paragraph and sentence key. */
  private sentenceOfMention(m: ResolvedMention): number {
    return this.sentenceBase(m.para) + (m.sentenceKey % 100000);
  }

  /** Sentences in the paragraphs before p; filled up to p on demand, so each paragraph is counted once. */
  private readonly sentenceBases: number[] = [0];
  private sentenceBase(p: number): number {
    for (let q = this.sentenceBases.length; q <= p; q++) {
      const prev = this.paras[q - 1].tokens;
      this.sentenceBases.push(this.sentenceBases[q - 1] + (prev.length ? prev[prev.length - 1].sentence + 1 : 0));
    }
    return this.sentenceBases[p];
  }

  private readonly prepositionBefore = new Map<number, boolean>();

  private afterPreposition(offset: number): boolean {
    let v = this.prepositionBefore.get(offset);
    if (v === undefined) {
      v = AFTER_PREPOSITION_RE.test(this.text.slice(Math.max(0, offset - 6), offset).toLowerCase());
      this.prepositionBefore.set(offset, v);
    }
    return v;
  }

  /** A comma right before or after the phrase: the only places an appositive can be. */
  private maybeAppositive(np: { start: number; end: number }): boolean {
    const before = this.text.slice(Math.max(0, np.start - 3), np.start);
    return /,\s*$/.test(before) || /^\s*,/.test(this.text.slice(np.end, np.end + 3));
  }

  /** What the words of a speaker phrase say about it, computed once per spelling (phrases repeat). */
  private phraseFacts(surface: string): PhraseFacts {
    let f = phraseFactsCache.get(surface);
    if (f) return f;
    if (phraseFactsCache.size > 20_000) phraseFactsCache.clear();
    const words = surface.toLowerCase().split(/\s+/);
    const head = words[words.length - 1].replace(/[^\p{L}]/gu, '');
    const one = words.length === 1 ? words[0] : '';
    const headTags = this.lex.tagsOf(head);
    const singular = head.replace(/s$/, '');
    const singularTags = this.lex.tagsOf(singular);
    const plural = headTags.includes('Plural') || (/[^s]s$/.test(head) && (singularTags.includes('Actor') || GROUP_NOUNS.has(singular)));
    const role = headTags.includes('Actor') || GROUP_NOUNS.has(head) || GROUP_NOUNS.has(singular);
    const clause = words.some((w) => VERB_LIKE.has(w)) || words.some((w) => PRONOUNS.has(w) && w !== 'their' && w !== 'his' && w !== 'her' && w !== 'its');
    const group =
      words.length <= 6 && (role || (plural && (headTags.includes('Plural') || singularTags.includes('Actor')))) && !(!plural && words[0] === 'the' && words.length <= 3) && !clause;
    f = {
      writer: WRITER_PRONOUNS.has(one),
      pronoun: PRONOUNS.get(one),
      statement: words.some((w) => this.lex.statementNouns.has(w.replace(/[^a-zé]/g, ''))),
      organisation: ORGANISATION_NOUNS.has(head) || (words.length <= 3 && words.some((w) => ORGANISATION_NOUNS.has(w)) && !headTags.includes('Actor') && !GROUP_NOUNS.has(head)),
      organisationNoun: ORGANISATION_NOUNS.has(head) ? head : words.find((w) => ORGANISATION_NOUNS.has(w)),
      spokesperson: SPOKESPERSON.has(head) || words.slice(0, 3).some((w, k) => SPOKESPERSON.has(w) && (words[k + 1] === 'for' || words[k + 1] === 'of')),
      group,
      description: DETERMINERS.has(words[0]) && words.length <= 5,
      describesAPerson: describesAPersonWords(words, this.lex),
    };
    phraseFactsCache.set(surface, f);
    return f;
  }

  /** "a representative for the Sheriff's office", "the team's coach": a phrase headed by a role noun. */
  private describesAPerson(np: { start: number; end: number }): boolean {
    return this.phraseFacts(this.text.slice(np.start, np.end)).describesAPerson;
  }



  /**
   * A person the speaker phrase describes in an appositive: "Steve Whitmore, [a representative for the
   * Sheriff's office], told …" or "[the Afghan team's coach], Alireza Mehraban, said …".
   */
  private appositivePerson(np: { start: number; end: number }): ResolvedMention | undefined {
    const before = this.text.slice(Math.max(0, np.start - 3), np.start);
    if (/,\s*$/.test(before)) {
      const ms = this.table.range(Math.max(0, np.start - 120), np.start).filter((m) => m.type === 'person' && !this.entity(m.entityId).group);
      const m = ms[ms.length - 1];
      if (m && /^\s*,\s*$/.test(this.text.slice(m.end, np.start))) return m;
    }
    const after = /^\s*,\s*/.exec(this.text.slice(np.end, np.end + 4));
    if (after) {
      const at = np.end + after[0].length;
      const m = this.table.range(at, at + 80).find((x) => x.start === at && x.type === 'person' && !this.entity(x.entityId).group);
      if (m && /^\s*,/.test(this.text.slice(m.end, m.end + 3))) return m;
    }
    return undefined;
  }

  private readonly genders = new Map<string, 'm' | 'f' | undefined>();

  genderOf(entityId: string): 'm' | 'f' | undefined {
    if (this.genders.has(entityId)) return this.genders.get(entityId);
    const g = this.genderFromName(entityId);
    this.genders.set(entityId, g);
    return g;
  }

  private genderFromName(entityId: string): 'm' | 'f' | undefined {
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

  /**
   * Reported speech outside quotation marks: `X said (that) …`, `according to X, …`, `…, X said.`. A reported
   * clause that contains a quoted fragment is one mixed quote (the fragment is absorbed: its id is returned);
   * a clause running into a full direct quote stops before it.
   */
  indirect(direct: Quote[], startId: number): { quotes: Quote[]; absorbed: Set<string> } {
    const out: Quote[] = [];
    const absorbed = new Set<string>();
    // Direct quotes are sorted by start, so overlap checks are binary searches.
    const starts = direct.map((q) => q.start);
    const overlapping = (s: number, e: number) => {
      let lo = 0;
      let hi = direct.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid] < s) lo = mid + 1;
        else hi = mid;
      }
      const found: Quote[] = [];
      for (let k = Math.max(0, lo - 1); k < direct.length && direct[k].start < e; k++) if (direct[k].end > s) found.push(direct[k]);
      return found;
    };
    let n = startId;
    for (const para of this.paras) {
      for (const sp of para.speech) {
        const shift = (x: { start: number; end: number }) => ({ start: x.start + para.start, end: x.end + para.start });
        const cue = shift(sp.cue);
        const speaker = shift(sp.speaker);
        let body = shift(sp.body);
        // One lookup of the quotes around the pattern serves every check below.
        const near = overlapping(Math.min(cue.start, speaker.start, body.start), Math.max(cue.end, speaker.end, body.end + 400));
        const hits = (a: { start: number; end: number }) => near.some((q) => q.start < a.end && q.end > a.start);
        // The cue or the speaker inside a quotation: the speaker is reporting someone else.
        if (near.length && (hits(cue) || hits(speaker))) continue;
        let kind: Quote['kind'] = 'indirect';
        const inside: Quote[] = [];
        let cut = false;
        for (const q of near) {
          if (!(q.start < body.end && q.end > body.start)) continue;
          if (q.kind === 'mixed' && q.start >= body.start && q.end <= body.end + 1) {
            inside.push(q);
            kind = 'mixed';
          } else if (q.start > body.start) {
            // A full quotation inside the clause ends it: `said he was sure: "…"`.
            body = { start: body.start, end: this.trimClauseEnd(body.start, q.start) };
            cut = true;
            break;
          } else {
            body = { start: body.start, end: body.start };
            break;
          }
        }
        if (cut) for (let k = inside.length - 1; k >= 0; k--) if (inside[k].end > body.end) inside.splice(k, 1);
        // "According to Fox News, the Kremlin statement said: "…"": the clause is a quote's own cue.
        if (near.some((q) => q.cue && q.cue.start >= body.start && q.cue.start < body.end + 2)) continue;
        if (!inside.length) kind = 'indirect';
        // The clause's last quoted words end at their closing mark.
        for (const q of inside) if (q.end > body.end) body = { start: body.start, end: q.end };
        if (!this.hasWords(body.start, body.end, 3)) continue;
        const r = this.resolveSpeaker(speaker, body.start, sp.verb) ?? this.speakerNamedIn(speaker);
        // A speaker phrase that is no noun phrase ("we had met like she said"): not reported speech.
        if (!r) {
          const words = this.text.slice(speaker.start, speaker.end).toLowerCase().split(/\s+/);
          if (words.length > 6 || words.some((w) => VERB_LIKE.has(w))) continue;
        }
        for (const q of inside) absorbed.add(q.id);
        if (r) this.spoke.push({ pos: body.start, entityId: r.entityId });
        out.push(this.indirectQuote(`q${++n}`, kind, body.start, body.end, r ?? { entityId: null, mention: this.span(speaker.start, speaker.end), via: 'none' }, cue));
      }
    }
    return { quotes: out, absorbed };
  }

  /** Whether [start, end) holds at least `n` words (counted without slicing: this runs for every clause). */
  private hasWords(start: number, end: number, n: number): boolean {
    let words = 0;
    let inWord = false;
    for (let i = start; i < end; i++) {
      const c = this.text.charCodeAt(i);
      const letter = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;
      if (letter && !inWord && ++words >= n) return true;
      inWord = letter;
    }
    return false;
  }

  /** The end of a clause cut before `at`: back over spaces, commas, colons and dashes. */
  private trimClauseEnd(start: number, at: number): number {
    let e = at;
    while (e > start && /[\s,:;—–-]/.test(this.text[e - 1])) e--;
    return e;
  }

  /** A person or organisation named anywhere in the speaker phrase (the last one). */
  private speakerNamedIn(np: { start: number; end: number }): Resolved | undefined {
    const ms = this.table.range(np.start, np.end).filter((m) => m.start >= np.start && m.end <= np.end && (m.type !== 'country' || m.form !== 'demonym'));
    const m = [...ms].reverse().find((x) => x.type === 'person') ?? [...ms].reverse().find((x) => x.type !== 'person');
    return m ? { entityId: m.entityId, mention: this.span(m.start, m.end), via: 'cue' } : undefined;
  }

  private indirectQuote(id: string, kind: Quote['kind'], start: number, end: number, r: Omit<Resolved, 'entityId'> & { entityId: string | null }, cue: { start: number; end: number }): Quote {
    return {
      id, kind, start, end, text: this.text.slice(start, end), speaker: r.entityId, speakerMention: r.mention,
      cue: this.span(cue.start, cue.end), attribution: r.via === 'pronoun' ? 'pronoun' : r.via === 'none' ? 'none' : 'cue',
    };
  }
}

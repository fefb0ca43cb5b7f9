// The News Lens engine: text in, a plain JSON-serialisable Analysis out. Pure: no editor, no file system.
// Paragraph-level work (tokens, names, titles, countries) is cached by paragraph text, so re-analysing a
// document after a one-paragraph edit re-reads only that paragraph; the document-level passes (entities,
// quotes, attribution, interactions, diagnostics) are linear and cheap.
import { findArticleDate } from './articleDate';
import { Attributor, type DocParagraph } from './attribution';
import { buildEntities, emptyTable, type PlacedCandidate } from './entities';
import { findInteractions } from './interactions';
import { createKnowledgeBase, defaultKnowledgeBase, type KnowledgeBase } from './knowledgeBase';
import { analyzeParagraph, type ParagraphFacts } from './mentions';
import { quoteKind, quoteMarkCounts, scanParagraphAlone, scanQuotes, singlesFromCounts, type ParagraphQuotes, type QuoteMarkCounts } from './quotes';
import { RULES } from './rules';
import { splitParagraphs } from './text';
import { placeCandidates, type LiveParagraph } from './placement';
import type { Analysis, AnalyzeOptions, Diagnostic, Quote, Severity } from './types';
import type { SequenceModel } from './names/perceptron';

export type * from './types';
export { RULES } from './rules';
export { toAnnotations, ANNOTATIONS_SCHEMA_ID, type Annotations } from './annotations';


export interface ArticleAnalyzer {
  analyze(text: string): Analysis;
}

export function createAnalyzer(options: AnalyzeOptions = {}): ArticleAnalyzer {
  const kb = options.gazetteer?.length ? createKnowledgeBase(options.gazetteer) : defaultKnowledgeBase();
  let prev: { text: string; paragraphs: LiveParagraph[]; facts: ParagraphFacts[] } | undefined;
  return {
    analyze(text: string): Analysis {
      const { paragraphs, facts } = prev ? reuseParagraphs(prev, text, kb, options.nameModel) : splitAndAnalyze(text, 0, text.length, kb, new Map(), options.nameModel);
      paragraphs.forEach((p, i) => (p.index = i));
      prev = { text, paragraphs, facts };
      return analyzeWithFacts(text, paragraphs, facts, kb, options);
    },
  };
}

function splitAndAnalyze(text: string, from: number, to: number, kb: KnowledgeBase, known: Map<string, ParagraphFacts>, nameModel?: SequenceModel) {
  const paragraphs = splitParagraphs(from === 0 && to === text.length ? text : text.slice(from, to)) as LiveParagraph[];
  const facts: ParagraphFacts[] = [];
  for (const p of paragraphs) {
    p.start += from;
    p.end += from;
    let f = known.get(p.text);
    if (!f) known.set(p.text, (f = analyzeParagraph(p.text, kb, nameModel)));
    facts.push(f);
  }
  return { paragraphs, facts };
}

/**
 * An edit changes one stretch of the text: paragraphs wholly before it are kept, those wholly after it
 * are kept and shifted, and only the stretch between them is split and read again. (Finding the stretch
 * is two linear scans of the text, far cheaper than splitting and hashing every paragraph.)
 */
function reuseParagraphs(prev: { text: string; paragraphs: LiveParagraph[]; facts: ParagraphFacts[] }, text: string, kb: KnowledgeBase, nameModel?: SequenceModel) {
  const old = prev.text;
  const max = Math.min(old.length, text.length);
  // Compare in blocks first (string equality runs natively), then character by character.
  const BLOCK = 2048;
  let pre = 0;
  while (pre + BLOCK <= max && old.slice(pre, pre + BLOCK) === text.slice(pre, pre + BLOCK)) pre += BLOCK;
  while (pre < max && old.charCodeAt(pre) === text.charCodeAt(pre)) pre++;
  let suf = 0;
  while (suf + BLOCK <= max - pre && old.slice(old.length - suf - BLOCK, old.length - suf) === text.slice(text.length - suf - BLOCK, text.length - suf)) suf += BLOCK;
  while (suf < max - pre && old.charCodeAt(old.length - 1 - suf) === text.charCodeAt(text.length - 1 - suf)) suf++;
  const delta = text.length - old.length;
  // Kept before: the line break ending the paragraph lies in the common prefix.
  let before = 0;
  while (before < prev.paragraphs.length && prev.paragraphs[before].end < pre) before++;
  // Kept after: the line break before the paragraph lies in the common suffix.
  let after = prev.paragraphs.length;
  while (after > before && prev.paragraphs[after - 1].start - 1 >= old.length - suf) after--;
  const midStart = before > 0 ? prev.paragraphs[before - 1].end : 0;
  const midEnd = after < prev.paragraphs.length ? prev.paragraphs[after].start + delta : text.length;
  // Paragraphs that left the edited stretch may come back (undo, paste): keep their facts at hand.
  const known = new Map<string, ParagraphFacts>();
  for (let i = before; i < after; i++) known.set(prev.paragraphs[i].text, prev.facts[i]);
  const mid = splitAndAnalyze(text, midStart, midEnd, kb, known, nameModel);
  // Moved paragraphs keep their objects (and so their placed candidates): only their offsets change.
  const shifted = prev.paragraphs.slice(after);
  if (delta) for (const p of shifted) {
    p.start += delta;
    p.end += delta;
  }
  return {
    paragraphs: [...prev.paragraphs.slice(0, before), ...mid.paragraphs, ...shifted],
    facts: [...prev.facts.slice(0, before), ...mid.facts, ...prev.facts.slice(after)],
  };
}

export function analyzeArticle(text: string, options: AnalyzeOptions = {}): Analysis {
  return createAnalyzer(options).analyze(text);
}

// In match reports a country's name is its team ("Sweden defeated South Korea 1 – 0"): an organisation,
// not the country. A report is recognised by its vocabulary; "in Sweden" and "from Belgium" stay countries.
const SPORTS_RE = /\b(?:World Cup|FIFA|UEFA|Olympics|match(?:es)?|goal(?:s|keeper)?|scored|striker|midfielder|defender|penalty|referee|kick-off|half-time|tournament|semi-final|quarter-final|innings|wicket|try-line)\b/gi;

function isSportsReport(hits: number, length: number): boolean {
  return hits >= 6 && hits * 400 >= Math.min(length, 20000);
}

function withoutTeams(text: string, placed: PlacedCandidate[]): PlacedCandidate[] {
  return placed.filter((c) => {
    if (c.kind !== 'country' || (c.form !== 'name' && c.form !== 'acronym')) return true;
    const before = text.slice(Math.max(0, c.start - 12), c.start).toLowerCase();
    return /\b(?:in|from|to|of|across|visit(?:ed|ing)?)\s+(?:the\s+)?$/.test(before);
  });
}

// Per-paragraph quote work that depends on the paragraph's text alone: mark counts, the scan, each
// quote's kind and cue. Kept while the paragraph's facts are cached.
interface ParagraphMemo {
  counts: QuoteMarkCounts;
  sportsHits: number;
  scans: Map<boolean, ParagraphQuotes>;
}
const quoteMemo = new WeakMap<ParagraphFacts, ParagraphMemo>();

function paragraphMemo(f: ParagraphFacts, paraText: string): ParagraphMemo {
  let m = quoteMemo.get(f);
  if (!m) quoteMemo.set(f, (m = { counts: quoteMarkCounts(paraText), sportsHits: paraText.match(SPORTS_RE)?.length ?? 0, scans: new Map() }));
  return m;
}

function paragraphQuotes(f: ParagraphFacts, paraText: string, singles: boolean): ParagraphQuotes {
  const memo = paragraphMemo(f, paraText);
  let pq = memo.scans.get(singles);
  if (pq) return pq;
  pq = scanParagraphAlone(paraText, singles);
  const alone = new Attributor(paraText, [{ start: 0, end: paraText.length, tokens: f.tokens, speech: [], triggers: [] }], emptyTable());
  let prevEnd: number | undefined;
  const speech = pq.quotes.filter((q) => {
    q.kind = q.closed ? quoteKind(paraText, q, 0, paraText.length) ?? null : undefined;
    return !!q.kind;
  });
  const firstNonSpace = paraText.length - paraText.trimStart().length;
  speech.forEach((q, k) => {
    // No cue found: final, unless the quote opens the paragraph (its cue may end the paragraph before).
    q.found = alone.findCue(q, 0, 0, speech[k + 1]?.start, prevEnd) ?? (q.start === firstNonSpace ? undefined : null);
    prevEnd = q.end;
  });
  memo.scans.set(singles, pq);
  return pq;
}

function analyzeWithFacts(
  text: string,
  paragraphs: LiveParagraph[],
  facts: ParagraphFacts[],
  kb: KnowledgeBase,
  options: AnalyzeOptions,
): Analysis {
  const articleDate = findArticleDate(text, options.date);
  const date = articleDate?.date;

  const placed: PlacedCandidate[] = [];
  for (let p = 0; p < facts.length; p++) for (const c of placeCandidates(paragraphs[p], facts[p].candidates)) placed.push(c);
  let sportsHits = 0;
  for (let p = 0; p < facts.length; p++) sportsHits += paragraphMemo(facts[p], paragraphs[p].text).sportsHits;
  const table = buildEntities(text, isSportsReport(sportsHits, text.length) ? withoutTeams(text, placed) : placed, kb, date);

  const docParas: DocParagraph[] = paragraphs.map((p, i) => ({ start: p.start, end: p.end, tokens: facts[i].tokens, speech: facts[i].speech, triggers: facts[i].triggers }));
  let doubles = 0;
  let singleOpens = 0;
  for (let p = 0; p < facts.length; p++) {
    const c = paragraphMemo(facts[p], paragraphs[p].text).counts;
    doubles += c.doubles;
    singleOpens += c.singleOpens;
  }
  const singles = singlesFromCounts({ doubles, singleOpens });
  const scan = scanQuotes(text, paragraphs, singles, (p) => paragraphQuotes(facts[p], paragraphs[p].text, singles));
  const attributor = new Attributor(text, docParas, table);
  const marked = scan.quotes
    .map((q) => {
      if (q.kind !== undefined) return { q, kind: q.kind ?? undefined };
      const para = paragraphs[attributor.paraIndexAt(Math.max(q.start, q.end - 1))];
      return { q, kind: quoteKind(text, q, paragraphs[attributor.paraIndexAt(q.start)].start, para.end) };
    })
    .filter((x): x is { q: typeof x.q; kind: 'direct' | 'mixed' } => x.kind !== undefined);
  const { quotes: direct, ambiguous } = attributor.attribute(marked);
  const reported = attributor.indirect(direct, direct.length);
  attributor.finish();
  const quotes: Quote[] = [...direct.filter((q) => !reported.absorbed.has(q.id)), ...reported.quotes].sort((a, b) => a.start - b.start);
  const interactions = findInteractions(text, docParas, table, attributor);

  const ctx = { text, table, quotes, stray: scan.stray, ambiguous, kb, date };
  const diagnostics: Diagnostic[] = [];
  for (const rule of RULES) {
    const setting = options.severities?.[rule.code];
    if (setting === 'off') continue;
    const severity: Severity = setting ?? rule.defaultSeverity;
    for (const d of rule.check(ctx)) diagnostics.push({ ...d, severity, ...(d.related ? {} : {}) });
  }
  diagnostics.sort((a, b) => a.start - b.start);
  for (const d of diagnostics) if (d.related === undefined) delete d.related;

  const entities = table.entities.filter((e) => e.mentions.length > 0);
  // (Each entity's mentions are already in document order: buildEntities adds them so.)
  return {
    schema: 'news-lens/annotations@1',
    source: { length: text.length, ...(articleDate ? { date: articleDate.date, dateSource: articleDate.source } : {}) },
    entities,
    quotes,
    interactions,
    diagnostics,
  };
}

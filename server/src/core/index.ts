// The News Lens engine: text in, a plain JSON-serialisable Analysis out. Pure: no editor, no file system.
// The pipeline runs in stages, each reading only the ones before it (test/unit/core/stage-order.test.ts):
//   paragraph/    per-paragraph facts (tokens, names, titles, organisations, countries, speech and trigger
//                 patterns), cached by paragraph text (paragraph/cache.ts), so re-analysing a document after
//                 a one-paragraph edit re-reads only that paragraph;
//   entities/     people, organisations and countries of the whole document;
//   quotes/       quotations by their marks;
//   attribution/  who said each quote, and reported speech;
//   interactions/ who spoke to whom;
//   rules/        diagnostics.
// The document-level stages are linear and cheap.
import { findArticleDate } from './articleDate';
import { Attributor } from './attribution/attributor';
import type { DocParagraph } from './attribution/context';
import { paragraphQuotes } from './attribution/paragraphQuotes';
import { buildEntities } from './entities/build';
import { placeCandidates } from './entities/placement';
import type { PlacedCandidate } from './entities/table';
import { withoutSportsTeams } from './entities/teams';
import { findInteractions } from './interactions/interactions';
import { createKnowledgeBase, defaultKnowledgeBase, type KnowledgeBase } from './knowledgeBase';
import type { ParagraphFacts } from './paragraph/analyze';
import { readParagraphs, type LiveParagraph, type ParagraphState } from './paragraph/cache';
import { quoteKind } from './quotes/kind';
import { documentUsesSingles } from './quotes/markCounts';
import { scanQuotes } from './quotes/scan';
import { RULES } from './rules';
import type { Analysis, AnalyzeOptions, Diagnostic, Quote, Severity } from './types';

export type * from './types';
export { RULES } from './rules';
export { toAnnotations, ANNOTATIONS_SCHEMA_ID, type Annotations } from './annotations';

export interface ArticleAnalyzer {
  analyze(text: string): Analysis;
}

export function createAnalyzer(options: AnalyzeOptions = {}): ArticleAnalyzer {
  const kb = options.gazetteer?.length ? createKnowledgeBase(options.gazetteer) : defaultKnowledgeBase();
  let prev: ParagraphState | undefined;
  return {
    analyze(text: string): Analysis {
      prev = readParagraphs(prev, text, kb, options.nameModel);
      return analyzeWithFacts(text, prev.paragraphs, prev.facts, kb, options);
    },
  };
}

export function analyzeArticle(text: string, options: AnalyzeOptions = {}): Analysis {
  return createAnalyzer(options).analyze(text);
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
  const table = buildEntities(text, withoutSportsTeams(text, paragraphs, facts, placed), kb, date);

  const docParas: DocParagraph[] = paragraphs.map((p, i) => ({ start: p.start, end: p.end, tokens: facts[i].tokens, speech: facts[i].speech, triggers: facts[i].triggers }));
  const singles = documentUsesSingles(paragraphs, facts);
  const scan = scanQuotes(text, paragraphs, singles, (p) => paragraphQuotes(facts[p], paragraphs[p].text, singles));
  const attributor = new Attributor(text, docParas, table, options.pronounWeights);
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

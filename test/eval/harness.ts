// Running the engine on one document for the accuracy harness: timing, engine errors, spans whose text
// differs from the source; and the verbose output's context snippets.

import { analyzeArticle } from '../../server/src/core';
import type { Analysis, AnalyzeOptions } from '../../server/src/core/types';
import type { Interval } from './scoring';

interface RunResult {
  analysis: Analysis;
  ms: number;
  error?: string;
  badSpans: number;
}

const EMPTY: Analysis = {
  schema: 'news-lens/annotations@1',
  source: { length: 0 },
  entities: [],
  quotes: [],
  interactions: [],
  diagnostics: [],
};

export function run(text: string, date?: string, options: AnalyzeOptions = {}): RunResult {
  const t0 = process.hrtime.bigint();
  try {
    const analysis = analyzeArticle(text, date ? { ...options, date } : options);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    let badSpans = 0;
    const check = (s: { start: number; end: number; text: string } | null | undefined) => {
      if (s && text.slice(s.start, s.end) !== s.text) badSpans++;
    };
    for (const e of analysis.entities) for (const m of e.mentions) check(m);
    for (const q of analysis.quotes) {
      check(q);
      check(q.speakerMention);
      check(q.cue);
    }
    return { analysis, ms, badSpans };
  } catch (e) {
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    return { analysis: { ...EMPTY, source: { length: text.length } }, ms, error: (e as Error)?.stack || String(e), badSpans: 0 };
  }
}

// ---------------------------------------------------------------------------------------------------
// Verbose output helpers

export function context(text: string, s: Interval, width = 40): string {
  const clip = (x: string) => x.replace(/\r/g, '').replace(/\n/g, '⏎');
  const inner = text.slice(s.start, s.end);
  const shown = inner.length > 90 ? inner.slice(0, 60) + ' … ' + inner.slice(-25) : inner;
  return `…${clip(text.slice(Math.max(0, s.start - width), s.start))}[${clip(shown)}]${clip(text.slice(s.end, s.end + width))}…`;
}

export interface Detail {
  where: string;
  what: string;
}

// Per-paragraph quote work that depends on the paragraph's text alone: the scan, each quote's kind and cue.
// Kept while the paragraph's facts are cached. (Here, not in quotes/: finding the cues is attribution's work.)
import { emptyTable } from '../entities/table';
import type { ParagraphFacts } from '../paragraph/analyze';
import { quoteKind } from '../quotes/kind';
import { scanParagraphAlone, type ParagraphQuotes } from '../quotes/scan';
import { Attributor } from './attributor';

const scans = new WeakMap<ParagraphFacts, Map<boolean, ParagraphQuotes>>();

export function paragraphQuotes(f: ParagraphFacts, paraText: string, singles: boolean): ParagraphQuotes {
  let memo = scans.get(f);
  if (!memo) scans.set(f, (memo = new Map()));
  let pq = memo.get(singles);
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
  memo.set(singles, pq);
  return pq;
}

// Whether a document uses single quotes for quotation is decided from its quotation marks, counted per
// paragraph and kept while the paragraph's facts are cached.
import type { ParagraphFacts } from '../paragraph/analyze';
import { quoteMarkCounts, singlesFromCounts, type QuoteMarkCounts } from './scan';

const counts = new WeakMap<ParagraphFacts, QuoteMarkCounts>();

function paragraphCounts(f: ParagraphFacts, paraText: string): QuoteMarkCounts {
  let c = counts.get(f);
  if (!c) counts.set(f, (c = quoteMarkCounts(paraText)));
  return c;
}

/** Single quotes are quotation marks in this document (British style), by the marks of all its paragraphs. */
export function documentUsesSingles(paragraphs: { text: string }[], facts: ParagraphFacts[]): boolean {
  let doubles = 0;
  let singleOpens = 0;
  for (let p = 0; p < facts.length; p++) {
    const c = paragraphCounts(facts[p], paragraphs[p].text);
    doubles += c.doubles;
    singleOpens += c.singleOpens;
  }
  return singlesFromCounts({ doubles, singleOpens });
}

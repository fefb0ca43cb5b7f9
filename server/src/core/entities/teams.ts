// Teams in match reports, set aside before entities are built. The report's vocabulary is counted per
// paragraph and kept while the paragraph's facts are cached.
import type { ParagraphFacts } from '../paragraph/analyze';
import type { PlacedCandidate } from './table';

// In match reports a country's name is its team ("Sweden defeated South Korea 1 – 0"): an organisation,
// not the country. A report is recognised by its vocabulary; "in Sweden" and "from Belgium" stay countries.
const SPORTS_RE = /\b(?:World Cup|FIFA|UEFA|Olympics|match(?:es)?|goal(?:s|keeper)?|scored|striker|midfielder|defender|penalty|referee|kick-off|half-time|tournament|semi-final|quarter-final|innings|wicket|try-line)\b/gi;

function isSportsReport(hits: number, length: number): boolean {
  return hits >= 6 && hits * 400 >= Math.min(length, 20000);
}

function withoutTeams(text: string, paragraphs: { start: number }[], placed: PlacedCandidate[]): PlacedCandidate[] {
  return placed.filter((c) => {
    if (c.kind !== 'country' || (c.form !== 'name' && c.form !== 'acronym')) return true;
    // Decided once per placed candidate, from the words before it in its own paragraph (which it is cached with).
    if (c.placeAfterPreposition === undefined) {
      const before = text.slice(Math.max(paragraphs[c.para].start, c.start - 12), c.start).toLowerCase();
      c.placeAfterPreposition = /\b(?:in|from|to|of|across|visit(?:ed|ing)?)\s+(?:the\s+)?$/.test(before);
    }
    return c.placeAfterPreposition;
  });
}

const sportsHits = new WeakMap<ParagraphFacts, number>();

function paragraphSportsHits(f: ParagraphFacts, paraText: string): number {
  let hits = sportsHits.get(f);
  if (hits === undefined) sportsHits.set(f, (hits = paraText.match(SPORTS_RE)?.length ?? 0));
  return hits;
}

/** The placed candidates without the countries that are teams, when the article is a match report. */
export function withoutSportsTeams(text: string, paragraphs: { text: string; start: number }[], facts: ParagraphFacts[], placed: PlacedCandidate[]): PlacedCandidate[] {
  let hits = 0;
  for (let p = 0; p < facts.length; p++) hits += paragraphSportsHits(facts[p], paragraphs[p].text);
  return isSportsReport(hits, text.length) ? withoutTeams(text, paragraphs, placed) : placed;
}

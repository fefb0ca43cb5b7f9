// Mentions read straight off a paragraph's phrase matches: countries (names, acronyms, demonyms,
// capitals), metonyms ("the Kremlin"), known organisations, and title-only or descriptive mentions.
import type { Lexicon } from '../lexicon';
import type { Slot } from '../slots';
import type { Token } from '../text';
import type { Candidate } from './candidates';
import { titleOnlyMention } from './titles';

/** Step 3 of the paragraph's analysis. */
export function addPhraseCandidates(tokens: Token[], slots: Slot[], lex: Lexicon, candidates: Candidate[]): void {
  // 3. Country, capital and metonym mentions from phrase matches; title-only and descriptive mentions.
  for (let i = 0; i < tokens.length; ) {
    const s = slots[i];
    if (s.kind !== 'phrase') {
      i++;
      continue;
    }
    const m = s.match;
    const v = m.value;
    const start = tokens[m.from].start;
    const end = tokens[m.to - 1].end;
    const base = { start, end, sentence: tokens[m.from].sentence, tokenFrom: m.from, tokenTo: m.to };
    if (v.type === 'country') candidates.push({ ...base, kind: 'country', form: v.form, iso3: v.iso3 });
    else if (v.type === 'demonym') candidates.push({ ...base, kind: 'country', form: 'demonym', iso3: v.iso3 });
    else if (v.type === 'capital') candidates.push({ ...base, kind: 'country', form: 'capital', iso3: v.iso3 });
    else if (v.type === 'metonym')
      candidates.push({ ...base, kind: 'org', form: 'metonym', iso3: v.iso3, orgId: v.id, orgName: v.name });
    else if (v.type === 'org')
      candidates.push({ ...base, kind: 'org', form: 'name', iso3: v.iso3, orgName: v.name });
    else if (v.type === 'title') {
      const tm = titleOnlyMention(tokens, slots, m, lex);
      if (tm) candidates.push(tm);
    }
    i = m.to;
  }
}

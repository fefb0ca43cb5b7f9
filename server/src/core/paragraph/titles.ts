// Titles in a paragraph: the title words before a name ("Russian President", "former Prime Minister",
// "Ambassador to the United States") and title-only or descriptive mentions ("the PM", "the Russian leader").
import type { Lexicon, PhraseMatch, TitleInfo } from '../lexicon';
import { adjacent, type Slot } from '../slots';
import type { Token } from '../text';
import type { Candidate, TitleSpan } from './candidates';

/** A title word not followed by a name: "the PM", "the Russian leader", "the president". */
export function titleOnlyMention(tokens: Token[], slots: Slot[], m: PhraseMatch, lex: Lexicon): Candidate | undefined {
  const v = m.value;
  if (v.type !== 'title' || !v.info.office || v.info.kind === 'honorific' || v.info.kind === 'modifier') return undefined;
  const next = tokens[m.to];
  if (next && (next.cap || slots[m.to]?.kind === 'phrase') && adjacent(tokens, m.to - 1, m.to)) return undefined; // a name follows
  if (next && (next.text === 'of' || next.text === 'for') ) return undefined; // "the president of the company"
  // Look left for the determiner and an optional demonym: "the Russian leader", "the PM".
  let from = m.from;
  let country: string | undefined;
  const prevSlot = slots[from - 1];
  if (prevSlot?.kind === 'phrase' && prevSlot.match.value.type === 'demonym') {
    country = prevSlot.match.value.iso3;
    from = prevSlot.match.from;
  }
  // The mention starts at its determiner; "Russia's president", "Kenya's president says": a country's possessive
  // stands for the determiner, and the country stays a mention of its own (the description is the title words).
  const poss = tokens[from - 1];
  const owner = slots[from - 2];
  let first: number;
  if (!country && poss && (poss.text === "'s" || poss.text === '’s') && owner?.kind === 'phrase' && owner.match.value.type === 'country' && owner.match.to === from - 1) {
    country = owner.match.value.iso3;
    first = from;
  } else {
    if (!poss || poss.lower !== 'the') return undefined;
    first = from - 1;
  }
  const head = tokens.slice(m.from, m.to).map((t) => t.lower).join(' ');
  const isDescription = country !== undefined || !lex.titleForms.has(head) || v.info.kind === 'leader';
  return {
    kind: isDescription ? 'description' : 'title-only',
    form: isDescription ? 'description' : 'title',
    start: tokens[first].start,
    end: tokens[m.to - 1].end,
    sentence: tokens[m.from].sentence,
    tokenFrom: first,
    tokenTo: m.to,
    title: { start: tokens[from].start, end: tokens[m.to - 1].end, office: v.info.office, leader: v.info.leader, country },
  };
}

/**
 * Title words before a name, read right to left: "Russian President", "Israeli PM", "former Prime Minister",
 * "Malaysia's Prime Minister", "Afghan Ambassador to the United States", "Minister of Education".
 */
export function titlePrefix(tokens: Token[], slots: Slot[], nameStart: number, lex: Lexicon): TitleSpan | undefined {
  let k = nameStart - 1;
  let start = -1;
  let end = -1;
  let office = '';
  let leader = false;
  let country: string | undefined;
  let sawTitle = false;
  let modifier: string | undefined;
  while (k >= 0) {
    const s = slots[k];
    const t = tokens[k];
    if (s.kind === 'phrase' && s.match.value.type === 'title') {
      const info: TitleInfo = s.match.value.info;
      if (info.kind === 'modifier') {
        modifier = t.lower;
        start = tokens[s.match.from].start;
        k = s.match.from - 1;
        continue;
      }
      if (!sawTitle || !office) {
        // The title nearest the name wins ("Prime Minister Mr X" keeps Prime Minister if it comes first).
        if (!office || info.kind !== 'honorific') {
          if (!office || !sawTitle) office = info.office;
          if (info.kind === 'honorific' && sawTitle) office = office || info.office;
        }
      }
      leader = leader || info.leader;
      sawTitle = true;
      start = tokens[s.match.from].start;
      if (end < 0) end = tokens[s.match.to - 1].end;
      k = s.match.from - 1;
      continue;
    }
    if (s.kind === 'phrase' && (s.match.value.type === 'demonym' || s.match.value.type === 'country') && sawTitle) {
      country = s.match.value.iso3;
      start = tokens[s.match.from].start;
      k = s.match.from - 1;
      if (tokens[k]?.text === "'s" || tokens[k]?.text === '’s') break;
      // "Malaysia's Prime Minister": the possessive sits between country and title.
      continue;
    }
    if ((t.text === "'s" || t.text === '’s') && sawTitle && slots[k - 1]?.kind === 'phrase') {
      const v = (slots[k - 1] as { match: PhraseMatch }).match.value;
      if (v.type === 'country') {
        country = v.iso3;
        start = tokens[(slots[k - 1] as { match: PhraseMatch }).match.from].start;
      }
      break;
    }
    // Right after "of"/"for" the capitalised words are the title's complement, not a name
    // ("the secretary general of CEI", "Undersecretary for Education").
    if (!sawTitle && k === nameStart - 1 && (t.lower === 'of' || t.lower === 'for')) break;
    // "Ambassador to the United States", "Minister of Education": skip back over "to/of (the) X".
    if (!sawTitle && (t.lower === 'of' || t.lower === 'to' || t.lower === 'for' || t.word && k < nameStart - 1)) {
      const back = backOverComplement(tokens, slots, k, nameStart);
      if (back !== undefined) {
        k = back.k;
        if (back.country) country = back.country;
        end = tokens[nameStart - 1].end;
        continue;
      }
    }
    break;
  }
  if (!sawTitle) return undefined;
  // Honorific-only titles ("Mr", "Professor") mark a person without an office.
  const onlyHonorific = !office || ['Mr', 'Mrs', 'Ms', 'Dr', 'Professor', 'Sir'].includes(office);
  if (end < 0 || start < 0) return undefined;
  void lex;
  return { start, end, office: onlyHonorific ? '' : office, leader, country, ...(modifier ? { modifier } : {}) };
}

/** From inside "Ambassador to the United States Hamdullah Mohib", walks back to the title word. */
function backOverComplement(tokens: Token[], slots: Slot[], k: number, nameStart: number): { k: number; country?: string } | undefined {
  let country: string | undefined;
  let m = k;
  let steps = 0;
  while (m >= 0 && steps < 6) {
    const s = slots[m];
    if (s.kind === 'phrase' && s.match.value.type === 'country') {
      country = s.match.value.iso3;
      m = s.match.from - 1;
    } else if (['the', 'of', 'to', 'for'].includes(tokens[m].lower) || (tokens[m].cap && s.kind === 'cap')) {
      m--;
    } else if (s.kind === 'phrase' && s.match.value.type === 'title') {
      return { k: m, country };
    } else return undefined;
    steps++;
  }
  void nameStart;
  return undefined;
}

// People's names in a paragraph. Where they are is the learned tagger's decision (names/); the rules read
// capitalised runs too, and what they take for a name the tagger did not tag may only link to a person
// named elsewhere — unless the rules' evidence is strong (a title, a known first name, initials…).
import type { KnowledgeBase } from '../knowledgeBase';
import { lexicon, type Lexicon, type PhraseMatch } from '../lexicon';
import { knowledgeBaseNameWords, tagNames } from '../names/nameTagger';
import type { SequenceModel } from '../names/perceptron';
import { adjacent, NAME_TAGS, NON_NAME_TAGS, type Slot } from '../slots';
import type { Token } from '../text';
import { CAPTION_WORDS, COMMON_CAPITALISED, DESCRIPTOR_WORDS, DETERMINERS, GEOGRAPHIC_HEADS, NAME_PARTICLES, ORGANISATION_WORDS, REGIONS } from '../vocabulary';
import { LINK_ONLY, nameCandidate, type Candidate } from './candidates';
import { classifyChunk, listedAfterPerson } from './nameRules';
import { titlePrefix } from './titles';

// "The Times on Monday": a date after "on" is no part of a name.
const CALENDAR_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);

/** Rule evidence that makes a person's name without the tagger (measured by cross-validation: see README). */
const STRONG_RULE_EVIDENCE = new Set(['title', 'first-name', 'east-asian-name', 'initials', 'after-organisation', 'speech', 'capitals', 'government', 'eponym']);

/** Steps 1 and 2 of the paragraph's analysis: the tagger's names, then the rules' name chunks. */
export function addNames(tokens: Token[], slots: Slot[], lex: Lexicon, kb: KnowledgeBase, nameModel: SequenceModel, candidates: Candidate[]): void {
  // Where people's names are is the learned tagger's decision; the rules below find organisations and places,
  // and what they read as a name the tagger did not tag is kept only to link to a person named elsewhere.
  const names = tagNames(nameModel, tokens, slots, lex, knowledgeBaseNameWords(kb)).flatMap(([from, to]) => {
    // Titles, role nouns and caption labels the tagger took into a name: "PM Netanyahu", "Coauthor Elena Varga",
    // "… Haddad Image" (titles are read by the rules, and attached to the name).
    const isTitle = (k: number) => slots[k]?.kind === 'phrase' && (slots[k] as { match: PhraseMatch }).match.value.type === 'title';
    // (A plural title too: "Senators Chuck Schumer and Mitch McConnell".)
    const pluralTitle = (k: number) => tokens[k].lower.endsWith('s') && lex.titleForms.has(tokens[k].lower.slice(0, -1));
    while (from < to && (DESCRIPTOR_WORDS.has(tokens[from].lower) || CAPTION_WORDS.has(tokens[from].lower) || DETERMINERS.has(tokens[from].lower) || isTitle(from) || pluralTitle(from))) from++;
    while (to > from && (CAPTION_WORDS.has(tokens[to - 1].lower) || NAME_PARTICLES.has(tokens[to - 1].lower))) to--;
    // "Quarterback Patrick Mahomes": an occupation before a first name and a surname is no part of the name.
    if (to - from >= 3 && lex.tagsOf(tokens[from].lower).includes('Actor') && !lex.tagsOf(tokens[from].lower).some((t) => NAME_TAGS.has(t)) && lex.isFirstName(tokens[from + 1].lower)) from++;
    // "Lula da Silva", "Bill de Blasio": the tagger may start at the surname after a particle; a capitalised word
    // before the particle that is a first name or a word the lexicon does not know is the name's first.
    while (from >= 2 && from < to && NAME_PARTICLES.has(tokens[from - 1].text) && tokens[from - 2].cap && tokens[from - 2].word && adjacent(tokens, from - 2, from - 1) &&
      adjacent(tokens, from - 1, from) && slots[from - 2].kind === 'cap' && !ORGANISATION_WORDS.has(tokens[from - 2].lower) && !DETERMINERS.has(tokens[from - 2].lower) &&
      !lex.tagsOf(tokens[from - 2].lower).some((t) => NON_NAME_TAGS.has(t))) from -= 2;
    to = withSuffixPeriod(tokens, from, to);
    // "Democrats said", "Muslims", "Indigenous Peoples": common capitalised words name a group, not a person.
    const group = (to - from === 1 && tokens[from].lower.endsWith('s') && COMMON_CAPITALISED.has(tokens[from].lower)) ||
      (to - from > 1 && tokens.slice(from, to).every((t) => COMMON_CAPITALISED.has(t.lower)));
    // "Prince Edward Island", "King County": a place named after someone is no person.
    if (to < tokens.length && tokens[to].cap && adjacent(tokens, to - 1, to) && GEOGRAPHIC_HEADS.has(tokens[to].lower)) return [];
    // "Interior Health, which runs the hospital,": what "which" refers back to is a thing, not a person.
    if (tokens[to]?.text === ',' && tokens[to + 1]?.lower === 'which') return [];
    // "Goldman Sachs", "Tim Hortons": an organisation the knowledge base names is none of the tagger's people.
    const head = slots[from];
    const known = head?.kind === 'phrase' && head.match.value.type === 'org' && head.match.to >= to;
    return from < to && !group && !known && !(to - from === 1 && notAPersonWord(tokens[from], lex)) ? [[from, to] as [number, number]] : [];
  }).reduce<[number, number][]>((acc, span) => {
    // Two names joined only by particles are one ("Ursula" von der "Leyen").
    const last = acc[acc.length - 1];
    if (last && span[0] > last[1] && tokens.slice(last[1], span[0]).every((t, k) => NAME_PARTICLES.has(t.lower) && adjacent(tokens, last[1] + k - 1, last[1] + k)) && adjacent(tokens, span[0] - 1, span[0])) last[1] = span[1];
    else acc.push(span);
    return acc;
  }, []);
  const nameAt = new Int32Array(tokens.length).fill(-1);
  names.forEach(([from, to], k) => nameAt.fill(k, from, to));
  const overlapsName = (c: Candidate) => {
    for (let k = c.tokenFrom; k < c.tokenTo; k++) if (nameAt[k] >= 0) return true;
    return false;
  };
  const taggerAt = new Map<number, number>();
  for (const [from, to] of names) {
    taggerAt.set(from, candidates.length);
    candidates.push(personFromTagger(tokens, slots, from, to, lex, kb));
  }
  // "Treasury Secretary Steven Mnuchin", "Premier Doug Ford": the tagger may stop at a surname it has not seen
  // (or one that is also a company's, or a common word: "Mike Pence"); a title, a known first name or the
  // knowledge base's full name says the whole run is the name.
  const longerName = (c: Candidate): number | undefined => {
    if (c.kind !== 'person' || (c.evidence !== 'title' && c.evidence !== 'first-name' && c.evidence !== 'knowledge-base')) return undefined;
    // (Or starts before it: "President Ferdinand Marcos Jr." where the tagger found "Marcos".)
    let k = -1;
    for (let t = c.tokenFrom; t < c.tokenTo; t++) {
      if (nameAt[t] < 0) continue;
      if (k >= 0 && nameAt[t] !== k) return undefined;
      k = nameAt[t];
    }
    if (k < 0 || names[k][0] < c.tokenFrom || names[k][1] > c.tokenTo || (names[k][0] === c.tokenFrom && names[k][1] === c.tokenTo)) return undefined;
    // (The knowledge base's full name may add more: "Luiz Inácio Lula da Silva" where the tagger found "Luiz Inácio".)
    if (c.evidence !== 'knowledge-base' && (names[k][0] - c.tokenFrom > 1 || c.tokenTo - names[k][1] > 1)) return undefined;
    return taggerAt.get(names[k][0]);
  };

  // 2. Name chunks: runs of capitalised words (with inner particles), then their title prefixes.
  for (let i = 0; i < tokens.length; i++) {
    if (slots[i].kind !== 'cap' && !isNameLikePhrase(slots, tokens, i)) continue;
    let j = i;
    while (
      j < tokens.length &&
      (j === i || !tokens[j].spaceBefore || tokens[j].spaceBefore) &&
      (slots[j].kind === 'cap' ||
        isNameLikePhrase(slots, tokens, j) ||
        (slots[j].kind === 'particle' && j + 1 < tokens.length && slots[j + 1].kind === 'cap' && j > i)) &&
      (j === i || adjacent(tokens, j - 1, j)) &&
      // A caption label after a name ends it: "… student Ahmed Mohamed Image: Twitter".
      !(j > i && CAPTION_WORDS.has(tokens[j].lower) && tokens[j + 1]?.text === ':')
    ) {
      j++;
      // An organisation's name goes on over "of"/"for"/"on" ("Department of Foreign Affairs", "Ministry of
      // Defence"), so that its tail is not read as a person's name.
      const link = tokens[j];
      if (link && ['of', 'for', 'on'].includes(link.text) && slots[j + 1]?.kind === 'cap' && !CALENDAR_WORDS.has(tokens[j + 1].lower) && adjacent(tokens, j - 1, j) &&
          adjacent(tokens, j, j + 1) && tokens.slice(i, j).some((t) => ORGANISATION_WORDS.has(t.lower)))
        j++;
      // "Supreme Court of Canada", "Bank of England": the country ends the organisation's name.
      const country = slots[j + 1];
      if (link && link.text === 'of' && country?.kind === 'phrase' && country.match.value.type === 'country' && adjacent(tokens, j - 1, j) &&
          adjacent(tokens, j, j + 1) && ORGANISATION_WORDS.has(tokens[j - 1].lower) && slots[j - 1].kind === 'cap') {
        j = country.match.to;
        break;
      }
    }
    // "BC Nurses’ Union", "Workers’ Party": a plural possessive inside an organisation's name.
    if (j > i && j + 1 < tokens.length && (tokens[j].text === '’' || tokens[j].text === "'") && !tokens[j].spaceBefore && tokens[j - 1].lower.endsWith('s') && slots[j + 1].kind === 'cap') {
      let r = j + 1;
      while (r < tokens.length && slots[r].kind === 'cap' && (r === j + 1 || adjacent(tokens, r - 1, r))) r++;
      if (tokens.slice(j + 1, r).some((t) => ORGANISATION_WORDS.has(t.lower)) && !nameAt.subarray(i, r).some((k) => k >= 0)) j = r;
    }
    // "The Globe and Mail", "Department of Health and Social Care", "Procter & Gamble": an organisation's name goes
    // on over "and" when organisation words stand on its side or the other (never between people's names).
    if (j + 1 < tokens.length && (tokens[j].lower === 'and' || tokens[j].text === '&') && slots[j + 1].kind === 'cap' && adjacent(tokens, j - 1, j) && adjacent(tokens, j, j + 1)) {
      let r = j + 1;
      while (r < tokens.length && slots[r].kind === 'cap' && adjacent(tokens, r - 1, r)) r++;
      const orgWord = (from: number, to: number) => tokens.slice(from, to).some((t) => ORGANISATION_WORDS.has(t.lower));
      const named = (from: number, to: number) => nameAt.subarray(from, to).some((k) => k >= 0);
      // (Two organisations joined by "and" stay two: "the Wikimedia Foundation and Creative Commons".)
      const firstComplete = j - i - (tokens[i].lower === 'the' ? 1 : 0) > 1 && ORGANISATION_WORDS.has(tokens[j - 1].lower);
      if ((orgWord(i, j) || orgWord(j + 1, r)) && !named(i, r) && r - i <= 8 && !firstComplete) j = r;
    }
    const chunk = classifyChunk(tokens, slots, i, j, lex, kb, listedAfterPerson(tokens, candidates, i));
    for (const c of chunk ?? []) {
      const replaced = longerName(c);
      if (replaced !== undefined) {
        candidates[replaced] = personFromTagger(tokens, slots, c.tokenFrom, withSuffixPeriod(tokens, c.tokenFrom, c.tokenTo), lex, kb);
        continue;
      }
      if (overlapsName(c)) continue;
      // The knowledge base names people whatever the tagger says ("Putin briefed Netanyahu").
      // So do a title before a name, a known first name, a romanised East Asian name, initials, and a name right
      // after an organisation's: patterns the tagger's few thousand training names cover too thinly.
      if ((c.kind === 'person' || c.kind === 'maybe-person') && !c.evidence?.startsWith('knowledge-base') && !(c.kind === 'person' && STRONG_RULE_EVIDENCE.has(c.evidence ?? ''))) candidates.push({ ...c, kind: 'maybe-person', evidence: LINK_ONLY });
      else candidates.push(c);
    }
    i = j - 1;
  }
}

/** "Martin Luther King Jr.": the abbreviation's period is the name's. */
function withSuffixPeriod(tokens: Token[], from: number, to: number): number {
  return to > from + 1 && to < tokens.length && (tokens[to - 1].lower === 'jr' || tokens[to - 1].lower === 'sr') && tokens[to].text === '.' && adjacent(tokens, to - 1, to) ? to + 1 : to;
}

// Time zones after a dateline's time ("6:21 PM ET"): never a name.
const TIME_ZONES = new Set(['ET', 'EST', 'EDT', 'CT', 'CST', 'CDT', 'MT', 'MST', 'MDT', 'PT', 'PST', 'PDT', 'AT', 'AST', 'ADT', 'NT', 'NST', 'NDT', 'GMT', 'UTC', 'BST', 'CET', 'CEST', 'IST', 'JST', 'AEST', 'AEDT']);

/**
 * A word alone that the tagger may take for a name but that is none: a state or province ("a pastor from Richmond,
 * Virginia"), a time zone, the people of a place ("Montrealers", "Quebecers", "Albertans").
 */
function notAPersonWord(t: Token, lex: Lexicon): boolean {
  if (TIME_ZONES.has(t.text) || REGIONS.has(t.lower)) return true;
  const m = /^(\p{L}{4,}?)(?:ers|ans|ians|ns|ites)$/u.exec(t.lower);
  if (!m) return false;
  for (const stem of [m[1], `${m[1]}a`, `${m[1]}o`]) if (REGIONS.has(stem) || lex.tagsOf(stem).some((x) => x === 'City' || x === 'Region' || x === 'Country')) return true;
  return false;
}

function isNameLikePhrase(slots: Slot[], tokens: Token[], i: number): boolean {
  const s = slots[i];
  if (s.kind !== 'phrase') return false;
  const v = s.match.value;
  // An ambiguous country or capital word next to a capitalised word is part of a name ("Michael Jordan").
  if ((v.type === 'country' || v.type === 'capital') && s.match.to - s.match.from === 1) {
    const lex = lexicon();
    const ambiguous = lex.isAmbiguousCountry(tokens[i].text) || v.type === 'capital';
    if (!ambiguous) return false;
    const prevCap = i > 0 && slots[i - 1].kind === 'cap' && adjacent(tokens, i - 1, i) && lex.isFirstName(tokens[i - 1].lower);
    const nextCap = i + 1 < tokens.length && slots[i + 1].kind === 'cap' && adjacent(tokens, i, i + 1) && !ORGANISATION_WORDS.has(tokens[i + 1].lower);
    return prevCap || (nextCap && v.type === 'country');
  }
  return false;
}

/** A tagged name as a candidate, with the title words before it and its knowledge-base record. */
function personFromTagger(tokens: Token[], slots: Slot[], from: number, to: number, lex: Lexicon, kb: KnowledgeBase): Candidate {
  const words = tokens.slice(from, to);
  const nameText = words[0].text + words.slice(1).map((t, k) => ' '.repeat(t.start - words[k].end) + t.text).join('');
  const kbHits = kb.lookup(nameText);
  const fullKb = kbHits.length > 0 && kb.isFullName(nameText) ? kbHits[0] : undefined;
  // "Johnson Space Center": a name inside an organisation's name is no leader's surname.
  const inOrganisation = (() => {
    for (let k = to; k < tokens.length && k < to + 4 && tokens[k].cap && adjacent(tokens, k - 1, k); k++) if (ORGANISATION_WORDS.has(tokens[k].lower)) return true;
    return false;
  })();
  const title = titlePrefix(tokens, slots, from, lex);
  return nameCandidate(tokens, from, to, words.length > 1 || fullKb ? 'person' : 'maybe-person', 'tagger', {
    title,
    iso3: title?.country,
    ...(fullKb ? { kbId: fullKb.id } : kbHits.length && !inOrganisation ? { kbId: kbHits[0].id } : {}),
  });
}

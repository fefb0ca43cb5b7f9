// The rules' reading of a run of capitalised words: a person's name (with the title words before it), an
// organisation, a place, or nothing — and the evidence for a person (a known first name, initials, a
// romanised East Asian name, a speech verb after it, a name right after an organisation's).
import type { KnowledgeBase } from '../knowledgeBase';
import type { Lexicon } from '../lexicon';
import { adjacent, isCommonCapitalised, NAME_TAGS, NON_NAME_TAGS, OPENING_PUNCT, PLACE_ORG_TAGS, type Slot } from '../slots';
import type { Token } from '../text';
import {
  COMMON_CAPITALISED, COMMON_WORD_FIRST_NAMES, DETERMINERS, EPONYM_HEADS, GEOGRAPHIC_HEADS, GOVERNMENT_HEADS, looksCommonWord,
  DESCRIPTOR_WORDS, ORGANISATION_WORDS, QUOTE_VERBS, SAINT_WORDS,
} from '../vocabulary';
import { LINK_ONLY, nameCandidate, type Candidate } from './candidates';
import { orgCandidate } from './organisations';
import { titlePrefix } from './titles';

const TIME_ZONE_RE = /^(?:[ECMPAN][SD]?T|GMT|UTC|BST|CES?T|IST|JST|AE[SD]T)$/;
const PARTY_MEMBER_WORDS = new Set(['democrat', 'republican', 'conservative', 'liberal', 'tory', 'socialist', 'libertarian', 'independent']);

/** compromise's lexicon tags, with the everyday words it lacks read as nouns. */
export function wordTags(lex: Lexicon, lower: string): string[] {
  const tags = lex.tagsOf(lower);
  if (tags.length) return tags;
  if (COMMON_CAPITALISED.has(lower) || looksCommonWord(lower)) return ['Noun'];
  // A compound ending in a common word ("Prize-winner", "Nobel-laureate") is no name; short syllables
  // ("Ki-moon", "Jae-in") may be parts of romanised names.
  const tail = lower.slice(lower.lastIndexOf('-') + 1);
  if (tail !== lower && tail.length >= 5 && lex.tagsOf(tail).some((t) => NON_NAME_TAGS.has(t)) && !lex.tagsOf(tail).some((t) => NAME_TAGS.has(t)))
    return ['Noun'];
  return tags;
}

/**
 * Classifies a run of capitalised tokens [i, j): drops sentence-initial common words, then decides whether
 * what remains is a person's name (with the title words before it) or something else.
 */
export function classifyChunk(tokens: Token[], slots: Slot[], i: number, j: number, lex: Lexicon, kb: KnowledgeBase, afterPerson = false): Candidate[] | undefined {
  // Trim common words at the start of a sentence or after an opening quote: "During", "The", "Meanwhile".
  while (i < j && isCommonCapitalised(tokens, i, lex) && !nameStartEvidence(tokens, i, j, lex)) i++;
  while (j > i && slots[j - 1].kind === 'particle') j--;
  if (i >= j) return undefined;
  // "06:35 PM EST": a time zone after a time (whose "PM" is no Prime Minister).
  if (j - i === 1 && TIME_ZONE_RE.test(tokens[i].text)) return undefined;
  // "Democrats said", "Muslims": members of a party or a faith, not a person.
  if (j - i === 1 && COMMON_CAPITALISED.has(tokens[i].lower) && tokens[i].lower.endsWith('s')) return undefined;
  // "the West Virginia Democrat", "the Kentucky Republican": a description of a party's member, no name.
  if (j - i > 1 && PARTY_MEMBER_WORDS.has(tokens[j - 1].lower) && tokens[i - 1]?.lower === 'the') return undefined;
  const words = tokens.slice(i, j);
  const lowers = words.map((w) => w.lower);
  // Organisations and places, not people.
  // A leading org word may be a name ("Park Joo-Ho"); anywhere else it makes an organisation or place.
  // (Names the lexicon knows, or a romanised given name: "Park Joo-Ho"; not unknown words: "Bloc Québécois".)
  // (Unknown words after a first name that is also a common word: "Bill Hagerty".)
  const firstNameLike = COMMON_WORD_FIRST_NAMES.has(lowers[0]) || lex.isFirstName(lowers[0]);
  // (Particles inside are the name's: "Bill de Blasio".)
  const restLooksLikeName = lowers.length > 1 && lowers.slice(1).every((x, k) => slots[i + k + 1].kind === 'particle' || (x.length > 2 && !ORGANISATION_WORDS.has(x) &&
    (wordTags(lex, x).some((t) => NAME_TAGS.has(t)) || (wordTags(lex, x).length === 0 && (firstNameLike || HYPHENATED_GIVEN_NAME_RE.test(words[k + 1].text))))));
  const orgWordAt = lowers.findIndex((w, k) => ORGANISATION_WORDS.has(w) && (k > 0 || !restLooksLikeName));
  // A lone "Office" or "Times" is the tail of a name split by a possessive or a place: with the place or demonym
  // right before it, that is the organisation ("The Moscow Times", "The Canadian Press", "Canada Post").
  if (lowers.length === 1 && orgWordAt === 0) {
    const lead = slots[i - 1];
    const placed = lead?.kind === 'phrase' && ['country', 'capital', 'demonym'].includes(lead.match.value.type) && lead.match.to === i && adjacent(tokens, i - 1, i) && tokens[lead.match.from].cap;
    return placed ? orgCandidate(tokens, i, j, slots, true) : undefined;
  }
  // "Gaza Strip", "West Bank", "Red Sea", "Golan Heights": places, neither people nor organisations.
  if (lowers.length > 1 && GEOGRAPHIC_HEADS.has(lowers[lowers.length - 1])) return undefined;
  if (orgWordAt >= 0 && !(lowers.length >= 2 && lex.isFirstName(lowers[0]) && !ORGANISATION_WORDS.has(lowers[1]))) {
    // "University of Texas Arlington Amneh Jafari": a person's name after an organisation's.
    const person = trailingName(tokens, i, j, orgWordAt, lex, kb);
    if (person) return [...(orgWordAt + i < j - 2 ? orgCandidate(tokens, i, person.tokenFrom, slots) : []), person];
    const eponym = eponymName(tokens, i, orgWordAt, lex);
    return eponym ? [...orgCandidate(tokens, i, j, slots).map((o) => ({ ...o, eponymStart: eponym.start })), eponym] : orgCandidate(tokens, i, j, slots);
  }
  if (words.length >= 2 && SAINT_WORDS.has(lowers[0])) return undefined;
  // "Chief Medical Officer", "Chief Public Health Officer": common words between two title words are the title's.
  const nextSlot = slots[j];
  if (nextSlot?.kind === 'phrase' && nextSlot.match.value.type === 'title' && adjacent(tokens, j - 1, j) &&
      lowers.every((w) => wordTags(lex, w).length > 0 && !wordTags(lex, w).some((t) => NAME_TAGS.has(t)))) return undefined;
  const title = titlePrefix(tokens, slots, i, lex);
  const nameText = tokens[i].text + tokens.slice(i + 1, j).map((t, k) => ' '.repeat(t.start - tokens[i + k].end) + t.text).join('');
  const kbHits = kb.lookup(nameText);
  const fullKb = kbHits.length > 0 && kb.isFullName(nameText) ? kbHits[0] : undefined;
  // Every reading below sets its own kind and evidence.
  const base = nameCandidate(tokens, i, j, 'maybe-person', '', { title, iso3: title?.country });
  if (fullKb) return [{ ...base, kind: 'person', kbId: fullKb.id, evidence: 'knowledge-base' }];
  const tags = lowers.map((w) => wordTags(lex, w));
  // compromise knows many multi-word places and organisations ("San Francisco", "New York").
  if (words.length > 1 && !title && lex.tagsOf(lowers.join(' ')).some((t) => PLACE_ORG_TAGS.has(t))) return undefined;
  const firstIsFirstName = lex.isFirstName(lowers[0]) && !tags[0].some((t) => t === 'Place' || t === 'Country' || t === 'City');
  const personTitle = title && title.office !== '' ? true : !!title;
  const placeOrOrg = tags.every((ts) => ts.some((t) => PLACE_ORG_TAGS.has(t)) && !ts.some((t) => NAME_TAGS.has(t)));
  // "Ford told reporters" after "Premier Doug Ford": a one-word company or place name may be the surname of a
  // person named elsewhere, so it is kept to link to one (never to make a person).
  if (placeOrOrg && !personTitle) return words.length === 1 && surnameShaped(words[0]) ? [{ ...base, evidence: LINK_ONLY }] : undefined;
  if (personTitle) return [{ ...base, kind: 'person', evidence: 'title' }];
  if (words.length >= 2 && firstIsFirstName) return [{ ...base, kind: 'person', evidence: 'first-name' }];
  const startEvidence = words.length === 2 ? nameStartEvidence(tokens, i, j, lex) : undefined;
  if (startEvidence) return [{ ...base, kind: 'person', evidence: startEvidence }];
  if (kbHits.length) return [{ ...base, kind: 'maybe-person', kbId: kbHits[0].id, evidence: 'knowledge-base-surname' }];
  // "Al Jazeera’s Nomvula Dube", "CNN's Jake Tapper": a name after an organisation's possessive is its person's.
  const ownerSlot = slots[i - 2];
  const context = speechContext(tokens, i, j, lex) ||
    (/^['’]s$/.test(tokens[i - 1]?.text ?? '') && ownerSlot?.kind === 'phrase' && ownerSlot.match.value.type === 'org' && ownerSlot.match.to === i - 1);
  const allUnknownOrNames = tags.every((ts, k) => (ts.length === 0 && !ORGANISATION_WORDS.has(lowers[k])) || ts.some((t) => NAME_TAGS.has(t)));
  const acronymInside = words.some((w) => /^\p{Lu}+$/u.test(w.text) && w.text.length > 1);
  if (words.length >= 2 && words.length <= 4 && allUnknownOrNames && !acronymInside) {
    // "Tunde Bakare arrived in Ottawa": two or three words the lexicon does not know, then a verb in the past.
    const verbAfter = words.length <= 3 && !!tokens[j] && adjacent(tokens, j - 1, j) && !tokens[j].cap && lex.tagsOf(tokens[j].lower).includes('PastTense');
    return [{ ...base, kind: 'person', evidence: context ? 'speech' : verbAfter ? 'capitals' : 'unknown-words' }];
  }
  // Mid-sentence, capitals mark a name even when a part is also a common word ("Dean Kamen", "Dries Mertens").
  const nameish = (ts: string[]) => ts.length === 0 || ts.some((t) => NAME_TAGS.has(t));
  const placeish = (ts: string[]) => ts.some((t) => PLACE_ORG_TAGS.has(t)) && !ts.some((t) => NAME_TAGS.has(t));
  // …but only with some evidence beyond the capitals: a speech verb after it, a surname-like last word
  // that compromise knows as a name, or a surname-like last word in a list of people ("Romelu Lukaku,
  // Yannick Carrasco, and Dries Mertens") or before a past-tense verb ("Dries Mertens scored").
  const next = tokens[j];
  // The last word must look like a surname in every case: "the Department of Health and Social Care said".
  const lastIsSurname = surnameLike(words[words.length - 1], lex);
  const personContext = afterPerson || (!!next && adjacent(tokens, j - 1, j) && lex.tagsOf(next.lower).includes('PastTense'));
  if (words.length >= 2 && words.length <= 3 && !acronymInside && !atSentenceStart(tokens, i) && !tags.some(placeish) && !lowers.some(looksCommonWord) &&
      lastIsSurname && (context || personContext || tags[tags.length - 1].some((t) => NAME_TAGS.has(t)) || (tags[tags.length - 1].length === 0 && tags[0].some((t) => t === 'Noun' || t === 'PresentTense') && lex.isFirstName(lowers[0]))))
    return [{ ...base, kind: 'person', evidence: context ? 'speech' : 'capitals' }];
  void nameish;
  if (words.length >= 3) {
    // "Texas Arlington Amneh Jafari": a two- or three-word name after a place or organisation's name.
    const person = trailingName(tokens, i, j, 0, lex, kb);
    if (person) return [person];
  }
  if (words.length === 1 && tokens[i - 1]?.lower === 'the' && GOVERNMENT_HEADS.has(tokens[j]?.lower ?? '') && surnameLike(words[0], lex) &&
      !tags[0].some((t) => t === 'FirstName' || t === 'MaleName' || t === 'FemaleName'))
    return [{ ...base, kind: 'person', evidence: 'government' }];
  if (words.length === 1 && tags[0].some((t) => t === 'LastName' || t === 'Person' || t === 'FirstName' || t === 'MaleName' || t === 'FemaleName'))
    return [{ ...base, kind: 'maybe-person', evidence: context ? 'speech' : 'lexicon' }];
  if (words.length === 1 && allUnknownOrNames && !/^\p{Lu}+$/u.test(words[0].text))
    return [{ ...base, kind: 'maybe-person', evidence: context ? 'speech' : 'unknown-word' }];
  return undefined;
}

// Romanised East Asian given names: two short syllables joined by a hyphen ("Joo-Ho", "Jae-in", "Lung-bin").
const HYPHENATED_GIVEN_NAME_RE = /^\p{Lu}\p{Ll}{1,5}-\p{L}\p{Ll}{1,5}$/u;

/** Written like a surname: one capital, then lower-case letters ("Ford", not "NATO" or "eBay"). */
function surnameShaped(t: Token): boolean {
  return /^\p{Lu}\p{Ll}+$/u.test(t.text) && t.text.length > 2;
}

/** A surname-like word: unknown to the lexicon (and not a common word by its ending) or a known surname. */
function surnameLike(t: Token, lex: Lexicon): boolean {
  if (!t.cap || ORGANISATION_WORDS.has(t.lower) || !/\p{Ll}/u.test(t.text)) return false;
  const tags = wordTags(lex, t.lower);
  return tags.length === 0 ? !looksCommonWord(t.lower) : tags.some((x) => x === 'LastName' || x === 'Person');
}

/**
 * Evidence that the token at i starts a two-word person's name although the lexicon reads it as a common word:
 * a first name compromise lacks ("Dean Kamen"), a family name before a romanised East Asian given name
 * ("Park Joo-Ho", "Moon Jae-in"), or initials written without dots ("AS Heagle").
 */
function nameStartEvidence(tokens: Token[], i: number, j: number, lex: Lexicon): string | undefined {
  const t = tokens[i];
  const next = tokens[i + 1];
  if (!next || i + 1 >= j || DETERMINERS.has(t.lower) || t.lower === 'i' || !adjacent(tokens, i, i + 1)) return undefined;
  const tags = lex.tagsOf(t.lower);
  if (tags.some((x) => PLACE_ORG_TAGS.has(x))) return undefined;
  if (COMMON_WORD_FIRST_NAMES.has(t.lower) && /^\p{Lu}\p{Ll}+$/u.test(t.text) && surnameLike(next, lex)) return 'first-name';
  if (HYPHENATED_GIVEN_NAME_RE.test(next.text) && /^\p{Lu}\p{Ll}{1,4}$/u.test(t.text) && !ORGANISATION_WORDS.has(next.lower.split('-')[0]))
    return 'east-asian-name';
  if (/^\p{Lu}{1,2}$/u.test(t.text) && surnameLike(next, lex)) return 'initials';
  return undefined;
}

/** Does the chunk at i follow a person's name in a list ("A B, C D and E F")? */
export function listedAfterPerson(tokens: Token[], candidates: Candidate[], i: number): boolean {
  let k = i - 1;
  if (tokens[k]?.lower === 'and' || tokens[k]?.text === '&') k--;
  if (tokens[k]?.text === ',') k--;
  // (The tagger's names come first, in any order: any person ending right there.)
  return k < i - 1 && candidates.some((c) => c.kind === 'person' && c.tokenTo - 1 === k);
}

function atSentenceStart(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  return !prev || prev.sentence !== tokens[i].sentence || OPENING_PUNCT.has(prev.text);
}

/** A two- or three-word person's name at the end of a longer capitalised run, after `afterIdx` (relative). */
function trailingName(tokens: Token[], i: number, j: number, afterIdx: number, lex: Lexicon, kb: KnowledgeBase): Candidate | undefined {
  for (const len of [3, 2]) {
    const from = j - len;
    if (from <= i + afterIdx || from <= i) continue;
    const words = tokens.slice(from, j);
    const tags = words.map((w) => wordTags(lex, w.lower));
    if (words.some((w) => ORGANISATION_WORDS.has(w.lower) || /^\p{Lu}+$/u.test(w.text) || looksCommonWord(w.lower))) continue;
    // "East Los Angeles": a place compromise knows is no name.
    if (lex.tagsOf(words.map((w) => w.lower).join(' ')).some((t) => PLACE_ORG_TAGS.has(t))) continue;
    const firstName = lex.isFirstName(words[0].lower);
    const firstOk = firstName || tags[0].length === 0;
    // After a known first name, a surname may also be a place's name ("Alia Salem").
    const restOk = tags.slice(1).every((ts) => ts.length === 0 || ts.some((t) => NAME_TAGS.has(t) || (firstName && PLACE_ORG_TAGS.has(t) && t !== 'Demonym')));
    const prevTags = wordTags(lex, tokens[from - 1].lower);
    const prevIsPlaceOrOrg = ORGANISATION_WORDS.has(tokens[from - 1].lower) || looksCommonWord(tokens[from - 1].lower) || prevTags.some((t) => PLACE_ORG_TAGS.has(t)) || prevTags.length > 0 && !prevTags.some((t) => NAME_TAGS.has(t));
    if (!firstOk || !restOk || !prevIsPlaceOrOrg) continue;
    const name = words.map((w) => w.text).join(' ');
    const kbHit = kb.isFullName(name) ? kb.lookup(name)[0] : undefined;
    return nameCandidate(tokens, from, j, 'person', 'after-organisation', kbHit ? { kbId: kbHit.id } : {});
  }
  return undefined;
}

/**
 * The person an organisation is named after, as news annotators count it: a full name before the
 * organisation word, either with a known first name ("John Smith Foundation") or of three unknown words
 * ("Chiang Kai Shek Memorial"); two unknown words are too often a place ("Palo Alto").
 */
function eponymName(tokens: Token[], i: number, orgWordAt: number, lex: Lexicon): Candidate | undefined {
  if (orgWordAt < 2 || orgWordAt > 4 || !EPONYM_HEADS.has(tokens[i + orgWordAt].lower)) return undefined;
  const words = tokens.slice(i, i + orgWordAt);
  const tags = words.map((w) => wordTags(lex, w.lower));
  if (words.some((w) => ORGANISATION_WORDS.has(w.lower) || !/\p{Ll}/u.test(w.text))) return undefined;
  if (!tags.every((ts) => ts.length === 0 || ts.some((t) => NAME_TAGS.has(t)))) return undefined;
  if (lex.tagsOf(words.map((w) => w.lower).join(' ')).some((t) => PLACE_ORG_TAGS.has(t))) return undefined;
  if (!lex.isFirstName(words[0].lower) && words.length < 3) return undefined;
  return nameCandidate(tokens, i, i + orgWordAt, 'person', 'eponym');
}

// After a name, a speech verb or these words mark a person ("X spoke", "X met", "X, who …").
const PERSON_AFTER = new Set(['spoke', 'met', 'called', 'who']);

const APPOSITIVE_OPENERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'former']);
const ROLE_TAGS = new Set(['Title', 'Actor']);

/**
 * ", the Senate majority leader,", ", a Republican senator from South Carolina": an appositive naming a role
 * (a job noun within a few words, before the clause goes on) says the name before it is a person's.
 */
// Role nouns compromise does not tag as a role.
const ROLE_WORDS = new Set(['head', 'correspondent', 'ally', 'adviser', 'advisor', 'aide', 'associate', 'fellow', 'deputy', 'chair', 'partner', 'owner', 'strategist', 'pollster', 'negotiator', 'lecturer', 'organiser', 'organizer', 'councillor', 'spokesperson']);

function isRoleWord(t: Token | undefined, lex: Lexicon): boolean {
  return !!t && t.word && (ROLE_WORDS.has(t.lower) || DESCRIPTOR_WORDS.has(t.lower) || lex.tagsOf(t.lower).some((x) => ROLE_TAGS.has(x)));
}

function roleAppositive(tokens: Token[], k: number, lex: Lexicon): boolean {
  if (!APPOSITIVE_OPENERS.has(tokens[k]?.lower ?? '')) {
    // No determiner: "Priyanka Soman, chief economist at Wexford Partners,", "Diaa Rashwan, head of …", and an
    // organisation's role: "Nomvula Dube, Al Jazeera's correspondent".
    let m = k;
    while (m < k + 4 && tokens[m]?.cap && tokens[m].word) m++;
    if (m > k && /^['’]s$/.test(tokens[m]?.text ?? '')) m++;
    else if (m > k) return false;
    for (let r = m; r < m + 3 && tokens[r]?.word && !tokens[r].cap; r++) {
      if (isRoleWord(tokens[r], lex)) return !(tokens[r + 1]?.cap && ORGANISATION_WORDS.has(tokens[r + 1].lower));
    }
    return false;
  }
  for (let m = k + 1; m < tokens.length && m < k + 7 && tokens[m].sentence === tokens[k].sentence; m++) {
    const t = tokens[m];
    if (t.text === ',' || t.lower === 'who' || t.lower === 'which' || t.lower === 'that') return false;
    if (!t.word) continue;
    if (isRoleWord(t, lex)) {
      // "the company's chief executive": a role of someone, still a person's appositive; "the ministry's
      // spokesman" too. A role word that starts an organisation's name ("the Senate Foreign Relations
      // Committee") is no role.
      const after = tokens[m + 1];
      return !(after && after.cap && ORGANISATION_WORDS.has(after.lower));
    }
  }
  return false;
}

// Nouns for a person's relation to another, which the lexicon does not tag as roles.
const RELATION_NOUNS = new Set(['wife', 'husband', 'son', 'daughter', 'mother', 'father', 'brother', 'sister', 'partner', 'friend', 'neighbour', 'neighbor', 'colleague', 'aide', 'adviser', 'advisor', 'lawyer', 'attorney', 'spokesman', 'spokeswoman', 'spokesperson', 'resident', 'owner', 'student', 'widow', 'fiancée', 'fiance', 'grandson', 'granddaughter', 'niece', 'nephew', 'cousin', 'boss', 'deputy']);

function isRoleNoun(lower: string, lex: Lexicon): boolean {
  return RELATION_NOUNS.has(lower) || lex.tagsOf(lower).some((x) => ROLE_TAGS.has(x));
}

function speechContext(tokens: Token[], i: number, j: number, lex: Lexicon): boolean {
  const next = tokens[j];
  const prev = tokens[i - 1];
  if (next && (QUOTE_VERBS.has(next.lower) || PERSON_AFTER.has(next.lower))) return true;
  if (next && next.text === ',' && tokens[j + 1] && (tokens[j + 1].lower === 'who' || /^\d+$/.test(tokens[j + 1].text))) return true;
  if (next && next.text === ',' && roleAppositive(tokens, j + 1, lex)) return true;
  if (prev && (prev.lower === 'said' || prev.lower === 'says' || prev.lower === 'according')) return true;
  // "Her lawyer, Maya Okafor, declined", "his wife, Chidinma Obi,", "resident Tunde Bakare told": a role noun right
  // before the name, with or without a comma.
  const role = prev?.text === ',' ? tokens[i - 2] : prev;
  if (role && role.word && !role.cap && isRoleNoun(role.lower, lex) && (prev?.text !== ',' || next?.text === ',')) return true;
  // "According to Midland's chief information officer": the source is the officer, not Midland.
  if (prev && prev.lower === 'to' && tokens[i - 2]?.lower === 'according' && !/^['’]s$/.test(next?.text ?? '')) return true;
  return false;
}

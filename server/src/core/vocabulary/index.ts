// One vocabulary for every stage: the word classes of server/data/vocabulary.json (documented in
// server/data/README.md#vocabulary) as sets, plus what compromise's own model adds to them.
import nlp from 'compromise';
import data from '../../../data/vocabulary.json';

const set = (words: string[]) => new Set(words);

/** Particles inside personal names ("al", "bin", "van", "de"). */
export const NAME_PARTICLES = set(data.nameParticles);
/** Words that make a capitalised run an organisation's or a place's name ("Ministry", "Times", "River"). */
export const ORGANISATION_WORDS = set(data.organisationWords);
// compromise's own words that end organisations' names ("Departments", "Corps", "Foundation"), less those
// that are also common surnames or first names ("Power", "Marine", "Crew").
const compromiseOrgWords = Object.keys((nlp.model() as unknown as { two: { orgWords: Record<string, unknown> } }).two.orgWords);
const excluded = set(data.compromiseOrganisationWordsExcluded);
for (const w of compromiseOrgWords) if (!excluded.has(w)) ORGANISATION_WORDS.add(w);
for (const w of data.placeAndIndustryWords) ORGANISATION_WORDS.add(w);
/** Last words of geographic names that are neither people nor organisations ("Strip", "Bank", "Heights"). */
export const GEOGRAPHIC_HEADS = set(data.geographicHeads);
export const DETERMINERS = set(data.determiners);
/** Caption and credit labels ("Image: Nick Moreau"), never names. */
export const CAPTION_WORDS = set(data.captionWords);
/** Everyday words compromise's lexicon lacks that news capitalises in names of things. */
export const COMMON_CAPITALISED = set(data.commonCapitalised);
/** A saint's name makes a place, church or school ("San Siro"). */
export const SAINT_WORDS = set(data.saintWords);
/** "the Obama administration": a surname before these is a leader's. */
export const GOVERNMENT_HEADS = set(data.governmentHeads);
/** First names that compromise knows only as common words ("Dean", "Bill", "Frank"). */
export const COMMON_WORD_FIRST_NAMES = set(data.commonWordFirstNames);
/** Heads of organisations and places named after a person ("Memorial", "Foundation"). */
export const EPONYM_HEADS = set(data.eponymHeads);
/** Role nouns news puts before a name ("Striker Harry Kane", "Coauthor Colette Heald"). */
export const DESCRIPTOR_WORDS = set(data.descriptorWords);

// Word endings of English common nouns and adjectives that personal names (almost) never have.
const COMMON_SUFFIX_RE = /(?:tions?|sions?|ments?|ness|ities|ity|ency|encies|isms?|ology|ologies|ships?|hoods?|ful|less|ious|eous|ional|ives|ables?|ibles?|ators?|ists|izers?|isers?|ings)$/;

/** A capitalised word that is an ordinary English noun or adjective by its ending ("Insurgency", "Relations"). */
export function looksCommonWord(lower: string): boolean {
  return lower.length > 5 && COMMON_SUFFIX_RE.test(lower);
}

type SpeechRole = 'quote' | 'report' | 'naming';
const speechForms = (role: SpeechRole) =>
  new Set(Object.values(data.speechVerbs as Record<string, { forms: string[]; roles: string[] }>).flatMap((v) => (v.roles.includes(role) ? v.forms : [])));
/** Verb forms that introduce a direct quote before or after it ("said", "told", "the statement read"). */
export const QUOTE_VERBS = speechForms('quote');
/** Verb forms that introduce reported speech ("said (that) …", "announced …", "urged Y to …"). */
export const REPORT_VERBS = speechForms('report');
/** Verb forms that introduce a quoted phrase only before it: `called the budget "a betrayal"`. */
export const NAMING_VERBS = speechForms('naming');
/** Every speech verb form. */
export const SPEECH_VERBS = new Set([...QUOTE_VERBS, ...REPORT_VERBS, ...NAMING_VERBS]);
/** Cue verbs that need a statement noun as their subject ("the statement read"). */
export const STATEMENT_READ_VERBS = new Set(data.statementReadVerbs);

/** Names of states, provinces and regions inside countries (US states, Canadian provinces, UK nations...). */
export const REGIONS = set(data.regions);
/** Every word of a region's name ("new", "york", "virginia"). */
export const REGION_WORDS = new Set(data.regions.flatMap((r) => r.split(' ')));

type CommunicationKind = 'call' | 'meeting' | 'talks' | 'message';
/** Words of communication events, by kind: "spoke to Y" (after a preposition) or "met Y" (an object). */
export const COMMUNICATION_WORDS: { kind: CommunicationKind; words: string[]; preposition: boolean }[] = (['call', 'meeting', 'talks', 'message'] as const).flatMap((kind) => {
  const c = (data.communication as unknown as Record<CommunicationKind, { object: string[]; preposition: string[] }>)[kind];
  return [
    { kind, words: c.preposition, preposition: true },
    { kind, words: c.object, preposition: false },
  ];
});

// What the words of a speaker phrase say about it: the writer ("I", "we"), a pronoun, a statement, an
// organisation noun ("the ministry"), a spokesperson, a group of unnamed people ("officials"), a description
// of someone named ("his lawyer"), a role noun ("a representative for …"). Computed once per spelling.
import type { Lexicon } from '../lexicon';

// Nouns that stand for an organisation already named ("the group said").
export const ORGANISATION_NOUNS = new Set(['group', 'company', 'firm', 'party', 'ministry', 'department', 'agency', 'organisation', 'organization', 'association', 'union', 'council', 'government', 'bank', 'court', 'campaign', 'committee', 'foundation', 'charity', 'embassy', 'club', 'team', 'body', 'regulator', 'board', 'institute', 'coalition', 'alliance', 'federation', 'network', 'channel', 'newspaper', 'broadcaster', 'university', 'airline', 'carrier', 'insurer', 'retailer', 'manufacturer', 'developer', 'operator', 'utility', 'watchdog', 'directorate', 'commission', 'office', 'administration', 'presidency', 'cabinet', 'military', 'army', 'police', 'force', 'forces', 'chamber', 'caucus', 'authority', 'service', 'city', 'town', 'municipality', 'county', 'province', 'village', 'township']);
export const DETERMINERS = new Set(['the', 'his', 'her', 'their', 'its', 'a', 'an']);
// Speaker pronouns. "I" and "we" outside quotation marks are the writer (an interviewer's "I asked"): no speaker.
export const PRONOUNS = new Map<string, 'm' | 'f' | 'n' | 'p'>([
  ['he', 'm'], ['she', 'f'], ['they', 'p'], ['it', 'n'], ['his', 'm'], ['her', 'f'], ['their', 'p'], ['him', 'm'],
]);
const WRITER_PRONOUNS = new Set(['i', 'we']);

// Heads of unnamed sources that compromise does not tag as people ("sources", "reports", "media").
export const GROUP_NOUNS = new Set(['official', 'source', 'spokesperson', 'spokesman', 'spokeswoman', 'expert', 'analyst', 'critic', 'researcher', 'scientist', 'witness', 'resident', 'authority', 'authorities', 'police', 'prosecutor', 'report', 'media', 'author', 'organiser', 'organizer', 'observer', 'activist', 'campaigner', 'economist', 'investigator', 'diplomat', 'people', 'poster', 'user', 'fan', 'student', 'parent', 'teacher', 'doctor', 'nurse', 'worker', 'protester', 'protestor', 'survivor', 'victim', 'relative', 'neighbour', 'neighbor', 'friend', 'colleague', 'insider', 'aide', 'adviser', 'advisor', 'lawmaker', 'legislator', 'senator', 'minister', 'leader', 'commentator', 'blogger', 'reviewer', 'survey', 'poll', 'study', 'studies', 'data', 'figures', 'statistics', 'speaker', 'speakers']);

const SPOKESPERSON = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'representative']);

// Words that show a speaker phrase is a clause, not a noun phrase.
export const VERB_LIKE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'would', 'will', 'could', 'should', 'can', 'may', 'might', 'must', 'do', 'does', 'did', 'forgot', 'think', 'thought', 'know', 'knew']);

interface PhraseFacts {
  writer: boolean;
  pronoun?: 'm' | 'f' | 'n' | 'p';
  statement: boolean;
  organisation: boolean;
  /** The organisation noun of the phrase ("ministry" in "the foreign ministry"). */
  organisationNoun?: string;
  spokesperson: boolean;
  group: boolean;
  description: boolean;
  describesAPerson: boolean;
}
const phraseFactsCache = new Map<string, PhraseFacts>();
const POSTMODIFIER_PREPOSITIONS = new Set(['in', 'of', 'at', 'from', 'with']);

const ROLE_HEADS = new Set(['coach', 'captain', 'representative', 'director', 'chairman', 'chairwoman', 'chair', 'chief', 'executive', 'founder', 'head', 'member', 'president', 'secretary', 'manager', 'editor',
  'correspondent', 'ally', 'adviser', 'advisor', 'aide', 'negotiator', 'strategist', 'lawyer', 'attorney', 'professor', 'partner', 'owner', 'deputy']);

/** "a representative for the Sheriff's office", "the team's coach": words headed by a role noun. */
function describesAPersonWords(words: string[], lex: Lexicon): boolean {
  // (A participle ends the head's phrase too: "Al Jazeera's correspondent reporting from Johannesburg".)
  const cut = words.findIndex((w, k) => k > 0 && (['for', 'of', 'at', 'with', 'in', 'from', 'to'].includes(w) || (/^\p{Ll}{3,}ing$/u.test(w) && !lex.tagsOf(w).includes('Noun'))));
  const head = (cut > 0 ? words[cut - 1] : words[words.length - 1]).replace(/['’]s$/, '').replace(/[^\p{L}-]/gu, '');
  return lex.tagsOf(head).includes('Actor') || GROUP_NOUNS.has(head) || lex.titleForms.has(head) || ROLE_HEADS.has(head);
}

/** What the words of a speaker phrase say about it, computed once per spelling (phrases repeat). */
export function phraseFacts(lex: Lexicon, surface: string): PhraseFacts {
  let f = phraseFactsCache.get(surface);
  if (f) return f;
  if (phraseFactsCache.size > 20_000) phraseFactsCache.clear();
  const words = surface.toLowerCase().split(/\s+/);
  // The head noun stands before a postmodifier: "officials in Ottawa", "residents of the town".
  const cut = words.findIndex((w, k) => k > 0 && POSTMODIFIER_PREPOSITIONS.has(w));
  const head = words[cut > 0 ? cut - 1 : words.length - 1].replace(/[^\p{L}]/gu, '');
  const one = words.length === 1 ? words[0] : '';
  const headTags = lex.tagsOf(head);
  const singular = head.replace(/s$/, '');
  const singularTags = lex.tagsOf(singular);
  const plural = headTags.includes('Plural') || (/[^s]s$/.test(head) && (singularTags.includes('Actor') || GROUP_NOUNS.has(singular)));
  const role = headTags.includes('Actor') || GROUP_NOUNS.has(head) || GROUP_NOUNS.has(singular);
  const clause = words.some((w) => VERB_LIKE.has(w)) || words.some((w) => PRONOUNS.has(w) && w !== 'their' && w !== 'his' && w !== 'her' && w !== 'its');
  const group =
    words.length <= 6 && (role || (plural && (headTags.includes('Plural') || singularTags.includes('Actor')))) && !(!plural && words[0] === 'the' && words.length <= 3) && !clause;
  f = {
    writer: WRITER_PRONOUNS.has(one),
    pronoun: PRONOUNS.get(one),
    statement: words.some((w) => lex.statementNouns.has(w.replace(/[^a-zé]/g, ''))),
    organisation: ORGANISATION_NOUNS.has(head) || (words.length <= 3 && words.some((w) => ORGANISATION_NOUNS.has(w)) && !headTags.includes('Actor') && !GROUP_NOUNS.has(head)),
    organisationNoun: ORGANISATION_NOUNS.has(head) ? head : words.find((w) => ORGANISATION_NOUNS.has(w)),
    spokesperson: SPOKESPERSON.has(head) || words.slice(0, 3).some((w, k) => SPOKESPERSON.has(w) && (words[k + 1] === 'for' || words[k + 1] === 'of')),
    group,
    description: DETERMINERS.has(words[0]) && words.length <= 5,
    describesAPerson: describesAPersonWords(words, lex),
  };
  phraseFactsCache.set(surface, f);
  return f;
}

// Reported-speech patterns inside one paragraph: "X said (that) …", "X told Y (that) …", "X urged Y to …",
// "according to X, …", "…, according to X", "…, X said." and "…, said X." They depend on the paragraph's
// tokens only, so they are cached with the paragraph; the document-level pass resolves each speaker phrase
// to an entity and sets the patterns against the direct quotes.
import { isAbbreviation, isPartyAndState, isPlaceAbbreviation, type Token } from '../text';
import { lexicon } from '../lexicon';
import { ORGANISATION_WORDS, REGIONS, REPORT_VERBS, SPEECH_VERBS } from '../vocabulary';

// Verbs that, after "and", continue the reporting clause's subject rather than the reported one.
const COORDINATED_VERBS = new Set(['vowed', 'pledged', 'promised', 'urged', 'called', 'left', 'walked', 'refused', 'declined', 'went', 'threatened', 'announced', 'added', 'insisted', 'warned', 'questioned', 'criticized', 'criticised', 'blamed']);

const DETERMINER_WORDS = new Set(['the', 'a', 'an', 'his', 'their']);
// "asked as she stirred": a subordinate clause of time or reason is not what was said.
const SUBORDINATORS = new Set(['as', 'while', 'when', 'because', 'since', 'after', 'before', 'although', 'though', 'until', 'once', 'like']);
const SAY = new Set(['say', 'says', 'said', 'tell', 'tells', 'told']);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'there', 'this', 'that']);
const VERB_TAGS = new Set(['Verb', 'PastTense', 'PresentTense', 'Copula', 'Modal', 'Auxiliary', 'Participle', 'Infinitive']);
// Addressees that are no name: "told reporters …", "told him …".
// Nouns that are told things ("warned the committee that …"), as against the subject of a clause ("warned the
// real number was higher").
const ADDRESSEE_NOUNS = new Set(['reporters', 'journalists', 'lawmakers', 'legislators', 'senators', 'members', 'residents', 'voters', 'supporters', 'crowd', 'audience', 'public', 'court', 'committee', 'house', 'senate', 'council', 'parliament', 'congress', 'jury', 'judge', 'media', 'press', 'country', 'nation', 'students', 'workers', 'employees', 'staff', 'investors', 'analysts', 'delegates', 'leaders', 'officials', 'police', 'investigators', 'prosecutors', 'colleagues', 'president', 'minister', 'premier', 'king', 'queen', 'government', 'board', 'panel', 'assembly', 'inquiry', 'commission', 'hearing', 'summit', 'conference', 'briefing', 'gathering', 'rally', 'meeting', 'group', 'party', 'caucus', 'chamber', 'team', 'players', 'fans', 'families', 'survivors', 'americans', 'canadians', 'britons']);
const ADDRESSEE_WORDS = new Set(['him', 'her', 'them', 'us', 'me', 'reporters', 'journalists', 'lawmakers', 'parliament', 'congress', 'supporters', 'colleagues', 'police', 'investigators', 'prosecutors', 'officials', 'the', 'a', 'an', 'his', 'their']);

/** Does the clause have a verb of its own (by compromise's lexicon, or an -ed / -s form after a subject)? */
function hasVerb(tokens: Token[], from: number, to: number): boolean {
  const lex = lexicon();
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (!t.word || t.cap && k > from) continue;
    // (After a determiner a verb form is a noun: "denied the account", "announced the increase".)
    if (k > from && NOUN_DETERMINERS.has(tokens[k - 1].lower)) continue;
    if (lex.tagsOf(t.lower).some((x) => VERB_TAGS.has(x))) return true;
    // A word right after a subject pronoun is its verb, irregular ones too ("he left", "she spent").
    if (k > from && SUBJECT_PRONOUNS.has(tokens[k - 1].lower) && tokens[k - 1].lower !== 'that' && tokens[k - 1].lower !== 'this') return true;
    if (k > from && /^\p{Ll}{3,}ed$/u.test(t.text)) return true;
  }
  return false;
}

export interface SpeechPattern {
  kind: 'according' | 'verb' | 'postposed';
  verb: string;
  /** Offsets relative to the paragraph. */
  cue: { start: number; end: number };
  /** The speaker phrase: the subject of the verb, the phrase after "according to", or after an inverted verb. */
  speaker: { start: number; end: number };
  /** The reported clause. */
  body: { start: number; end: number };
  sentence: { start: number; end: number };
}

const OFFICE_TO = new Set(['ambassador', 'envoy', 'representative', 'adviser', 'advisor', 'delegate', 'emissary', 'counsellor', 'counselor']);
const SPEAKER_STOP = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'when', 'while', 'as', 'to', 'from', 'last', 'this', 'yesterday', 'today', 'recently', 'later', 'earlier', 'who', 'which', 'that', 'adding', 'saying', 'and', ';']);
// Verbs whose addressee comes before the reported clause: "told reporters (that) …".
const ADDRESSEE_VERBS = new Set(['told', 'tells', 'tell', 'telling', 'informed', 'informs', 'assured', 'assures', 'reminded', 'reminds', 'warned', 'warns', 'notified', 'convinced', 'advised', 'advises']);
// Requests: the reported content is the whole complement, addressee included ("urged [the EU to act]").
const REQUEST_VERBS = new Set(['urged', 'urges', 'asked', 'asks', 'requested', 'requests', 'invited', 'invites', 'ordered', 'orders', 'encouraged', 'encourages', 'demanded', 'demands', 'called', 'calls', 'recommended', 'recommends', 'proposed', 'proposes']);
// A gerund after the main clause reports what its subject said: "…, saying the deal was dead".
const GERUNDS = new Set(['saying', 'adding', 'noting', 'warning', 'arguing', 'claiming', 'insisting', 'stating', 'explaining', 'telling', 'urging', 'announcing', 'stressing', 'asking', 'accusing', 'describing']);
const SKIP_BEFORE_VERB = /^(?:also|later|earlier|again|previously|repeatedly|recently|publicly|privately|reportedly|once|then|has|have|had|also|further|separately|quickly|simply|only|even|still|often|just|frequently|frankly|flatly|firmly|openly|directly)$|ly$/;
const CLAUSE_START = new Set(['that', 'whether', 'if']);
const NOT_CONTENT_AFTER = new Set([',', ':', '"', '“', '‘', "'", '«', '„', '»', '.', '!', '?', ';', '—', '–', '(']);
const PREPOSITIONS = new Set(['to', 'in', 'on', 'at', 'for', 'with', 'about', 'during', 'after', 'before', 'by', 'from', 'of', 'through', 'via', 'over', 'under', 'this', 'last', 'yesterday', 'today', 'tonight', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'earlier', 'later', 'again', 'repeatedly', 'recently', 'publicly', 'privately', 'also', 'separately', 'previously']);
// Determiners: what follows one is a noun, whatever else the lexicon says it can be ("the account", "an increase").
const NOUN_DETERMINERS = new Set(['the', 'a', 'an', 'these', 'those', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'any', 'no', 'every', 'each']);
// Before a verb form that is also a noun or an infinitive: "the report", "a request", "to maintain".
const NOUN_BEFORE = new Set([...NOUN_DETERMINERS, 'this', 'that', 'to', 'of']);
// Verbs that report speech only with a "that" (or "whether", "if") clause.
const THAT_ONLY = new Set(['found', 'finds', 'ruled', 'rules', 'conceded', 'concedes', 'maintained', 'maintains', 'observed', 'observes', 'recalled', 'recalls', 'estimated', 'estimates', 'indicated', 'indicates', 'signalled', 'signaled', 'signals', 'acknowledged', 'acknowledges', 'admitted', 'admits', 'concluded', 'concludes', 'predicted', 'predicts', 'affirmed', 'affirms', 'countered', 'counters', 'boasted', 'boasts', 'hinted', 'hints', 'specified', 'repeated', 'repeats', 'reiterated', 'reiterates', 'underlined', 'underlines', 'underscored', 'underscores', 'stressed', 'stresses', 'emphasised', 'emphasized', 'emphasises', 'emphasizes', 'testified', 'contended', 'contends', 'asserted', 'asserts', 'disclosed', 'discloses', 'mentioned', 'mentions', 'agreed', 'agrees', 'complained', 'complains', 'cautioned', 'remarked', 'replied', 'replies', 'responded', 'responds', 'answered', 'threatened', 'accused', 'blamed', 'forecast', 'alleged', 'alleges', 'assured', 'reminded', 'pledged', 'promised', 'vowed', 'demanded', 'proposed', 'recommended', 'requested', 'ordered']);
const NEGATIONS = new Set(['not', 'never', "n't", 'neither', 'nor', "didn't", "hasn't", "haven't", "hadn't", "wouldn't", "won't", "doesn't", "don't"]);
// Auxiliaries and copulas: a phrase holding one is a clause, not an inverted speaker.
// Verbs that invert after a quote or clause ("…, said the minister"); verbs that take objects ("…, confirmed
// the date") and base forms ("…, state media reported") do not.
const INVERTING = new Set(['said', 'says', 'added', 'adds', 'told', 'tells', 'wrote', 'writes', 'asked', 'asks', 'explained', 'explains', 'continued', 'continues', 'noted', 'notes', 'insisted', 'insists', 'recalled', 'recalls', 'replied', 'replies', 'argued', 'argues', 'warned', 'warns', 'claimed', 'claims', 'stressed', 'stresses', 'observed', 'remarked', 'declared', 'declares', 'quipped', 'reported', 'reports', 'concluded', 'conceded', 'admitted', 'acknowledged', 'countered', 'responded', 'answered', 'suggested', 'suggests', 'predicted', 'believes', 'thinks', 'thought', 'felt', 'mused', 'joked', 'boasted', 'complained', 'lamented', 'cautioned', 'agreed', 'agrees', 'stated', 'states']);
const CLAUSE_VERBS = new Set(['is', 'are', 'was', 'were', 'will', 'would', 'has', 'have', 'had', 'can', 'could', 'should', 'may', 'might', 'must', 'do', 'does', 'did']);
const PASSIVE_BEFORE = new Set(['is', 'was', 'were', 'are', 'be', 'been', 'being', "it's"]);
const SUBJECT_BOUNDARY = new Set([',', ';', ':', '(', ')', '"', '“', '”', '‘', '’', '«', '»', '—', '–', 'and', 'but', 'or', 'that', 'which', 'who', 'whom', 'when', 'while', 'as', 'because', 'after', 'before', 'although', 'though', 'if', 'since', 'so', 'where']);

/**
 * The noun phrase after a cue (`according to Smith, a spokesman` → "Smith"): the index range [first, last]
 * of at most eight words from `from`, up to punctuation or a word that starts a new phrase. Generic over
 * the token wrapper so the document pass (absolute tokens) and the paragraph pass share the rule.
 */
export function phraseRange<T>(items: T[], from: number, to: number, tokenOf: (x: T) => Token): [number, number] | undefined {
  let first = -1;
  let last = -1;
  for (let k = from; k < to; k++) {
    const w = tokenOf(items[k]);
    if (!w.word && w.text !== "'s" && w.text !== '’s' && w.text !== '-' && w.text !== '.') break;
    // (A full stop after an initial or a title's abbreviation stays inside: "said Rep. Alexandria Ocasio-Cortez".)
    if (w.text === '.' && !(k > from && (/^\p{Lu}\p{L}?$/u.test(tokenOf(items[k - 1]).text) || isAbbreviation(tokenOf(items[k - 1]).lower)))) break;
    // "Ambassador to the United States Hamdullah Mohib": an office's "to" stays inside the phrase.
    if (first >= 0 && SPEAKER_STOP.has(w.lower) && !(w.lower === 'to' && OFFICE_TO.has(tokenOf(items[k - 1]).lower))) break;
    if (first < 0) first = k;
    last = k;
    if (last - first >= 7) break;
  }
  return first < 0 ? undefined : [first, last];
}

// First words of a parenthetical between a subject and its verb: "Ford, meanwhile, said", "Scheer, speaking in
// Regina, said", "the ministry, in a statement, said", "Trudeau, for his part, said".
const PARENTHETICAL_START = new Set([
  'meanwhile', 'however', 'though', 'too', 'also', 'instead', 'nonetheless', 'nevertheless', 'then', 'in', 'for', 'on', 'at',
  'during', 'after', 'before', 'speaking', 'writing', 'asked', 'responding', 'addressing', 'appearing', 'like', 'unlike', 'by',
  'with', 'through', 'separately', 'earlier', 'later', 'moreover', 'furthermore', 'likewise', 'similarly', 'still', 'now',
  'today', 'yesterday', 'tonight', 'again', 'once', 'apparently', 'according', 'when', 'while', 'upon', 'following', 'despite',
]);

/**
 * The last word of the phrase before a parenthetical that ends at `b` (the token before the comma ahead of a
 * verb): "Sen. Lindsey Graham, R-S.C., said" and "Ford, meanwhile, said" have their subject before the
 * parenthetical. Returns `b` unchanged when what ends there is no parenthetical (an appositive is the subject).
 */
export function skipParentheticals<T>(items: T[], s: number, b: number, tokenOf: (x: T) => Token): number {
  for (let guard = 0; guard < 3; guard++) {
    let c = b;
    while (c >= s && tokenOf(items[c]).text !== ',' && b - c < 10) c--;
    if (c <= s || tokenOf(items[c]).text !== ',' || c === b || !tokenOf(items[c - 1]).word) return b;
    const first = tokenOf(items[c + 1]);
    // (An age, "Carol Wendt, 67, said", is an appendix to the name like a party and state.)
    // (So is a state or province after a town: "a pastor from Richmond, Virginia, said".)
    const partyState = (c + 1 === b && (isPartyAndState(first.text) || /^\p{N}{1,3}$/u.test(first.text) || REGIONS.has(first.lower))) ||
      (c + 2 === b && isPlaceAbbreviation(first.text) && tokenOf(items[b]).text === '.');
    const parenthetical = first.word && !first.cap && (PARENTHETICAL_START.has(first.lower) || /^\p{Ll}+(?:ly|ing|ed)$/u.test(first.text));
    // (A parenthetical of a few words only: a longer stretch between commas is a clause of its own.)
    if (!partyState && !(parenthetical && b - c <= 8)) return b;
    b = c - 1;
  }
  return b;
}

function phraseAfter(tokens: Token[], from: number, to: number): { start: number; end: number } | undefined {
  const r = phraseRange(tokens, from, to, (t) => t);
  return r && { start: tokens[r[0]].start, end: tokens[r[1]].end };
}

export function findSpeechPatterns(tokens: Token[]): SpeechPattern[] {
  const out: SpeechPattern[] = [];
  let s = 0;
  while (s < tokens.length) {
    let e = s;
    while (e < tokens.length && tokens[e].sentence === tokens[s].sentence) e++;
    // A sentence may report more than once: "Tam said A, and she asked B", "Ford declared A, while Legault said
    // B", "Scheer said A but questioned B": each reporting clause after the first starts where the one before
    // it was cut.
    for (let from = s, n = 0; from < e && n < 4; n++) {
      const p = sentencePattern(tokens, s, e, from);
      if (!p) break;
      out.push(p.pattern);
      if (p.next === undefined) break;
      from = p.next;
    }
    s = e;
  }
  return out;
}

/**
 * The last token of the reported clause: before the sentence's final punctuation and closing marks, and
 * before a verb coordinated with the reporting one ("said the plan was "reckless" and vowed to oppose it").
 */
function contentEnd(tokens: Token[], from: number, e: number): number {
  let last = e - 1;
  // "…, according to a White House readout": the source is no part of what was said.
  for (let k = from + 3; k < e - 2; k++) {
    if (tokens[k].text === ',' && tokens[k + 1].lower === 'according' && tokens[k + 2].lower === 'to') {
      last = k - 1;
      e = k;
      break;
    }
  }
  for (let k = from + 3; k < e - 1; k++) {
    // The writer's comment on the whole clause after a comma: "…, a stunning blow to the president", "…, bowing to
    // weeks of protests", "…, in a move that …", "…, where polls show …" is no part of what was said.
    if (tokens[k].text === ',' && writersModifier(tokens, k + 1, e)) {
      last = k - 1;
      break;
    }
    // ", and last week he directed …", ", and one woman held up …": a new clause in the simple past with a subject of
    // its own is the writer's narration again (a reported one goes on in the reported tense: ", and flights would stop").
    if (tokens[k].text === ',' && tokens[k + 1]?.lower === 'and' && narrationAfter(tokens, k + 2, e)) {
      last = k - 1;
      break;
    }
    // (So does "but": "said his party supported the measures but questioned why …".)
    if (tokens[k].lower !== 'and' && tokens[k].lower !== 'but') continue;
    const next = tokens[k + 1];
    if (next.word && !next.cap && (SPEECH_VERBS.has(next.lower) || COORDINATED_VERBS.has(next.lower))) {
      last = k - 1;
      break;
    }
  }
  while (last >= from && !tokens[last].word) last--;
  return last;
}

/** A clause at k in the simple past with its own subject (a pronoun, or "one"/a determiner and up to three words). */
function narrationAfter(tokens: Token[], k: number, e: number): boolean {
  // (After a time: ", and on Monday she left", ", and last week he directed".)
  const j = timeAdjunct(tokens, k, e);
  const subject = tokens[j];
  if (!subject || !subject.word) return false;
  let v = j + 1;
  if (!SUBJECT_PRONOUNS.has(subject.lower) || subject.lower === 'it' || subject.lower === 'that' || subject.lower === 'this') {
    if (subject.lower !== 'one' && !NOUN_DETERMINERS.has(subject.lower)) return false;
    while (v < e && v - j <= 3 && tokens[v].word && !lexicon().tagsOf(tokens[v].lower).includes('PastTense')) v++;
  }
  const verb = tokens[v];
  return !!verb && verb.word && !verb.cap && /^\p{Ll}+ed$|^(?:held|told|took|made|went|left|gave|met|sent|wrote|said)$/u.test(verb.text) && !PASSIVE_BEFORE.has(verb.lower);
}

function writersModifier(tokens: Token[], k: number, e: number): boolean {
  const t = tokens[k];
  if (!t || !t.word || t.cap || k + 1 >= e) return false;
  // (After a name, "a …" is the name's appositive and part of what was said: "a laptop used by Huma Abedin, a top aide".)
  if ((t.lower === 'a' || t.lower === 'an') && tokens[k + 1].word) return !(tokens[k - 2]?.cap && tokens[k - 2].word && tokens[k - 3]?.cap);
  if (t.lower === 'where' || (t.lower === 'in' && tokens[k + 1].lower === 'a' && tokens[k + 2]?.lower === 'move')) return true;
  return /^\p{Ll}{3,}ing$/u.test(t.text) && !GERUNDS.has(t.lower) && !NOT_MODIFIER_ING.has(t.lower);
}
const NOT_MODIFIER_ING = new Set(['including', 'according', 'during', 'notwithstanding', 'regarding', 'concerning', 'excluding', 'pending', 'nothing', 'something', 'anything', 'everything', 'morning', 'evening', 'spring', 'thing', 'king', 'bring', 'string', 'ring', 'wing', 'sing', 'sting', 'swing', 'building', 'funding', 'spending', 'housing', 'training', 'meeting', 'hearing', 'ruling', 'warning', 'saying', 'beijing', 'nothing']);

/** The subject before the verb at v: back over adverbs, auxiliaries and an appositive, to a clause boundary. */
const RELATIVE_PRONOUNS = new Set(['who', 'which', 'whose']);

function subjectBefore(tokens: Token[], s: number, v: number): { start: number; end: number } | undefined {
  let b = v - 1;
  while (b >= s && tokens[b].word && SKIP_BEFORE_VERB.test(tokens[b].lower) && b > s) b--;
  // "Muriel Bowser, …, last month asked": a time adverbial between the subject and the verb.
  const time = timeBefore(tokens, s, b);
  if (time < b) b = time;
  // "X, the ministry's spokesman, said": the appositive is the subject; the name before it is kept by wide.
  if (b >= s && tokens[b].text === ',') b = skipParentheticals(tokens, s, b - 1, (t) => t);
  // "Bennie G. Thompson (D-Miss.) said", "X (pictured) said": a bracket between the subject and the verb.
  b = beforeBracket(tokens, s, b);
  if (b < s || !tokens[b].word) return undefined;
  // "Zuckerberg tweeted to Mohamed and said …": the coordinated verb shares the sentence's subject.
  if ((tokens[b].lower === 'and' || tokens[b].lower === 'but') && b > s) {
    const first = firstVerbIn(tokens, s, b);
    return first > s ? subjectBefore(tokens, s, first) : undefined;
  }
  // "Tom Devocht, who had told Montalvo …": the relative pronoun stands for the noun phrase before it.
  if ((tokens[b].lower === 'who' || tokens[b].lower === 'which') && tokens[b - 1]?.text === ',' && b - 2 >= s) {
    const name = nameBefore(tokens, s, b - 2);
    if (name >= s) b = name;
  }
  // "Sen. Bernard Holm, who endorsed Maria Lentz in July, said": the subject is before the relative clause.
  else if (tokens[b + 1]?.text === ',') {
    for (let k = b; k > s + 1 && b - k < 24 && tokens[k].text !== ','; k--) {
      if (!RELATIVE_PRONOUNS.has(tokens[k].lower)) continue;
      // "X, who …, said": the phrase before the relative clause; "X, an emergency physician who …, said": the
      // appositive's head, which names X.
      if (tokens[k - 1].text === ',') {
        const name = nameBefore(tokens, s, k - 2);
        if (name >= s) b = name;
      } else if (tokens[k - 1].word) b = k - 1;
      break;
    }
  }
  const end = b;
  let start = b;
  // ("and" inside an organisation's name is no boundary: "the First Nations Child and Family Caring Society".)
  const innerAnd = (k: number) => tokens[k].lower === 'and' && !!tokens[k - 1]?.cap && tokens[k + 1].cap && tokens.slice(k + 1, end + 1).some((t) => t.cap && ORGANISATION_WORDS.has(t.lower));
  while (start - 1 >= s && (!SUBJECT_BOUNDARY.has(tokens[start - 1].lower) || innerAnd(start - 1)) && end - start < 9) start--;
  // An appositive longer than that runs back to its comma ("X, vice-president of national affairs at the
  // Canadian Federation of Independent Business, said").
  if (start > s && (!SUBJECT_BOUNDARY.has(tokens[start - 1].lower) || innerAnd(start - 1)) && tokens[end + 1]?.text === ',') {
    let k = start - 1;
    while (k > s && (!SUBJECT_BOUNDARY.has(tokens[k].lower) || innerAnd(k)) && end - k < 20) k--;
    if (tokens[k].text === ',') start = k + 1;
  }
  return { start: tokens[start].start, end: tokens[end].end };
}

/**
 * The last word of a name that ends at i, over what may follow a name before a comma: an age, a party and state
 * ("Ángel Morillo, 27, who", "Sen. Bill Hagerty, R-Tenn., who") and a bracket ("Bernie Sanders (I-Vt.), who").
 */
function nameBefore(tokens: Token[], s: number, i: number): number {
  let b = beforeBracket(tokens, s, i);
  if (b >= s && (/^\p{N}+$/u.test(tokens[b].text) || isPartyAndState(tokens[b].text)) && tokens[b - 1]?.text === ',' && b - 2 >= s) b = beforeBracket(tokens, s, b - 2);
  return b >= s && tokens[b].word ? b : -1;
}

/** The token before a bracket that closes at i ("Thompson (D-Miss.)"), else i. */
function beforeBracket(tokens: Token[], s: number, i: number): number {
  if (i <= s || tokens[i]?.text !== ')') return i;
  let open = i - 1;
  while (open > s && tokens[open].text !== '(' && i - open < 8) open--;
  return tokens[open].text === '(' && open - 1 >= s && tokens[open - 1].word ? open - 1 : i;
}

/** The token before a time adverbial that ends at i ("last month", "on Tuesday", "earlier this week"), else i. */
function timeBefore(tokens: Token[], s: number, i: number): number {
  const t = tokens[i];
  if (!t || i - 1 < s) return i;
  const p = tokens[i - 1].lower;
  if (['week', 'month', 'year', 'weekend', 'night', 'morning', 'evening', 'afternoon'].includes(t.lower) && (p === 'last' || p === 'this' || p === 'next')) {
    const k = i - 2 >= s && tokens[i - 2].lower === 'earlier' ? i - 3 : i - 2;
    return k >= s ? k : i;
  }
  if (WEEKDAYS.has(t.lower) && (p === 'on' || p === 'last')) return i - 2 >= s ? i - 2 : i;
  return i;
}

/** The first verb of the sentence's main clause, before `to` (an uncapitalised verb form by the lexicon). */
function firstVerbIn(tokens: Token[], s: number, to: number): number {
  const lex = lexicon();
  for (let k = s + 1; k < to; k++) {
    const t = tokens[k];
    if (t.word && !t.cap && (lex.tagsOf(t.lower).some((x) => VERB_TAGS.has(x)) || /^\p{Ll}{3,}ed$/u.test(t.text))) return k;
  }
  return -1;
}

/**
 * Where a reported clause from `c` gives way to another reporting clause of the same sentence: before "and" or
 * "but" and a speech verb of the same subject ("… but warned that"), before "and", "but", "while" or
 * "whereas" and a subject of a few words with its own speech verb ("…, while Quebec Premier François Legault
 * said"), and before a comma and a reporting gerund ("…, noting that"). Undefined when the clause runs on.
 */
function nextReportingClause(tokens: Token[], c: number, e: number): number | undefined {
  for (let k = c + 2; k < e - 2; k++) {
    const t = tokens[k];
    if (t.text === ',' && GERUNDS.has(tokens[k + 1].lower)) return k;
    if (!CLAUSE_JOINERS.has(t.lower)) continue;
    const next = tokens[k + 1];
    if (t.lower !== 'while' && t.lower !== 'whereas' && next.word && !next.cap && REPORT_VERBS.has(next.lower) && !GERUNDS.has(next.lower)) return k;
    // A new subject (a pronoun, a capitalised phrase with its title, a determiner's phrase: "several GOP critics")
    // and a speech verb within a few words.
    const subject = SUBJECT_PRONOUNS.has(next.lower) || next.cap || SUBJECT_DETERMINERS.has(next.lower);
    if (!subject) continue;
    for (let j = k + 2; j < e && j <= k + 8; j++) {
      const w = tokens[j];
      if (!w.word || CLAUSE_JOINERS.has(w.lower)) break;
      if (!w.cap && REPORT_VERBS.has(w.lower) && !GERUNDS.has(w.lower)) return k;
      // (The subject's own words may be nouns, "several GOP critics"; a preposition or another verb ends it.)
      if (!w.cap && (PREPOSITIONS.has(w.lower) || CLAUSE_VERBS.has(w.lower) || lexicon().tagsOf(w.lower).some((x) => VERB_TAGS.has(x) && x !== 'Infinitive')) && !SKIP_BEFORE_VERB.test(w.lower)) break;
    }
  }
  return undefined;
}
const CLAUSE_JOINERS = new Set(['and', 'but', 'while', 'whereas']);
const SUBJECT_DETERMINERS = new Set(['several', 'some', 'many', 'other', 'others', 'most', 'the', 'a', 'an', 'his', 'her', 'their', 'two', 'three', 'both', 'all', 'few']);

function sentencePattern(tokens: Token[], s: number, e: number, from = s): { pattern: SpeechPattern; next?: number } | undefined {
  const found = firstSentencePattern(tokens, s, e, from);
  if (!found || found.pattern.kind !== 'verb') return found && { pattern: found.pattern };
  // A subordinate or relative clause's report ends at its comma; the main clause may report after it.
  if (found.next !== undefined) return { pattern: found.pattern, next: found.next };
  const cut = nextReportingClause(tokens, found.c, e);
  if (cut === undefined) return { pattern: found.pattern };
  let last = cut - 1;
  while (last > found.c && !tokens[last].word) last--;
  const body = { start: found.pattern.body.start, end: tokens[last].end };
  return { pattern: { ...found.pattern, body }, next: cut + 1 };
}

function firstSentencePattern(tokens: Token[], s: number, e: number, verbFrom: number): { pattern: SpeechPattern; c: number; next?: number } | undefined {
  const sentence = { start: tokens[s].start, end: tokens[e - 1].end };
  const words = (from: number, to: number) => tokens.slice(from, to).filter((t) => t.word).length;
  for (let v = verbFrom; v < e; v++) {
    const w = tokens[v].lower;
    if (w === 'according' && tokens[v + 1]?.lower === 'to' && v + 1 < e && verbFrom === s) {
      const np = phraseAfter(tokens, v + 2, e);
      if (!np) continue;
      // The reported clause: the rest of the sentence after the according-to phrase, or what came before it.
      let from: number;
      let to: number;
      if (v === s || (v === s + 1 && !tokens[s].word)) {
        let comma = -1;
        for (let k = v + 2; k < e; k++) if (tokens[k].text === ',') { comma = k; break; }
        if (comma < 0) {
          // "According to Rathbun the property was returned …": the phrase ends at its first few words.
          const r = phraseRange(tokens, v + 2, e, (t) => t);
          if (!r) continue;
          comma = Math.min(r[1], v + 3);
        }
        from = comma + 1;
        to = contentEnd(tokens, from, e);
      } else {
        // "…, according to X." or "The focus, according to Moscow, centred on …": the sentence around it.
        from = s;
        while (from < v && !tokens[from].word) from++;
        let afterPhrase = v + 2;
        while (afterPhrase < e && tokens[afterPhrase].text !== ',') afterPhrase++;
        to = afterPhrase < e - 2 && words(afterPhrase, e) >= 3 ? contentEnd(tokens, afterPhrase, e) : v - 1;
        while (to >= from && !tokens[to].word) to--;
      }
      if (to < from || words(from, to + 1) < 3) return undefined;
      return { pattern: { kind: 'according', verb: 'according', cue: { start: tokens[v].start, end: tokens[v + 1].end }, speaker: np, body: { start: tokens[from].start, end: tokens[to].end }, sentence }, c: from };
    }
    if (!REPORT_VERBS.has(w) && !GERUNDS.has(w) && !NAMING_REPORT.has(w)) continue;
    // "United States", "Says Who": a capitalised verb form mid-sentence is a name.
    if (tokens[v].cap && v > s && tokens[v - 1].word) continue;
    const prev = tokens[v - 1];
    // "is said to be", "was reported": passive, no speaker. "the request", "to maintain": a noun, an infinitive.
    if (prev && (PASSIVE_BEFORE.has(prev.lower) || NOUN_BEFORE.has(prev.lower))) continue;
    // "was initially denied": passive behind an adverb.
    if (prev && /ly$/.test(prev.lower) && PASSIVE_BEFORE.has(tokens[v - 2]?.lower ?? '')) continue;
    // "have not said why", "never told anyone": nothing was said; a later verb in the sentence may report.
    if (prev && NEGATIONS.has(prev.lower.replace('’', "'"))) continue;
    // Postposed: "…, X said." / "…, said X." — the clause before the comma is the content.
    // (Only the sentence's first reporting clause: a later one's content is never the clause before it.)
    const post = GERUNDS.has(w) || verbFrom > s ? undefined : postposed(tokens, s, e, v);
    if (post) return { pattern: { ...post, sentence }, c: v };
    // (Or right after a statement: "issued a statement saying …".)
    if (GERUNDS.has(w) && prev?.text !== ',' && !(prev && lexicon().statementNouns.has(prev.lower))) continue;
    const speaker = GERUNDS.has(w) ? gerundSubject(tokens, s, v) : subjectBefore(tokens, s, v);
    if (!speaker) continue;
    // Things do not speak ("which writes"); "you say" is generic.
    const subjectWord = tokens[v - 1].lower;
    if (subjectWord === 'which' || subjectWord === 'you' || subjectWord === 'one' || subjectWord === "you'll") continue;
    let c = v + 1;
    const next = tokens[c];
    if (!next || NOT_CONTENT_AFTER.has(next.text)) continue;
    // "state media reported": "state" reports only with a that-clause.
    if (w === 'state' && next.lower !== 'that') continue;
    // "asked not to be named": a request about the source, not what was said.
    if (REQUEST_VERBS.has(w) && next.lower === 'not') continue;
    const callsFor = (w === 'called' || w === 'calls') && (next.lower === 'for' || next.lower === 'on');
    if (NAMING_REPORT.has(w) && !callsFor) {
      // "called the ruling a historic moment", "described the summit as a success", "accused the Liberals of
      // scaring investors": what someone was called or accused of, object included.
      if (!namingComplement(tokens, c, e, w)) continue;
    } else if (REQUEST_VERBS.has(w)) {
      // "called for …", "called on X to …".
      if (w === 'called' || w === 'calls') c++;
      else if (PREPOSITIONS.has(next.lower)) continue;
    } else if (THAT_ONLY.has(w)) {
      // Verbs that report speech only with a clause: "conceded that …" (not "conceded a penalty").
      // (Or a clause with no "that" whose subject is a pronoun or "there": "signalled it is in no hurry",
      // "acknowledged there were limits".)
      const first = tokens[c]?.lower ?? '';
      const verbNext = !!tokens[c + 1] && (CLAUSE_VERBS.has(tokens[c + 1].lower) || lexicon().tagsOf(tokens[c + 1].lower).some((x) => x === 'PastTense' || x === 'Copula' || x === 'Modal' || x === 'Auxiliary'));
      const bare = ((SUBJECT_PRONOUNS.has(first) && first !== 'that' && first !== 'this') || first === 'there') && verbNext;
      let k = c;
      while (k < e && k - c < 6 && tokens[k].word && !CLAUSE_START.has(tokens[k].lower)) k++;
      const thatAt = CLAUSE_START.has(tokens[k]?.lower ?? '');
      // "pledged to rebuild …", "vowed to fight …": a promise or threat is reported with its infinitive.
      if (!thatAt && !bare && PROMISES.has(w) && first === 'to' && tokens[c + 1]?.word && !tokens[c + 1].cap) {
        const to = contentEnd(tokens, c, e);
        if (to - c >= 2) return { pattern: { kind: 'verb', verb: w, cue: { start: tokens[v].start, end: tokens[v].end }, speaker, body: { start: tokens[c].start, end: tokens[to].end }, sentence }, c };
      }
      if (!thatAt && !bare) continue;
      if (!bare) c = k + 1;
    } else if (ADDRESSEE_VERBS.has(w)) {
      // "told reporters (that) …": the addressee, then the clause.
      let k = c;
      while (k < e && k - c < 4 && !CLAUSE_START.has(tokens[k].lower) && tokens[k].word && !SUBJECT_PRONOUNS.has(tokens[k].lower)) k++;
      if (CLAUSE_START.has(tokens[k]?.lower ?? '')) c = k + 1;
      else if (k - c <= 2 && SUBJECT_PRONOUNS.has(tokens[k]?.lower ?? '')) c = k;
      else {
        // "told BBC News every claim …", "told reporters the plan …": a name or a plain addressee, then the clause.
        let a = c;
        if (tokens[a]?.cap) while (a < e && tokens[a].cap && tokens[a].word && a - c < 4) a++;
        else if (DETERMINER_WORDS.has(tokens[a]?.lower ?? '') && !ADDRESSEE_NOUNS.has(tokens[a + 1]?.lower ?? '') && w !== 'told' && w !== 'tells' && w !== 'tell') {
          // "warned the real number was higher": no addressee, the clause itself (a verb before any preposition:
          // "told a news conference at …" has an addressee and nothing said).
          let p = a + 1;
          while (p < e && p < a + 6 && tokens[p].word && !PREPOSITIONS.has(tokens[p].lower) && !CLAUSE_VERBS.has(tokens[p].lower) && !lexicon().tagsOf(tokens[p].lower).includes('PastTense')) p++;
          a = p < e && (CLAUSE_VERBS.has(tokens[p].lower) || lexicon().tagsOf(tokens[p].lower).includes('PastTense')) ? -1 : a + 2;
        } else if (ADDRESSEE_WORDS.has(tokens[a]?.lower ?? '')) {
          a += DETERMINER_WORDS.has(tokens[a].lower) ? 2 : 1;
          // "told a news conference at …": the addressee's noun may take a noun before it.
          if (DETERMINER_WORDS.has(tokens[c].lower) && tokens[a]?.word && !tokens[a].cap && ADDRESSEE_NOUNS.has(tokens[a].lower)) a++;
        }
        if (a < 0) {
          a = c;
        } else if (a === c || !tokens[a]?.word) continue;
        c = a;
      }
      // "told reporters Monday morning that …", "told LA Weekly in a statement that …": adjuncts after the addressee;
      // "told reporters before the vote": no clause at all.
      if (!CLAUSE_START.has(tokens[c - 1]?.lower ?? '')) {
        const time = timeAdjunct(tokens, c, e);
        if (time > c) c = time;
        const clause = clauseAfterAdjuncts(tokens, c, e, true);
        if (clause !== undefined) c = clause;
        else if (tokens[c] && (SUBORDINATORS.has(tokens[c].lower) || PREPOSITIONS.has(tokens[c].lower) && tokens[c].lower !== 'to')) continue;
      }
      // "informed Netanyahu about …": a topic, not what was said.
      if (!tokens[c]?.word || tokens[c].lower === 'about' || tokens[c].lower === 'of') continue;
    } else {
      // "said in a statement that …", "said on Monday that …": adjuncts before "that".
      const adjunct = timeAdjunct(tokens, c, e);
      const clause = clauseAfterAdjuncts(tokens, c, e, false);
      if (clause !== undefined) c = clause;
      else if (CLAUSE_START.has(next.lower)) c++;
      else if (adjunct > c && tokens[adjunct]?.word && !PREPOSITIONS.has(tokens[adjunct].lower)) c = adjunct;
      else if (PREPOSITIONS.has(next.lower) || SUBORDINATORS.has(next.lower)) continue;
    }
    // "As X told Y, …": the content follows the comma that closes the "as" clause.
    if (tokens[s].lower === 'as' && v - s <= 6) {
      let comma = v + 1;
      while (comma < e && tokens[comma].text !== ',' && comma - v < 8) comma++;
      if (tokens[comma]?.text === ',') c = comma + 1;
    }
    // "When Trudeau announced the framework in April, he urged …", "Trump, who announced the increase on Sunday, has
    // insisted …": a verb in a subordinate or relative clause reports only up to that clause's comma.
    let clauseEnd = e;
    const relative = RELATIVE_PRONOUNS.has(tokens[v - 1]?.lower ?? '') || (SKIP_BEFORE_VERB.test(tokens[v - 1]?.lower ?? '') && RELATIVE_PRONOUNS.has(tokens[v - 2]?.lower ?? ''));
    if ((SUBORDINATORS.has(tokens[s].lower) && tokens[s].lower !== 'as') || relative) {
      for (let k = c; k < e; k++) if (tokens[k].text === ',') { clauseEnd = k; break; }
    }
    const to = contentEnd(tokens, c, clauseEnd);
    if (to < c || words(c, to + 1) < 3) continue;
    // "tweeted using his account": a gerund or participle phrase, not a reported clause; "wrote two
    // collections": an object, not a clause (a reported clause has a verb of its own).
    const complement = REQUEST_VERBS.has(w) || NAMING_REPORT.has(w);
    if (!complement && !SAY.has(w) && /^\p{Ll}+(?:ing|ed)$/u.test(tokens[c].text) && !CLAUSE_START.has(tokens[c - 1]?.lower ?? '')) continue;
    if (!complement && !hasVerb(tokens, c, to + 1)) continue;
    return { pattern: { kind: 'verb', verb: w, cue: { start: tokens[v].start, end: tokens[v].end }, speaker, body: { start: tokens[c].start, end: tokens[to].end }, sentence }, c, ...(clauseEnd < e ? { next: clauseEnd + 1 } : {}) };
  }
  return undefined;
}

// Promises and threats, reported with their infinitive ("pledged to rebuild …").
const PROMISES = new Set(['pledged', 'pledges', 'promised', 'promises', 'vowed', 'vows', 'threatened', 'threatens']);

// Verbs that report what someone called or accused something of, with the object in the content.
const NAMING_REPORT = new Set(['called', 'calls', 'described', 'describes', 'describing', 'accused', 'accuses', 'accusing', 'branded', 'brands', 'labelled', 'labeled', 'dubbed']);

/**
 * Whether the words after a naming verb are an object and what it was called: "the ruling a historic moment",
 * "it "a disaster"", "the summit as a success", "the Liberals of scaring investors" (not "called the meeting",
 * "called him").
 */
function namingComplement(tokens: Token[], c: number, e: number, verb: string): boolean {
  const link = verb.startsWith('accus') ? 'of' : verb.startsWith('describ') ? 'as' : undefined;
  for (let k = c + 1; k < e && k <= c + 7; k++) {
    const t = tokens[k];
    if (t.text === ',' || t.text === ';' || t.text === '.') return false;
    if (link) {
      if (t.lower === link) return true;
      continue;
    }
    if (t.lower === 'a' || t.lower === 'an' || t.lower === 'as' || /^["“‘']$/.test(t.text)) return true;
  }
  return false;
}

/**
 * Who a gerund's clause reports ("…," Karimi said, adding that …; "The minister spoke, saying …"): the
 * subject of the speech verb before it, or inverted after it ("said Karimi, adding"), else the sentence's subject.
 */
function gerundSubject(tokens: Token[], s: number, gerund: number): { start: number; end: number } | undefined {
  for (let k = gerund - 2; k > s; k--) {
    if (!SPEECH_VERBS.has(tokens[k].lower)) continue;
    const after = tokens[k + 1];
    if (after && after.cap && after.word) return phraseAfter(tokens, k + 1, gerund);
    return subjectBefore(tokens, s, k);
  }
  return subjectBefore(tokens, s, firstVerbAfterSubject(tokens, s, gerund));
}

/**
 * Where the reported clause starts after adjuncts: "said in a statement that …", "said on Monday that …" (a "that"
 * within a few words, right away or after a preposition), or after adjuncts with commas inside (`thatAfterAdjuncts`:
 * only after a preposition unless `afterAnything`).
 */
function clauseAfterAdjuncts(tokens: Token[], c: number, e: number, afterAnything: boolean): number | undefined {
  let k = c;
  while (k < e && k - c < 9 && tokens[k].word && !CLAUSE_START.has(tokens[k].lower)) k++;
  if (CLAUSE_START.has(tokens[k]?.lower ?? '') && (k === c || PREPOSITIONS.has(tokens[c].lower))) return k + 1;
  return afterAnything || PREPOSITIONS.has(tokens[c]?.lower ?? '') ? thatAfterAdjuncts(tokens, c, e) : undefined;
}

/**
 * "said in a speech at a former residential school in Maskwacis, Alta., that …", "told reporters in Ottawa, where the
 * cabinet met, that …": adjuncts with commas inside, then ", that" and the reported clause (where it starts).
 */
function thatAfterAdjuncts(tokens: Token[], c: number, e: number): number | undefined {
  for (let k = c; k < e && k - c < 24; k++) {
    const t = tokens[k];
    if (t.lower === 'that' && tokens[k - 1].text === ',' && k - c >= 3 && k + 1 < e && tokens[k + 1].word) return k + 1;
    if (!t.word && t.text !== ',' && t.text !== '.') return undefined;
  }
  return undefined;
}

/** "said on Friday the …", "said last week the …": the end of a time adjunct right after the verb, else `c`. */
function timeAdjunct(tokens: Token[], c: number, e: number): number {
  const t = tokens[c]?.lower;
  if (t === 'yesterday' || t === 'today' || t === 'tonight' || t === 'earlier' || t === 'later') return c + 1;
  if ((t === 'on' || t === 'last' || t === 'this') && c + 2 < e && tokens[c + 1].word && (WEEKDAYS.has(tokens[c + 1].lower) || ['week', 'month', 'year', 'night', 'weekend', 'morning', 'evening'].includes(tokens[c + 1].lower)))
    // ("on Sunday night", "on Monday morning".)
    return WEEKDAYS.has(tokens[c + 1].lower) && DAY_PARTS.has(tokens[c + 2]?.lower ?? '') ? c + 3 : c + 2;
  if (WEEKDAYS.has(t ?? '')) return DAY_PARTS.has(tokens[c + 1]?.lower ?? '') ? c + 2 : c + 1;
  return c;
}
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const DAY_PARTS = new Set(['morning', 'afternoon', 'evening', 'night']);

/** The main verb after the sentence's subject, for a gerund's speaker ("The minister spoke, saying …"). */
function firstVerbAfterSubject(tokens: Token[], s: number, gerund: number): number {
  // The comma before the gerund closes the main clause; its subject starts the sentence.
  let k = s;
  while (k < gerund && tokens[k].word && !/(?:ed|s)$/.test(tokens[k].lower)) k++;
  return Math.max(s + 1, Math.min(k, gerund - 1));
}

/** "…, X said." / "…, said X." / "…, researchers say." at the end of the sentence. */
/**
 * Where the text starts after a dateline ("TORONTO —", "WASHINGTON (AP) —", "OTTAWA, Ont. –"): a place in
 * capitals, then at most a few words of agency or province, then a dash. The dateline is not what was said.
 */
function datelineEnd(tokens: Token[], s: number): number {
  if (!/^\p{Lu}{2,}$/u.test(tokens[s]?.text ?? '')) return s;
  for (let k = s + 1; k < tokens.length && k < s + 8; k++) {
    const t = tokens[k].text;
    if (t === '—' || t === '–' || t === '--') return k + 1;
    if (tokens[k].word && !tokens[k].cap) return s;
  }
  return s;
}

function postposed(tokens: Token[], s: number, e: number, v: number): Omit<SpeechPattern, 'sentence'> | undefined {
  const w = tokens[v].lower;
  const end = contentEnd(tokens, v, e);
  // The verb stands in the sentence's last clause: after a comma, before at most a few words and the end.
  let comma = v - 1;
  while (comma > s && tokens[comma].text !== ',' && v - comma <= 6) comma--;
  if (tokens[comma]?.text !== ',' || comma <= s) return undefined;
  // The closing mark of a quote is the direct quote's business.
  const before = tokens[comma - 1];
  if (before && /^["”’'»]$/.test(before.text)) return undefined;
  let speaker: { start: number; end: number } | undefined;
  // The reported clause before the comma is a clause ("Dr. Moore, the chief medical officer, urged caution" is not).
  if (!hasVerb(tokens, s, comma)) return undefined;
  if (v === comma + 1) {
    // "…, said X." — inverted; requests do not invert ("…, urged caution"), nor do base forms ("…, state media reported").
    if (!INVERTING.has(w)) return undefined;
    if (end - v > 8 || end <= v || (REQUEST_VERBS.has(w) && w !== 'asked' && w !== 'asks')) return undefined;
    // The inverted speaker ends the sentence (or its clause): "…, says sea levels are rising" is no inversion.
    const r = phraseRange(tokens, v + 1, end + 1, (t) => t);
    if (!r || (r[1] < end && tokens[r[1] + 1]?.text !== ',')) return undefined;
    // ("…, said most members strongly condemned the war": a clause after the verb, no inverted speaker.)
    for (let k = r[0]; k <= r[1]; k++) if (CLAUSE_VERBS.has(tokens[k].lower) || (k > r[0] && !tokens[k].cap && lexicon().tagsOf(tokens[k].lower).includes('PastTense'))) return undefined;
    speaker = { start: tokens[r[0]].start, end: tokens[r[1]].end };
  } else {
    // "…, X said." — the words between the comma and the verb name the speaker.
    // ("…, the court said on Sunday night – a margin of …": a time, then a dash and the writer's own words.)
    const dashAfter = /^[—–]$/.test(tokens[timeAdjunct(tokens, v + 1, e)]?.text ?? '');
    if (end - v > 4 && !dashAfter) return undefined;
    // "…, voter Isabelle Moreau said she had voted no.": a clause of its own after the verb is the content.
    const after = tokens[v + 1];
    if (after && end > v + 1 && (SUBJECT_PRONOUNS.has(after.lower) || after.lower === 'that')) return undefined;
    // "…, and said …": a verb coordinated with the sentence's, no speaker after the comma.
    if (['and', 'but', 'or', 'then'].includes(tokens[comma + 1].lower)) return undefined;
    speaker = { start: tokens[comma + 1].start, end: tokens[v - 1].end };
    if (tokens.slice(comma + 1, v).some((t) => !t.word && t.text !== "'s" && t.text !== '’s' && t.text !== '.')) return undefined;
  }
  if (!speaker) return undefined;
  let to = comma - 1;
  while (to >= s && !tokens[to].word) to--;
  let from = datelineEnd(tokens, s);
  while (from < to && !tokens[from].word) from++;
  if (to - from < 3) return undefined;
  return { kind: 'postposed', verb: w, cue: { start: tokens[v].start, end: tokens[v].end }, speaker, body: { start: tokens[from].start, end: tokens[to].end } };
}

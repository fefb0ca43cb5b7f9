// Who a speaker phrase names: a person or organisation inside it, a person it stands in apposition to, an
// organisation whose name includes a country ("The Moscow Times"), whoever put out "the statement", the
// organisation just named ("the ministry", "a spokesman"), a group of unnamed people ("officials"), or a
// pronoun (pronouns.ts).
import type { ResolvedMention } from '../entities/table';
import { firstTokenAtOrAfter, type AbsToken, type AttributionContext, type Resolved } from './context';
import { ORGANISATION_NOUNS, PRONOUNS, phraseFacts } from './phraseFacts';
import { resolvePronoun } from './pronouns';
import { contains } from '../span';
import { COMMON_CAPITALISED } from '../vocabulary';

const AGENT_RE = /\s(?:seen|obtained|reviewed|viewed|leaked|cited|quoted|published|sent)\s+(?:to|by)\s/;
const POSTMODIFIER_RE = /^(?:of|from|at|with)\s/;
const ACRONYM_PHRASE_RE = /^(?:[Tt]he\s+)?([A-Z][A-Za-z.&]{1,9})$/;
// Nouns before an outlet's name: "state media KCNA", "the tabloid Bild".
const MEDIA_NOUNS = new Set(['media', 'outlet', 'daily', 'paper', 'tabloid', 'magazine', 'station', 'television', 'agency', 'broadcaster', 'newspaper', 'website', 'site', 'portal', 'weekly']);
// Organisation nouns that any organisation can stand behind; the others name their kind.
const GENERIC_ORGANISATION_NOUNS = new Set(['group', 'company', 'firm', 'organisation', 'organization', 'association', 'body', 'coalition', 'alliance', 'network', 'campaign', 'charity', 'foundation', 'government', 'administration', 'office', 'operator', 'developer', 'manufacturer', 'retailer', 'carrier', 'insurer', 'utility', 'watchdog', 'regulator', 'club', 'team']);

// What an organisation noun's organisation may be called: "the city" is the Municipality of Livorno or a city council.
const ORGANISATION_NOUN_NAMES: Record<string, string[]> = {
  city: ['city', 'municipality', 'council', 'mairie'],
  town: ['town', 'municipality', 'council'],
  village: ['village', 'municipality', 'council'],
  township: ['township', 'municipality', 'council'],
  municipality: ['municipality', 'city', 'town'],
};

/**
 * An organisation or media noun followed by one to four capitalised words that end the phrase ("the firm
 * Secunia.com", "state media KCNA"): the offset of the name in the phrase. (A word scan: this runs for every
 * speaker phrase that names no one.)
 */
function nameAfterOrganisationNoun(surface: string): number | undefined {
  const words = surface.split(' ');
  let k = words.length;
  while (k > 0 && /^\p{Lu}/u.test(words[k - 1])) k--;
  if (k === 0 || k === words.length || words.length - k > 4) return undefined;
  const noun = words[k - 1];
  if (!ORGANISATION_NOUNS.has(noun) && !MEDIA_NOUNS.has(noun)) return undefined;
  let offset = 0;
  for (let j = 0; j < k; j++) offset += words[j].length + 1;
  return offset;
}

function lastPerson(ms: ResolvedMention[]): ResolvedMention | undefined {
  for (let k = ms.length - 1; k >= 0; k--) if (ms[k].type === 'person') return ms[k];
  return undefined;
}

/** Resolves a speaker phrase to an entity. */
export function resolveSpeaker(ctx: AttributionContext, np: { start: number; end: number }, quoteStart: number, cueVerb: string): Resolved | undefined {
  if (np.end <= np.start) return undefined;
  // "A letter seen by Sky News says": who saw or obtained it did not say it.
  const agent = AGENT_RE.exec(ctx.text.slice(np.start, np.end));
  if (agent) np = { start: np.start, end: np.start + agent.index };
  // "Sen. Bernie Sanders, who endorsed Clinton in July, said": the relative clause is about the speaker.
  const relative = RELATIVE_CLAUSE_RE.exec(ctx.text.slice(np.start, np.end));
  if (relative && relative.index > 0) {
    // (Unless it names a description: "a protester, who gave his name only as Brian, said".)
    const speaker = resolveSpeaker(ctx, { start: np.start, end: np.start + relative.index }, quoteStart, cueVerb);
    if (speaker && !ctx.entity(speaker.entityId).group) return speaker;
  }
  // "Professor Cres Eastman, of the Centre for …, says": the phrase after the comma modifies the name before it.
  if (POSTMODIFIER_RE.test(ctx.text.slice(np.start, np.start + 6)) && maybeAppositive(ctx, np)) {
    const owner = appositivePerson(ctx, np);
    if (owner) return { entityId: owner.entityId, mention: ctx.span(owner.start, owner.end), via: 'cue' };
  }
  // "Dale Hummel, a hog farmer from Norwalk, said", "Tom Cole, chairman of the House Rules Committee, warned",
  // "Adam Austen, a spokesman for Freeland, said": an appositive headed by a role noun describes the person named
  // right before it, whatever place, organisation or person it names after its head.
  // (Between commas: "…, Mark Rutte, the Prime Minister said:" has its subject after the name, not in apposition.)
  if (/,\s*$/.test(ctx.text.slice(Math.max(0, np.start - 3), np.start)) && /^\s*(?:,|who\s|whose\s)/.test(ctx.text.slice(np.end, np.end + 7)) && headsRolePhrase(ctx, ctx.text.slice(np.start, np.end))) {
    const owner = appositivePerson(ctx, np);
    if (owner) return { entityId: owner.entityId, mention: ctx.span(np.start, np.end), via: 'cue' };
  }
  const inside = ctx.mentionsIn(np.start, np.end);
  const pick = (ms: ResolvedMention[]) =>
    ms.find((m) => m.type === 'organization' && ctx.entity(m.entityId).speaksFor) ??
    lastPerson(ms) ??
    ms.find((m) => m.type === 'organization') ??
    ms.find((m) => m.type === 'country' && m.form !== 'demonym');
  const direct = pick(inside);
  // "Officials in Ottawa said": unnamed people at a place speak as a group, not as the country.
  if (direct?.type === 'country') {
    const words = ctx.text.slice(np.start, np.end);
    if (/\s(?:in|of|at|from)\s/.test(words) && direct.start > np.start && phraseFacts(ctx.lex, words).group) return groupSpeaker(ctx, np);
  }
  // A description in apposition to a name speaks for the person named: the appositive wins over an
  // organisation or place inside the description ("a representative for the Sheriff's office").
  if (!direct || direct.type !== 'person') {
    const appos = maybeAppositive(ctx, np) && describesAPerson(ctx, np) ? appositivePerson(ctx, np) : undefined;
    if (appos) return { entityId: appos.entityId, mention: ctx.span(np.start, np.end), via: 'cue' };
  }
  const named = direct && (direct.type === 'country' || direct.type === 'organization') ? organisationNamedBy(ctx, np, direct) : undefined;
  if (named) return named;
  if (direct) return { entityId: direct.entityId, mention: ctx.span(direct.start, direct.end), via: 'cue' };
  const surface = ctx.text.slice(np.start, np.end);
  // "the CFA" after "the Coastal Fisheries Authority (CFA)": that organisation; an acronym the article does
  // not spell out ("the RCMP said") is an organisation's name; an acronym is never a description of someone.
  const acronym = ACRONYM_PHRASE_RE.exec(surface);
  if (acronym && /[A-Z].*[A-Z]/.test(acronym[1])) {
    const id = ctx.table.acronyms.get(acronym[1]);
    const start = np.end - acronym[1].length;
    if (!id) return lateEntity(ctx, start, np.end, 'organization');
    ctx.addLateMention(ctx.entity(id), { start, end: np.end, text: acronym[1], form: 'acronym' });
    return { entityId: id, mention: ctx.span(start, np.end), via: 'cue' };
  }
  // "The Internet security firm Secunia.com", "state media KCNA": the capitalised words after an
  // organisation or media noun name an organisation.
  const firm = nameAfterOrganisationNoun(surface);
  if (firm) return lateEntity(ctx, np.start + firm, np.end, 'organization');
  const f = phraseFacts(ctx.lex, surface);
  if (f.writer) return undefined;
  if (f.pronoun) return resolvePronoun(ctx, np, f.pronoun);
  // "the statement", "a spokesman", "officials": whoever the article says put it out.
  if (f.statement) {
    const owner = statementOwner(ctx, quoteStart, np.start);
    // An official or a source speaks for an organisation, never for the last person named ("according to a
    // senior campaign official, Trump plans …"): without one it is an unnamed source of its own.
    if (owner && (owner.type === 'organization' || !f.group)) return { entityId: owner.entityId, mention: ctx.span(np.start, np.end), via: 'cue' };
    // A statement or letter whose owner the article does not name is nobody's, never the last person named
    // ("His message was blunt:" is his).
    if (!owner && !f.group && !f.spokesperson && !f.organisation) {
      const poss = /^(his|her|their)\s/i.exec(surface);
      const g = poss ? PRONOUNS.get(poss[1].toLowerCase()) : undefined;
      return g ? resolvePronoun(ctx, { start: np.start, end: np.start + poss![1].length }, g) : undefined;
    }
  }
  // "the group", "the ministry": the organisation last named.
  // A specific noun names its kind ("the ministry": an organisation called a ministry), a generic one ("the
  // group", "the company") any organisation. None named: the organisation speaks unnamed ("police", "the court").
  if (f.organisation) {
    const noun = f.organisationNoun;
    const kinds: string[] = noun ? (ORGANISATION_NOUN_NAMES[noun] ?? [noun]) : [];
    const org = ctx.nearest(np.start, (m) => m.type === 'organization' && m.form !== 'acronym' && (!noun || GENERIC_ORGANISATION_NOUNS.has(noun) || kinds.some((k) => ctx.entity(m.entityId).name.toLowerCase().includes(k))));
    if (org) return { entityId: org.entityId, mention: ctx.span(np.start, np.end), via: 'cue' };
    return f.group || np.end - np.start < 40 ? groupSpeaker(ctx, np) : undefined;
  }
  // An unnamed spokesperson speaks for the organisation just named ("a spokesman said" after the ministry).
  if (f.spokesperson) {
    const org = ctx.nearest(np.start, (m) => m.type === 'organization' && m.form !== 'acronym' && !ctx.entity(m.entityId).speaksFor, 2);
    if (org) return { entityId: org.entityId, mention: ctx.span(np.start, np.end), via: 'cue' };
    return groupSpeaker(ctx, np);
  }
  // Unnamed people and groups speak for themselves: "officials", "a spokesperson", "experts", "the authors".
  if (f.group) return groupSpeaker(ctx, np);
  // "the 61-year-old singer", "his lawyer": a description of someone already named — the person last named.
  if (f.description) {
    // "the West Virginia Democrat" after "Sen. Joe Manchin, D-W.Va.": the person of that party, if one is named so.
    const party = PARTY_LETTER[surface.slice(surface.lastIndexOf(' ') + 1).toLowerCase()];
    const member = party ? ctx.nearest(np.start, (m) => m.type === 'person' && partyOf(ctx, m.entityId) === party) : undefined;
    if (member) return { entityId: member.entityId, mention: ctx.span(np.start, np.end), via: 'pronoun' };
    // Otherwise whom a pronoun would stand for, any gender: the salient person, not merely the last one named
    // ("Manchin told host Bret Baier …. The West Virginia Democrat said").
    const person = resolvePronoun(ctx, np, 'x');
    if (person) return { ...person, ambiguous: undefined };
  }
  // "she was blunt:": a clause whose subject is a pronoun speaks through that pronoun.
  const subject = /^(he|she|they)\s/i.exec(surface);
  if (subject && surface.split(/\s+/).length <= 5) {
    const g = PRONOUNS.get(subject[1].toLowerCase());
    if (g) return resolvePronoun(ctx, { start: np.start, end: np.start + subject[1].length }, g);
  }
  // `"…," said Hlushko.`: a name after the quote that no earlier stage read is that speaker's name.
  // (One unknown word after "according to" is more often a company or a pollster: "according to Quantcast".)
  // Before the quote too ("Schumer disagreed, saying …"), but a lone capitalised word before a present-tense
  // verb is as often a headline's common noun ("Whistleblower tells Congress …").
  const single = !surface.includes(' ');
  // "Democrats said", "Muslims say": members of a party or faith speak as a group.
  if (single && COMMON_CAPITALISED.has(surface.toLowerCase()) && /s$/.test(surface)) return groupSpeaker(ctx, np);
  // "according to Statistics Canada", "Elections Canada said": a capitalised name that no stage read and that
  // starts with a common word is an organisation's.
  const orgName = ORGANISATION_NAME_RE.exec(surface);
  // (Not a description of a person by place and party: "the West Virginia Democrat".)
  const lastWord = surface.slice(surface.lastIndexOf(' ') + 1).toLowerCase();
  const describesMember = /^the\s/i.test(surface) && (PARTY_MEMBERS.has(lastWord) || ctx.lex.tagsOf(lastWord).includes('Actor'));
  if (orgName && !describesMember && !readsAsName(ctx, orgName[2]) && ctx.lex.tagsOf(orgName[2].toLowerCase()).length > 0 && orgName[1].includes(' ')) {
    const start = np.start + surface.length - orgName[1].length;
    return lateEntity(ctx, start, np.end, 'organization');
  }
  if (UNREAD_NAME_RE.test(surface) && surface.split(' ').every((w) => readsAsName(ctx, w)) && (np.start > quoteStart || !single || !/s$/.test(cueVerb))) {
    // "Corvane said" after "Corvane Aerospace": the organisation by the first word of its name.
    const org = single ? ctx.table.entities.find((e) => e.type === 'organization' && e.name.replace(/^the\s+/i, '').split(' ')[0] === surface) : undefined;
    if (org) return { entityId: org.id, mention: ctx.span(np.start, np.end), via: 'cue' };
    return lateEntity(ctx, np.start, np.end, cueVerb === 'according' && single ? 'organization' : 'person');
  }
  return undefined;
}

const PARTY_LETTER: Record<string, string> = { democrat: 'D', republican: 'R', independent: 'I' };
const PARTY_AFTER_NAME_RE = /^\s*(?:,\s*|\(\s*)([DRI])-/;

/** A US legislator's party letter, from the identifier after one of their name mentions ("Manchin, D-W.Va."). */
function partyOf(ctx: AttributionContext, entityId: string): string | undefined {
  // (News gives the identifier at a legislator's first mentions.)
  for (const m of ctx.entity(entityId).mentions.slice(0, 12)) {
    if (m.form !== 'name') continue;
    const hit = PARTY_AFTER_NAME_RE.exec(ctx.text.slice(m.end, m.end + 4));
    if (hit) return hit[1];
  }
  return undefined;
}
const PARTY_MEMBERS = new Set(['democrat', 'republican', 'independent', 'conservative', 'liberal', 'tory', 'socialist', 'libertarian', 'progressive', 'senator', 'congressman', 'congresswoman', 'lawmaker', 'governor', 'mayor', 'leader', 'native', 'veteran']);
const RELATIVE_CLAUSE_RE = /,\s+(?:who|whose|which)\s/;
const ORGANISATION_NAME_RE = /^(?:[Tt]he\s+)?((\p{Lu}[\p{L}&'’-]*)(?:\s+(?:(?:of|for|and|on|de|du|des)\s+)?\p{Lu}[\p{L}&'’-]*){0,5})$/u;
const UNREAD_NAME_RE = /^\p{Lu}\p{Ll}[\p{L}'’-]+(?: \p{Lu}\p{Ll}[\p{L}'’-]+)?$/u;
const NAME_TAGS = new Set(['Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName', 'ProperNoun']);

/** A capitalised word that compromise's lexicon knows only as a name, or not at all ("Hlushko"). */
function readsAsName(ctx: AttributionContext, word: string): boolean {
  // "Don't", "We'll": a contraction is no name ("O'Brien" is).
  if (/['’](?:t|s|re|ll|ve|d|m)$/i.test(word)) return false;
  const tags = ctx.lex.tagsOf(word.toLowerCase());
  return tags.every((t) => NAME_TAGS.has(t));
}

/**
 * "reported The Moscow Times": a capitalised name around a country or capital is an organisation's name
 * (a newspaper, a broadcaster), not the country.
 */
function organisationNamedBy(ctx: AttributionContext, np: { start: number; end: number }, inner: ResolvedMention): Resolved | undefined {
  // "South Korea’s Joint Chiefs of Staff said": a country's possessive before capitalised words that end the phrase
  // (no title: "Russia's President" is a person's) names the country's organisation.
  if (inner.type === 'country') {
    const poss = /^['’]s\s+(\p{Lu}[\p{L}.&'-]*(?:\s+(?:(?:of|and|for|the)\s+)*\p{Lu}[\p{L}.&'-]*)*)$/u.exec(ctx.text.slice(inner.end, np.end));
    if (poss && !poss[1].split(/\s+/).some((w) => ctx.lex.titleForms.has(w.toLowerCase()))) return lateEntity(ctx, inner.start, np.end, 'organization');
  }
  // Only a capitalised word right before or after the inner mention can make a longer name.
  // (A sentence's capitalised "The" before "World Health Organisation" makes no longer name.)
  const left = inner.start > np.start && /\p{Lu}[\p{L}.&'-]*\s$/u.test(ctx.text.slice(Math.max(np.start, inner.start - 16), inner.start)) &&
    !/(?:^|\s)(?:The|A|An)\s$/.test(ctx.text.slice(Math.max(np.start, inner.start - 5), inner.start));
  const right = inner.end < np.end && /^\s\p{Lu}/u.test(ctx.text.slice(inner.end, inner.end + 2));
  if (!left && !right) return undefined;
  const toks = ctx.text.slice(np.start, np.end);
  // (A sentence adverb before the name is no part of it: "Later The Moscow Times said".)
  const leftWord = /(\p{L}+)\s+$/u.exec(ctx.text.slice(np.start, inner.start))?.[1]?.toLowerCase();
  if (leftWord && leftWord !== 'the' && ctx.lex.tagsOf(leftWord).some((t) => t === 'Adverb' || t === 'Comparative' || t === 'Preposition' || t === 'Conjunction' || t === 'Determiner' || t === 'Pronoun')) return undefined;
  const m = /(?:^|\s)((?:The\s)?(?:\p{Lu}[\p{L}.&'-]*\s?)+)/u.exec(toks);
  if (!m) return undefined;
  const lead = /^(?:A|An)\s+/.exec(m[1])?.[0].length ?? 0;
  const start = np.start + m.index + (m[0].length - m[1].length) + lead;
  const end = start + m[1].trimEnd().length - lead;
  if (start > inner.start || end < inner.end || (start === inner.start && end === inner.end)) return undefined;
  const words = ctx.text.slice(start, end).split(/\s+/);
  if (words.length < 2 || (words.length === 2 && words[0] === 'The')) return undefined;
  return lateEntity(ctx, start, end, 'organization');
}

/**
 * A person or organisation a speaker phrase names that the paragraph pass did not read (made once per name):
 * `"…," said Hlushko`, "the security firm Kestrel Labs", "reported The Moscow Times".
 */
function lateEntity(ctx: AttributionContext, start: number, end: number, type: 'person' | 'organization'): Resolved {
  // "Interior Health, which runs the hospital, said": what "which" refers back to is no person.
  if (type === 'person' && /^\s*,\s*which\s/.test(ctx.text.slice(end, end + 10))) type = 'organization';
  const name = ctx.text.slice(start, end);
  const id = `${type === 'person' ? 'person' : 'org'}:${name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '')}`;
  // "said Hlushko" after "Taras Hlushko, said": one person by full name and surname.
  let e = ctx.table.byId.get(id) ?? (type === 'person' ? ctx.table.entities.find((x) => x.type === 'person' && (x.name.endsWith(` ${name}`) || name.endsWith(` ${x.name}`))) : undefined);
  if (!e) {
    e = type === 'person' ? { id, type, name, leader: false, roles: [], mentions: [] } : { id, type, name, mentions: [] };
    ctx.table.entities.push(e);
    ctx.table.byId.set(id, e);
  }
  ctx.addLateMention(e, { start, end, text: name, form: 'name' });
  return { entityId: e.id, mention: ctx.span(start, end), via: 'cue' };
}

/**
 * A speaker phrase headed by a plural or role noun that names no one in the article ("officials",
 * "a senior official", "the report's authors", "local residents"): its own speaker entity, never the nearest
 * name. Singular role nouns with "the" ("the minister") are descriptions of someone named, not groups.
 */
function groupSpeaker(ctx: AttributionContext, np: { start: number; end: number }): Resolved {
  const surface = ctx.text.slice(np.start, np.end);
  const name = surface.replace(/^(?:The|A|An)\b/, (d) => d.toLowerCase());
  const key = name.toLowerCase().replace(/^(?:the|a|an|one|some|several|many)\s+/, '');
  let e = ctx.groups.get(key);
  if (!e) {
    e = { id: `group:${key.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '')}`, type: 'person', name, group: true, mentions: [] };
    if (ctx.table.byId.has(e.id)) e.id += '-group';
    ctx.groups.set(key, e);
    ctx.table.entities.push(e);
    ctx.table.byId.set(e.id, e);
  }
  ctx.addLateMention(e, { start: np.start, end: np.end, text: surface, form: 'description' });
  return { entityId: e.id, mention: ctx.span(np.start, np.end), via: 'cue' };
}

/** The speaker named somewhere in the clause before a cue: the last person, else organisation, else country. */
export function lastNamedIn(ctx: AttributionContext, wide: { start: number; end: number }): Resolved | undefined {
  const ms = ctx.table.range(wide.start, wide.end).filter((m) => contains(wide, m));
  const m = [...ms].reverse().find((x) => x.type === 'person') ?? [...ms].reverse().find((x) => x.type === 'organization') ?? [...ms].reverse().find((x) => x.type === 'country' && x.form !== 'demonym');
  return m ? { entityId: m.entityId, mention: ctx.span(m.start, m.end), via: 'cue' } : undefined;
}

// What may stand between a name and its appositive: a comma, and an age or a party and state ("Carol Wendt, 67,",
// "Pramila Jayapal, D-Wash.,", "Bennie Thompson (D-Miss.),").
const NAME_TO_APPOSITIVE_RE = /^\s*(?:\([^)]{1,15}\)\s*)?,(?:\s*(?:\p{N}{1,3}|(?:[DRI]|Ind)-[\p{L}.]+)\s*,)*\s*$/u;
const PERSON_SUFFIX_RE = /(?:ist|er|or|ian|ant|ent|ee|man|woman|person)$/;
const APPOSITIVE_PREPOSITIONS = new Set(['for', 'of', 'at', 'with', 'in', 'from', 'to', 'on']);

/**
 * "a hog farmer from Norwalk", "chief economist at Wexford Partners", "one of the lead negotiators": a phrase whose
 * head (before its first preposition) is a noun for a person — a role, an occupation, a spokesperson — and not an
 * organisation's ("the party", "the government").
 */
function headsRolePhrase(ctx: AttributionContext, surface: string): boolean {
  const words = surface.toLowerCase().split(/\s+/).map((w) => w.replace(/['’]s$/, '').replace(/[^\p{L}-]/gu, ''));
  if (words.length > 20 || words.some((w) => VERB_WORDS.has(w))) return false;
  let head: string;
  if (words[0] === 'one' && words[1] === 'of') head = words[words.length - 1].replace(/s$/, '');
  else {
    const cut = words.findIndex((w, k) => k > 0 && APPOSITIVE_PREPOSITIONS.has(w));
    // (A coordination before the head is two subjects, "Trudeau and the premiers"; after it, part of a name.)
    if (words.slice(0, cut > 0 ? cut : words.length).includes('and')) return false;
    head = cut > 0 ? words[cut - 1] : words[words.length - 1];
  }
  if (!head || ORGANISATION_NOUNS.has(head) || /^\p{Lu}/u.test(surface.split(/\s+/)[0] ?? '') && !ctx.lex.titleForms.has(head) && !ctx.lex.tagsOf(head).includes('Actor')) return false;
  return phraseFacts(ctx.lex, surface).describesAPerson || ctx.lex.tagsOf(head).includes('Actor') || (PERSON_SUFFIX_RE.test(head) && head.length > 4 && (ctx.lex.tagsOf(head).length === 0 || ctx.lex.tagsOf(head).some((t) => t === 'Noun' || t === 'Singular')));
}
const VERB_WORDS = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'said', 'says']);

/** A comma right before or after the phrase: the only places an appositive can be. */
function maybeAppositive(ctx: AttributionContext, np: { start: number; end: number }): boolean {
  const before = ctx.text.slice(Math.max(0, np.start - 3), np.start);
  return /,\s*$/.test(before) || /^\s*,/.test(ctx.text.slice(np.end, np.end + 3));
}

/** "a representative for the Sheriff's office", "the team's coach": a phrase headed by a role noun. */
function describesAPerson(ctx: AttributionContext, np: { start: number; end: number }): boolean {
  return phraseFacts(ctx.lex, ctx.text.slice(np.start, np.end)).describesAPerson;
}

/**
 * A person the speaker phrase describes in an appositive: "Steve Whitmore, [a representative for the
 * Sheriff's office], told …" or "[the Afghan team's coach], Alireza Mehraban, said …".
 */
function appositivePerson(ctx: AttributionContext, np: { start: number; end: number }): ResolvedMention | undefined {
  const before = ctx.text.slice(Math.max(0, np.start - 3), np.start);
  if (/,\s*$/.test(before)) {
    const ms = ctx.table.range(Math.max(0, np.start - 120), np.start).filter((m) => m.type === 'person' && !ctx.entity(m.entityId).group);
    const m = ms[ms.length - 1];
    if (m && NAME_TO_APPOSITIVE_RE.test(ctx.text.slice(m.end, np.start))) return m;
  }
  const after = /^\s*,\s*/.exec(ctx.text.slice(np.end, np.end + 4));
  if (after) {
    const at = np.end + after[0].length;
    const m = ctx.table.range(at, at + 80).find((x) => x.start === at && x.type === 'person' && !ctx.entity(x.entityId).group);
    if (m && /^\s*,/.test(ctx.text.slice(m.end, m.end + 3))) return m;
  }
  return undefined;
}

/** Who put out "the statement": the first organisation or person in a recent sentence that mentions one. */
function statementOwner(ctx: AttributionContext, quoteStart: number, npStart: number): Pick<ResolvedMention, 'entityId' | 'type'> | undefined {
  const p = ctx.paraIndexAt(npStart);
  const limit = Math.min(quoteStart, npStart);
  for (let pp = p; pp >= Math.max(0, p - 3); pp--) {
    // The last few hundred tokens before the quote, walked back sentence by sentence.
    const all = ctx.abs(pp);
    const end = firstTokenAtOrAfter(all, limit);
    const first = Math.max(0, end - 400);
    for (let k = end - 1; k >= first; ) {
      let from = k;
      while (from > first && all[from - 1].sent === all[k].sent) from--;
      let noun: AbsToken | undefined;
      for (let j = from; j <= k && !noun; j++) if (ctx.lex.statementNouns.has(all[j].t.lower)) noun = all[j];
      const sentenceStart = all[from].s;
      k = from - 1;
      if (!noun) continue;
      // The one whose statement it is: named right before the noun ("the Kremlin statement",
      // "Netanyahu's Office also put out a statement"), not a source cited earlier ("According to Fox News").
      const ms = ctx.mentionsIn(sentenceStart, noun.s).filter((m) => m.start < quoteStart && m.end <= noun.s && (m.type !== 'country' || m.form !== 'demonym'));
      const owner = ms
        .filter((m) => m.type === 'organization' || m.type === 'person')
        .sort((a, b) => b.end - a.end || (a.type === 'organization' ? -1 : 1))[0];
      if (owner) return owner;
      // "Interior Health, which runs the hospital, said in a statement that …": the subject of the sentence's
      // reporting verb, a name no earlier stage read.
      const para = ctx.paras[pp];
      const sp = para.speech.find((x) => para.start + x.sentence.start <= noun.s && noun.s < para.start + x.sentence.end && para.start + x.speaker.end <= noun.s);
      const r = sp ? resolveSpeaker(ctx, { start: para.start + sp.speaker.start, end: para.start + sp.speaker.end }, quoteStart, sp.verb) : undefined;
      if (r?.entityId) return { entityId: r.entityId, type: ctx.entity(r.entityId).type };
    }
  }
  return undefined;
}

/** A person or organisation named anywhere in the speaker phrase (the last one). */
export function speakerNamedIn(ctx: AttributionContext, np: { start: number; end: number }): Resolved | undefined {
  const ms = ctx.table.range(np.start, np.end).filter((m) => contains(np, m) && (m.type !== 'country' || m.form !== 'demonym'));
  const m = [...ms].reverse().find((x) => x.type === 'person') ?? [...ms].reverse().find((x) => x.type !== 'person');
  return m ? { entityId: m.entityId, mention: ctx.span(m.start, m.end), via: 'cue' } : undefined;
}

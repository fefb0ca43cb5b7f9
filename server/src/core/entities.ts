// Document-level entity building: clusters the paragraphs' name candidates into people (full name,
// surname, spelling variants, knowledge-base links), resolves title-only and descriptive mentions
// ("the PM", "the Russian leader") to the person they stand for, and groups country and organisation
// mentions. Pronouns are resolved later, and only where a speaker needs them (attribution.ts).
import { LINK_ONLY, type Candidate, type TitleSpan } from './mentions';
import type { Entity, Mention, Role, LeaderRecord } from './types';
import type { KnowledgeBase } from './knowledgeBase';
import { lexicon } from './lexicon';
import { foldName, slugify } from './text';

/** A candidate placed in the document: absolute offsets plus its paragraph and sentence. */
export interface PlacedCandidate extends Candidate {
  /** Folded forms, computed once: placed candidates are kept across analyses while their paragraph is. */
  folded?: { tokens: string[]; key: string };
  surface?: string;
  /** The mention this candidate became in the last analysis (see outputMention). */
  output?: Mention;
  /** Organisations: the folded first word, the id key and the mention form, computed once. */
  orgFirst?: string;
  orgKey?: string;
  orgForm?: Mention['form'];
  resolved?: ResolvedMention;
  para: number;
  /** Document-wide sentence key: paragraph * 10000 + sentence. */
  sentenceKey: number;
}

export interface ResolvedMention {
  start: number;
  end: number;
  entityId: string;
  type: Entity['type'];
  form: Mention['form'];
  sentenceKey: number;
  para: number;
}

export interface NameVariant {
  entityId: string;
  variant: { start: number; end: number; text: string };
  preferred: { start: number; end: number; text: string };
}

export interface EntityTable {
  entities: Entity[];
  /** Mentions overlapping [start, end), in document order (binary search over `mentions`). */
  range(start: number, end: number): ResolvedMention[];
  byId: Map<string, Entity>;
  /** Every mention of a person, organisation or country, in document order. */
  mentions: ResolvedMention[];
  variants: NameVariant[];
  /** Title spans as written, per person mention start (for the title-mismatch rule). */
  titles: { entityId: string; mentionStart: number; title: TitleSpan }[];
  /** Acronyms introduced in brackets after an organisation's name that were not read as names themselves → its id. */
  acronyms: Map<string, string>;
}

interface PersonCluster {
  key: string;
  kb?: LeaderRecord;
  /** Folded name tokens of every full-name mention. */
  tokens: Set<string>;
  surnames: Set<string>;
  names: { text: string; tokens: string[]; start: number; end: number }[];
  mentions: { c: PlacedCandidate; form: Mention['form'] }[];
  titles: TitleSpan[];
  lastPos: number;
  /** Folded spellings already in `names`. */
  spellings: Set<string>;
  /** Computed once clustering by name is done (see resolveTitleMention). */
  offices?: Set<string>;
  countries?: Set<string>;
  roles?: Role[];
  starts?: number[];
}

const stripArticle = (t: string) => t.replace(/^(?:al|el|ad|as|ash|at|an|ar)[-‐ ]/, '');
/**
 * The output mention of a placed candidate, reused from the previous analysis while the candidate has not
 * moved: results are never mutated, and most of a long document is untouched by an edit.
 */
function outputMention(c: PlacedCandidate, form: Mention['form'], text: string, make: () => Mention): Mention {
  const prev = c.output;
  if (prev && prev.start === c.start && prev.form === form && prev.end === c.end) return prev;
  const m = make();
  c.output = m;
  void text;
  return m;
}

/** The resolved mention of a candidate, reused when nothing about it changed since the last analysis. */
function resolvedMention(c: PlacedCandidate, entityId: string, type: Entity['type'], form: Mention['form']): ResolvedMention {
  const r = c.resolved;
  const start = c.start;
  const para = c.para;
  if (r && r.start === start && r.entityId === entityId && r.form === form && r.para === para && r.type === type) return r;
  return (c.resolved = { start, end: c.end, entityId, type, form, sentenceKey: c.sentenceKey, para });
}

/** A name as written, case aside: spelled the same way or not. */
const surfaceOf = (c: PlacedCandidate) => (c.surface ??= c.nameTokens!.join(' ').toLowerCase());
const foldedTokens = new Map<string, string>();
/** A name token folded for comparison, without an Arabic article ("al-Sisi" → "sisi"); memoised: names repeat. */
function foldToken(t: string): string {
  let f = foldedTokens.get(t);
  if (f === undefined) {
    if (foldedTokens.size > 50_000) foldedTokens.clear();
    foldedTokens.set(t, (f = stripArticle(foldName(t))));
  }
  return f;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0];
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length];
}

export function buildEntities(text: string, cands: PlacedCandidate[], kb: KnowledgeBase, date: string | undefined): EntityTable {
  const clusters: PersonCluster[] = [];
  const variants: { cluster: PersonCluster; c: PlacedCandidate; other: { text: string; start: number; end: number } }[] = [];

  const nameText = (c: PlacedCandidate) => text.slice(c.start, c.end);
  const folded = (c: PlacedCandidate) =>
    (c.folded ??= { tokens: (c.nameTokens ?? [nameText(c)]).map(foldToken), key: foldName(nameText(c)) });
  // Indexes over the clusters, so that each candidate costs a few map lookups, not a scan of all people.
  const byKbId = new Map<string, PersonCluster>();
  const byKey = new Map<string, PersonCluster>();
  const byLastToken = new Map<string, PersonCluster[]>();
  const bySurname = new Map<string, PersonCluster[]>();
  const byToken = new Map<string, PersonCluster[]>();
  const index = (m: Map<string, PersonCluster[]>, k: string, cl: PersonCluster) => {
    const list = m.get(k);
    if (!list) m.set(k, [cl]);
    else if (!list.includes(cl)) list.push(cl);
  };
  const recordById = recordsById(kb);
  const newCluster = (c: PlacedCandidate, kbRec?: LeaderRecord): PersonCluster => {
    const cl: PersonCluster = { key: kbRec ? `kb:${kbRec.id}` : folded(c).key, kb: kbRec, tokens: new Set(), surnames: new Set(), names: [], mentions: [], titles: [], lastPos: c.start, spellings: new Set() };
    clusters.push(cl);
    if (kbRec) byKbId.set(kbRec.id, cl);
    else byKey.set(cl.key, cl);
    return cl;
  };
  const addName = (cl: PersonCluster, c: PlacedCandidate, knownName?: string[]) => {
    // Each spelling once: a name repeated through a long document adds nothing new after its first time.
    const spelling = knownName ? `kb:${knownName.join(' ')}` : folded(c).key;
    if (cl.spellings.has(spelling)) return;
    cl.spellings.add(spelling);
    // A surname alone that the knowledge base completes ("Putin" → Vladimir Putin) adds the full name's tokens.
    const toks = knownName ? knownName.map(foldToken) : folded(c).tokens;
    for (const t of toks) {
      cl.tokens.add(t);
      index(byToken, t, cl);
    }
    const surnames = [toks[toks.length - 1]];
    if (cl.kb?.surname) surnames.push(foldToken(cl.kb.surname.split(/\s+/).pop()!));
    for (const sn of surnames) {
      cl.surnames.add(sn);
      index(bySurname, sn, cl);
    }
    if (toks.length >= 2) index(byLastToken, toks[toks.length - 1], cl);
    cl.names.push({ text: nameText(c), tokens: toks, start: c.start, end: c.end });
  };
  const attach = (cl: PersonCluster, c: PlacedCandidate, form: Mention['form']) => {
    cl.mentions.push({ c, form });
    if (c.title) cl.titles.push(c.title);
    cl.lastPos = c.start;
  };

  // "Ms Bauchtman" after "Lydia Buchtmann": a titled surname close to one person's is that person, misspelt
  // (and flagged as a spelling variant).
  const misspeltSurname = (c: PlacedCandidate, surname: string): PersonCluster | undefined => {
    const close = closeSurname(bySurname, surname);
    if (!close) return undefined;
    const full = close.cluster.names.find((n) => n.tokens.length >= 2 && n.tokens[n.tokens.length - 1] === close.surname);
    const last = full && full.text.slice(full.text.lastIndexOf(' ') + 1);
    if (full && last && foldToken(last) === close.surname) variants.push({ cluster: close.cluster, c, other: { text: last, start: full.end - last.length, end: full.end } });
    return close.cluster;
  };
  const unlinkedFullNames: PlacedCandidate[] = [];
  const persons = cands.filter((c) => c.kind === 'person' || c.kind === 'maybe-person' || c.kind === 'title-only' || c.kind === 'description');

  // Pass 1: full names (two or more tokens, or a knowledge-base full name).
  for (const c of persons) {
    if (c.kind !== 'person') continue;
    const kbRec = c.kbId ? recordById.get(c.kbId) : undefined;
    const toks = c.nameTokens ? folded(c).tokens : [];
    let cl = kbRec ? byKbId.get(kbRec.id) : undefined;
    if (!cl && !kbRec) cl = byKey.get(folded(c).key);
    if (!cl && toks.length >= 2) {
      // Spelling variants: same surname, first names one or two letters apart ("Mahmud"/"Mahmoud").
      cl = (byLastToken.get(toks[toks.length - 1]) ?? []).find(
        (x) =>
          (!kbRec || !x.kb || x.kb.id === kbRec.id) &&
          x.names.some((n) => n.tokens.length >= 2 && n.tokens[n.tokens.length - 1] === toks[toks.length - 1] && editDistance(n.tokens[0], toks[0]) <= 2 && n.tokens[0][0] === toks[0][0]),
      );
      if (cl && kbRec && !cl.kb) {
        cl.kb = kbRec;
        byKbId.set(kbRec.id, cl);
      }
    }
    if (!cl && toks.length === 1 && !kbRec) {
      // A titled single name ("President Trump"): attach to a person already known by that surname.
      cl = findBySurname(bySurname.get(toks[0]), c.start);
      if (!cl && c.title) cl = misspeltSurname(c, toks[0]);
    }
    if (!cl) cl = newCluster(c, kbRec);
    addName(cl, c);
    attach(cl, c, 'name');
  }

  const orgFirstWords = new Set<string>();
  for (const c of cands) {
    if (c.kind !== 'org' || !c.orgName || c.orgId || c.ownerStart !== undefined) continue;
    orgFirstWords.add((c.orgFirst ??= foldToken(c.orgName.replace(/^the\s+/i, '').split(/\s+/)[0])));
  }
  // Pass 2: single names and surnames; then titles and descriptions, in document order so that
  // "the PM" resolves to the most recently mentioned Prime Minister.
  for (const c of persons) {
    if (c.kind === 'maybe-person' && c.evidence === LINK_ONLY) {
      // A name the tagger did not tag joins a person named elsewhere in the article, never makes a new one.
      const toks = c.nameTokens ? folded(c).tokens : [];
      const cl = toks.length > 1 ? byKey.get(folded(c).key) : findBySurname(bySurname.get(toks[0]), c.start) ?? onlyOne(byToken.get(toks[0]));
      if (cl) attach(cl, c, 'name');
      else if (toks.length > 1) unlinkedFullNames.push(c);
    } else if (c.kind === 'maybe-person') {
      const tok = foldToken(c.nameTokens?.join(' ') ?? nameText(c));
      let cl = findBySurname(bySurname.get(tok), c.start) ?? onlyOne(byToken.get(tok)) ?? (c.title && !c.kbId ? misspeltSurname(c, tok) : undefined);
      if (!cl && c.kbId) {
        const rec = recordById.get(c.kbId);
        cl = byKbId.get(c.kbId) ?? (rec ? newCluster(c, rec) : undefined);
        if (cl && rec && !cl.names.length) addName(cl, c, rec.name.split(/\s+/));
      }
      // "Corvane said" after "Corvane Aerospace": the short form of an organisation, not a new person.
      if (!cl && (c.evidence === 'tagger' || c.evidence === 'speech' || (c.evidence === 'lexicon' && !!c.title)) && !orgFirstWords.has(tok)) {
        cl = newCluster(c);
        addName(cl, c);
      }
      if (cl) attach(cl, c, 'name');
    }
  }
  // Document-level consistency: a full name the tagger missed ("Declan Fairweather") whose surname the article
  // uses alone for a person elsewhere ("Fairweather said") is that person's full name.
  for (const c of unlinkedFullNames) {
    const toks = folded(c).tokens;
    const cl = onlyOne(bySurname.get(toks[toks.length - 1]));
    if (!cl || cl.kb || cl.names.some((n) => n.tokens.length > 1)) continue;
    addName(cl, c);
    attach(cl, c, 'name');
  }
  // People by office, so that "the PM" looks only at those who are (or are called) Prime Minister.
  const byOffice = new Map<string, PersonCluster[]>();
  for (const cl of clusters) {
    cl.roles = personRoles(cl, kb, date);
    cl.offices = new Set([...cl.titles.map((t) => t.office).filter(Boolean), ...cl.roles.map((r) => r.title)]);
    cl.countries = new Set([...cl.titles.flatMap((t) => (t.country ? [t.country] : [])), ...cl.roles.flatMap((r) => (r.country ? [r.country] : []))]);
    cl.starts = cl.mentions.map((m) => m.c.start).sort((a, b) => a - b);
    for (const o of cl.offices) index(byOffice, o, cl);
    if (cl.kb || cl.titles.some((t) => t.leader)) index(byOffice, LEADER_KEY, cl);
  }
  for (const c of persons) {
    if (c.kind !== 'title-only' && c.kind !== 'description') continue;
    const office = c.title?.office ?? '';
    const candidates = new Set((OFFICE_EQUIV[office] ?? [office]).flatMap((o) => byOffice.get(o) ?? []));
    if (office === 'Leader') for (const cl of byOffice.get(LEADER_KEY) ?? []) candidates.add(cl);
    const cl = resolveTitleMention([...candidates], c);
    if (cl) attach(cl, c, c.form === 'title' ? 'title' : 'description');
  }

  const closeSpellings = new Map<string, boolean>();
  // Spelling variants: a full name written differently from the person's first full name in the article
  // ("Mahmud Abbas" after "Mahmoud Abbas", "el-Sisi" after "al-Sisi").
  for (const cl of clusters) {
    const full = cl.mentions.filter((m) => m.form === 'name' && (m.c.nameTokens?.length ?? 0) >= 2).sort((a, b) => a.c.start - b.c.start);
    if (full.length < 2) continue;
    const first = full[0].c;
    const firstToks = first.nameTokens!;
    const firstSurface = surfaceOf(first);
    for (let k = 1; k < full.length; k++) {
      const c = full[k].c;
      const toks = c.nameTokens!;
      const surface = surfaceOf(c);
      if (toks.length !== firstToks.length || surface === firstSurface) continue;
      // The same pair of spellings recurs in long documents: decide it once.
      const pair = `${firstSurface}|${surface}`;
      let close = closeSpellings.get(pair);
      if (close === undefined) closeSpellings.set(pair, (close = toks.every((t, k) => editDistance(foldName(t), foldName(firstToks[k])) <= 2)));
      if (close) variants.push({ cluster: cl, c, other: { text: nameText(first), start: first.start, end: first.end } });
    }
  }

  // Build person entities.
  const entities: Entity[] = [];
  const byId = new Map<string, Entity>();
  const mentions: ResolvedMention[] = [];
  const titles: EntityTable['titles'] = [];
  const usedIds = new Set<string>();
  const uniqueId = (base: string) => {
    let id = base;
    for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
    usedIds.add(id);
    return id;
  };
  const clusterEntity = new Map<PersonCluster, Entity>();
  for (const cl of clusters) {
    if (!cl.mentions.length) continue;
    const longest = [...cl.names].sort((a, b) => b.tokens.length - a.tokens.length || a.start - b.start)[0];
    const name = cl.kb?.name ?? longest?.text ?? text.slice(cl.mentions[0].c.start, cl.mentions[0].c.end);
    const id = uniqueId(`person:${slugify(name)}`);
    const textCountry = cl.titles.find((t) => t.country)?.country;
    const roles = cl.roles ?? personRoles(cl, kb, date);
    const country = textCountry ?? roles.find((r) => r.country)?.country;
    const leader = !!cl.kb || cl.titles.some((t) => t.leader && t.office !== '');
    const e: Entity = {
      id,
      type: 'person',
      name,
      ...(country ? { country } : {}),
      leader,
      roles,
      ...(cl.kb ? { kbId: cl.kb.id } : {}),
      mentions: [],
    };
    for (const { c, form } of cl.mentions.sort((a, b) => a.c.start - b.c.start)) {
      const m = outputMention(c, form, text, () => {
        const m: Mention = { start: c.start, end: c.end, text: text.slice(c.start, c.end), form };
        if (c.title && form === 'name') {
          m.title = { start: c.title.start, end: c.title.end, text: text.slice(c.title.start, c.title.end) };
          if (c.title.office) m.office = c.title.office;
          if (c.title.country) m.officeCountry = c.title.country;
        } else if (c.title && form !== 'name') {
          m.office = c.title.office;
          if (c.title.country) m.officeCountry = c.title.country;
        }
        return m;
      });
      if (c.title && form === 'name') titles.push({ entityId: id, mentionStart: c.start, title: c.title });
      e.mentions.push(m);
      mentions.push(resolvedMention(c, id, 'person', form));
    }
    clusterEntity.set(cl, e);
    entities.push(e);
    byId.set(id, e);
  }

  const personMentionAt = new Map(mentions.map((m) => [m.start, m]));
  // Organisations: metonyms ("the Kremlin"), offices of people ("Netanyahu's Office"), known organisations.
  const orgs = new Map<string, Entity>();
  const aliases = acronymAliases(text, cands);
  for (const c of cands) {
    if (c.kind !== 'org') continue;
    let key: string;
    let name: string;
    let speaksFor: string | undefined;
    let country = c.iso3;
    if (c.orgId) {
      key = c.orgId;
      name = c.orgName ?? text.slice(c.start, c.end);
    } else if (c.ownerStart !== undefined) {
      const owner = personMentionAt.get(c.ownerStart);
      if (!owner) continue;
      const ownerEntity = byId.get(owner.entityId)!;
      speaksFor = owner.entityId;
      country = ownerEntity.country;
      const head = text.slice(c.start, c.end).split(/\s+/).pop()!;
      name = `${ownerEntity.name.split(/\s+/).pop()}'s ${head}`;
      key = `${slugify(ownerEntity.name)}-${slugify(head)}`;
    } else {
      if (!c.orgName) continue;
      name = c.orgName;
      key = c.orgKey ??= slugify(name);
    }
    const long = aliases.keys.get(key);
    if (long) key = long;
    let e = orgs.get(key);
    if (!e) {
      e = { id: uniqueId(`org:${key}`), type: 'organization', name, ...(country ? { country } : {}), ...(speaksFor ? { speaksFor } : {}), mentions: [] };
      orgs.set(key, e);
      entities.push(e);
      byId.set(e.id, e);
    }
    const form: Mention['form'] = (c.orgForm ??= c.form === 'metonym' ? 'metonym' : /^[A-Z.]{2,6}$/.test(text.slice(c.start, c.end)) ? 'acronym' : 'name');
    e.mentions.push(outputMention(c, form, text, () => ({ start: c.start, end: c.end, text: text.slice(c.start, c.end), form })));
    mentions.push(resolvedMention(c, e.id, 'organization', form));
  }

  // Countries.
  const lex = lexicon();
  const countries = new Map<string, Entity>();
  for (const c of cands) {
    if (c.kind !== 'country' || !c.iso3) continue;
    let e = countries.get(c.iso3);
    if (!e) {
      const info = lex.countries.get(c.iso3);
      e = { id: uniqueId(`country:${c.iso3}`), type: 'country', name: info?.name ?? c.iso3, iso3: c.iso3, mentions: [] };
      countries.set(c.iso3, e);
      entities.push(e);
      byId.set(e.id, e);
    }
    e.mentions.push(outputMention(c, c.form, text, () => ({ start: c.start, end: c.end, text: text.slice(c.start, c.end), form: c.form })));
    mentions.push(resolvedMention(c, e.id, 'country', c.form));
  }

  const acronyms = new Map<string, string>();
  for (const [acronym, key] of aliases.unknown) {
    const e = orgs.get(key);
    if (e) acronyms.set(acronym, e.id);
  }
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  const variantList: NameVariant[] = variants.map((v) => ({
    entityId: clusterEntity.get(v.cluster)!.id,
    variant: { start: v.c.start, end: v.c.end, text: text.slice(v.c.start, v.c.end) },
    preferred: { start: v.other.start, end: v.other.end, text: v.other.text },
  }));
  return { entities, byId, mentions, variants: variantList, titles, acronyms, range: rangeOver(mentions) };
}

/**
 * "the World Health Organisation (WHO)": the acronym in brackets right after an organisation's name is that
 * organisation, there and wherever the article uses it alone. `keys`: the acronym's own organisation key →
 * the name's key (when the acronym is an organisation candidate itself); `unknown`: acronyms the paragraph
 * pass did not take for organisations → the name's key (attribution looks them up in speaker phrases).
 */
function acronymAliases(text: string, cands: PlacedCandidate[]): { keys: Map<string, string>; unknown: Map<string, string> } {
  const keys = new Map<string, string>();
  const unknown = new Map<string, string>();
  let prev: PlacedCandidate | undefined;
  const named = (c: PlacedCandidate | undefined): c is PlacedCandidate & { orgName: string } => !!c?.orgName && !c.orgId && c.ownerStart === undefined;
  for (const c of cands) {
    if (c.kind !== 'org') continue;
    if (named(prev) && named(c) && c.start === prev.end + 2 && text.slice(prev.end, c.start) === ' (' && text[c.end] === ')' && ACRONYM_RE.test(c.orgName)) {
      const short = (c.orgKey ??= slugify(c.orgName));
      const long = (prev.orgKey ??= slugify(prev.orgName));
      if (short !== long && !keys.has(short)) keys.set(short, long);
    } else if (named(c) && text.charCodeAt(c.end + 1) === 40 /* ( */) {
      const m = BRACKETED_ACRONYM_RE.exec(text.slice(c.end, c.end + 15));
      if (m && !unknown.has(m[1])) unknown.set(m[1], (c.orgKey ??= slugify(c.orgName)));
    }
    prev = c;
  }
  return { keys, unknown };
}
const BRACKETED_ACRONYM_RE = /^ \(((?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z.&]{1,9})\)/;
const ACRONYM_RE = /^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z.&]{1,9}$/;

/** Mentions are short, so those overlapping a range start at most MAX_MENTION before it. */
const MAX_MENTION = 300;

function rangeOver(mentions: ResolvedMention[]): EntityTable['range'] {
  return (start, end) => {
    let lo = 0;
    let hi = mentions.length;
    const from = start - MAX_MENTION;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (mentions[mid].start < from) lo = mid + 1;
      else hi = mid;
    }
    const out: ResolvedMention[] = [];
    for (let i = lo; i < mentions.length && mentions[i].start < end; i++) if (mentions[i].end > start) out.push(mentions[i]);
    return out;
  };
}

function findBySurname(hits: PersonCluster[] | undefined, pos: number): PersonCluster | undefined {
  let best: PersonCluster | undefined;
  for (const cl of hits ?? []) {
    // Prefer the person mentioned most recently before this position.
    if (!best || (cl.lastPos <= pos && (best.lastPos > pos || cl.lastPos > best.lastPos))) best = cl;
  }
  return best;
}

/**
 * The one person whose surname is a likely misspelling of `surname`: at least six letters, the same first
 * letter, at most two edits apart, and no other person as close.
 */
function closeSurname(bySurname: Map<string, PersonCluster[]>, surname: string): { cluster: PersonCluster; surname: string } | undefined {
  if (surname.length < 6) return undefined;
  let found: { cluster: PersonCluster; surname: string } | undefined;
  for (const [known, clusters] of bySurname) {
    if (known[0] !== surname[0] || known.length < 6 || Math.abs(known.length - surname.length) > 2 || editDistance(known, surname) > 2) continue;
    if (found || clusters.length !== 1) return undefined;
    found = { cluster: clusters[0], surname: known };
  }
  return found;
}

function onlyOne(hits: PersonCluster[] | undefined): PersonCluster | undefined {
  return hits?.length === 1 ? hits[0] : undefined;
}

const recordMaps = new WeakMap<KnowledgeBase, Map<string, LeaderRecord>>();

function recordsById(kb: KnowledgeBase): Map<string, LeaderRecord> {
  let m = recordMaps.get(kb);
  if (!m) recordMaps.set(kb, (m = new Map(kb.records.map((r) => [r.id, r]))));
  return m;
}

const LEADER_KEY = '\u0000leader';
const OFFICE_EQUIV: Record<string, string[]> = {
  Leader: ['President', 'Prime Minister', 'Chancellor', 'King', 'Queen', 'Emir', 'Sultan', 'Supreme Leader', 'Crown Prince', 'Leader', 'Emperor', 'Head of State', 'Head of Government'],
};

/**
 * "the PM" → the most recent Prime Minister; "the Russian leader" → the most recent Russian leader. A
 * person's offices are the article's titles for them plus their knowledge-base roles (which, without a date,
 * are only the offices the text confirms or the latest one: Putin's past premiership must not make him "the PM").
 */
function resolveTitleMention(clusters: PersonCluster[], c: PlacedCandidate): PersonCluster | undefined {
  const office = c.title?.office ?? '';
  const wantCountry = c.title?.country;
  const accepted = OFFICE_EQUIV[office] ?? [office];
  let best: PersonCluster | undefined;
  let bestPos = -1;
  for (const cl of clusters) {
    const starts = cl.starts!;
    if (!starts.length || starts[0] >= c.start) continue;
    // (The caller passes only people holding or called by the office; checked again here for safety.)
    const officeOk = accepted.some((o) => cl.offices!.has(o)) || (office === 'Leader' && (!!cl.kb || cl.titles.some((t) => t.leader)));
    if (!officeOk) continue;
    if (wantCountry && !cl.countries!.has(wantCountry)) continue;
    // The last mention before this one.
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < c.start) lo = mid + 1;
      else hi = mid;
    }
    const pos = starts[lo - 1];
    if (pos > bestPos) {
      best = cl;
      bestPos = pos;
    }
  }
  return best;
}

/**
 * Roles: the knowledge base's offices (at the article's date when known; otherwise those the article's
 * titles confirm, or the most recent), then titles from the text for people the knowledge base lacks.
 */
function personRoles(cl: PersonCluster, kb: KnowledgeBase, date: string | undefined): Role[] {
  const roles: Role[] = [];
  if (cl.kb) {
    const source = kb.sourceOf(cl.kb);
    let terms = kb.officesOn(cl.kb, date);
    if (!date) {
      const textOffices = new Set(cl.titles.map((t) => t.office));
      const confirmed = terms.filter((t) => textOffices.has(t.title));
      terms = confirmed.length ? confirmed : [...terms].sort((a, b) => (b.start ?? '').localeCompare(a.start ?? '')).slice(0, 1);
    }
    const seen = new Set<string>();
    // Latest term first: "President of Russia since 2012", not his first term.
    for (const t of [...terms].sort((a, b) => (b.start ?? '').localeCompare(a.start ?? ''))) {
      const k = `${t.title}|${t.country}`;
      if (seen.has(k)) continue;
      seen.add(k);
      roles.push({ title: t.title, country: t.country, source, start: t.start, ...(t.end ? { end: t.end } : {}) });
    }
    return roles;
  }
  const seen = new Set<string>();
  for (const t of cl.titles) {
    if (!t.office) continue;
    const k = `${t.office}|${t.country ?? ''}`;
    if (seen.has(k)) continue;
    seen.add(k);
    roles.push({ title: t.office, ...(t.country ? { country: t.country } : {}), source: 'text' });
  }
  return roles;
}

/** A table with no entities: for reading cues inside one paragraph, before entities exist. */
export function emptyTable(): EntityTable {
  return { entities: [], byId: new Map(), mentions: [], variants: [], titles: [], acronyms: new Map(), range: () => [] };
}

// People by name: clusters the paragraphs' name candidates into people (full name, surname, spelling
// variants, knowledge-base links) and finds the full names written differently from a person's first one.
import type { KnowledgeBase } from '../knowledgeBase';
import { LINK_ONLY, type TitleSpan } from '../paragraph/candidates';
import { foldName } from '../text';
import type { LeaderRecord, Mention, Role } from '../types';
import type { PlacedCandidate } from './table';

export interface PersonCluster {
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

/** Full names, then single names and surnames, in document order; returns the people found. */
export function clusterPeople(text: string, cands: PlacedCandidate[], persons: PlacedCandidate[], kb: KnowledgeBase, misspelt: SpellingVariant[] = []): PersonCluster[] {
  const clusters: PersonCluster[] = [];
  const nameText = (c: PlacedCandidate) => text.slice(c.start, c.end);
  const folded = (c: PlacedCandidate) =>
    (c.folded ??= { tokens: (c.nameTokens ?? [nameText(c)]).map(foldToken), key: foldName(nameText(c)) });
  // Indexes over the clusters, so that each candidate costs a few map lookups, not a scan of all people.
  const byKbId = new Map<string, PersonCluster>();
  const byKey = new Map<string, PersonCluster>();
  const byLastToken = new Map<string, PersonCluster[]>();
  const bySurname = new Map<string, PersonCluster[]>();
  const byToken = new Map<string, PersonCluster[]>();
  // Surnames of six letters or more by their first letter, for misspelt surnames (closeSurname).
  const longSurnamesByInitial = new Map<string, string[]>();
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
      addToIndex(byToken, t, cl);
    }
    const surnames = [toks[toks.length - 1]];
    if (cl.kb?.surname) surnames.push(foldToken(cl.kb.surname.split(/\s+/).pop()!));
    for (const sn of surnames) {
      cl.surnames.add(sn);
      if (sn.length >= 6 && !bySurname.has(sn)) (longSurnamesByInitial.get(sn[0]) ?? longSurnamesByInitial.set(sn[0], []).get(sn[0])!).push(sn);
      addToIndex(bySurname, sn, cl);
    }
    if (toks.length >= 2) addToIndex(byLastToken, toks[toks.length - 1], cl);
    cl.names.push({ text: nameText(c), tokens: toks, start: c.start, end: c.end });
  };
  // "Ms Bauchtman" after "Lydia Buchtmann": a titled surname close to one person's is that person, misspelt
  // (and reported as a spelling variant).
  const misspeltSurname = (c: PlacedCandidate, surname: string): PersonCluster | undefined => {
    const close = closeSurname(bySurname, longSurnamesByInitial.get(surname[0]) ?? [], surname);
    if (!close) return undefined;
    const full = close.cluster.names.find((n) => n.tokens.length >= 2 && n.tokens[n.tokens.length - 1] === close.surname);
    const last = full && full.text.slice(full.text.lastIndexOf(' ') + 1);
    if (full && last && foldToken(last) === close.surname) misspelt.push({ cluster: close.cluster, c, other: { text: last, start: full.end - last.length, end: full.end } });
    return close.cluster;
  };
  const unlinkedFullNames: PlacedCandidate[] = [];
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
      // A double surname alone: "McGill Johnson" after "Alexis McGill Johnson", "Von der Leyen" after "Ursula von
      // der Leyen" — the last words of one person's full name.
      if (!cl && !kbRec)
        cl = (byLastToken.get(toks[toks.length - 1]) ?? []).find((x) =>
          x.names.some((n) => n.tokens.length > toks.length && toks.every((t, k) => n.tokens[n.tokens.length - toks.length + k] === t)));
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
      const tok = (c.foldedSingle ??= foldToken(c.nameTokens?.join(' ') ?? nameText(c)));
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
  return clusters;
}

/** Adds a mention to a person. */
export function attach(cl: PersonCluster, c: PlacedCandidate, form: Mention['form']): void {
  cl.mentions.push({ c, form });
  if (c.title) cl.titles.push(c.title);
  cl.lastPos = c.start;
}

export function addToIndex(m: Map<string, PersonCluster[]>, k: string, cl: PersonCluster): void {
  const list = m.get(k);
  if (!list) m.set(k, [cl]);
  else if (!list.includes(cl)) list.push(cl);
}

export interface SpellingVariant {
  cluster: PersonCluster;
  c: PlacedCandidate;
  other: { text: string; start: number; end: number };
}

export function spellingVariants(text: string, clusters: PersonCluster[]): SpellingVariant[] {
  const variants: SpellingVariant[] = [];
  const nameText = (c: PlacedCandidate) => text.slice(c.start, c.end);
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
  return variants;
}

function findBySurname(hits: PersonCluster[] | undefined, pos: number): PersonCluster | undefined {
  if (!hits?.length) return undefined;
  if (hits.length === 1) return hits[0];
  // Two people of one surname ("Justin Trudeau" and "Sophie Grégoire Trudeau", a novelist and her mother): the
  // surname alone is the one the article names most — news names the other in full — then the most recent.
  let best: PersonCluster | undefined;
  let bestCount = -1;
  for (const cl of hits) {
    const named = cl.names.length && cl.names[0].start < pos;
    // (A leader of the knowledge base counts one more: "Trudeau" after "his wife, Sophie Grégoire Trudeau".)
    const count = named ? cl.mentions.length + (cl.kb ? 1 : 0) : -1;
    if (count > bestCount || (count === bestCount && best && cl.lastPos <= pos && (best.lastPos > pos || cl.lastPos > best.lastPos))) {
      best = cl;
      bestCount = count;
    }
  }
  return best;
}

/**
 * The one person whose surname is a likely misspelling of `surname`: at least six letters, the same first
 * letter, at most two edits apart, and no other person as close.
 */
function closeSurname(bySurname: Map<string, PersonCluster[]>, sameInitial: string[], surname: string): { cluster: PersonCluster; surname: string } | undefined {
  if (surname.length < 6) return undefined;
  let found: { cluster: PersonCluster; surname: string } | undefined;
  for (const known of sameInitial) {
    const clusters = bySurname.get(known)!;
    if (Math.abs(known.length - surname.length) > 2 || editDistance(known, surname) > 2) continue;
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

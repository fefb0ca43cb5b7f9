// Loading and validating the hand-written quote fixtures in test/fixtures/quotes/<corpus>/NAME.txt +
// NAME.gold.json (format: test/fixtures/quotes/README.md). No engine import here: the fixture unit test
// and the accuracy harness both use this module, and the fixtures must be checkable on their own.
import fs from 'node:fs';
import path from 'node:path';

export type GoldKind = 'direct' | 'mixed' | 'indirect' | 'scare';
export type GoldSpeakerType = 'person' | 'organization' | 'country';
export type GoldInteractionKind = 'call' | 'meeting' | 'talks' | 'message';

export interface GoldQuote {
  /** Exact substring of the article, quotation marks included (indirect: the reported clause). */
  text: string;
  /** Which occurrence of `text` (1-based). */
  occurrence: number;
  kind: GoldKind;
  /** Canonical speaker name, or null when the speaker is unnamed or there is none. */
  speaker: string | null;
  speakerType?: GoldSpeakerType;
  /** Other names accepted as the same speaker (a leader for his office's statement...). */
  speakerAlt?: string[];
  note?: string;
}

export interface GoldInteraction {
  kind: GoldInteractionKind;
  participants: string[];
}

export interface QuoteGold {
  about: string;
  quoteStyle: 'double' | 'single' | 'guillemets' | 'mixed';
  quotes: GoldQuote[];
  people: string[];
  interactions?: GoldInteraction[];
}

export interface ResolvedGoldQuote extends GoldQuote {
  start: number;
  end: number;
}

export interface QuoteFixture {
  corpus: string;
  name: string;
  /** Absolute path of the article. */
  file: string;
  text: string;
  gold: QuoteGold;
  /** Gold quotes with their offsets resolved (UTF-16, end exclusive). */
  quotes: ResolvedGoldQuote[];
}

export const GOLD_KINDS: readonly GoldKind[] = ['direct', 'mixed', 'indirect', 'scare'];
export const SPEAKER_TYPES: readonly GoldSpeakerType[] = ['person', 'organization', 'country'];
export const INTERACTION_KINDS: readonly GoldInteractionKind[] = ['call', 'meeting', 'talks', 'message'];
export const QUOTE_STYLES = ['double', 'single', 'guillemets', 'mixed'] as const;

/** Characters a quotation can open / close with (guillemets both ways: French «…», German »…«). */
export const OPENING_MARKS = '"“„«»‹›\'‘‚';
export const CLOSING_MARKS = '"”“»«›‹\'’';

/** The repository root: the nearest ancestor of this file holding the News Lens package.json. */
export function repoRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        if (JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'news-lens') return dir;
      } catch {
        /* keep looking */
      }
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  // Compiled layout fallback: out/test/eval -> repo root.
  return path.resolve(__dirname, '../../..');
}

/** The shared data folder (`../shared` next to the repo), overridable with NEWS_LENS_SHARED. */
export function sharedDir(): string {
  const env = process.env.NEWS_LENS_SHARED;
  if (env && env.trim()) return path.resolve(env.trim());
  return path.resolve(repoRoot(), '../shared');
}

export function quoteFixturesDir(): string {
  return path.join(repoRoot(), 'test', 'fixtures', 'quotes');
}

/** Corpus folders under test/fixtures/quotes (wire, intl, ...). */
export function listQuoteCorpora(dir: string = quoteFixturesDir()): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/** Start offset of the `occurrence`-th (1-based) occurrence of `needle`, or -1. Overlapping hits count. */
export function findOccurrence(hay: string, needle: string, occurrence: number): number {
  if (!needle) return -1;
  let at = -1;
  for (let k = 0; k < occurrence; k++) {
    at = hay.indexOf(needle, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

export function countOccurrences(hay: string, needle: string): number {
  if (!needle) return 0;
  let n = 0;
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + 1)) n++;
  return n;
}

/** Lower-case, diacritics stripped, apostrophes dropped, other punctuation to spaces. */
export function foldText(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** True when some significant word of `name` occurs as a word in the article. */
function nameOccursIn(name: string, foldedText: string): boolean {
  const hay = ` ${foldedText} `;
  return foldText(name)
    .split(' ')
    .filter((w) => w.length >= 2 && !['the', 'of', 'for', 'and', 'jr', 'sr'].includes(w))
    .some((w) => hay.includes(` ${w} `));
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/**
 * Problems with one fixture (empty when it is well-formed). Checks the gold's shape, that every quote
 * text occurs in the article (at the stated occurrence), that quotation spans start and end with
 * quotation marks, that direct/mixed/scare spans do not overlap one another, that speakers are named
 * in the article and that people/interaction participants are consistent.
 */
export function validateFixture(name: string, text: string, goldRaw: unknown): string[] {
  const p: string[] = [];
  const bad = (msg: string) => p.push(`${name}: ${msg}`);
  if (!isObject(goldRaw)) return [`${name}: gold is not a JSON object`];
  const gold = goldRaw;
  const folded = foldText(text);

  if (typeof gold.about !== 'string' || !gold.about.trim()) bad('"about" must be a non-empty string');
  if (!QUOTE_STYLES.includes(gold.quoteStyle as (typeof QUOTE_STYLES)[number]))
    bad(`"quoteStyle" must be one of ${QUOTE_STYLES.join('|')}, got ${JSON.stringify(gold.quoteStyle)}`);

  const people: string[] = [];
  if (!Array.isArray(gold.people)) bad('"people" must be an array of names');
  else
    for (const person of gold.people) {
      if (typeof person !== 'string' || !person.trim()) bad(`bad person entry ${JSON.stringify(person)}`);
      else if (!nameOccursIn(person, folded)) bad(`person "${person}" is not named in the article`);
      else people.push(person);
    }
  if (new Set(people).size !== people.length) bad('"people" has duplicates');

  // Text-level checks.
  if (/crlf/i.test(name)) {
    if (!text.includes('\r\n')) bad('a CRLF fixture must have \\r\\n line endings (was it converted by git?)');
    if (/(^|[^\r])\n/.test(text)) bad('a CRLF fixture has a bare \\n line ending');
  } else if (text.includes('\r')) bad('unexpected \\r in a non-CRLF fixture');
  if (text.includes('\uFFFD')) bad('the article contains U+FFFD (bad encoding)');

  if (!Array.isArray(gold.quotes)) {
    bad('"quotes" must be an array');
    return p;
  }
  const spans: { start: number; end: number; kind: GoldKind; i: number }[] = [];
  const seen = new Set<string>();
  gold.quotes.forEach((q: unknown, i: number) => {
    const at = `quote #${i + 1}`;
    if (!isObject(q)) return bad(`${at} is not an object`);
    const t = q.text;
    if (typeof t !== 'string' || !t) return bad(`${at}: "text" must be a non-empty string`);
    const label = `${at} ${JSON.stringify(t.length > 60 ? t.slice(0, 57) + '...' : t)}`;
    const kind = q.kind as GoldKind;
    if (!GOLD_KINDS.includes(kind)) bad(`${label}: kind must be one of ${GOLD_KINDS.join('|')}, got ${JSON.stringify(q.kind)}`);
    const occ = q.occurrence;
    if (typeof occ !== 'number' || !Number.isInteger(occ) || occ < 1) return bad(`${label}: "occurrence" must be an integer >= 1`);
    const n = countOccurrences(text, t);
    if (n === 0) return bad(`${label}: text not found in the article`);
    if (occ > n) return bad(`${label}: occurrence ${occ} but the text occurs only ${n} time(s)`);
    const key = `${t}\u0000${occ}`;
    if (seen.has(key)) bad(`${label}: duplicate entry (same text and occurrence)`);
    seen.add(key);
    const start = findOccurrence(text, t, occ);
    if (kind === 'direct' || kind === 'scare') {
      if (!OPENING_MARKS.includes(t[0])) bad(`${label}: a ${kind} quote must start with its opening quotation mark`);
      if (!CLOSING_MARKS.includes(t[t.length - 1])) bad(`${label}: a ${kind} quote must end with its closing quotation mark`);
    } else if (kind === 'mixed') {
      // A mixed quote is the reported clause around its quoted words (../attribution/GUIDELINE.md).
      if (![...t].some((c) => OPENING_MARKS.includes(c))) bad(`${label}: a mixed quote contains its quoted words, marks included`);
    } else if (OPENING_MARKS.includes(t[0]) && CLOSING_MARKS.includes(t[t.length - 1]) && t.length < 4) {
      bad(`${label}: suspicious indirect span`);
    }
    if (GOLD_KINDS.includes(kind)) spans.push({ start, end: start + t.length, kind, i });

    // Speaker.
    if (!('speaker' in q)) bad(`${label}: "speaker" is required (a name or null)`);
    const sp = q.speaker;
    if (sp !== null && sp !== undefined) {
      if (typeof sp !== 'string' || !sp.trim()) bad(`${label}: "speaker" must be a non-empty string or null`);
      else {
        if (kind === 'scare') bad(`${label}: a scare quote has no speaker`);
        if (!SPEAKER_TYPES.includes(q.speakerType as GoldSpeakerType))
          bad(`${label}: "speakerType" must be one of ${SPEAKER_TYPES.join('|')} when there is a speaker`);
        if (!nameOccursIn(sp, folded)) bad(`${label}: speaker "${sp}" is not named in the article`);
        if (q.speakerType === 'person' && !people.includes(sp)) bad(`${label}: person speaker "${sp}" is missing from "people"`);
      }
    } else if (q.speakerType !== undefined) bad(`${label}: "speakerType" given without a speaker`);
    if (q.speakerAlt !== undefined) {
      if (!Array.isArray(q.speakerAlt) || q.speakerAlt.some((a) => typeof a !== 'string' || !a.trim()))
        bad(`${label}: "speakerAlt" must be an array of names`);
      else if (!sp) bad(`${label}: "speakerAlt" without a speaker`);
    }
    if (q.note !== undefined && typeof q.note !== 'string') bad(`${label}: "note" must be a string`);
  });

  // Quotation spans (direct, mixed, scare) never overlap: a nested quote belongs to its outer quote.
  const marked = spans.filter((s) => s.kind !== 'indirect').sort((a, b) => a.start - b.start);
  for (let k = 1; k < marked.length; k++) {
    if (marked[k].start < marked[k - 1].end)
      bad(`quotes #${marked[k - 1].i + 1} and #${marked[k].i + 1} overlap (annotate nested quotes only as the outer span)`);
  }

  if (gold.interactions !== undefined) {
    if (!Array.isArray(gold.interactions)) bad('"interactions" must be an array');
    else
      gold.interactions.forEach((it: unknown, i: number) => {
        const at = `interaction #${i + 1}`;
        if (!isObject(it)) return bad(`${at} is not an object`);
        if (!INTERACTION_KINDS.includes(it.kind as GoldInteractionKind)) bad(`${at}: kind must be one of ${INTERACTION_KINDS.join('|')}`);
        if (!Array.isArray(it.participants) || it.participants.length < 2) return bad(`${at}: needs at least two participants`);
        for (const who of it.participants) {
          if (typeof who !== 'string' || !who.trim()) bad(`${at}: bad participant ${JSON.stringify(who)}`);
          else if (!people.includes(who) && !nameOccursIn(who, folded)) bad(`${at}: participant "${who}" is not named in the article`);
        }
      });
  }
  return p;
}

/** Resolved gold quotes (call only after validateFixture found no problems). */
export function resolveGold(text: string, gold: QuoteGold): ResolvedGoldQuote[] {
  return gold.quotes.map((q) => {
    const start = findOccurrence(text, q.text, q.occurrence);
    return { ...q, start, end: start + q.text.length };
  });
}

export interface LoadedCorpus {
  corpus: string;
  fixtures: QuoteFixture[];
  problems: string[];
}

/** Loads and validates one corpus folder. Malformed fixtures are reported in `problems` and left out. */
export function loadQuoteCorpus(corpus: string, dir: string = quoteFixturesDir()): LoadedCorpus {
  const folder = path.join(dir, corpus);
  const problems: string[] = [];
  const fixtures: QuoteFixture[] = [];
  if (!fs.existsSync(folder)) return { corpus, fixtures, problems: [`${corpus}: folder ${folder} not found`] };
  const files = fs.readdirSync(folder);
  const names = files.filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).sort();
  for (const f of files.filter((f) => f.endsWith('.gold.json'))) {
    const base = f.slice(0, -'.gold.json'.length);
    if (!names.includes(base)) problems.push(`${corpus}/${base}: gold file without an article (${base}.txt)`);
  }
  for (const name of names) {
    const id = `${corpus}/${name}`;
    const file = path.join(folder, name + '.txt');
    const goldFile = path.join(folder, name + '.gold.json');
    if (!fs.existsSync(goldFile)) {
      problems.push(`${id}: missing ${name}.gold.json`);
      continue;
    }
    const text = fs.readFileSync(file, 'utf8');
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(goldFile, 'utf8'));
    } catch (e) {
      problems.push(`${id}: invalid JSON: ${(e as Error).message}`);
      continue;
    }
    const found = validateFixture(id, text, raw);
    if (found.length) {
      problems.push(...found);
      continue;
    }
    const gold = raw as QuoteGold;
    fixtures.push({ corpus, name, file, text, gold, quotes: resolveGold(text, gold) });
  }
  return { corpus, fixtures, problems };
}

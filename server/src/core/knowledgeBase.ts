// The leaders knowledge base: heads of state and government with their offices and term dates
// (server/data/leaders.json, documented in server/data/README.md), merged with the user's gazetteer records.
// Pure: no file system, no editor APIs. Every index is built once per instance; lookups are Map hits.

import type { LeaderRecord, OfficeTerm } from './types';
import leadersData from '../../data/leaders.json';

export type RecordSource = 'knowledge-base' | 'user-gazetteer';

export interface KnowledgeBase {
  readonly records: readonly LeaderRecord[];
  /** Records whose name, alias or surname (normalised) equals the normalised query; full names before surnames. */
  lookup(name: string): LeaderRecord[];
  /** True when the normalised string is the full name or an alias (not only a surname) of some record. */
  isFullName(name: string): boolean;
  /** The source of a record: 'knowledge-base' or 'user-gazetteer'. */
  sourceOf(record: LeaderRecord): RecordSource;
  /**
   * Office terms held on `date` (YYYY-MM-DD); all terms when date is undefined. Partial dates (YYYY, YYYY-MM)
   * compare sensibly: a partial date or term boundary stands for its whole year or month, and a term is held
   * on a date when the two overlap. Term ends are inclusive, so on a handover day both holders are returned.
   * A date that is not YYYY[-MM[-DD]] (a time after it is ignored) counts as undefined.
   */
  officesOn(record: LeaderRecord, date?: string): OfficeTerm[];
  /** Records holding `title` in `country` on `date` (any time when date undefined). */
  holdersOf(country: string, title: string, date?: string): LeaderRecord[];
}

// ---------------------------------------------------------------------------------------------------------
// Name normalisation

/** Letters that Unicode decomposition does not reduce to ASCII. */
const SPECIAL_LETTERS: Record<string, string> = {
  ı: 'i', ł: 'l', Ł: 'l', ø: 'o', Ø: 'o', đ: 'd', Đ: 'd', ð: 'd', Ð: 'd', ß: 'ss', æ: 'ae', Æ: 'ae',
  œ: 'oe', Œ: 'oe', þ: 'th', Þ: 'th', ħ: 'h', Ħ: 'h',
};
const SPECIAL_RE = /[ıłŁøØđĐðÐßæÆœŒþÞħĦ]/g;
/** Apostrophes, primes and the Arabic ayn/hamza marks of transliterations: dropped ("Shia'" = "Shia"). */
const APOSTROPHES_RE = /['’‘‛ʼʻʽʿʾ`´′]/g;
/**
 * The Arabic article in its transliterated forms (al-, el-, and the assimilated ad-, ar-, as-, ash-, at-,
 * az-...). Dropped when the name has another word, so 'al-Sisi', 'el-Sisi', 'Al Sisi', 'El-Sisi' and 'Sisi'
 * all normalise to 'sisi', and 'Al Thani' to 'thani'.
 */
const ARTICLES = new Set(['al', 'el', 'ad', 'adh', 'ar', 'as', 'ash', 'at', 'ath', 'az']);

/**
 * The form names are compared in: Unicode NFKD with diacritics removed ('Erdoğan' = 'Erdogan',
 * 'Yıldırım' = 'Yildirim'), lower case, apostrophes and transliteration marks removed, hyphens, dashes,
 * quotes, dots and other punctuation turned into spaces ('Jae-myung' = 'Jae myung', 'Donald J. Trump' =
 * 'donald j trump'), spaces collapsed, and the Arabic article dropped before another word (see ARTICLES):
 * 'Abdel Fattah el-Sisi', 'Abdel Fattah al-Sisi' → 'abdel fattah sisi'; 'al-Sisi', 'Sisi' → 'sisi'.
 * A name that is only an article ('Al') keeps it.
 */
export function normalizeName(s: string): string {
  if (!s) return '';
  let t = s.normalize('NFKD').replace(/\p{M}+/gu, '');
  t = t.replace(SPECIAL_RE, (c) => SPECIAL_LETTERS[c] ?? c).toLowerCase();
  t = t.replace(APOSTROPHES_RE, '');
  t = t.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  if (!t) return '';
  const words = t.split(' ');
  if (words.length > 1) {
    const kept = words.filter((w) => !ARTICLES.has(w));
    if (kept.length) return kept.join(' ');
  }
  return words.join(' ');
}

/** Office-title synonyms, applied after normalisation (news 'Premier' is the 'Prime Minister'...). */
const TITLE_SYNONYMS: Record<string, string> = {
  premier: 'prime minister',
  'head of government': 'prime minister',
  'president of the government': 'prime minister',
  amir: 'emir',
};
/** Modifiers that do not change the office: an acting president holds the office of President. */
const TITLE_MODIFIERS_RE = /^(?:acting|interim|caretaker|provisional)\s+/;

/**
 * The form office titles are compared in: case, diacritics and spacing folded, a leading
 * 'Acting'/'Interim'/'Caretaker'/'Provisional' dropped, and a few synonyms unified
 * ('Premier' and 'Head of Government' → 'prime minister', 'Amir' → 'emir').
 */
export function normalizeTitle(title: string): string {
  if (!title) return '';
  let t = title.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  t = t.replace(/[^\p{L}\p{N}']+/gu, ' ').trim();
  while (TITLE_MODIFIERS_RE.test(t)) t = t.replace(TITLE_MODIFIERS_RE, '');
  return TITLE_SYNONYMS[t] ?? t;
}

/** The surname as news uses it alone: the record's `surname`, else the last word of its name. */
export function surnameOf(record: LeaderRecord): string {
  if (record.surname && record.surname.trim()) return record.surname;
  const words = (record.name ?? '').trim().split(/\s+/);
  return words[words.length - 1] ?? '';
}

// ---------------------------------------------------------------------------------------------------------
// Dates: YYYY, YYYY-MM or YYYY-MM-DD (a time after a full date is ignored). A partial date stands for the
// whole year or month, so a term is held on a date when the two ranges overlap.

const DATE_RE = /^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|[T\s])/;

interface DateRange {
  low: string;
  high: string;
}

function dateRange(d: string | undefined): DateRange | undefined {
  if (typeof d !== 'string') return undefined;
  const m = DATE_RE.exec(d);
  if (!m) return undefined;
  const [, y, mo, da] = m;
  if (da) return { low: `${y}-${mo}-${da}`, high: `${y}-${mo}-${da}` };
  if (mo) return { low: `${y}-${mo}-01`, high: `${y}-${mo}-31` };
  return { low: `${y}-01-01`, high: `${y}-12-31` };
}

const FOREVER = '9999-12-31';
const NEVER = '0000-01-01';

function termRange(t: OfficeTerm): DateRange {
  return { low: dateRange(t.start)?.low ?? NEVER, high: t.end ? (dateRange(t.end)?.high ?? FOREVER) : FOREVER };
}

function overlaps(a: DateRange, b: DateRange): boolean {
  return a.low <= b.high && b.low <= a.high;
}

// ---------------------------------------------------------------------------------------------------------
// The knowledge base

const BUILTIN: readonly LeaderRecord[] = (leadersData as unknown as { leaders: LeaderRecord[] }).leaders;
const BUILTIN_SET: ReadonlySet<LeaderRecord> = new Set(BUILTIN);

interface HolderEntry {
  record: LeaderRecord;
  range: DateRange;
}

function isUsable(r: unknown): r is LeaderRecord {
  if (!r || typeof r !== 'object') return false;
  const x = r as Partial<LeaderRecord>;
  return typeof x.id === 'string' && x.id !== '' && typeof x.name === 'string' && x.name.trim() !== '';
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

/**
 * A knowledge base of the built-in leaders plus `userRecords` (already validated gazetteer records). A user
 * record with the id of a built-in record replaces it (in place); other user records are appended, and
 * among user records with the same id the last wins.
 */
export function createKnowledgeBase(userRecords?: LeaderRecord[]): KnowledgeBase {
  const records: LeaderRecord[] = [...BUILTIN];
  const indexById = new Map<string, number>();
  records.forEach((r, i) => indexById.set(r.id, i));
  const userSet = new Set<LeaderRecord>();
  const userIds = new Set<string>();
  for (const u of userRecords ?? []) {
    if (!isUsable(u)) continue;
    const at = indexById.get(u.id);
    if (at === undefined) {
      indexById.set(u.id, records.length);
      records.push(u);
    } else {
      userSet.delete(records[at]);
      records[at] = u;
    }
    userSet.add(u);
    userIds.add(u.id);
  }

  const fullIndex = new Map<string, LeaderRecord[]>();
  const surnameIndex = new Map<string, LeaderRecord[]>();
  const holderIndex = new Map<string, HolderEntry[]>();
  // Canonical names first, then aliases, so that lookup lists exact-name matches before alias matches.
  for (const r of records) {
    const k = normalizeName(r.name);
    if (k) push(fullIndex, k, r);
  }
  for (const r of records) {
    for (const a of Array.isArray(r.aliases) ? r.aliases : []) {
      const k = typeof a === 'string' ? normalizeName(a) : '';
      if (k) push(fullIndex, k, r);
    }
    const s = normalizeName(surnameOf(r));
    if (s) push(surnameIndex, s, r);
    for (const t of Array.isArray(r.offices) ? r.offices : []) {
      if (!t || typeof t.title !== 'string' || typeof t.country !== 'string') continue;
      const key = `${t.country.trim().toUpperCase()}|${normalizeTitle(t.title)}`;
      const list = holderIndex.get(key) ?? [];
      list.push({ record: r, range: termRange(t) });
      holderIndex.set(key, list);
    }
  }
  for (const list of holderIndex.values()) list.sort((a, b) => (a.range.low < b.range.low ? -1 : a.range.low > b.range.low ? 1 : 0));

  const kb: KnowledgeBase = {
    records,
    lookup(name: string): LeaderRecord[] {
      const k = normalizeName(name);
      if (!k) return [];
      const full = fullIndex.get(k) ?? [];
      const sur = surnameIndex.get(k) ?? [];
      if (!sur.length) return [...full];
      return [...full, ...sur.filter((r) => !full.includes(r))];
    },
    isFullName(name: string): boolean {
      const k = normalizeName(name);
      return k !== '' && fullIndex.has(k);
    },
    sourceOf(record: LeaderRecord): RecordSource {
      if (userSet.has(record)) return 'user-gazetteer';
      // A copy of a user record (e.g. after a structured clone across a worker boundary) still counts.
      if (record && userIds.has(record.id) && !BUILTIN_SET.has(record)) return 'user-gazetteer';
      return 'knowledge-base';
    },
    officesOn(record: LeaderRecord, date?: string): OfficeTerm[] {
      const terms = Array.isArray(record?.offices) ? record.offices : [];
      const q = dateRange(date);
      if (!q) return [...terms];
      return terms.filter((t) => overlaps(termRange(t), q));
    },
    holdersOf(country: string, title: string, date?: string): LeaderRecord[] {
      const list = holderIndex.get(`${(country ?? '').trim().toUpperCase()}|${normalizeTitle(title ?? '')}`);
      if (!list) return [];
      const q = dateRange(date);
      const out: LeaderRecord[] = [];
      for (const e of list) if ((!q || overlaps(e.range, q)) && !out.includes(e.record)) out.push(e.record);
      return out;
    },
  };
  return kb;
}

let shared: KnowledgeBase | undefined;

/** The built-in knowledge base without user records, created on first use and shared. */
export function defaultKnowledgeBase(): KnowledgeBase {
  if (!shared) shared = createKnowledgeBase();
  return shared;
}

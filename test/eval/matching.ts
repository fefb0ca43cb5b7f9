// When a predicted name is the gold one: name tokens without honorifics and suffixes, surnames one edit
// apart, and a speaker given by name or by a mention of the right entity.

import type { Entity } from '../../server/src/core/types';
import { foldText } from './quote-fixtures';

const HONORIFICS = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'rev', 'rt',
  'sen', 'senator', 'rep', 'gov', 'governor', 'president', 'prime', 'minister', 'chancellor', 'judge',
  'king', 'queen', 'sheikh', 'sheik', 'pm',
]);
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'kc', 'qc', 'mp', 'phd']);

/** Folded name tokens without a leading "the", honorifics, possessive "s" or suffixes like Jr./KC. */
export function nameTokens(name: string): string[] {
  let t = foldText(name).split(' ').filter(Boolean);
  if (t[0] === 'the') t = t.slice(1);
  while (t.length > 1 && HONORIFICS.has(t[0])) t = t.slice(1);
  while (t.length > 1 && SUFFIXES.has(t[t.length - 1])) t = t.slice(0, -1);
  return t;
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

const sameSurname = (a: string, b: string) => a === b || (a.length >= 5 && b.length >= 5 && editDistanceAtMostOne(a, b));

/**
 * Whether two names denote the same speaker: case, diacritics, punctuation and a leading "the" are
 * ignored ("the Kremlin" = "Kremlin", "Šefčovič" = "Sefcovic"); a single word matches the first or
 * last word of a longer name ("Putin" = "Vladimir Putin", "Xi" = "Xi Jinping"); full names match when
 * the surnames agree (one spelling slip allowed: Zelensky/Zelenskyy) and the first names agree or share
 * the initial (Mahmud/Mahmoud Abbas); an organisation name matches a longer one it ends
 * ("Foreign Ministry" = "Russian Foreign Ministry").
 */
export function namesMatch(a: string, b: string, type?: 'person' | 'organization' | 'country'): boolean {
  const x = nameTokens(a);
  const y = nameTokens(b);
  if (!x.length || !y.length) return false;
  if (x.join(' ') === y.join(' ')) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  // Organisations: no surname logic ("House" is not "the White House"), only a multi-word suffix.
  if (type === 'organization') return short.length >= 2 && long.slice(long.length - short.length).join(' ') === short.join(' ');
  if (short.length === 1) return sameSurname(short[0], long[long.length - 1]) || short[0] === long[0];
  if (sameSurname(short[short.length - 1], long[long.length - 1]) && short[0][0] === long[0][0]) return true;
  // Organisation suffix: "foreign ministry" vs "russian foreign ministry".
  return long.slice(long.length - short.length).join(' ') === short.join(' ');
}

const SPEAKER_MENTION_FORMS = new Set(['name', 'acronym', 'capital', 'metonym']);

/** Does the predicted speaker entity denote the gold speaker (or one of its accepted alternatives)? */
export function speakerMatches(
  entity: Entity | undefined,
  gold: string,
  alts: string[] = [],
  goldType?: 'person' | 'organization' | 'country',
): boolean {
  if (!entity) return false;
  const wanted = [gold, ...alts];
  if (namesMatch(entity.name, gold, goldType) || alts.some((w) => namesMatch(entity.name, w))) return true;
  // The entity is named in the text by the gold speaker's words ("the Kremlin" as a metonym of Russia).
  const exact = new Set(wanted.map((w) => nameTokens(w).join(' ')));
  return entity.mentions.some((m) => SPEAKER_MENTION_FORMS.has(m.form) && exact.has(nameTokens(m.text).join(' ')));
}

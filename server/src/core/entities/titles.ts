// Title-only and descriptive mentions ("the PM", "the Russian leader") resolved to the person they stand
// for, and each person's roles (knowledge-base offices at the article's date, or the article's titles).
import type { KnowledgeBase } from '../knowledgeBase';
import type { Role } from '../types';
import { addToIndex, attach, type PersonCluster } from './people';
import type { PlacedCandidate } from './table';

/** Gives every person their roles and offices, then attaches "the PM" and "the Russian leader" to one of them. */
export function resolveTitleMentions(clusters: PersonCluster[], persons: PlacedCandidate[], kb: KnowledgeBase, date: string | undefined): void {
  // People by office, so that "the PM" looks only at those who are (or are called) Prime Minister.
  const byOffice = new Map<string, PersonCluster[]>();
  for (const cl of clusters) {
    cl.roles = personRoles(cl, kb, date);
    cl.offices = new Set([...cl.titles.map((t) => t.office).filter(Boolean), ...cl.roles.map((r) => r.title)]);
    cl.countries = new Set([...cl.titles.flatMap((t) => (t.country ? [t.country] : [])), ...cl.roles.flatMap((r) => (r.country ? [r.country] : []))]);
    cl.starts = cl.mentions.map((m) => m.c.start).sort((a, b) => a - b);
    for (const o of cl.offices) addToIndex(byOffice, o, cl);
    if (cl.kb || cl.titles.some((t) => t.leader)) addToIndex(byOffice, LEADER_KEY, cl);
  }
  for (const c of persons) {
    if (c.kind !== 'title-only' && c.kind !== 'description') continue;
    const office = c.title?.office ?? '';
    const candidates = new Set((OFFICE_EQUIV[office] ?? [office]).flatMap((o) => byOffice.get(o) ?? []));
    if (office === 'Leader') for (const cl of byOffice.get(LEADER_KEY) ?? []) candidates.add(cl);
    const cl = resolveTitleMention([...candidates], c);
    if (cl) attach(cl, c, c.form === 'title' ? 'title' : 'description');
  }
}

const LEADER_KEY = '\u0000leader';
const OFFICE_EQUIV: Record<string, string[]> = {
  Leader: ['President', 'Prime Minister', 'Premier', 'Chancellor', 'King', 'Queen', 'Emir', 'Sultan', 'Supreme Leader', 'Crown Prince', 'Leader', 'Emperor', 'Head of State', 'Head of Government'],
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
  // "Kenya's president says …" in a headline, the president named below: with a country, the first one named after.
  let later: PersonCluster | undefined;
  for (const cl of clusters) {
    const starts = cl.starts!;
    if (!starts.length) continue;
    // (The caller passes only people holding or called by the office; checked again here for safety.)
    const officeOk = accepted.some((o) => cl.offices!.has(o)) || (office === 'Leader' && (!!cl.kb || cl.titles.some((t) => t.leader)));
    if (!officeOk) continue;
    if (wantCountry && !cl.countries!.has(wantCountry)) continue;
    if (starts[0] >= c.start) {
      if (wantCountry && (!later || starts[0] < later.starts![0])) later = cl;
      continue;
    }
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
  return best ?? later;
}

/**
 * Roles: the knowledge base's offices (at the article's date when known; otherwise those the article's
 * titles confirm, or the most recent), then titles from the text for people the knowledge base lacks.
 */
export function personRoles(cl: PersonCluster, kb: KnowledgeBase, date: string | undefined): Role[] {
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

// The leaders knowledge base's data file (server/data/leaders.json): schema, ids and dates, unique names,
// and coverage of every required country's offices since 2015.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { normalizeName } from '../../../../server/src/core/knowledgeBase';
import type { LeaderRecord, OfficeTerm } from '../../../../server/src/core/types';
import { DATA, kb, TODAY } from './fixtures';

// ---------------------------------------------------------------------------------------------------------
// The data file

test('leaders.json validates against leaders.schema.json', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(DATA, 'leaders.schema.json'), 'utf8'));
  const data: { version: number; updated: string } = JSON.parse(fs.readFileSync(path.join(DATA, 'leaders.json'), 'utf8'));
  assert.equal(data.version, 1);
  assert.match(data.updated, /^\d{4}-\d{2}-\d{2}$/);
  const ajv = new Ajv({ allErrors: true });
  const validate = ajv.compile(schema);
  assert.ok(validate(data), JSON.stringify(validate.errors?.slice(0, 10), null, 2));
  // The schema is strict: unknown fields, bad dates and codes, empty office lists are rejected.
  const bad = (leader: object) => !validate({ leaders: [leader] });
  const ok = { id: 'a-b', name: 'A B', offices: [{ title: 'King', country: 'ABC', role: 'head_of_state', start: '2020' }] };
  assert.ok(!bad(ok));
  assert.ok(bad({ ...ok, nickname: 'x' }));
  assert.ok(bad({ ...ok, offices: [] }));
  assert.ok(bad({ ...ok, id: 'A B' }));
  assert.ok(bad({ ...ok, offices: [{ ...ok.offices[0], country: 'AB' }] }));
  assert.ok(bad({ ...ok, offices: [{ ...ok.offices[0], start: '2020-1-1' }] }));
  assert.ok(bad({ ...ok, offices: [{ ...ok.offices[0], role: 'boss' }] }));
  assert.ok(bad({ ...ok, gender: 'x' }));
  assert.ok(!validate({ leaders: [], extra: 1 }));
  assert.ok(validate([ok]), 'a bare array of records is a valid gazetteer');
});

test('leaders.json: ids unique, sorted, kebab-case; real dates; start <= end', () => {
  const list: LeaderRecord[] = JSON.parse(fs.readFileSync(path.join(DATA, 'leaders.json'), 'utf8')).leaders;
  const seen = new Set<string>();
  let prev = '';
  for (const r of list) {
    assert.ok(!seen.has(r.id), `duplicate id ${r.id}`);
    seen.add(r.id);
    assert.ok(prev < r.id, `not sorted by id: ${prev} then ${r.id}`);
    prev = r.id;
    assert.ok(r.offices.length > 0, r.id);
    for (const t of r.offices) {
      for (const d of [t.start, t.end]) {
        if (d === undefined) continue;
        const [y, m, day] = d.split('-').map(Number);
        if (m !== undefined) assert.ok(m >= 1 && m <= 12, `${r.id}: month in ${d}`);
        if (day !== undefined) assert.equal(new Date(Date.UTC(y, m - 1, day)).getUTCDate(), day, `${r.id}: no such day ${d}`);
      }
      if (t.end) assert.ok(t.start <= t.end, `${r.id}: ${t.title} ${t.country} ends ${t.end} before it starts ${t.start}`);
      assert.ok(t.start <= TODAY, `${r.id}: starts in the future`);
    }
  }
  assert.ok(list.length > 200, `only ${list.length} records`);
});

test('no name or alias names two people', () => {
  const owners = new Map<string, Set<string>>();
  for (const r of kb.records)
    for (const n of [r.name, ...(r.aliases ?? [])]) {
      const k = normalizeName(n);
      if (!owners.has(k)) owners.set(k, new Set());
      owners.get(k)!.add(r.id);
    }
  const clashes = [...owners].filter(([, s]) => s.size > 1).map(([k, s]) => `${k}: ${[...s].join(', ')}`);
  assert.deepEqual(clashes, []);
});


// ---------------------------------------------------------------------------------------------------------
// Coverage: every required country has a head of state (and, where the office exists, a head of government)
// on every day from 2015-01-01 to today, apart from the vacancies listed here; offices held by two people
// at once for more than a week are listed too.

const REQUIRED = 'ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA UKR DZA BHR EGY IRN IRQ ISR JOR KWT LBN LBY MAR OMN PSE QAT SYR TUN ARE YEM SDN'.split(' ');
const EXTRA = 'BLR POL HUN VEN PRK PAK AFG ESP VAT'.split(' ');
/** Countries whose head of state is also head of government (no separate head-of-government office). */
const NO_SEPARATE_HOG: Record<string, string> = {
  USA: 'presidential', MEX: 'presidential', ARG: 'presidential', BRA: 'presidential', IDN: 'presidential', ZAF: 'presidential',
  VEN: 'presidential', VAT: 'the Pope heads the Holy See; no head of government recorded',
};
/** Known vacancies [country, role, first day, last day, reason]. Gaps of up to 7 days are not reported. */
const GAPS: [string, 'head_of_state' | 'head_of_government', string, string, string][] = [
  ['LBN', 'head_of_state', '2015-01-01', '2016-10-30', 'presidential vacancy 2014-2016; the cabinet exercised the powers'],
  ['LBN', 'head_of_state', '2022-10-31', '2025-01-08', 'presidential vacancy 2022-2025'],
  ['SYR', 'head_of_state', '2024-12-09', '2025-01-28', 'al-Sharaa de facto leader (role other) before being named president'],
  ['SYR', 'head_of_government', '2025-03-30', TODAY, 'post of prime minister abolished by the 2025 constitutional declaration'],
  ['TUR', 'head_of_government', '2018-07-10', TODAY, 'post of prime minister abolished in 2018'],
  ['TUN', 'head_of_government', '2021-07-26', '2021-10-10', 'no prime minister after Saied dismissed Mechichi'],
  ['SDN', 'head_of_government', '2015-01-01', '2017-02-28', 'no prime minister until 2017'],
  ['SDN', 'head_of_government', '2019-04-12', '2019-08-20', 'military council, no prime minister'],
  ['SDN', 'head_of_government', '2021-10-26', '2021-11-20', 'Hamdok deposed by the coup until his reinstatement'],
  ['SDN', 'head_of_government', '2022-01-03', '2025-05-18', 'no prime minister after Hamdok resigned (acting ministers not recorded)'],
  ['KOR', 'head_of_government', '2015-04-28', '2015-06-17', 'acting prime minister not recorded'],
  ['KOR', 'head_of_government', '2017-05-12', '2017-05-30', 'acting prime minister not recorded'],
  ['KOR', 'head_of_government', '2021-04-17', '2021-05-13', 'acting prime minister not recorded'],
  ['KOR', 'head_of_government', '2022-05-13', '2022-05-20', 'acting prime minister not recorded'],
  ['KOR', 'head_of_government', '2025-05-02', '2025-07-02', 'acting prime ministers not recorded'],
  ['VAT', 'head_of_state', '2025-04-22', '2025-05-07', 'sede vacante between Francis and Leo XIV'],
  ['AFG', 'head_of_government', '2015-01-01', '2021-09-06', 'the President headed the government (the Chief Executive is recorded as other)'],
];
/** Known double holders [country, role, first day, last day, reason]. */
const OVERLAPS: [string, 'head_of_state' | 'head_of_government', string, string, string][] = [
  ['BRA', 'head_of_state', '2016-05-12', '2016-08-31', 'Rousseff suspended, Temer acting'],
  ['KOR', 'head_of_state', '2016-12-09', '2017-03-10', 'Park suspended, Hwang acting'],
  ['KOR', 'head_of_state', '2024-12-14', '2025-04-04', 'Yoon suspended, Han / Choi / Han acting'],
  ['PRK', 'head_of_government', '2024-12-01', '2024-12-31', 'premiers change in December 2024, day not recorded'],
];

function addDays(d: string, n: number): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

/** Terms of one role in one country as [first day, last day, record id], partial dates widened. */
function termsOf(country: string, role: OfficeTerm['role']): [string, string, string, OfficeTerm][] {
  const widen = (d: string, end: boolean) => (d.length === 10 ? d : d.length === 7 ? `${d}-${end ? '31' : '01'}` : `${d}-${end ? '12-31' : '01-01'}`);
  return kb.records.flatMap((r) =>
    r.offices.filter((t) => t.country === country && t.role === role).map((t): [string, string, string, OfficeTerm] => [widen(t.start, false), t.end ? widen(t.end, true) : '9999-12-31', r.id, t]),
  );
}

test('coverage: a head of state and of government every day since 2015, except known vacancies', () => {
  const problems: string[] = [];
  const countries = [...REQUIRED, ...EXTRA];
  for (const c of countries) {
    for (const role of ['head_of_state', 'head_of_government'] as const) {
      if (role === 'head_of_government' && c in NO_SEPARATE_HOG) continue;
      let gapStart: string | undefined;
      let overlapStart: string | undefined;
      const flush = (kind: 'gap' | 'overlap', from: string, to: string) => {
        const days = (Date.parse(to) - Date.parse(from)) / 864e5 + 1;
        const list = kind === 'gap' ? GAPS : OVERLAPS;
        const known = list.some(([kc, kr, a, b]) => kc === c && kr === role && a <= from && to <= b);
        if (!known && days > 7) problems.push(`${c} ${role}: ${kind} ${from} … ${to} (${days} days)`);
      };
      const terms = termsOf(c, role);
      for (let d = '2015-01-01'; d <= TODAY; d = addDays(d, 1)) {
        const on = terms.filter(([a, b]) => a <= d && d <= b);
        const n = new Set(on.map(([, , id]) => id)).size;
        if (n === 0 && gapStart === undefined) gapStart = d;
        if (n !== 0 && gapStart !== undefined) {
          flush('gap', gapStart, addDays(d, -1));
          gapStart = undefined;
        }
        // Two holders on the day one term ends and the next starts is a handover, not an overlap.
        const handover = n === 2 && on.some(([, , , t]) => t.end === d) && on.some(([, , , t]) => t.start === d);
        const over = n > 1 && !handover;
        if (over && overlapStart === undefined) overlapStart = d;
        if (!over && overlapStart !== undefined) {
          flush('overlap', overlapStart, addDays(d, -1));
          overlapStart = undefined;
        }
      }
      if (gapStart !== undefined) flush('gap', gapStart, TODAY);
      if (overlapStart !== undefined) flush('overlap', overlapStart, TODAY);
    }
  }
  assert.deepEqual(problems, []);
});

// Countries: names, demonyms, capitals and metonyms linked to ISO alpha-3 codes; ambiguous words only in
// a context that makes them countries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, spansConsistent } from '../../helpers';

const CASES: { name: string; text: string; expect: [string, string, string][]; absent?: string[] }[] = [
  // [surface text, iso3, form]
  { name: 'names and acronyms', text: 'The United States and the U.K. warned Iran. The US and UK agreed.', expect: [['United States', 'USA', 'name'], ['U.K.', 'GBR', 'acronym'], ['Iran', 'IRN', 'name'], ['US', 'USA', 'acronym'], ['UK', 'GBR', 'acronym']] },
  { name: 'demonyms', text: 'Russian and Israeli officials met Egyptian diplomats.', expect: [['Russian', 'RUS', 'demonym'], ['Israeli', 'ISR', 'demonym'], ['Egyptian', 'EGY', 'demonym']] },
  { name: 'capitals and metonyms', text: 'Moscow and the Kremlin denied it, while the White House and Downing Street stayed silent.', expect: [['Moscow', 'RUS', 'capital']] },
  { name: 'Jordan the country in context', text: 'Refugees fled to Jordan and Lebanon last year.', expect: [['Jordan', 'JOR', 'name'], ['Lebanon', 'LBN', 'name']] },
  { name: 'Jordan the person is no country', text: 'Michael Jordan visited the team.', expect: [], absent: ['Jordan'] },
  { name: 'Georgia Tech is no country', text: 'Students at Georgia Tech protested.', expect: [], absent: ['Georgia'] },
  { name: 'Georgia the country next to Russia', text: 'Russia invaded Georgia in 2008.', expect: [['Russia', 'RUS', 'name'], ['Georgia', 'GEO', 'name']] },
  { name: 'turkey the bird and china the porcelain', text: 'We ate turkey off the best china at Thanksgiving.', expect: [], absent: ['turkey', 'china'] },
  { name: 'Turkey the country', text: 'Sweden joined NATO after Turkey dropped its objection.', expect: [['Sweden', 'SWE', 'name'], ['Turkey', 'TUR', 'name']] },
  { name: 'Chad the country vs Chad the name', text: 'Chad Smith played drums. Floods hit Chad and Niger.', expect: [['Chad', 'TCD', 'name'], ['Niger', 'NER', 'name']] },
  { name: 'possessive country', text: "Malaysia's Prime Minister spoke about Taiwan's election.", expect: [['Malaysia', 'MYS', 'name'], ['Taiwan', 'TWN', 'name']] },
];

for (const c of CASES) {
  test(`countries: ${c.name}`, () => {
    const { a, countries } = analyze(c.text);
    assert.deepEqual(spansConsistent(c.text, a), []);
    const found = countries.flatMap((e) => e.mentions.map((m) => [m.text, e.iso3, m.form] as [string, string, string]));
    for (const exp of c.expect) assert.ok(found.some((f) => f[0] === exp[0] && f[1] === exp[1] && f[2] === exp[2]), `${exp.join('/')} not in ${JSON.stringify(found)}`);
    for (const bad of c.absent ?? []) assert.ok(!found.some((f) => f[0] === bad), `${bad} wrongly a country: ${JSON.stringify(found)}`);
  });
}

test('countries: metonyms are organisations linked to their country', () => {
  const { orgs } = analyze('The Kremlin denied the report, and the White House declined to comment.');
  const kremlin = orgs.find((o) => o.name === 'the Kremlin');
  assert.equal(kremlin?.country, 'RUS');
  assert.equal(kremlin?.mentions[0].form, 'metonym');
  assert.equal(orgs.find((o) => o.name === 'the White House')?.country, 'USA');
});

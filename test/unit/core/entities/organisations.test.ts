// Organisations as news names them: the whole name (a leading demonym or country, "of Canada", "and Mail"), a
// newspaper's "The" but not a sentence's, and acronyms under the organisation's full name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, spansConsistent } from '../../helpers';

const CASES: { name: string; text: string; orgs: string[]; absent?: string[] }[] = [
  {
    name: 'a demonym or a country starts the name',
    text: 'The Canadian Medical Association welcomed the change. The U.S. Chamber of Commerce said in a statement that the vote was welcome.',
    orgs: ['Canadian Medical Association', 'U.S. Chamber of Commerce'],
    absent: ['Medical Association', 'The U.S. Chamber'],
  },
  {
    name: 'a country after "of" ends the name',
    text: 'The Supreme Court of Canada ruled on Friday, a day after the Bank of England held its rates.',
    orgs: ['Supreme Court of Canada', 'Bank of England'],
  },
  {
    name: '"and" inside an organisation\'s name, never between two people',
    text: 'The Globe and Mail reported that the Department of Health and Social Care had been warned. Trudeau and Ford met on Monday.',
    orgs: ['The Globe and Mail', 'Department of Health and Social Care'],
    absent: ['Trudeau and Ford'],
  },
  {
    name: "a newspaper keeps its The, a sentence's The is no part of a name",
    text: 'The World Health Organisation said the outbreak was over. The Moscow Times reported it on Monday. By Jane Doe, The Canadian Press.',
    orgs: ['World Health Organisation', 'The Moscow Times', 'The Canadian Press'],
    absent: ['The World Health Organisation', 'Times on Monday'],
  },
  {
    name: 'an acronym is the organisation under its full name; the article spelling wins',
    text: 'The UN said aid was blocked. According to the U.N., 200 trucks entered. WHO say deficiency is preventable; the World Health Organisation agreed.',
    orgs: ['United Nations', 'World Health Organisation'],
    absent: ['UN', 'U.N.', 'WHO', 'World Health Organization'],
  },
  {
    name: 'a plural possessive inside an organisation\'s name, spelled as written',
    text: 'The BC Nurses’ Union says the closures are a symptom. The Ontario Teachers\' Federation said the deal was fair.',
    orgs: ['BC Nurses’ Union', "Ontario Teachers' Federation"],
    absent: ['Union', 'BC Nurses ’ Union'],
  },
];

for (const c of CASES) {
  test(`organisations: ${c.name}`, () => {
    const { orgs, a } = analyze(c.text);
    assert.deepEqual(spansConsistent(c.text, a), []);
    const names = orgs.map((o) => o.name);
    for (const n of c.orgs) assert.ok(names.includes(n), `${n} not in ${JSON.stringify(names)}`);
    for (const n of c.absent ?? []) assert.ok(!names.includes(n), `${n} wrongly an organisation: ${JSON.stringify(names)}`);
  });
}

test('organisations: one entity for an acronym and its full name', () => {
  const { orgs } = analyze('The United Nations called for calm. A UN spokesman said convoys were waiting.');
  const un = orgs.filter((o) => o.name === 'United Nations');
  assert.equal(un.length, 1);
  assert.deepEqual(un[0].mentions.map((m) => m.text), ['United Nations', 'UN']);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findArticleDate } from '../../../server/src/core/articleDate';

const CASES: [string, string, string | undefined, string | undefined][] = [
  ['front matter', '---\ntitle: Talks\ndate: 2023-10-16\n---\nText.', undefined, '2023-10-16'],
  ['a Wikinews-style dateline', 'Headline here\nFriday, July 21, 2017\nA group of teenagers…', undefined, '2017-07-21'],
  ['day month year', 'LONDON, 4 March 2024 – The minister said…', undefined, '2024-03-04'],
  ['the option wins over the text', 'Friday, July 21, 2017\nText', '2020-01-02', '2020-01-02'],
  ['no date at all', 'Russian President Vladimir Putin spoke on Monday.', undefined, undefined],
  ['an impossible date is ignored', 'February 30, 2023: nothing happened.', undefined, undefined],
];

for (const [name, text, option, expected] of CASES) {
  test(`article date: ${name}`, () => {
    assert.equal(findArticleDate(text, option)?.date, expected);
  });
}

// Validates the hand-annotated quote fixtures themselves (test/fixtures/quotes/<corpus>/NAME.txt +
// NAME.gold.json) — not the engine. The accuracy harness (test/eval/evaluate.ts) relies on them.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  CLOSING_MARKS,
  OPENING_MARKS,
  findOccurrence,
  listQuoteCorpora,
  loadQuoteCorpus,
  quoteFixturesDir,
  resolveGold,
  validateFixture,
  wordCount,
  type QuoteGold,
} from '../../../eval/quote-fixtures';

const dir = quoteFixturesDir();
const corpora = listQuoteCorpora(dir);

const fixtureNames = (corpus: string) =>
  fs
    .readdirSync(path.join(dir, corpus))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -4))
    .sort();

describe('quote fixture corpora', () => {
  test('the wire and intl corpora exist', () => {
    assert.ok(corpora.includes('wire'), `corpora found: ${corpora.join(', ')}`);
    assert.ok(corpora.includes('intl'), `corpora found: ${corpora.join(', ')}`);
  });

  test('about 30 fixtures, at least 10 per corpus', () => {
    const counts = corpora.map((c) => fixtureNames(c).length);
    for (const [i, n] of counts.entries()) assert.ok(n >= 10, `${corpora[i]} has only ${n} fixtures`);
    assert.ok(
      counts.reduce((a, b) => a + b, 0) >= 28,
      `only ${counts.reduce((a, b) => a + b, 0)} fixtures`,
    );
  });

  test('every corpus loads without problems', () => {
    for (const c of corpora) assert.deepEqual(loadQuoteCorpus(c, dir).problems, [], c);
  });

  test('the reporting conventions we rely on are all covered', () => {
    const all = new Set(corpora.flatMap(fixtureNames));
    for (const name of [
      'wire-said-after-name',
      'inverted-said-name',
      'colon-introduced-statement',
      'multi-paragraph-quote',
      'nested-quotes',
      'mixed-fragment-quotes',
      'pronoun-speaker',
      'quote-continuation-paragraphs',
      'apostrophes-not-quotes',
      'according-to',
      'told-reporters',
      'spokesperson-for-organisation',
      'statement-read',
      'interview-qa',
      'scare-quotes-and-titles',
      'straight-quotes-crlf',
      'headline-and-dateline',
      'british-single-quotes',
      'guillemets-european-press',
      'curly-quotes',
    ])
      assert.ok(all.has(name), `missing fixture ${name}`);
  });

  test('the wire corpus is American wire style: straight double quotes only', () => {
    for (const name of fixtureNames('wire')) {
      const text = fs.readFileSync(path.join(dir, 'wire', name + '.txt'), 'utf8');
      assert.doesNotMatch(text, /[“”‘«»‹›„]/, `wire/${name} has curly quotes or guillemets`);
      const gold = JSON.parse(fs.readFileSync(path.join(dir, 'wire', name + '.gold.json'), 'utf8')) as QuoteGold;
      assert.equal(gold.quoteStyle, 'double', `wire/${name}`);
    }
  });

  test('the intl corpus is British/international style: single quotes, guillemets or curly quotes', () => {
    for (const name of fixtureNames('intl')) {
      const text = fs.readFileSync(path.join(dir, 'intl', name + '.txt'), 'utf8');
      const gold = JSON.parse(fs.readFileSync(path.join(dir, 'intl', name + '.gold.json'), 'utf8')) as QuoteGold;
      assert.ok(
        gold.quoteStyle !== 'double' || /[“”«»‹›]/.test(text) || /(ANKARA|\(ANI\))/.test(text),
        `intl/${name} looks like American wire copy`,
      );
    }
  });

  test('each corpus has direct, mixed and scare quotes, unnamed speakers or organisations, and interactions', () => {
    for (const c of corpora) {
      const { fixtures } = loadQuoteCorpus(c, dir);
      const quotes = fixtures.flatMap((f) => f.quotes);
      for (const kind of ['direct', 'mixed', 'scare', 'indirect'] as const)
        assert.ok(quotes.some((q) => q.kind === kind), `${c} has no ${kind} quote`);
      assert.ok(quotes.some((q) => q.speakerType === 'organization'), `${c} has no organisation speaker`);
      assert.ok(fixtures.some((f) => (f.gold.interactions ?? []).length > 0), `${c} has no interactions`);
    }
  });
});

for (const corpus of corpora) {
  describe(`quote fixtures: ${corpus}`, () => {
    for (const name of fixtureNames(corpus)) {
      test(`${corpus}/${name}`, () => {
        const text = fs.readFileSync(path.join(dir, corpus, name + '.txt'), 'utf8');
        const goldFile = path.join(dir, corpus, name + '.gold.json');
        assert.ok(fs.existsSync(goldFile), `missing ${name}.gold.json`);
        const gold = JSON.parse(fs.readFileSync(goldFile, 'utf8')) as QuoteGold;
        assert.deepEqual(validateFixture(`${corpus}/${name}`, text, gold), []);
        const words = wordCount(text);
        assert.ok(words >= 150 && words <= 500, `${words} words (want 150–500)`);
        assert.ok(gold.quotes.some((q) => q.kind === 'direct' || q.kind === 'mixed'), 'no direct or mixed quote');
        for (const q of resolveGold(text, gold)) {
          assert.equal(text.slice(q.start, q.end), q.text);
          assert.equal(q.start, findOccurrence(text, q.text, q.occurrence));
        }
      });
    }
  });
}

describe('the fixture validator rejects malformed gold', () => {
  const text = 'Mayor Jane Roe spoke on Monday. "We will rebuild," Roe said. "It will take years."';
  const good = (): QuoteGold => ({
    about: 'test',
    quoteStyle: 'double',
    quotes: [
      { text: '"We will rebuild,"', occurrence: 1, kind: 'direct', speaker: 'Jane Roe', speakerType: 'person' },
      { text: '"It will take years."', occurrence: 1, kind: 'direct', speaker: 'Jane Roe', speakerType: 'person' },
    ],
    people: ['Jane Roe'],
    interactions: [],
  });
  const problems = (mutate: (g: QuoteGold) => void) => {
    const g = good();
    mutate(g);
    return validateFixture('t', text, g);
  };

  test('a well-formed gold passes', () => assert.deepEqual(problems(() => {}), []));
  test('text not in the article', () =>
    assert.match(problems((g) => (g.quotes[0].text = '"We will rebuilt,"')).join(), /not found/));
  test('occurrence beyond the last one', () =>
    assert.match(problems((g) => (g.quotes[0].occurrence = 2)).join(), /occurs only 1/));
  test('unknown kind', () =>
    assert.match(problems((g) => ((g.quotes[0] as { kind: string }).kind = 'partial')).join(), /kind must be/));
  test('direct quote without its marks', () =>
    assert.match(problems((g) => (g.quotes[0].text = 'We will rebuild')).join(), /opening quotation mark/));
  test('speaker not named in the article', () =>
    assert.match(problems((g) => (g.quotes[0].speaker = 'John Doe')).join(), /not named/));
  test('person speaker missing from people', () =>
    assert.match(problems((g) => (g.people = [])).join(), /missing from "people"/));
  test('speaker without a type', () =>
    assert.match(problems((g) => delete g.quotes[0].speakerType).join(), /speakerType/));
  test('overlapping quotation spans', () =>
    assert.match(
      problems((g) => g.quotes.push({ text: '" Roe said. "', occurrence: 1, kind: 'scare', speaker: null })).join(),
      /overlap/,
    ));
  test('a scare quote with a speaker', () =>
    assert.match(problems((g) => (g.quotes[1].kind = 'scare')).join(), /scare quote has no speaker/));
  test('interaction with one participant', () =>
    assert.match(problems((g) => (g.interactions = [{ kind: 'call', participants: ['Jane Roe'] }])).join(), /two participants/));
  test('the mark sets cover straight, curly, guillemet and low quotes', () => {
    for (const c of '"“„«»‹›\'‘') assert.ok(OPENING_MARKS.includes(c), c);
    for (const c of '"”»«›‹\'’') assert.ok(CLOSING_MARKS.includes(c), c);
  });
});

// One test (or more) per diagnostic rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, spansConsistent } from '../../helpers';

const codes = (text: string, date?: string) => analyze(text, { date }).a.diagnostics;

test('title-mismatch: conflicting titles in one article, flagged on the wrong one with related information', () => {
  const text = 'Israeli President Benjamin Netanyahu spoke on Monday. Later, Israeli PM Netanyahu said Israel would win.';
  const d = codes(text).filter((x) => x.code === 'title-mismatch');
  assert.equal(d.length, 1, JSON.stringify(d));
  assert.equal(text.slice(d[0].start, d[0].end), 'Israeli President Benjamin Netanyahu');
  assert.match(d[0].message, /Prime Minister/);
  assert.equal(d[0].related?.[0].span.text, 'Israeli PM');
  assert.equal(d[0].data?.expectedOffice, 'Prime Minister');
});

test('title-mismatch: a title the knowledge base contradicts at the article date', () => {
  const text = 'Prime Minister Liz Truss announced the plan.';
  assert.ok(codes(text, '2022-10-01').every((x) => x.code !== 'title-mismatch'), 'Truss was PM in October 2022');
  assert.ok(codes(text, '2024-03-01').some((x) => x.code === 'title-mismatch'), 'Truss was no longer PM in 2024');
});

test('title-mismatch: no date, no date-based claim; "former" is never flagged', () => {
  assert.ok(codes('Prime Minister Liz Truss announced the plan.').every((x) => x.code !== 'title-mismatch'));
  assert.ok(codes('Former Prime Minister Boris Johnson spoke.', '2024-01-01').every((x) => x.code !== 'title-mismatch'));
});

test('unattributed-quote: a direct quote with no speaker', () => {
  const text = 'The ministry was silent.\n\n"We will never accept this outcome, whatever happens next."\n\nThe vote is on Friday.';
  const d = codes(text).filter((x) => x.code === 'unattributed-quote');
  assert.equal(d.length, 1);
  assert.equal(d[0].text, '"We will never accept this outcome, whatever happens next."');
  assert.ok(codes('"We will never accept this outcome," Foreign Minister Sergei Lavrov said.').every((x) => x.code !== 'unattributed-quote'));
});

test('unbalanced-quote: an opening mark never closed, and a stray closing mark', () => {
  const unclosed = 'Smith said: "This will never work and we all know it.\n\nThe council voted anyway.';
  const d1 = codes(unclosed).filter((x) => x.code === 'unbalanced-quote');
  assert.equal(d1.length, 1);
  assert.equal(d1[0].start, unclosed.indexOf('"'));
  const stray = 'The council voted anyway.” Nobody objected.';
  assert.equal(codes(stray).filter((x) => x.code === 'unbalanced-quote').length, 1);
  assert.equal(codes('"Balanced," she said.').filter((x) => x.code === 'unbalanced-quote').length, 0);
});

test('name-variant: one person spelled two ways', () => {
  const text = 'Palestinian leader Mahmoud Abbas met envoys. Later, Mahmud Abbas spoke.';
  const d = codes(text).filter((x) => x.code === 'name-variant');
  assert.equal(d.length, 1, JSON.stringify(d));
  assert.equal(d[0].text, 'Mahmud Abbas');
  assert.equal(d[0].data?.replacement, 'Mahmoud Abbas');
});

test('name-variant: a misspelt surname after a title, and no variant for two different surnames', () => {
  const text = 'Marguerite Oberholzer chairs the panel.\n\n"We will publish everything," Ms Oberholtzer said.';
  const d = codes(text).filter((x) => x.code === 'name-variant');
  assert.equal(d.length, 1, JSON.stringify(d));
  assert.equal(d[0].text, 'Oberholtzer');
  assert.equal(d[0].data?.replacement, 'Oberholzer');
  // Short surnames and surnames three letters apart are different people, not misspellings.
  const apart = 'Anna Cohen chairs the panel.\n\n"We will publish everything," Ms Cohn said. Daniel Bergmann agreed. Mr Bergström did not.';
  assert.equal(codes(apart).filter((x) => x.code === 'name-variant').length, 0);
});

test('title-mismatch: every repetition of a wrong title is flagged, each pointing at the first conflicting title', () => {
  const text = 'Israeli PM Benjamin Netanyahu spoke on Monday.\n\n' + 'Israeli President Benjamin Netanyahu spoke again. '.repeat(400);
  const d = codes(text).filter((x) => x.code === 'title-mismatch');
  assert.equal(d.length, 400);
  assert.ok(d.every((x) => x.related?.[0]?.span.start === 0 && x.related[0].span.text === 'Israeli PM'), 'related: the first title, "Israeli PM"');
});

test('ambiguous-speaker: "he said" after two men', () => {
  const text = 'Joe Biden met Olaf Scholz at the summit.\n\n"It was a productive meeting," he said.';
  const d = codes(text).filter((x) => x.code === 'ambiguous-speaker');
  assert.equal(d.length, 1, JSON.stringify(d));
  assert.equal(d[0].text, 'he');
  assert.equal(codes('Joe Biden arrived late.\n\n"It was a productive meeting," he said.').filter((x) => x.code === 'ambiguous-speaker').length, 0);
});

test('severity overrides and "off" apply per code', () => {
  const text = '"We will never accept this outcome, whatever happens next."';
  const { a } = analyze(text, { severities: { 'unattributed-quote': 'error' } });
  assert.equal(a.diagnostics.find((d) => d.code === 'unattributed-quote')?.severity, 'error');
  assert.equal(analyze(text, { severities: { 'unattributed-quote': 'off' } }).a.diagnostics.length, 0);
  assert.deepEqual(spansConsistent(text, a), []);
});

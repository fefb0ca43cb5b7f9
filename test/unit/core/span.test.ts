// The interval tests every stage shares (core/span.ts): end-exclusive UTF-16 offsets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contains, overlaps, shifted } from '../../../server/src/core/span';

const iv = (start: number, end: number) => ({ start, end });

test('overlaps: sharing a character counts, touching ends do not, a point strictly inside does', () => {
  const cases: [ReturnType<typeof iv>, ReturnType<typeof iv>, boolean][] = [
    [iv(0, 5), iv(4, 9), true],
    [iv(0, 5), iv(5, 9), false],
    [iv(3, 4), iv(0, 10), true],
    [iv(6, 9), iv(0, 5), false],
    [iv(2, 2), iv(0, 5), true],
    [iv(0, 0), iv(0, 5), false],
  ];
  for (const [a, b, want] of cases) {
    assert.equal(overlaps(a, b), want, `${JSON.stringify(a)} ${JSON.stringify(b)}`);
    assert.equal(overlaps(b, a), want, 'symmetric');
  }
});

test('contains: the inner interval lies wholly inside, ends included', () => {
  assert.equal(contains(iv(0, 10), iv(0, 10)), true);
  assert.equal(contains(iv(0, 10), iv(3, 7)), true);
  assert.equal(contains(iv(0, 10), iv(3, 11)), false);
  assert.equal(contains(iv(3, 7), iv(0, 10)), false);
});

test('shifted: moves both ends and leaves the original alone', () => {
  const a = iv(3, 7);
  assert.deepEqual(shifted(a, 100), iv(103, 107));
  assert.deepEqual(a, iv(3, 7));
});

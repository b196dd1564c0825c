/** `sortByStart` (`src/core/spans.ts`): the same order as a stable sort by `start`, in place. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sortByStart } from '../../src/core/spans';
import { rng } from './helpers';

test('sortByStart orders as a stable sort by start does, in place, and leaves sorted lists as they are', () => {
  const next = rng(42);
  for (let round = 0; round < 2000; round++) {
    const n = Math.floor(next() * 8);
    const sorted = next() < 0.5;
    let at = 0;
    const items = Array.from({ length: n }, (_, id) => ({ id, start: sorted ? (at += Math.floor(next() * 3)) : Math.floor(next() * 5) }));
    const expected = [...items].sort((a, b) => a.start - b.start);
    const result = sortByStart(items);
    assert.equal(result, items, 'the same array');
    assert.deepEqual(result, expected, JSON.stringify(expected));
  }
});

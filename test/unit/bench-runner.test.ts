/**
 * The bench's rounds (`test/bench/runner.ts`): a corpus gets its minimum of rounds, then more
 * while one more round keeps it within its time budget, never more than its maximum; every tool
 * runs in every round, in an order that rotates.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { anotherRound, compare, type RoundPlan } from '../bench/runner';

const plan: RoundPlan = { min: 3, max: 9, budgetMs: 30_000 };

test('a corpus gets at least its minimum of rounds, whatever they took', () => {
  assert.equal(anotherRound(plan, 0, 0), true);
  assert.equal(anotherRound(plan, 2, 120_000), true, 'two rounds of a minute each: the third still runs');
  assert.equal(anotherRound(plan, 3, 120_000), false, 'over the budget after the minimum: no fourth');
});

test('past the minimum, a round is added while one more (at the average so far) fits the budget', () => {
  // Three rounds of 1 s: 3 s so far, a fourth ends near 4 s.
  assert.equal(anotherRound(plan, 3, 3_000), true);
  // Three rounds of 8 s: 24 s so far, a fourth would end near 32 s.
  assert.equal(anotherRound(plan, 3, 24_000), false);
  // Three rounds of 7.5 s: a fourth ends at 30 s, inside the budget; a fifth would not.
  assert.equal(anotherRound(plan, 3, 22_500), true);
  assert.equal(anotherRound(plan, 4, 30_000), false);
});

test('never more than the maximum, however short the rounds', () => {
  assert.equal(anotherRound(plan, 8, 800), true);
  assert.equal(anotherRound(plan, 9, 900), false);
  assert.equal(anotherRound({ min: 1, max: 1, budgetMs: 1e9 }, 1, 1), false, 'a plan of one round (the 100 MB corpus)');
});

test('compare runs every tool in every round of its plan; a number is exactly that many rounds', () => {
  const work = mkdtempSync(join(tmpdir(), 'bench-runner-'));
  const tools = ['a', 'b'].map((name) => ({ name, command: () => [process.execPath, '-e', '0'] }));
  const lines: string[] = [];
  const short = compare(tools, work, { min: 2, max: 4, budgetMs: 60_000 }, work, work, (s) => lines.push(s));
  for (const name of ['a', 'b']) assert.equal(short.get(name)?.samples.length, 4, `${name}: short rounds fill the maximum`);
  assert.deepEqual(
    lines.map((l) => l.trim().split(':')[1].trim().split(',').map((part) => part.trim().split(' ')[0])),
    [['a', 'b'], ['b', 'a'], ['a', 'b'], ['b', 'a']],
    'the order rotates from round to round',
  );
  const fixed = compare(tools, work, 1, work, work, () => undefined);
  for (const name of ['a', 'b']) assert.equal(fixed.get(name)?.samples.length, 1);
  const none = compare(tools, work, { min: 1, max: 5, budgetMs: 0 }, work, work, () => undefined);
  for (const name of ['a', 'b']) assert.equal(none.get(name)?.samples.length, 1, 'a budget of nothing: the minimum only');
});

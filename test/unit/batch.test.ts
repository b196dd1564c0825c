/**
 * The CLI's `BatchLinter` shares the facts of identical blocks between documents: every result
 * must equal a fresh `lint` of the same text and options, whatever was linted before it, and
 * whether its cache keeps every block's facts or only the parser's (`cache-thrift.ts`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { BatchLinter, lint, type LintOptions } from '../../src/core/index';
import { FactCache, buildModel } from '../../src/core/document';
import { CacheThrift, FIRST_REST, MIN_SHARE, WINDOW } from '../../src/core/cache-thrift';
import { ROOT, read, rng } from './helpers';

const templates = readdirSync(join(ROOT, 'src/templates'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => read(join(ROOT, 'src/templates', f)));

test('a batch of documents that share blocks lints each as a fresh lint does, per options', () => {
  const batch = new BatchLinter();
  const random = rng(77);
  const options: LintOptions[] = [{}, { placeholderPatterns: ['\\bTBD\\b'] }, { syntax: 'mdx' }, { rules: { placeholder: 'off' } }];
  for (let i = 0; i < 60; i++) {
    const base = templates[i % templates.length];
    // The same template again and again, sometimes edited: most blocks repeat, some do not.
    const text = random() < 0.5 ? base : base.replace(/\[([A-Z][^\]\n]{2,30})\]/, (_m, inner: string) => `${inner} TBD`);
    const o = options[Math.floor(random() * options.length)];
    assert.deepEqual(batch.lint(text, o), lint(text, o), `document ${i} with ${JSON.stringify(o)}`);
  }
});

test('a thrifty cache goes lean after a window that found under one byte in MIN_SHARE, and tries again after its rest', () => {
  const thrift = new CacheThrift();
  for (let d = 0; d < WINDOW; d++) {
    thrift.lookedUp(1000, false);
    thrift.lookedUp(10, true);
    thrift.endBuild();
  }
  assert.equal(thrift.lean, true, '1% of the bytes found does not pay');
  // Lean documents are not judged: what they look up changes nothing.
  for (let d = 0; d < FIRST_REST; d++) {
    assert.equal(thrift.lean, true, `lean through document ${d} of the first rest`);
    thrift.lookedUp(1000, true);
    thrift.endBuild();
  }
  assert.equal(thrift.lean, false, 'keeps everything again after the rest');
  for (let d = 0; d < WINDOW; d++) {
    thrift.lookedUp(1000, false);
    thrift.endBuild();
  }
  for (let d = 0; d < 2 * FIRST_REST; d++) thrift.endBuild();
  assert.equal(thrift.lean, false, 'the second rest is twice as long as the first');
  for (let d = 0; d < WINDOW; d++) {
    thrift.lookedUp(1000 - 1000 / MIN_SHARE, false);
    thrift.lookedUp(1000 / MIN_SHARE, true);
    thrift.endBuild();
  }
  assert.equal(thrift.lean, false, 'a window that finds one byte in MIN_SHARE pays');
});

test('a batch of unrelated documents goes lean and every result still equals a fresh lint', () => {
  const batch = new BatchLinter();
  const random = rng(91);
  const words = ['partner', 'webhook', 'retry', 'token', 'scope', 'ledger', 'invoice', 'sandbox'];
  const doc = (i: number) => {
    const parts: string[] = [`# Guide ${i}`];
    for (let p = 0; p < 6; p++) {
      const line = Array.from({ length: 12 }, () => words[Math.floor(random() * words.length)]).join(' ');
      parts.push(p % 3 === 0 ? `- [ ] ${line} [Owner ${i}.${p}]` : `${line} (${i}.${p}).`);
    }
    // Every document also holds a block only the parser reads (a lean cache keeps these) and one template block.
    parts.push('> [!NOTE]\n> Brackets \\[escaped\\] in an alert, and [a link](https://example.com/a b).');
    parts.push(templates[i % templates.length].split('\n\n').slice(3, 6).join('\n\n'));
    return parts.join('\n\n');
  };
  for (let i = 0; i < WINDOW * 3 + FIRST_REST; i++) {
    const text = doc(i);
    assert.deepEqual(batch.lint(text), lint(text), `document ${i}`);
  }
});

test('a lean cache keeps the facts of blocks the parser read, and no others', () => {
  const cache = new FactCache(64, true);
  const options = { patterns: [] };
  const plain = (i: number) => `# Notes ${i}\n\nPlain words ${i} and more words.\n\nA second paragraph ${i}.`;
  const parsed = '> [!NOTE]\n> Brackets \\[escaped\\] in an alert, and [a link](https://example.com/a b).';
  for (let i = 0; i < WINDOW; i++) buildModel(plain(i), options, cache);
  const before = cache.size;
  assert.ok(before > 0, 'a thrifty cache keeps everything at first');
  buildModel(`${plain(1000)}\n\n${parsed}`, options, cache);
  assert.equal(cache.size, before + 1, 'lean: only the block the parser read is kept');
  const again = buildModel(parsed, options, cache);
  assert.deepEqual(again.fields, buildModel(parsed, options).fields, 'and its facts are found again');
});

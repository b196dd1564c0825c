/**
 * The CLI's `BatchLinter` shares the facts of identical blocks between documents: every result
 * must equal a fresh `lint` of the same text and options, whatever was linted before it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { BatchLinter, lint, type LintOptions } from '../../src/core/index';
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

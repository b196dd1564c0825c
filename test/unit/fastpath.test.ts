/**
 * The fast paths (no parse for code blocks, inert prose and plain chunks) must give exactly
 * what parsing every chunk with remark gives: on every fixture and template, and on thousands
 * of randomly mutated copies of them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { buildModel, lintModel, lint } from '../../src/core/index';
import { FIXTURES, ROOT, markdownFiles, read, rng } from './helpers';

function parsedEverywhere(text: string) {
  return lintModel(buildModel(text, { patterns: [], alwaysParse: true }));
}

function corpus(): [string, string][] {
  const templates = join(ROOT, 'src/templates');
  return [
    ...readdirSync(templates).map((f): [string, string] => [`templates/${f}`, read(join(templates, f))]),
    ...markdownFiles(FIXTURES).map((f): [string, string] => [f, read(join(FIXTURES, f))]),
  ];
}


const SNIPPETS = ['<', '<br>', '< 5', '<YOUR_KEY>', '<https://x.y/[a]>', '\\', '\\[', '\n[ref]: https://x.y "t"\n', '~~', '~', 'https://a.b/[x]', 'a@b.co', '_', '**', '](', '![i](p.png)', '[t][ref]', '> ', '\n> [!NOTE]\n', '[', ']', '{{', '}}', '`', '*', '_', '-', '#', '|', '\n', '\n\n', ' ', '    ', '> ', '- [ ] ', '1. ', '](x)', '<!-- ', ' -->', '\\', 'YYYY-MM-DD', '---\n', '```\n', '[x]', ': '];

function mutate(text: string, random: () => number): string {
  let out = text;
  const edits = 1 + Math.floor(random() * 3);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * (out.length + 1));
    if (random() < 0.3) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(random() * 5));
    else out = out.slice(0, at) + SNIPPETS[Math.floor(random() * SNIPPETS.length)] + out.slice(at);
  }
  return out;
}

test('fast paths equal a full parse on every fixture and template', () => {
  for (const [name, text] of corpus()) {
    assert.deepEqual(lint(text), parsedEverywhere(text), name);
  }
});

test('fast paths equal a full parse on mutated documents', () => {
  const random = rng(Number(process.env.FASTPATH_SEED ?? 1234));
  const docs = corpus();
  const rounds = Number(process.env.FASTPATH_ROUNDS ?? 400);
  for (let i = 0; i < rounds; i++) {
    const [name, base] = docs[i % docs.length];
    // Mutate a window so the test stays fast on long documents.
    const from = Math.floor(random() * Math.max(1, base.length - 1500));
    const text = mutate(base.slice(from, from + 1500), random);
    assert.deepEqual(lint(text), parsedEverywhere(text), `${name} @${from} round ${i}: ${JSON.stringify(text)}`);
  }
});

test('fast paths equal a full parse on cases the fuzz found', () => {
  for (const text of [
    '# T\n\n1. ## Definition of Done\n\n- [ ] Item\n',
    '- a\n    # Nested heading\n\n- [ ] Item\n',
    '> # Quoted heading\n',
    '| Cell |\n|---|\n    | {{#if a}}x{{/if}} |\n',
    '# Heading\n    [X] indented code\n',
    '\uFEFF# T [Field]\n\n```\n[command to verify]\n```\n',
  ]) {
    assert.deepEqual(lint(text), parsedEverywhere(text), JSON.stringify(text));
  }
});

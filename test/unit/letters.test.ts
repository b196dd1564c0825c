/**
 * Patterns with Unicode letter classes run as their ASCII twin on text with no letter or number
 * outside ASCII (`src/core/letters.ts`). Each twin must read such text exactly as its pattern.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import '../../src/core/index';
import { asciiLettersOnly, asciiTwinSource, caselessLetters, letters, lettersFrom, LETTER_PATTERNS, LetterPattern } from '../../src/core/letters';
import { FIXTURES, ROOT, markdownFiles, read, rng } from './helpers';

/** What `re` finds in `text` from the start: the match, its groups and where. */
function run(re: RegExp, text: string): string {
  re.lastIndex = 0;
  const m = re.exec(text);
  return m ? JSON.stringify([m.index, [...m]]) : 'none';
}

/** Every line of the fixtures and templates with no letter outside ASCII, and windows of them (as matchers see prefixes and suffixes). */
function asciiSamples(): string[] {
  const lines = [FIXTURES, join(ROOT, 'src/templates')].flatMap((dir) => markdownFiles(dir).flatMap((f) => read(join(dir, f)).split('\n')));
  const out = new Set<string>();
  for (const line of lines) {
    if (!asciiLettersOnly(line)) continue;
    out.add(line);
    for (let at = 1; at < line.length; at += 7) {
      out.add(line.slice(0, at));
      out.add(line.slice(at));
    }
  }
  // Characters outside ASCII that are no letter or number stay on the twin: quotes, dashes, emoji.
  const random = rng(11);
  const alphabet = ['a', 'Z', 'q', 'B', '7', '0', ' ', '\t', '_', '-', '.', ':', '[', ']', '{', '}', '<', '>', '’', '“', '”', '—', '–', '…', '→', '🙂', '\n'];
  for (let i = 0; i < 3000; i++) {
    let s = '';
    const n = 1 + Math.floor(random() * 12);
    for (let k = 0; k < n; k++) s += alphabet[Math.floor(random() * alphabet.length)];
    out.add(s);
  }
  return [...out];
}

test('every twin reads text with no letter or number outside ASCII exactly as its full pattern', () => {
  assert.ok(LETTER_PATTERNS.length >= 60, `${LETTER_PATTERNS.length} patterns`);
  const samples = asciiSamples();
  assert.ok(samples.length > 50_000, `${samples.length} samples`);
  let matched = 0;
  for (const p of LETTER_PATTERNS) {
    const twin = p.twin;
    assert.ok(twin, `no twin for /${p.full.source}/${p.full.flags}`);
    assert.equal(twin.flags, p.full.flags);
    assert.doesNotMatch(twin.source, /\\[pP]\{/, twin.source);
    let any = false;
    for (const s of samples) {
      const full = run(p.full, s);
      assert.equal(run(twin, s), full, `/${p.full.source}/${p.full.flags} on ${JSON.stringify(s)}`);
      any ||= full !== 'none';
    }
    if (any) matched++;
  }
  // The samples exercise the patterns: most of them match some line.
  assert.ok(matched >= LETTER_PATTERNS.length * 0.6, `${matched} of ${LETTER_PATTERNS.length} patterns matched a sample`);
});

test('text with a letter or number outside ASCII runs the full pattern', () => {
  const p = new LetterPattern(String.raw`^\p{Lu}\p{Ll}+$`, 'u');
  for (const s of ['Émile', 'Straße', 'Ärger', 'x٣', '\u212a', 'Mas\u017f', '東京']) {
    assert.equal(asciiLettersOnly(s), false, s);
    assert.equal(p.for(s), p.full, s);
  }
  assert.equal(p.test('Émile'), true);
  assert.equal(p.test('Emile'), true);
  assert.equal(p.test('’Emile'), false);
  for (const s of ['', 'plain', 'a ’quoted’ — dash…', '🙂 done']) assert.equal(asciiLettersOnly(s), true, s);
});

test('a twin cuts each class down to its ASCII part, in a class or alone, and leaves escapes alone', () => {
  assert.equal(asciiTwinSource(String.raw`^\p{L}[\p{Ll}\d_]*\p{Lu}$`), '^[A-Za-z][a-z\\d_]*[A-Z]$');
  assert.equal(asciiTwinSource(String.raw`[^\p{L}\p{N}]+`), '[^A-Za-z0-9]+');
  assert.equal(asciiTwinSource(String.raw`\\p{L}\[\p{N}\]`), String.raw`\\p{L}\[[0-9]\]`);
  assert.equal(asciiTwinSource(String.raw`[\]\p{L}]`), String.raw`[\]A-Za-z]`);
  // Classes it does not know leave the pattern without a twin: it always runs in full.
  assert.equal(asciiTwinSource(String.raw`\P{L}`), undefined);
  assert.equal(asciiTwinSource(String.raw`\p{Script=Greek}`), undefined);
  assert.equal(asciiTwinSource(String.raw`\p{constructor}`), undefined);
  assert.equal(new LetterPattern(String.raw`\p{Lo}`, 'u').twin, null);
  assert.equal(new LetterPattern(String.raw`\p{Lo}`, 'u').test('x'), false);
});

test('the tags read their raw text as the source of a literal: flags u (and i), parts put in as they are', () => {
  const upper = letters`^\p{Lu}[\p{L}\x60/]*$`;
  assert.equal(upper.full.source, /^\p{Lu}[\p{L}\x60/]*$/u.source);
  assert.equal(upper.full.flags, 'u');
  assert.equal(upper.test('A`b/c'), true);
  const tag = 'a|b';
  const choice = caselessLetters`^(?:${tag}) \p{L}+$`;
  assert.equal(choice.full.flags, 'iu');
  assert.equal(choice.test('B word'), true);
  assert.equal(choice.test('B wörd'), true);
  assert.equal(lettersFrom('^\\p{N}$', 'mu').full.flags, 'mu');
});

test('neither pattern is built before its first use, and the full one only for text that needs it', () => {
  const made: string[] = [];
  const Real = globalThis.RegExp;
  // Count the RegExp objects the pattern makes, by their source.
  globalThis.RegExp = new Proxy(Real, {
    construct(target, args: [string, string]) {
      made.push(args[0]);
      return new target(...args);
    },
  });
  try {
    const p = letters`^\p{Lu}\p{Ll}+$`;
    assert.deepEqual(made, []);
    assert.equal(p.test('Emile'), true);
    assert.deepEqual(made, ['^[A-Z][a-z]+$']);
    assert.equal(p.test('Émile'), true);
    assert.deepEqual(made, ['^[A-Z][a-z]+$', '^\\p{Lu}\\p{Ll}+$']);
    p.test('Straße');
    assert.equal(made.length, 2);
  } finally {
    globalThis.RegExp = Real;
  }
});

test('every pattern made by the tags is a valid pattern with the Unicode flag', () => {
  for (const p of LETTER_PATTERNS) {
    assert.ok(p.flags.includes('u'), p.source);
    assert.doesNotThrow(() => p.full, p.source);
  }
});

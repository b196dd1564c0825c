/**
 * Rule links point at the README shipped with the extension: a checkout has `README.md`, a VSIX
 * made by vsce stores `readme.md`, and Linux file systems are case-sensitive.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { guessReadmeName, readmeName } from '../../src/vscode/readme';
import { ROOT } from './helpers';

test('the README is found by name in any case; an exact README.md wins', () => {
  assert.equal(readmeName(['package.json', 'readme.md', 'dist']), 'readme.md', 'a VSIX');
  assert.equal(readmeName(['README.md', 'src']), 'README.md', 'a checkout');
  assert.equal(readmeName(['Readme.MD']), 'Readme.MD');
  assert.equal(readmeName(['readme.md', 'README.md']), 'README.md');
  assert.equal(readmeName(['readme.txt', 'docs']), undefined);
  assert.equal(guessReadmeName(true), 'readme.md');
  assert.equal(guessReadmeName(false), 'README.md');
  assert.equal(readmeName(readdirSync(ROOT)), 'README.md', 'this checkout');
});

test('the VSIX layout the packager checks stores readme.md, the name an installed extension links to', async () => {
  const { readFileSync } = await import('node:fs');
  const packager = readFileSync(`${ROOT}/src/build/package.mjs`, 'utf8');
  assert.ok(packager.includes("'extension/readme.md'"));
  assert.equal(readmeName(['readme.md']), guessReadmeName(true));
});

/**
 * `src/build/ensure-deps.mjs` (prestart/pretest/prebench): decides when node_modules must be
 * installed from package-lock.json, so `npm start` and `npm test` work on a fresh clone.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './helpers';

interface EnsureDeps {
  staleReason(lock: unknown, installed: unknown, exists: (path: string) => boolean): string | undefined;
  lockMismatches(pkg: unknown, lock: unknown): string[];
}

// A runtime path, so the bundler leaves the ES module to Node instead of inlining it.
const load = (): Promise<EnsureDeps> => import(pathToFileURL(join(ROOT, 'src/build/ensure-deps.mjs')).href);

const lock = {
  packages: {
    '': { devDependencies: { esbuild: '^0.28.2', yaml: '^2.9.1' } },
    'node_modules/esbuild': { version: '0.28.2', dev: true },
    'node_modules/@esbuild/darwin-arm64': { version: '0.28.2', dev: true, optional: true },
    'node_modules/yaml': { version: '2.9.1', dev: true },
  },
};
const installed = {
  packages: {
    'node_modules/esbuild': { version: '0.28.2' },
    'node_modules/yaml': { version: '2.9.1' },
  },
};
const all = () => true;

test('node_modules in step with the lock file needs no install (optional platform packages may be absent)', async () => {
  const { staleReason } = await load();
  assert.equal(staleReason(lock, installed, all), undefined);
});

test('a fresh clone, a foreign node_modules, a missing package and an old version each say why', async () => {
  const { staleReason } = await load();
  assert.equal(staleReason(lock, undefined, (p) => p !== 'node_modules'), 'node_modules is missing');
  assert.equal(staleReason(lock, undefined, all), 'node_modules was not installed from package-lock.json');
  assert.equal(staleReason(lock, installed, (p) => p !== 'node_modules/yaml'), 'yaml is not installed');
  const old = { packages: { ...installed.packages, 'node_modules/yaml': { version: '2.8.0' } } };
  assert.equal(staleReason(lock, old, all), 'yaml is 2.8.0, package-lock.json wants 2.9.1');
});

test('package.json edited without npm install is named, added and removed dependencies alike', async () => {
  const { lockMismatches } = await load();
  assert.deepEqual(lockMismatches({ devDependencies: { esbuild: '^0.28.2', yaml: '^2.9.1' } }, lock), []);
  assert.deepEqual(lockMismatches({ devDependencies: { esbuild: '^0.29.0', yaml: '^2.9.1', ajv: '^8.0.0' } }, lock), [
    'esbuild@^0.29.0',
    'ajv@^8.0.0',
  ]);
  assert.deepEqual(lockMismatches({ devDependencies: { esbuild: '^0.28.2' } }, lock), ['yaml (removed)']);
});

test("this checkout's package.json and package-lock.json agree, and no dev dependency refuses Node 20", async () => {
  const { lockMismatches } = await load();
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const real = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
  assert.deepEqual(lockMismatches(pkg, real), []);
  const refusing = Object.entries(real.packages as Record<string, { engines?: { node?: string }; optional?: boolean }>)
    .filter(([path, e]) => path && !e.optional && /^>=\s*(2[2-9]|[3-9]\d)/.test(e.engines?.node ?? ''))
    .map(([path, e]) => `${path} (node ${e.engines?.node})`);
  assert.deepEqual(refusing, [], 'packages whose engines exclude Node 20');
});

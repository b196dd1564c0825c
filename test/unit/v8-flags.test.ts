/**
 * The V8 flags the CLI's launcher sets (`src/cli/v8-flags.ts`): each one the running engine
 * knows (V8 prints an unknown flag's error to stdout, into the JSON output), and the tuning
 * measured on one engine is not set on another.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { engineFlags, largeRunFlags } from '../../src/cli/v8-flags';

/** The flag's name as `--v8-options` lists it: no value, no `no-` prefix, dashes. */
function nameOf(flag: string): string {
  return flag.replace(/=.*$/, '').replace(/^--no-/, '--').replace(/_/g, '-');
}

test('every flag set on the running engine is one it knows', () => {
  const listed = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout;
  const known = new Set([...listed.matchAll(/^\s+(--[a-z0-9-]+) \(/gm)].map((m) => m[1]));
  assert.ok(known.size > 100, 'node --v8-options listed its flags');
  const flags = engineFlags(process.versions.v8);
  assert.ok(flags.includes('--no-regexp-tier-up'));
  for (const flag of flags) assert.ok(known.has(nameOf(flag)), `${flag} is a flag of V8 ${process.versions.v8}`);
});

test('an engine the tuning was not measured on gets only the flags for every engine', () => {
  assert.deepEqual(engineFlags('13.6.233.17-node.63'), ['--no-regexp-tier-up']);
  assert.deepEqual(engineFlags('not a version'), ['--no-regexp-tier-up']);
  assert.deepEqual(engineFlags('11.3.244.8-node.38'), ['--no-regexp-tier-up', '--interrupt-budget=200000', '--max-inlined-bytecode-size=100', '--semi-space-growth-factor=1']);
});

test('a large run gives V8 back the growth of its young generation, on the engine that kept it small', () => {
  assert.deepEqual(largeRunFlags('11.3.244.8-node.38'), ['--semi-space-growth-factor=2']);
  assert.deepEqual(largeRunFlags('13.6.233.17-node.63'), [], 'nothing to give back where nothing was set');
  const listed = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout;
  for (const flag of largeRunFlags(process.versions.v8)) assert.ok(listed.includes(`${nameOf(flag)} (`), `${flag} is a flag of V8 ${process.versions.v8}`);
});

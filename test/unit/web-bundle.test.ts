/**
 * The web bundle (`browser` entry, dist/web/extension.js) evaluates and activates in a
 * sandbox that has only what a web worker has — no `process`, `Buffer`, `setImmediate` or
 * `require` beyond `vscode` — against an inert stand-in for the `vscode` API.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { ROOT } from './helpers';
import { inert } from './vscode-stub';

test('the web bundle activates without Node globals', () => {
  const file = join(ROOT, 'dist/web/extension.js');
  assert.ok(existsSync(file), 'npm run build makes dist/web/extension.js');
  const module = { exports: {} as Record<string, unknown> };
  const required: string[] = [];
  const sandbox = {
    module,
    exports: module.exports,
    require: (id: string) => {
      required.push(id);
      if (id !== 'vscode') throw new Error(`the web bundle requires "${id}"`);
      return inert();
    },
    setTimeout,
    clearTimeout,
    queueMicrotask,
    console,
    TextDecoder,
    TextEncoder,
    URL,
  };
  runInNewContext(readFileSync(file, 'utf8'), sandbox, { filename: file });
  const activate = module.exports.activate as (ctx: unknown) => { activationMs: number };
  assert.equal(typeof activate, 'function');
  const subscriptions: unknown[] = [];
  const api = activate({ subscriptions, extensionUri: inert() });
  assert.equal(typeof api.activationMs, 'number');
  assert.ok(subscriptions.length > 5, 'disposables were registered');
  assert.deepEqual([...new Set(required)], ['vscode']);
});

test('the web bundle goes without js-yaml: a frontmatter with a field schema is read whole there', () => {
  const text = readFileSync(join(ROOT, 'dist/web/extension.js'), 'utf8');
  // A message of js-yaml's parser, and the stand-in that takes its place (src/core/yaml-events.web.ts).
  assert.doesNotMatch(text, /duplicated mapping key/);
  assert.match(text, /js-yaml is not in the web bundle/);
  assert.match(readFileSync(join(ROOT, 'dist/lazy/yaml-events.js'), 'utf8'), /duplicated mapping key/, 'the Node bundles have it');
});

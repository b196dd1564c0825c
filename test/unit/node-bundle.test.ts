/**
 * The Node extension bundle (dist/extension.js) leaves the libraries the core loads on first use
 * to files of their own (dist/lazy/, src/build/esbuild.mjs): activating the extension reads none
 * of them (not even the Markdown parser, dist/lazy/remark.js, which the first lint loads), and
 * each exports what the core takes from it. (The host suite lints Markdown, frontmatter, MDX and
 * user patterns with this bundle, which loads them.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers';

const LAZY = { remark: 'unified', 'remark-mdx': 'default', re2js: 'RE2JS', yaml: 'parseDocument', 'yaml-events': 'parseEvents' };

test('activating the Node bundle loads none of dist/lazy/, and each lazy file exports what the core uses', () => {
  const bundle = join(ROOT, 'dist/extension.js');
  const text = readFileSync(bundle, 'utf8');
  for (const [name, member] of Object.entries(LAZY)) {
    const file = join(ROOT, 'dist/lazy', `${name}.js`);
    assert.ok(existsSync(file), `npm run build makes dist/lazy/${name}.js`);
    assert.ok(text.includes(`require("./lazy/${name}.js")`), `dist/extension.js requires ${name} from dist/lazy/`);
    assert.equal(typeof (require(file) as Record<string, unknown>)[member], 'function', `${name}.${member}`);
  }
  // A fresh process: load the bundle with an inert `vscode`, activate it, list what was loaded.
  const script = `
    const Module = require('node:module');
    const { inert } = require(${JSON.stringify(join(ROOT, 'dist/test/unit/vscode-stub.js'))});
    const load = Module._load;
    Module._load = function (request, ...rest) { return request === 'vscode' ? inert() : load.call(this, request, ...rest); };
    require(${JSON.stringify(bundle)}).activate({ subscriptions: [], extensionUri: inert(), globalState: inert(), workspaceState: inert() });
    process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const loaded = (JSON.parse(r.stdout) as string[]).filter((f) => f.includes(`${join('dist', 'lazy')}`) || f.includes('node_modules'));
  assert.deepEqual(loaded, [], 'activation loads nothing from dist/lazy/ or node_modules');
});

test('the bundles keep \\p{…} patterns unlowered: literals stay literals, tags stay tags (none built at each use)', () => {
  // esbuild lowers them for the node20 target unless told Node has them (src/build/esbuild.mjs);
  // our own sources never call the constructor with `\p{`, so any such call is a lowered literal.
  for (const name of ['extension.js', 'cli-main.js', 'cli-worker.js', 'web/extension.js']) {
    const text = readFileSync(join(ROOT, 'dist', name), 'utf8');
    const lowered = text.match(/new RegExp\("[^"]*\\\\p\{/g) ?? [];
    assert.deepEqual(lowered, [], `dist/${name}`);
  }
  // The field grammar's patterns are `letters` tags (built on first use: src/core/letters.ts),
  // kept as tagged templates: lowered, they would become a call to a helper on every load.
  const main = readFileSync(join(ROOT, 'dist/cli-main.js'), 'utf8');
  const tags = main.match(/(?:letters|caselessLetters)`[^`]*\\p\{L[ul]?\}/g) ?? [];
  assert.ok(tags.length > 50, `the field grammar's patterns are in dist/cli-main.js as tagged templates (${tags.length})`);
  assert.doesNotMatch(main, /__template\(/, 'no tagged template lowered by the bundler');
});

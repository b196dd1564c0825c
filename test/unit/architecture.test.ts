/**
 * The core's module graph at run time: no import circles, and no module importing from a layer
 * above it (the rules are read by the linter, never by the model they read; templates sit on
 * top). Type-only imports are erased by the compiler and do not count.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ROOT, read } from './helpers';

const CORE = join(ROOT, 'src/core');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : name.endsWith('.ts') ? [p] : [];
  });
}

/** Module (path relative to src/core, no extension) → the core modules it imports at run time. */
function graph(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const file of sources(CORE)) {
    const id = relative(CORE, file).replace(/\.ts$/, '');
    const deps: string[] = [];
    for (const m of read(file).matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?\bfrom\s+'(\.{1,2}\/[^']+)'/gm)) {
      const target = relative(CORE, resolve(dirname(file), m[1])).replace(/\.ts$/, '');
      deps.push(target.startsWith('templates') && !target.includes('/') ? 'templates/index' : target);
    }
    out.set(id, deps);
  }
  return out;
}

test('the core has no import circle', () => {
  const g = graph();
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[] = [];
  const visit = (id: string, path: string[]) => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'open') {
      cycles.push([...path.slice(path.indexOf(id)), id].join(' → '));
      return;
    }
    state.set(id, 'open');
    for (const dep of g.get(id) ?? []) visit(dep, [...path, id]);
    state.set(id, 'done');
  };
  for (const id of g.keys()) visit(id, []);
  assert.deepEqual(cycles, []);
});

test('no core module imports from a layer above it', () => {
  const upward: string[] = [];
  // The document model and what reads it without being a rule: below the rules, the linter,
  // the outline and the templates.
  const model = ['chunks', 'parse', 'matchers', 'dates', 'dialects', 'grammar', 'frontmatter', 'facts', 'fastpath', 'chunk-facts', 'document', 'sections', 'suppress', 'edits', 'outline-plan', 'outline-paths'];
  const above = (dep: string) => dep.startsWith('rules/') || dep.startsWith('templates/') || ['lint', 'outline', 'config', 'index'].includes(dep);
  for (const [id, deps] of graph()) {
    for (const dep of deps) {
      if (model.includes(id) && above(dep)) upward.push(`${id} → ${dep}`);
      // Templates are built on the linter, never the other way round.
      if (dep.startsWith('templates/') && !id.startsWith('templates/') && id !== 'index') upward.push(`${id} → ${dep}`);
    }
  }
  assert.deepEqual(upward, []);
});

test("the bundled yaml library reads the build's stand-in for `process` (no runtime call per token)", () => {
  const bundle = read(join(ROOT, 'dist/lazy/yaml.js'));
  assert.match(bundle, /src\/build\/yaml-process\.cjs/);
  assert.doesNotMatch(bundle, /require\("(?:node:)?process"\)/);
});

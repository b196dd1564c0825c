/**
 * The core's module graph: no import circles, and no module importing from a layer above it
 * (the rules are read by the linter, never by the model they read; templates sit on top).
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

/** Module (path relative to src/core, no extension) → the core modules it imports. */
function graph(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const file of sources(CORE)) {
    const id = relative(CORE, file).replace(/\.ts$/, '');
    const deps: string[] = [];
    for (const m of read(file).matchAll(/\bfrom\s+'(\.{1,2}\/[^']+)'/g)) {
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
  for (const [id, deps] of graph()) {
    for (const dep of deps) {
      // Rules are run by the linter: only lint.ts, the public index and other rules import them.
      if (dep.startsWith('rules/') && !id.startsWith('rules/') && id !== 'lint' && id !== 'index') upward.push(`${id} → ${dep}`);
      // Templates are built on the linter, never the other way round.
      if (dep.startsWith('templates/') && !id.startsWith('templates/') && id !== 'index') upward.push(`${id} → ${dep}`);
      // The document model (chunks, facts, fast paths) is below every consumer of it.
      if (['lint', 'outline', 'sections', 'suppress', 'edits'].includes(dep) && ['facts', 'fastpath', 'chunk-facts', 'document', 'grammar', 'matchers', 'dialects', 'dates'].includes(id)) upward.push(`${id} → ${dep}`);
    }
  }
  assert.deepEqual(upward, []);
});

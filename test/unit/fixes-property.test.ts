/**
 * Property test of the quick fixes: every fix offered on generated documents (frontmatter,
 * inline and block `{{#if}}`/`{{else}}`, `{{#unless}}`, stacked suppressions, tables, lists,
 * quotes, code, the plan) is applied and checked here, independently of the verifier:
 * non-overlapping edits; text outside them unchanged; a suppression only inserts directive
 * comments, hides exactly its findings and (suppressions ignored) changes no finding; keep/remove
 * deletes only inside the block; the targeted finding is gone and no other finding appears or
 * disappears (by rule, severity and message); the frontmatter reads to the same values except
 * the change the fix names.
 *
 * `FIXES_PROPERTY_DOCS` (default 100) sets how many documents, `FIXES_PROPERTY_SEED` the seed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse as parseYaml } from 'yaml';
import { lint, type Finding, type LintOptions } from '../../src/core/index';
import { buildModel } from '../../src/core/document';
import { lintDetailed } from '../../src/core/lint';
import { offeredFixes, type Fix, type FixKind } from '../../src/core/fixes';

const DOCS = Number(process.env.FIXES_PROPERTY_DOCS ?? 100);
const SEED = Number(process.env.FIXES_PROPERTY_SEED ?? 20261202);

/** mulberry32: a small seeded generator. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = { pick: <T>(a: readonly T[]) => T; chance: (p: number) => boolean; int: (n: number) => number };

function rand(seed: number): Rand {
  const r = random(seed);
  return { pick: (a) => a[Math.floor(r() * a.length)], chance: (p) => r() < p, int: (n) => Math.floor(r() * n) };
}

const IDS = ['overview', 'setup-guide', 'troubleshooting', 'faq'];
const PATHS = ['/sources/api.md', '/sources/missing.md', '/sources/gone.md', '../outside.md'];
const EXISTS = new Set(['/sources/api.md']);
const FIELDS = ['[Customer name]', '[X]', '{{PLAN_LEVEL}}', 'YYYY-MM-DD', '[Casual / Professional]'];

function frontmatter(g: Rand): string[] {
  const out = ['---'];
  out.push(`status: ${g.pick(['final', 'draft', 'outline', 'bogus', '[STATUS]'])}`);
  if (g.chance(0.3)) out.push('# integration-docs-disable-next-line placeholder');
  if (g.chance(0.6)) out.push(`title: ${g.pick(['"[Partner name] guide"', 'Plain title', '[Partner Name]', '"{{PARTNER}}"'])}${g.chance(0.2) ? ' # integration-docs-ignore-previous placeholder' : ''}`);
  if (g.chance(0.2)) out.push('notes: |', '  [Field in a block scalar]', '  # not a comment');
  if (g.chance(0.2)) out.push('sources: 3');
  else if (g.chance(0.8)) {
    out.push('sources:');
    for (let i = 0, n = 1 + g.int(3); i < n; i++) {
      out.push(`  - path: ${PATHS[(i + g.int(4)) % PATHS.length]}`);
      if (g.chance(0.8)) out.push(`    purpose: "${g.pick(['the API', 'pricing', ''])}"`);
    }
  }
  if (g.chance(0.7)) {
    out.push('outline:');
    for (const id of IDS.filter(() => g.chance(0.6))) {
      out.push(`  ${id}:`);
      if (g.chance(0.5)) out.push(`    sources: [${g.pick(PATHS)}]`);
      if (g.chance(0.5)) out.push('    purpose: "why"');
    }
    if (out[out.length - 1] === 'outline:') out.push('  overview:');
  }
  out.push('---', '');
  return out;
}

const BLOCKS: ((g: Rand) => string[])[] = [
  (g) => [`## ${g.pick(['Overview', 'Setup Guide', 'Troubleshooting', 'Extra Notes', 'Appendix', 'FAQ'])}`, ''],
  (g) => [`Pay ${g.pick(FIELDS)} {{#if premium}}more ${g.pick(FIELDS)}{{else}}less{{/if}} now.`, ''],
  (g) => [`Start {{#unless legacy}}the new flow{{/unless}} with ${g.pick(FIELDS)} today.`, ''],
  (g) => ['{{#if accounting}}', `Accounting part ${g.pick(FIELDS)}`, ...(g.chance(0.5) ? ['{{else}}', 'Other part'] : []), '{{/if}}', ''],
  (g) => ['{{#unless legacy}}', `New flow for ${g.pick(FIELDS)}`, ...(g.chance(0.4) ? ['{{else}}', 'Old flow'] : []), '{{/unless}}', ''],
  (g) => ['| Who | Value |', '|---|---|', `| Author | ${g.pick(FIELDS)} |`, `| Date | ${g.chance(0.3) ? '<!-- integration-docs-ignore-next placeholder -->' : ''}${g.pick(FIELDS)} |`, `| Plan | ${g.pick(FIELDS)} {{#if x}}y{{/if}} |`, ''],
  (g) => ['## Definition of Done', '', '- [x] Reviewed', `- [ ] Tested with ${g.pick(FIELDS)}`, '- [ ] Shipped', ''],
  (g) => ['```md', `Hello ${g.pick(FIELDS)} and [Other field]`, '```', ''],
  (g) => [`<!-- integration-docs-disable-next-line ${g.pick(['placeholder', 'conditional', 'placeholder conditional'])} -->`, `${g.pick(FIELDS)} and {{#if x}}inline{{/if}} ${g.pick(FIELDS)}`, ''],
  (g) => ['> Note:', '>', `> Ask ${g.pick(FIELDS)} first.`, ''],
  (g) => [`- item ${g.pick(FIELDS)}`, `- second ${g.pick(FIELDS)}`, `  continued ${g.pick(FIELDS)}`, ''],
  (g) => [`First line of a paragraph`, `with ${g.pick(FIELDS)} here and ${g.pick(FIELDS)}.`, ''],
  (g) => [`<!-- Source: ${g.pick(PATHS)} -->`, ''],
  () => ['<!-- integration-docs-disable placeholder -->', 'Hidden [Secret field].', '<!-- integration-docs-enable placeholder -->', ''],
];

function documentOf(seed: number): string {
  const g = rand(seed);
  const lines: string[] = g.chance(0.75) ? frontmatter(g) : [];
  lines.push('# Guide', '');
  for (let i = 0, n = 3 + g.int(7); i < n; i++) lines.push(...g.pick(BLOCKS)(g));
  return lines.join(g.chance(0.1) ? '\r\n' : '\n');
}

const OPTIONS: LintOptions = { resolveSource: (p) => ({ exists: EXISTS.has(p), outside: p.startsWith('..') }) };

// --- independent checks -----------------------------------------------------------------

const fkey = (f: Finding) => `${f.rule}|${f.severity}|${f.message}`;
const same = (f: Finding, g: Finding) => fkey(f) === fkey(g) && f.startOffset === g.startOffset && f.endOffset === g.endOffset;

function multiset(keys: string[]): string[] {
  return [...keys].sort();
}

function without(all: readonly Finding[], gone: readonly Finding[]): string[] {
  const out = all.map(fkey);
  for (const g of gone) {
    const i = out.indexOf(fkey(g));
    if (i >= 0) out.splice(i, 1);
  }
  return multiset(out);
}

function yamlOf(text: string): { ok: boolean; value: unknown } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (!m) return { ok: true, value: undefined };
  try {
    return { ok: true, value: parseYaml(m[1]) as unknown };
  } catch {
    return { ok: false, value: undefined };
  }
}

/** Applies edits left to right (not the engine's `applyEdits`), after checking they do not overlap. */
function apply(text: string, fix: Fix): string {
  const edits = [...fix.edits].sort((a, b) => a.start - b.start);
  edits.forEach((e, i) => {
    const prev = edits[i - 1];
    assert.ok(0 <= e.start && e.start <= e.end && e.end <= text.length, `edit out of range in "${fix.title}"`);
    assert.ok(!prev || (e.start >= prev.end && e.start !== prev.start), `overlapping edits in "${fix.title}"`);
  });
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

const DIRECTIVE_TEXT = /^(?:[ \t>]*(?:<!-- integration-docs-(?:ignore-next|ignore-previous|disable-next-line|disable-file|disable|enable) [a-z-]+ -->|# integration-docs-(?:ignore-previous|disable-next-line) [a-z-]+)?[ \t>]*(?:\r?\n)?)*$|^ [a-z-]+$/;

function checkSuppression(text: string, after: string, fix: Fix, where: string): void {
  for (const e of fix.edits) {
    assert.equal(e.start, e.end, `${where}: a suppression only inserts`);
    assert.match(e.newText, DIRECTIVE_TEXT, `${where}: inserts a directive comment only`);
  }
  const all = (t: string) => {
    const d = lintDetailed(buildModel(t, { patterns: [] }), OPTIONS);
    return multiset([...d.findings, ...d.suppressed].map(fkey));
  };
  assert.deepEqual(all(after), all(text), `${where}: with suppressions ignored, nothing changes`);
}

function deletedOutside(text: string, fix: Fix, block: { start: number; end: number }): string {
  return fix.edits.map((e) => text.slice(e.start, Math.max(e.start, Math.min(e.end, block.start))) + text.slice(Math.min(e.end, Math.max(e.start, block.end)), e.end)).join('');
}

function checkBlock(text: string, after: string, fix: Fix, before: readonly Finding[], where: string): Finding[] {
  const data = fix.finding?.data;
  assert.ok(data?.kind === 'conditional' && data.close, where);
  for (const e of fix.edits) assert.equal(e.newText, '', `${where}: only deletes`);
  assert.equal(deletedOutside(text, fix, { start: data.open.start, end: data.close.end }).trim(), '', `${where}: deletes nothing outside the block`);
  const kept = fix.kind === 'keep-branch' ? text.slice(data.open.end, (data.else ?? data.close).start) : data.else ? text.slice(data.else.end, data.close.start) : '';
  assert.ok(after.includes(kept.trim()), `${where}: the kept branch is in the result`);
  // Findings inside the deleted text go with it.
  return before.filter((f) => fix.edits.some((e) => e.start <= f.startOffset && f.endOffset <= e.end && e.end > e.start));
}

function checkFrontmatter(text: string, after: string, fix: Fix, where: string): void {
  const a = yamlOf(text);
  const b = yamlOf(after);
  assert.equal(b.ok, a.ok, `${where}: the frontmatter still parses (or still does not)`);
  const av = a.value as Record<string, unknown> | undefined;
  const bv = b.value as Record<string, unknown> | undefined;
  if (fix.kind === 'remove-source') {
    const s0 = av?.sources as unknown[];
    const s1 = bv?.sources as unknown[];
    assert.equal(s1.length, s0.length - 1, where);
    assert.ok(s1.every((x) => s0.some((y) => JSON.stringify(y) === JSON.stringify(x))), where);
    assert.deepEqual({ ...bv, sources: null }, { ...av, sources: null }, where);
  } else if (fix.kind === 'remove-outline-entry' || fix.kind === 'add-to-outline') {
    const k0 = Object.keys((av?.outline ?? {}) as object);
    const k1 = Object.keys((bv?.outline ?? {}) as object);
    assert.equal(k1.length, k0.length + (fix.kind === 'add-to-outline' ? 1 : -1), where);
    const [small, big] = fix.kind === 'add-to-outline' ? [k0, k1] : [k1, k0];
    assert.ok(small.every((k) => big.includes(k)), where);
    assert.deepEqual({ ...bv, outline: null }, { ...av, outline: null }, where);
  } else {
    assert.deepEqual(bv, av, `${where}: frontmatter values unchanged`);
  }
}

function checkFix(text: string, fix: Fix, before: readonly Finding[], where: string): void {
  const after = apply(text, fix);
  if (fix.kind === 'create-file') {
    assert.deepEqual(fix.edits, [], where);
    const created = fix.createFile as string;
    assert.ok(!created.startsWith('..') && !EXISTS.has(created), `${where}: only a missing file inside the workspace`);
    const resolve = (p: string) => (p === created ? { exists: true, outside: false } : OPTIONS.resolveSource?.(p));
    assert.deepEqual(multiset(lint(text, { resolveSource: resolve }).map(fkey)), without(before, fix.removes), where);
    assert.ok(fix.removes.every((f) => f.rule === 'sources' && f.message.includes(created)), where);
    return;
  }
  let gone: Finding[] = [...fix.removes];
  if (fix.suppression) checkSuppression(text, after, fix, where);
  else if (fix.kind === 'keep-branch' || fix.kind === 'remove-branch') gone = [...gone, ...checkBlock(text, after, fix, before, where).filter((f) => !gone.some((g) => same(f, g)))];
  else if (fix.kind === 'mark-done') assert.deepEqual(fix.edits.map((e) => [text.slice(e.start, e.end), e.newText]), [[' ', 'x']], where);
  else if (fix.kind === 'insert-heading' || fix.kind === 'add-to-outline') for (const e of fix.edits) assert.equal(e.start, e.end, `${where}: inserts only`);
  if (fix.finding && fix.kind !== 'add-to-outline') assert.ok(fix.removes.includes(fix.finding), `${where}: the target is among what goes`);
  assert.deepEqual(multiset(lint(after, OPTIONS).map(fkey)), without(before, gone), `${where}: exactly the targeted findings are gone`);
  checkFrontmatter(text, after, fix, where);
}

test(`every offered quick fix does what its title says (${DOCS} generated documents, seed ${SEED})`, () => {
  const kinds = new Map<FixKind | string, number>();
  let applied = 0;
  for (let i = 0; i < DOCS; i++) {
    const seed = SEED + i;
    const text = documentOf(seed);
    const before = lint(text, OPTIONS);
    for (const fix of offeredFixes(text, OPTIONS)) {
      const where = `seed ${seed} "${fix.title}"\n${text}`;
      checkFix(text, fix, before, where);
      const kind = fix.scope ? `suppress:${fix.scope}` : fix.kind;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      applied++;
    }
  }
  // The generator reaches every kind of fix (else the test proves less than it says).
  const wanted = ['mark-done', 'keep-branch', 'remove-branch', 'insert-heading', 'remove-outline-entry', 'add-to-outline', 'create-file', 'remove-source', 'suppress:finding', 'suppress:line', 'suppress:table', 'suppress:code-block'];
  if (DOCS >= 100) for (const k of wanted) assert.ok((kinds.get(k) ?? 0) > 0, `no ${k} fix in ${DOCS} documents: ${JSON.stringify([...kinds])}`);
  assert.ok(applied >= DOCS, `${applied} fixes applied`);
  process.stdout.write(`# ${applied} fixes applied: ${JSON.stringify(Object.fromEntries(kinds))}\n`);
});

/**
 * Localisation: every runtime string of the extension goes through `vscode.l10n.t` into
 * l10n/bundle.l10n.json (generated from the sources, must not drift), every contributed text
 * of package.json is a `%key%` of package.nls.json, and the German bundles have every key with
 * the same `{0}` arguments, code spans and command links.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers';

type Strings = Record<string, string>;
const readJson = <T = Strings>(path: string): T => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as T;

/** What a translation must keep: `{0}` arguments, `code spans`, command links. */
function kept(text: string): string[] {
  const args = [...text.matchAll(/\{\d+\}/g)].map((m) => m[0]);
  const code = [...text.matchAll(/`[^`]*`/g)].map((m) => m[0]);
  const links = [...text.matchAll(/\(command:[^)]+\)/g)].map((m) => m[0]);
  return [...args, ...code, ...links].sort();
}

/** Every key of `en` is in `other`, translated (not empty), keeping what `kept` lists; no key too many. */
function assertComplete(en: Strings, other: Strings, name: string): void {
  const missing = Object.keys(en).filter((k) => !(k in other));
  assert.deepEqual(missing, [], `${name} lacks keys`);
  const extra = Object.keys(other).filter((k) => !(k in en));
  assert.deepEqual(extra, [], `${name} has keys no longer in the English bundle`);
  for (const [key, value] of Object.entries(en)) {
    assert.ok(other[key].trim() !== '', `${name}: ${key} is empty`);
    assert.deepEqual(kept(other[key]), kept(value), `${name}: ${JSON.stringify(key)} must keep its arguments, code spans and links`);
  }
}

test('l10n/bundle.l10n.json is what the l10n.t calls of src/vscode and the core catalogues generate now', () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'src/build/l10n.mjs'), '--check'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});

test('the German runtime bundle has every key, with the same arguments', () => {
  const en = readJson('l10n/bundle.l10n.json');
  assert.ok(Object.keys(en).length > 50, 'the English bundle lists the runtime strings');
  for (const [k, v] of Object.entries(en)) assert.equal(v, k, 'the English bundle maps each message to itself');
  assertComplete(en, readJson('l10n/bundle.l10n.de.json'), 'l10n/bundle.l10n.de.json');
});

test('package.json points at the bundles, and every %key% it uses has an English and a German text', () => {
  const text = readFileSync(join(ROOT, 'package.json'), 'utf8');
  assert.equal((JSON.parse(text) as { l10n?: string }).l10n, './l10n');
  const en = readJson('package.nls.json');
  const used = new Set([...text.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
  assert.ok(used.size > 30);
  assert.deepEqual([...used].filter((k) => !(k in en)), [], 'package.json uses keys package.nls.json lacks');
  assert.deepEqual(Object.keys(en).filter((k) => !used.has(k)), [], 'package.nls.json has keys package.json does not use');
  assertComplete(en, readJson('package.nls.de.json'), 'package.nls.de.json');
});

test('every text package.json contributes is a %key% (nothing shown to users is hard-coded)', () => {
  const pkg = readJson<{ contributes: unknown }>('package.json');
  const TEXT_FIELDS = new Set(['title', 'description', 'markdownDescription', 'enumDescriptions', 'name', 'contextualTitle', 'contents', 'altText', 'category']);
  const hardCoded: string[] = [];
  const visit = (value: unknown, path: string, field?: string): void => {
    if (typeof value === 'string') {
      if (field && TEXT_FIELDS.has(field) && !/^%[^%]+%$/.test(value)) hardCoded.push(`${path}: ${value}`);
    } else if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${path}[${i}]`, field));
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, `${path}.${k}`, field === 'properties' ? undefined : k);
    }
  };
  visit(pkg.contributes, 'contributes');
  assert.deepEqual(hardCoded, []);
});

test('the bundle generator reads l10n.t calls and refuses a message that is not a literal', () => {
  const script = [
    `import { messagesOf } from ${JSON.stringify(join(ROOT, 'src/build/l10n.mjs'))};`,
    `const ok = messagesOf('a.ts', "vscode.l10n.t('One {0}', x); l10n.t(\`Two\`); other.t('no');");`,
    `let refused = '';`,
    `try { messagesOf('b.ts', 'vscode.l10n.t(\`Hi \${name}\`)'); } catch (e) { refused = e.message; }`,
    `console.log(JSON.stringify({ ok, refused }));`,
  ].join('\n');
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { ok: string[]; refused: string };
  assert.deepEqual(out.ok, ['One {0}', 'Two']);
  assert.match(out.refused, /^b\.ts:1: l10n\.t needs a string literal/);
});

test('the generator reads the core catalogues: a lookup l10n.t(MESSAGES[id]) passes, a catalogue entry must be a literal', () => {
  const script = [
    `import { messagesOf, templatesOf } from ${JSON.stringify(join(ROOT, 'src/build/l10n.mjs'))};`,
    `const calls = messagesOf('a.ts', "vscode.l10n.t(MESSAGES[m.id], ...args); vscode.l10n.t(FIX_TITLES[k]);");`,
    `const templates = templatesOf('m.ts', "export const MESSAGES = { a: 'One {0}', b: \`Two\` } as const;", 'MESSAGES');`,
    `const refused = [];`,
    `for (const src of ["export const MESSAGES = { a: x };", "export const OTHER = {};"]) {`,
    `  try { templatesOf('m.ts', src, 'MESSAGES'); } catch (e) { refused.push(e.message); }`,
    `}`,
    `try { messagesOf('b.ts', 'vscode.l10n.t(OTHER[id])'); } catch (e) { refused.push(e.message); }`,
    `console.log(JSON.stringify({ calls, templates, refused }));`,
  ].join('\n');
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { calls: string[]; templates: string[]; refused: string[] };
  assert.deepEqual(out.calls, [], 'a catalogue lookup adds nothing itself: the catalogue is read');
  assert.deepEqual(out.templates, ['One {0}', 'Two']);
  assert.equal(out.refused.length, 3);
  assert.match(out.refused[0], /^m\.ts:1: every entry of MESSAGES must be a string literal/);
  assert.match(out.refused[1], /^m\.ts: no object literal MESSAGES/);
  assert.match(out.refused[2], /^b\.ts:1: l10n\.t needs a string literal/);
});

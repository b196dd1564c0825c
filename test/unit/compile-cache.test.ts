/**
 * The CLI's code cache (`src/cli/compile-cache.ts`): written once to the user's cache folder,
 * read back on the next run with the same output, rewritten when V8 rejects a file, and never
 * in the way: off by an environment variable, and a folder that cannot be written or a damaged
 * file cost the cache only.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Module from 'node:module';
import { bundleId, cacheDisabled, cacheFolder, cacheName, KEEP_FILES, prune, readWrapped, stampedName } from '../../src/cli/compile-cache';
import { engineFlags, largeRunFlags } from '../../src/cli/v8-flags';
import { ROOT } from './helpers';

const CLI = join(ROOT, 'dist/cli.js');
const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'integration-docs-cache-'));
  made.push(dir);
  return dir;
}

// The frontmatter loads yaml; the strikethrough in a title loads the Markdown parser (a shape the
// fast paths leave to it: fastpath.test.ts, "shapes only the parser reads"; a footnote and a setext
// heading did, until the fast paths learned them).
const DOC = '---\ntitle: Acme\nowners: { lead: "Ana", backup: [Bo, Cy] }\n---\n# Acme guide\n\nOwner: [Customer name]\n\n## Definition ~of~ Done\n\nNotes.[^1]\n\n[^1]: A footnote.\n';

/** Runs `lint doc.md` with `cacheHome` as XDG_CACHE_HOME (and `env`); stdout, stderr and exit code. */
function lintWith(cacheHome: string, env: Record<string, string> = {}): { out: string; err: string; code: number | null } {
  const dir = temp();
  writeFileSync(join(dir, 'doc.md'), DOC);
  const clean: NodeJS.ProcessEnv = { ...process.env, XDG_CACHE_HOME: cacheHome, ...env };
  delete clean.INTEGRATION_DOCS_NO_COMPILE_CACHE;
  delete clean.NODE_DISABLE_COMPILE_CACHE;
  Object.assign(clean, env);
  const r = spawnSync(process.execPath, [CLI, 'lint', 'doc.md'], { cwd: dir, encoding: 'utf8', env: clean });
  return { out: r.stdout, err: r.stderr, code: r.status };
}

/** The cache files under `cacheHome` (absolute paths). */
function cacheFiles(cacheHome: string): string[] {
  const base = join(cacheHome, 'integration-docs', 'compile-cache');
  if (!existsSync(base)) return [];
  return readdirSync(base).flatMap((v) => readdirSync(join(base, v)).map((f) => join(base, v, f)));
}

const nodeHasBuiltIn = 'enableCompileCache' in (require('node:module') as object);

test('the first run marks the cache, the second writes it (private to the user), the next reads it with the same output', (t) => {
  if (nodeHasBuiltIn) return t.skip('Node caches compiled code itself here (module.enableCompileCache)');
  const home = temp();
  const first = lintWith(home);
  assert.equal(first.code, 0);
  assert.match(first.out, /doc\.md:7:8 warning placeholder/);
  const marks = cacheFiles(home);
  // The CLI's bundle, the Markdown parser (a footnote definition is read by it) and yaml (for the frontmatter).
  // dist/cli-main.js, dist/lazy/yaml.js and dist/lazy/remark.js (if only two: DOC no longer makes the CLI parse).
  assert.equal(marks.length, 3, marks.join('\n'));
  for (const f of marks) assert.equal(statSync(f).size, 0, `${f}: a mark, no cache: a machine that runs once never pays for writing one`);
  assert.deepEqual(lintWith(home), first);
  const files = cacheFiles(home);
  assert.deepEqual(files, marks, 'the second run writes the files the first marked');
  for (const f of files) assert.ok(statSync(f).size > 1000, `${f} written`);
  for (const f of files) assert.equal(statSync(f).mode & 0o777, 0o600, f);
  const written = files.map((f) => statSync(f).mtimeMs);
  assert.deepEqual(lintWith(home), first);
  assert.deepEqual(cacheFiles(home).map((f) => statSync(f).mtimeMs), written, 'a cache that fits is not written again');
});

test('only a run that lints writes the cache: one written by --version would hold a third of what linting compiles', (t) => {
  if (nodeHasBuiltIn) return t.skip('Node caches compiled code itself here (module.enableCompileCache)');
  const home = temp();
  const clean: NodeJS.ProcessEnv = { ...process.env, XDG_CACHE_HOME: home };
  delete clean.INTEGRATION_DOCS_NO_COMPILE_CACHE;
  delete clean.NODE_DISABLE_COMPILE_CACHE;
  for (const args of [['--version'], ['--help'], ['templates']]) {
    const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: clean });
    assert.notEqual(r.status, null, args.join(' '));
    assert.deepEqual(cacheFiles(home), [], `${args.join(' ')} writes no cache`);
  }
  assert.equal(lintWith(home).code, 0);
  assert.equal(cacheFiles(home).length, 3, 'the first lint marks it');
  assert.equal(lintWith(home).code, 0);
  for (const f of cacheFiles(home)) assert.ok(statSync(f).size > 1000, `the second lint writes ${f}`);
});

/** Runs `lint` on a folder of two 3.3 MB docs of prose: a run over `LARGE_RUN_BYTES`, which sets a V8 flag once it knows its size. */
function lintLarge(cacheHome: string): number | null {
  const dir = temp();
  const prose = 'A line of prose with nothing to report in it, written to make a large run.\n'.repeat(44_000);
  for (const name of ['a.md', 'b.md']) writeFileSync(join(dir, name), `# Notes\n\n${prose}`);
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CACHE_HOME: cacheHome };
  delete env.INTEGRATION_DOCS_NO_COMPILE_CACHE;
  delete env.NODE_DISABLE_COMPILE_CACHE;
  return spawnSync(process.execPath, [CLI, 'lint', '.'], { cwd: dir, encoding: 'utf8', env }).status;
}

test('a large run, which changes a V8 flag mid-run, reads the cache small runs wrote, and writes one they read', (t) => {
  if (nodeHasBuiltIn) return t.skip('Node caches compiled code itself here');
  if (largeRunFlags(process.versions.v8).length === 0) return t.skip('no flag changes mid-run on this engine');
  const mtimes = (home: string) => cacheFiles(home).map((f) => `${f} ${statSync(f).mtimeMs}`);
  const small = temp();
  lintWith(small);
  lintWith(small);
  const written = mtimes(small);
  assert.equal(lintLarge(small), 0);
  // V8 rejects a cache written under other flags, and a rejected file is written again.
  for (const line of written) assert.ok(mtimes(small).includes(line), `${line}: read by the large run, not rewritten`);
  const large = temp();
  lintLarge(large);
  lintLarge(large);
  const fromLarge = mtimes(large).filter((line) => statSync(line.slice(0, line.lastIndexOf(' '))).size > 0);
  assert.ok(fromLarge.length >= 3, 'the second large run wrote the bundles the first marked');
  assert.equal(lintWith(large).code, 0);
  for (const line of fromLarge) assert.ok(mtimes(large).includes(line), `${line}: written by a large run, read by a small one`);
});

test('a damaged cache file is rejected, the run is unchanged and the file is rewritten', (t) => {
  if (nodeHasBuiltIn) return t.skip('Node caches compiled code itself here');
  const home = temp();
  const expected = lintWith(home);
  lintWith(home);
  for (const f of cacheFiles(home)) writeFileSync(f, Buffer.from('not a code cache'));
  assert.deepEqual(lintWith(home), expected);
  for (const f of cacheFiles(home)) assert.ok(statSync(f).size > 1000, `${f} rewritten`);
});

test('a cache folder that cannot be made costs only the cache; the variables turn it off', () => {
  const home = temp();
  const expected = lintWith(home);
  const blocked = join(temp(), 'a-file');
  writeFileSync(blocked, 'not a folder');
  assert.deepEqual(lintWith(blocked), expected);
  const offs: Record<string, string>[] = [{ INTEGRATION_DOCS_NO_COMPILE_CACHE: '1' }, { NODE_DISABLE_COMPILE_CACHE: '1' }];
  for (const off of offs) {
    const empty = temp();
    assert.deepEqual(lintWith(empty, off), expected);
    assert.deepEqual(cacheFiles(empty), [], JSON.stringify(off));
  }
});

test('a file per bundle text and V8 flags: builds that set other flags do not rewrite each other\'s file', () => {
  const flags = engineFlags('11.3.244.8');
  const name = cacheName('(function () {})', flags);
  assert.match(name, /^[0-9a-f]{32}$/);
  assert.equal(cacheName('(function () {})', [...flags]), name, 'the same text and flags: the same file');
  assert.notEqual(cacheName('(function () {})', ['--no-regexp-tier-up']), name, 'other flags (V8 would reject the file): another');
  assert.notEqual(cacheName('(function () { })', flags), name, 'another text: another file');
  assert.notEqual(cacheName('a b', []), cacheName('a', ['b']), 'flags and text do not run together');
});

test('a bundle is read into the text V8 compiles: wrapped, its #! line blanked (lines and length kept), UTF-8 unless ASCII', () => {
  const dir = temp();
  const file = join(dir, 'bundle.js');
  writeFileSync(file, '#!/usr/bin/env node\n"use strict";\nmodule.exports = 1;\n');
  const shebang = readWrapped(file);
  assert.equal(shebang.source, Module.wrap(`${' '.repeat('#!/usr/bin/env node'.length)}\n"use strict";\nmodule.exports = 1;\n`));
  assert.equal(shebang.source.slice(shebang.source.length - shebang.tail), Module.wrap('\0').split('\0')[1], 'tail: the wrapper after the text');
  writeFileSync(file, 'module.exports = "caf\u00e9 \u2192 \u{1F600}";\n');
  assert.equal(readWrapped(file).source, Module.wrap('module.exports = "caf\u00e9 \u2192 \u{1F600}";\n'), 'a watch build may hold UTF-8');
  writeFileSync(file, '#!');
  assert.equal(readWrapped(file).source, Module.wrap('  '), 'a file that is a #! alone');
  writeFileSync(file, '');
  assert.equal(readWrapped(file).source, Module.wrap(''));
  const id = '0123456789abcdef0123456789abcdef';
  writeFileSync(file, `x;\n// integration-docs bundle ${id}\n`);
  const stamped = readWrapped(file);
  assert.equal(bundleId(stamped.source, stamped.source.length - stamped.tail), id, 'the id is read before the wrapper ends');
  assert.equal(bundleId(stamped.source), undefined, 'the wrapper is no part of the last line');
});

test('a stamped bundle is named by its id, the flags, and its size and time: an edit that keeps the id gets its own file', () => {
  const id = '0123456789abcdef0123456789abcdef';
  assert.equal(bundleId(`x;\n// integration-docs bundle ${id}\n`), id);
  assert.equal(bundleId(`x;\n// integration-docs bundle ${id}`), id);
  assert.equal(bundleId(`// integration-docs bundle ${id}\nx;\n`), undefined, 'only on the last line');
  assert.equal(bundleId(`x;\n// integration-docs bundle ${id.slice(1)}\n`), undefined, 'a damaged id is none');
  assert.equal(bundleId('x;\n'), undefined);
  const flags = engineFlags('11.3.244.8');
  const file = { size: 1000, mtimeMs: 1_700_000_000_000.5 };
  const name = stampedName(id, flags, file);
  assert.match(name, /^[0-9a-f]{32}$/, 'a name prune() keeps to');
  assert.ok(name.startsWith(id.slice(0, 24)));
  assert.equal(stampedName(id, [...flags], { ...file }), name, 'the same bundle, flags and file: the same name');
  for (const other of [
    stampedName(id.replace('0', '1'), flags, file),
    stampedName(id, ['--no-regexp-tier-up'], file),
    stampedName(id, flags, { ...file, size: 1001 }),
    stampedName(id, flags, { ...file, mtimeMs: file.mtimeMs + 1 }),
  ]) assert.notEqual(other, name);
});

test('an edited bundle (same length, id line kept) is not run from the code cached for the original', (t) => {
  if (nodeHasBuiltIn) return t.skip('Node caches compiled code itself here');
  // A copy of dist whose cli-main.js is edited in place: a message changed, same length, same id line.
  const dist = join(temp(), 'dist');
  cpSync(join(ROOT, 'dist'), dist, { recursive: true, filter: (f) => !f.endsWith('.map') && !f.includes(`${join('dist', 'test')}`) });
  const home = temp();
  const dir = temp();
  writeFileSync(join(dir, 'doc.md'), DOC);
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CACHE_HOME: home };
  delete env.INTEGRATION_DOCS_NO_COMPILE_CACHE;
  delete env.NODE_DISABLE_COMPILE_CACHE;
  const run = () => spawnSync(process.execPath, [join(dist, 'cli.js'), 'lint', 'doc.md'], { cwd: dir, encoding: 'utf8', env }).stdout;
  const before = run();
  assert.match(before, /\d+ problems? \(/);
  const main = join(dist, 'cli-main.js');
  const text = readFileSync(main, 'utf8');
  const edited = text.replace('plural(total, "problem")', 'plural(total, "PROBLEM")');
  assert.notEqual(edited, text, 'the summary line is in the bundle');
  assert.equal(edited.length, text.length);
  run();
  writeFileSync(main, edited);
  utimesSync(main, new Date(), new Date(Date.now() + 5000));
  assert.match(run(), /\d+ PROBLEMS? \(/, 'the edit runs');
  assert.equal(run(), run());
});

test('the cache folder: per user, per Node version and architecture', () => {
  const version = `${process.version}-${process.arch}`;
  assert.equal(cacheFolder({ XDG_CACHE_HOME: '/x/cache' }, 'linux'), join('/x/cache', 'integration-docs', 'compile-cache', version));
  assert.equal(cacheFolder({ LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' }, 'win32'), join('C:\\Users\\a\\AppData\\Local', 'integration-docs', 'compile-cache', version));
  assert.equal(cacheFolder({}, 'win32'), undefined);
  assert.match(cacheFolder({}, 'linux') ?? '', /[\\/]\.cache[\\/]integration-docs[\\/]compile-cache[\\/]/);
  assert.equal(cacheDisabled({}), false);
  assert.equal(cacheDisabled({ INTEGRATION_DOCS_NO_COMPILE_CACHE: '1' }), true);
});

test('a cache folder others could write is neither read nor written', (t) => {
  if (nodeHasBuiltIn) return t.skip('Node caches compiled code itself here');
  if (typeof process.getuid !== 'function') return t.skip('no owner ids on this platform');
  const home = temp();
  const expected = lintWith(home);
  const [file] = cacheFiles(home);
  const folder = join(file, '..');
  chmodSync(folder, 0o777);
  for (const f of cacheFiles(home)) writeFileSync(f, Buffer.from('planted, never read'));
  assert.deepEqual(lintWith(home), expected);
  for (const f of cacheFiles(home)) assert.equal(readFileSync(f, 'utf8'), 'planted, never read', `${f} neither read nor rewritten`);
  // A valid cache file that others could write: not taken (it would be, and kept, if trusted), so rewritten as the user's own.
  chmodSync(folder, 0o700);
  const fresh = temp();
  lintWith(fresh);
  lintWith(fresh);
  const valid = cacheFiles(fresh).find((f) => f.endsWith(file.slice(file.lastIndexOf('/'))));
  assert.ok(valid, 'the same bundle has the same cache file name');
  assert.ok(statSync(valid).size > 1000, 'a cache, not a mark');
  writeFileSync(file, readFileSync(valid));
  chmodSync(file, 0o666);
  assert.deepEqual(lintWith(home), expected);
  assert.equal(statSync(file).mode & 0o777, 0o600, 'a file others could write is replaced, not read');
});

test('the folder keeps the newest cache files; old temporary files go, anything else stays', () => {
  const folder = temp();
  const now = Date.now();
  const name = (i: number) => i.toString(16).padStart(32, '0');
  const write = (file: string, ageMs: number) => {
    writeFileSync(join(folder, file), 'x');
    utimesSync(join(folder, file), (now - ageMs) / 1000, (now - ageMs) / 1000);
  };
  for (let i = 0; i < KEEP_FILES + 5; i++) write(name(i), i * 60_000);
  write(`${name(1000)}.4242.tmp`, 2 * 3_600_000);
  write(`${name(1001)}.4243.tmp`, 60_000);
  write('notes.txt', 10 * 3_600_000);
  prune(folder, KEEP_FILES, now);
  const left = readdirSync(folder).sort();
  const expected = [...Array.from({ length: KEEP_FILES }, (_, i) => name(i)), `${name(1001)}.4243.tmp`, 'notes.txt'].sort();
  assert.deepEqual(left, expected, 'the five oldest cache files and the old temporary file are gone');
});

test('the CLI loads no Node internal module its run does not need: not node:module and its ESM loader', () => {
  // Node 20 compiles each internal module a run loads beyond its start-up snapshot and makes its
  // code cache again: `node:module` brought four (3 ms of linting one doc).
  const dir = mkdtempSync(join(tmpdir(), 'modules-'));
  const probe = join(dir, 'probe.cjs');
  writeFileSync(probe, `const seen = new Set(process.moduleLoadList);
    process.on('exit', () => require('fs').writeSync(2, JSON.stringify(process.moduleLoadList.filter((m) => !seen.has(m)))));`);
  const r = spawnSync(process.execPath, ['-r', probe, join(ROOT, 'dist/cli.js'), 'lint', join(ROOT, 'test/fixtures')], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: dir } });
  const loaded = JSON.parse(r.stderr.slice(r.stderr.lastIndexOf('['))) as string[];
  assert.ok(loaded.includes('NativeModule vm'), `the probe sees what the launcher loads: ${r.stderr.slice(0, 300)}`);
  for (const name of ['module', 'internal/modules/esm/loader', 'internal/source_map/source_map']) assert.ok(!loaded.includes(`NativeModule ${name}`), name);
});

/**
 * V8's code cache for the CLI's own bundles. Every run of the CLI compiles its bundles again
 * (the command, the Markdown parser, YAML: about 1 MB of JavaScript), which was a tenth of linting
 * a folder of a hundred docs. V8 can save what it compiled and take it back next time; Node 22
 * does this itself (`module.enableCompileCache`), Node 20 leaves it to the program.
 *
 * - Only files of this folder and its `lazy/` folder are cached; any other module loads as usual.
 * - The cache lives in the user's own cache folder (`$XDG_CACHE_HOME` or `~/.cache`, `%LOCALAPPDATA%`
 *   on Windows), created private (0700): nothing a repository holds is read, nothing is written
 *   inside it. A folder or file someone else owns or could write is neither read nor written.
 * - A cache file is named by the bundle's text and the V8 flags the launcher set, in a folder per
 *   Node version and architecture. V8 rejects a cache written under other flags, so two builds of
 *   one bundle that set different flags would otherwise rewrite each other's file. V8 checks it
 *   again (version, flags, the source's length) and rejects what does not fit, which is then
 *   rewritten. The text's part of the name is the id the build wrote on the bundle's last line
 *   (the hash of its text: src/build/bundle-stamp.mjs) with the file's size and modification
 *   time, so that an edit to the file gets a file of its own; a bundle without an id (a watch
 *   build) is hashed here, which costs loading node:crypto and hashing a megabyte (9 ms a run).
 * - It is written once, at exit, after the run: it then holds the functions the run compiled
 *   lazily too (V8 compiles most functions on their first call). Only a run that lints writes
 *   it (`writes`): a cache written by `--version` first held a third of what linting compiles,
 *   and a folder of a hundred docs then took 5% longer on every run until the bundle changed. A
 *   run that writes one also deletes all but the newest `KEEP_FILES`, so old versions' files do
 *   not pile up.
 * - The second run that lints writes it; the first leaves an empty file (a mark) that says a
 *   run was here. Writing costs about 20 ms (V8 serializes all the run compiled), which pays
 *   back only on a later run: a machine that runs the CLI once, such as a fresh CI container,
 *   never pays it.
 * - Any failure (read-only home, full disk, a rejected file) costs only the cache, never the run.
 * - `INTEGRATION_DOCS_NO_COMPILE_CACHE=1` or Node's `NODE_DISABLE_COMPILE_CACHE=1` turn it off.
 */
import type NodeModule from 'node:module';
import { Script } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { isAscii } from 'node:buffer';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Node's `Module` class, read from this file's own module object: requiring `node:module` loads
 * Node's ESM loader and source-map support with it, four internal modules that Node 20 compiles
 * (and makes their code caches again) on every run, 3 ms of linting one doc. Required after all
 * where the module object is not one of Node's (a bundle run some other way).
 */
const Module: typeof NodeModule = typeof module === 'object' && typeof (module.constructor as Partial<typeof NodeModule>).wrap === 'function' ? (module.constructor as typeof NodeModule) : (require('node:module') as typeof NodeModule);

interface Compiled {
  script: Script;
  file: string;
  /**
   * What the run does with the cache file at exit: `keep` it (it fit), `mark` that a run was here
   * (there was none: an empty file), or `write` it (there was a mark, or V8 rejected the file).
   */
  exit: 'keep' | 'mark' | 'write';
}

/** How Node loads a `.js` file: `Module._extensions['.js']`. */
type LoadFn = (this: unknown, module: NodeModule, filename: string) => unknown;

/** The per-user folder the cache files go to, or undefined when there is no home to put it in. */
export function cacheFolder(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string | undefined {
  const base = platform === 'win32' ? env.LOCALAPPDATA : env.XDG_CACHE_HOME || (homedir() ? join(homedir(), '.cache') : undefined);
  if (!base) return undefined;
  return join(base, 'integration-docs', 'compile-cache', `${process.version}-${process.arch}`);
}

/** Whether the cache is turned off by the environment. */
export function cacheDisabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.INTEGRATION_DOCS_NO_COMPILE_CACHE || env.NODE_DISABLE_COMPILE_CACHE);
}

/**
 * Whether `path` is ours alone: owned by this user and writable by no one else. V8 trusts a
 * code cache it accepts (it is compiled code), so one that someone else could have written is
 * never read: a cache folder under a shared `$XDG_CACHE_HOME=/tmp`, say. (Windows has no owner
 * ids here; `%LOCALAPPDATA%` is the user's own.)
 */
function privateToUs(path: string): boolean {
  if (typeof process.getuid !== 'function') return true;
  try {
    const stat = statSync(path);
    return stat.uid === process.getuid() && (stat.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/**
 * A cache file's bytes: undefined when there is none; empty for a mark, and for a file that is
 * not ours alone (never read: this run replaces it with its own cache).
 */
function readCache(file: string): Buffer | undefined {
  try {
    if (privateToUs(file)) return readWhole(file);
    statSync(file);
    return Buffer.alloc(0);
  } catch {
    return undefined;
  }
}

/**
 * One buffer the bundles and their cache files are read into, one after another. A fresh buffer
 * of a few hundred kilobytes per file is fresh memory from the system (a page fault per 4 KB);
 * this one is reused (75 faults fewer on one doc). What is read into it is copied out (into the
 * source string) or consumed (V8 reads the cached data while the script is made) before the
 * next read.
 */
let scratch = Buffer.alloc(0);

function scratchOf(size: number): Buffer {
  if (scratch.length < size) scratch = Buffer.allocUnsafeSlow(Math.max(size, scratch.length * 2));
  return scratch;
}

/** The bytes of `file` in the scratch buffer, after `before` bytes left free, with room for `after` more (valid until the next read). */
function readWhole(file: string, before = 0, after = 0): Buffer {
  const fd = openSync(file, 'r');
  try {
    const length = fstatSync(fd).size;
    const bytes = scratchOf(before + length + after);
    let size = before;
    for (let n = 1; n > 0 && size < before + length; size += n) n = readSync(fd, bytes, size, before + length - size, null);
    return bytes.subarray(0, size);
  } finally {
    closeSync(fd);
  }
}

/**
 * At exit: writes the cache files due (a temporary file, then renamed: a reader never sees half
 * a file) and the marks (an empty file, never over one another run wrote meanwhile).
 */
function writeCaches(folder: string, compiled: readonly Compiled[], flags: readonly string[]): void {
  const due = compiled.filter((c) => c.exit !== 'keep');
  if (due.length === 0) return;
  try {
    // The cache carries V8's flags as they are when it is written: those the file is named by,
    // whatever the run changed since (a large run's young generation: `v8-flags.ts`).
    for (const flag of flags) setFlagsFromString(flag);
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    if (!privateToUs(folder)) return;
    for (const c of due) {
      if (c.exit === 'mark') {
        writeMark(c.file);
        continue;
      }
      const tmp = `${c.file}.${process.pid}.tmp`;
      writeFileSync(tmp, c.script.createCachedData(), { mode: 0o600 });
      renameSync(tmp, c.file);
    }
    prune(folder);
  } catch {
    // No cache this time: the next run compiles as this one did.
  }
}

function writeMark(file: string): void {
  try {
    writeFileSync(file, new Uint8Array(0), { mode: 0o600, flag: 'wx' });
  } catch {
    // There since this run looked: another run's mark or cache.
  }
}

/** How many cache files the folder keeps: a handful of installs' bundles (five each). */
export const KEEP_FILES = 40;

/**
 * Deletes all but the `KEEP_FILES` most recently written cache files: each new version of the
 * bundles adds its own, and the folder would otherwise only grow. A file still in use that goes is
 * written again at its next run. Only names this module writes are touched (a hash, or a
 * temporary file left by a run that died, an hour or more old).
 */
export function prune(folder: string, keep = KEEP_FILES, now = Date.now()): void {
  const files = readdirSync(folder).flatMap((name) => {
    const temporary = /^[0-9a-f]{32}\.\d+\.tmp$/.test(name);
    if (!temporary && !/^[0-9a-f]{32}$/.test(name)) return [];
    const file = join(folder, name);
    return [{ file, temporary, mtime: statSync(file).mtimeMs }];
  });
  const old = files.filter((f) => f.temporary && now - f.mtime > 3_600_000);
  const kept = files.filter((f) => !f.temporary).sort((a, b) => b.mtime - a.mtime);
  for (const { file } of [...old, ...kept.slice(keep)]) unlinkSync(file);
}

/** A cache file's name: the hash of the V8 flags the launcher set and the (wrapped) bundle's text. */
export function cacheName(source: string, flags: readonly string[]): string {
  // Required here, not imported: a stamped bundle (every build but a watch build) needs no hash.
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  return createHash('sha256').update(`${flags.join(' ')}\n`).update(source).digest('hex').slice(0, 32);
}

/** What the last line of a bundle stamped by the build starts with (src/build/bundle-stamp.mjs). */
const ID_LINE = '\n// integration-docs bundle ';

/** The id the build wrote on the last line of a bundle's text (32 hex digits), if any; the text ends at `end`. */
export function bundleId(content: string, end = content.length): string | undefined {
  const at = content.indexOf(ID_LINE, Math.max(0, end - ID_LINE.length - 34));
  if (at < 0 || at >= end) return undefined;
  const id = /^[0-9a-f]{32}\n?$/.exec(content.slice(at + ID_LINE.length, end));
  return id ? id[0].slice(0, 32) : undefined;
}

/** FNV-1a of a short text, as 8 hex digits. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * A stamped bundle's cache file name: its id, and the flags, size and modification time (an
 * edit that keeps the id line gets a file of its own; V8 only checks a source's length).
 */
export function stampedName(id: string, flags: readonly string[], file: { size: number; mtimeMs: number }): string {
  return id.slice(0, 24) + fnv1a(`${flags.join(' ')}\n${file.size}\n${file.mtimeMs}`);
}

/** The cache file name for a bundle: by its id when the build stamped it, else by its text's hash. */
function nameFor(wrapped: Wrapped, filename: string, flags: readonly string[]): string {
  const { source, tail } = wrapped;
  const id = bundleId(source, source.length - tail);
  if (id) {
    try {
      return stampedName(id, flags, statSync(filename));
    } catch {
      // Gone or unreadable since it was read: hash the text read.
    }
  }
  return cacheName(source, flags);
}

/** A bundle's text inside Node's module wrapper; `tail`: the length of the wrapper's end. */
interface Wrapped {
  source: string;
  tail: number;
}

/**
 * Reads a bundle into the text V8 compiles: Node's module wrapper around the file's text, its
 * `#!` line blanked (the line count and length kept). One string, made from the bytes at once.
 * Node's loader would read the text, and the wrapper then joined to it would be a rope that V8
 * copies whole before compiling: fresh memory the size of the bundles on every run (260 page
 * faults of a run's 4,200 on one doc).
 * The build makes the bundles ASCII-only; a watch build's may not be, and is read as UTF-8.
 */
export function readWrapped(filename: string): Wrapped {
  const [head, tail] = Module.wrap('\0').split('\0');
  const read = readWhole(filename, head.length, tail.length);
  let size = read.length;
  const bytes = scratchOf(size + tail.length);
  bytes.write(head, 0, 'latin1');
  if (bytes[head.length] === 0x23 && bytes[head.length + 1] === 0x21) {
    const end = bytes.indexOf(0x0a, head.length);
    bytes.fill(0x20, head.length, end < 0 || end > size ? size : end);
  }
  size += bytes.write(tail, size, 'latin1');
  const text = bytes.subarray(0, size);
  return { source: text.toString(isAscii(text) ? 'latin1' : 'utf8'), tail: tail.length };
}

/**
 * Loads the `.js` files of `folder` (and `folder/lazy`) through V8's code cache from now on;
 * `writes`: this run writes the files missing or rejected at exit (a run that lints); `flags`: the
 * V8 flags the launcher set (part of each file's name).
 * Node ≥ 22.1 does it itself: its own cache is switched on instead.
 */
export function enableCompileCache(folder: string, writes = true, flags: readonly string[] = []): void {
  if (cacheDisabled()) return;
  const builtIn = (Module as unknown as { enableCompileCache?: (dir?: string) => unknown }).enableCompileCache;
  const cache = cacheFolder();
  if (!cache) return;
  if (builtIn) {
    builtIn(cache);
    return;
  }
  const ours = new Set([folder, join(folder, 'lazy')]);
  const trusted = privateToUs(cache);
  const loaders = (Module as unknown as { _extensions: Record<string, LoadFn> })._extensions;
  const original = loaders['.js'];
  const compiled: Compiled[] = [];
  loaders['.js'] = function load(this: unknown, module: NodeModule, filename: string): unknown {
    if (!ours.has(dirname(filename))) return original.call(this, module, filename);
    const wrapped = readWrapped(filename);
    const file = join(cache, nameFor(wrapped, filename, flags));
    const found = trusted ? readCache(file) : undefined;
    const cachedData = found && found.length > 0 ? found : undefined;
    const script = new Script(wrapped.source, { filename, cachedData });
    const fits = cachedData !== undefined && script.cachedDataRejected !== true;
    compiled.push({ script, file, exit: fits ? 'keep' : found ? 'write' : 'mark' });
    const fn = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    const require = Module.createRequire(filename);
    return fn.call(module.exports, module.exports, require, module, filename, dirname(filename));
  };
  if (writes) process.once('exit', () => writeCaches(cache, compiled, flags));
}

import { readdirSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { syntaxOf } from '../core/syntax';
import { UsageError, type ConfigResolver } from './config-loader';
import { describeIoError } from './read';

const SKIP_DIRS = new Set(['node_modules', '.git']);
const GLOB_CHARS = /[*?[\]{}]/;

function toPosix(p: string): string {
  return p.split(sep).join('/');
}

/** Whether the configuration governing `file` ignores it. */
function ignored(file: string, configs: ConfigResolver): boolean {
  const { config, base } = configs.forFile(file);
  if (config.ignore.length === 0) return false;
  const rel = toPosix(relative(base, file));
  return picomatch.isMatch(rel, config.ignore, { dot: true });
}

/**
 * Whether the configuration of the folder holding `dir` ignores the folder itself: `drafts`,
 * `drafts/` and `drafts/**` all skip `drafts/` (so its files are never listed or read).
 */
function ignoredDir(dir: string, configs: ConfigResolver): boolean {
  const { config, base } = configs.forDir(dirname(dir));
  if (config.ignore.length === 0) return false;
  const rel = toPosix(relative(base, dir));
  return [rel, `${rel}/`, `${rel}/_`].some((p) => picomatch.isMatch(p, config.ignore, { dot: true }));
}

/**
 * A symbolic link to a file is listed like the file; links to folders are not followed (no
 * cycles). Named pipes, sockets and devices with a Markdown name are listed too: they are
 * never read, and reported as skipped.
 */
function listable(entry: Dirent, path: string): boolean {
  if (!entry.isSymbolicLink()) return !entry.isDirectory();
  try {
    return !statSync(path).isDirectory();
  } catch {
    return false; // a dangling link or a loop
  }
}

function walk(dir: string, configs: ConfigResolver, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new UsageError(`cannot read directory ${dir}: ${(e as NodeJS.ErrnoException).code}`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name) && !ignoredDir(p, configs)) walk(p, configs, out);
    } else if (syntaxOf(entry.name) && listable(entry, p) && !ignored(p, configs)) {
      out.push(p);
    }
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function expandGlob(pattern: string, configs: ConfigResolver, out: string[]): void {
  const scan = picomatch.scan(pattern);
  const baseDir = resolve(scan.base || '.');
  const isMatch = picomatch(toPosix(scan.glob), { dot: false });
  const found: string[] = [];
  if (isFolder(baseDir)) walk(baseDir, configs, found);
  // walk() lists only Markdown files (syntaxOf); a glob narrows them down.
  const before = out.length;
  for (const f of found) if (isMatch(toPosix(relative(baseDir, f)))) out.push(f);
  if (out.length === before) throw new UsageError(`no Markdown file matches ${pattern}`);
}

/**
 * Expands the CLI's arguments (files, directories, globs) into Markdown files. Files named
 * explicitly are linted even when ignored, unless `skipIgnored` (a pre-commit hook names every
 * changed file); directories and globs honour `ignore`.
 */
export function collectFiles(args: readonly string[], configs: ConfigResolver, skipIgnored = false): string[] {
  const out: string[] = [];
  for (const arg of args.length ? args : ['.']) {
    let stat;
    try {
      stat = statSync(arg);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new UsageError(`cannot read ${arg}: ${describeIoError(e)}`);
      stat = undefined;
    }
    if (stat?.isDirectory()) walk(resolve(arg), configs, out);
    else if (stat) {
      // A file, or a named pipe or device: lintFile reports those as skipped, never reads them.
      if (!skipIgnored || !ignored(resolve(arg), configs)) out.push(resolve(arg));
    } else if (GLOB_CHARS.test(arg)) expandGlob(arg, configs, out);
    else throw new UsageError(`no such file or directory: ${arg}`);
  }
  return [...new Set(out)];
}

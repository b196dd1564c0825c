// Runs the extension-host test suite (dist/test/host/suite/index.js) inside a real
// VS Code: code-server (VS Code as a server, from npm) driven by headless Chromium
// through playwright-core, then the UI checks of ./ui-checks.mjs in the same page, then
// the extension in the web worker extension host (./web-check.mjs), then the packaged VSIX:
// installed into a fresh code-server (no extensionDevelopmentPath), it must show diagnostics
// in the Problems panel (./vsix-check.mjs), and in German in a code-server started with
// --locale de (./l10n-check.mjs).
// Usage: npm run build && npm run test:host
// Env: INTEGRATION_DOCS_HOST_TIMEOUT  overall limit in seconds (default 720, installs excluded)
//      INTEGRATION_DOCS_HOST_PHASES   comma-separated subset of suite,ui,web,vsix,l10n (default: all;
//                                     CI always runs all)
// See /work/shared/docs/VSCODE-HOST-TESTS.md for the recipe.
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { killTree, treeMemoryMiB } from './procs.mjs';
import { CACHE, ROOT, copySampleWorkspace, devUrl, freePort, startCodeServer as startServer, writeUserSettings } from './server.mjs';
import { CHROMIUM, ensureCodeServer, ensureSystemPackages, log, stopInstalls } from './setup.mjs';
import { Workbench } from './ui.mjs';
import { uiChecks } from './ui-checks.mjs';
import { vsixCheck } from './vsix-check.mjs';
import { l10nCheck } from './l10n-check.mjs';
import { packageVsix } from '../../src/build/package.mjs';
import { webCheck } from './web-check.mjs';
import { checkGrammar } from './grammar-check.mjs';
import { acquireHostLock } from './lock.mjs';

const ARTIFACTS = join(ROOT, 'test-artifacts'); // screenshots of the UI checks
const HOST_ARTIFACTS = join(ARTIFACTS, 'host'); // logs of this run, wiped at start
const SUITE = join(ROOT, 'dist/test/host/suite/index.js');
const TIMEOUT_MS = Number(process.env.INTEGRATION_DOCS_HOST_TIMEOUT || 720) * 1000;
/** The phases to run, in this order (all by default): suite, ui, web, vsix, l10n. */
const ALL_PHASES = ['suite', 'ui', 'web', 'vsix', 'l10n'];
const PHASES = new Set((process.env.INTEGRATION_DOCS_HOST_PHASES || ALL_PHASES.join(',')).split(',').map((p) => p.trim()));
for (const p of PHASES) if (!ALL_PHASES.includes(p)) throw new Error(`INTEGRATION_DOCS_HOST_PHASES: unknown phase ${p} (known: ${ALL_PHASES.join(', ')})`);
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Things to undo on exit, last first. */
const cleanups = [stopInstalls];

/** A write stream to `file` that is flushed and closed on exit. */
function logStream(file) {
  const stream = createWriteStream(file);
  cleanups.push(() => new Promise((res) => stream.end(res)));
  return stream;
}

/**
 * Starts code-server on 127.0.0.1:`port` with its own user-data, extensions and XDG
 * dirs under `dir`, stopped on exit; resolves with its ChildProcess once it listens.
 * Its output goes to test-artifacts/host/<logName>.
 * @param {Partial<Parameters<typeof startServer>[0]>} [options]  more startCodeServer options
 */
async function startCodeServer(node, entry, dir, port, logName = 'code-server.log', options = {}) {
  writeUserSettings(join(dir, 'user'));
  const out = logStream(join(HOST_ARTIFACTS, logName));
  try {
    const child = await startServer({ node, entry, dir, port, onOutput: (c) => out.write(c), ...options });
    cleanups.push(() => killTree(child.pid));
    return child;
  } catch (err) {
    if (err.child) cleanups.push(() => killTree(err.child.pid));
    throw err;
  }
}

/** Workbench URL opening `folder`, with the extension under development and, optionally, the test suite. */
function workbenchUrl(authority, folder, { tests, env }) {
  return devUrl(authority, folder, ROOT, { tests: tests ? SUITE : undefined, env });
}

/** Workbench log lines kept out of stdout (all still go to test-artifacts/host/workbench.log). */
const NOISE = [
  /^\[[\w :.-]+\] /, // component logs: [lifecycle], [Service Worker], [AgentHost:remote], …
  /^(Resolving|Resolved) connection token|^Creating a socket|^Updating additional builtin extensions cache/,
  /getaddrinfo (ENOTFOUND|EAI_AGAIN)/, // the offline extension gallery
  /^Canceled|^Unable to (read|write) file .*\(Canceled/,
];

/**
 * Loads the workbench with the test suite and streams the extension host's console
 * (mocha's spec reporter) to stdout. Resolves with true when the suite passed.
 */
async function runSuite(page, url, summaryFile) {
  let exited;
  const done = new Promise((res) => (exited = res));
  const workbenchLog = logStream(join(HOST_ARTIFACTS, 'workbench.log'));
  let streaming = true; // stop at exit: the page unload that follows only logs cancellations
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = format(...(Array.isArray(args) ? args : [args]));
    workbenchLog.write(`[${type}] ${line}\n`);
    if (streaming && !NOISE.some((re) => re.test(line))) console.log(line);
  });
  await page.exposeFunction('codeAutomationExit', (code, logs) => {
    streaming = false;
    for (const { relativePath, contents } of logs ?? []) {
      const file = join(HOST_ARTIFACTS, 'vscode-logs', relativePath);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, contents);
    }
    exited(code);
  });
  await page.goto(url);
  const code = await done;
  const summary = existsSync(summaryFile) ? JSON.parse(readFileSync(summaryFile, 'utf8')) : undefined;
  if (summary) writeFileSync(join(HOST_ARTIFACTS, 'summary.json'), JSON.stringify(summary, null, 2));
  log(
    summary
      ? `suite: ${summary.passes} passed, ${summary.failures} failed, ${summary.pending} pending (exit code ${code})`
      : `suite: no summary written (exit code ${code}); is the suite built (npm run build)?`,
  );
  return code === 0 && summary?.failures === 0 && summary.passes > 0;
}

/** Reloads the workbench without the suite and runs every UI check; true when all passed. */
async function runUiChecks(page, url) {
  const wb = new Workbench(page, ARTIFACTS);
  await page.goto(url);
  await wb.ready();
  await wb.workspaceListed('acme-implementation-guide.md');
  let ok = true;
  for (const check of uiChecks) {
    try {
      await check.run(wb);
      log(`ui ✓ ${check.name}`);
    } catch (err) {
      ok = false;
      log(`ui ✗ ${check.name}\n${err?.stack ?? err}`);
      await wb.screenshot(`host/failed-${check.name.replace(/\W+/g, '-')}`).catch(() => {});
    }
  }
  return ok;
}

/** Starts code-server and the browser, runs suite and UI checks; true when all passed. */
async function main({ node, codeServerEntry }) {
  const started = Date.now();
  rmSync(HOST_ARTIFACTS, { recursive: true, force: true });
  mkdirSync(HOST_ARTIFACTS, { recursive: true });

  const tmp = mkdtempSync(join(tmpdir(), 'integration-docs-host-'));
  cleanups.push(() => rmSync(tmp, { recursive: true, force: true }));
  const folder = join(tmp, 'workspace');
  copySampleWorkspace(folder);
  const summaryFile = join(tmp, 'summary.json');

  let peakMiB = 0;
  const sampler = setInterval(() => (peakMiB = Math.max(peakMiB, treeMemoryMiB(process.pid))), 1000);
  cleanups.push(() => {
    clearInterval(sampler);
    log(`peak memory of child processes: ${Math.round(peakMiB)} MiB (PSS); ${((Date.now() - started) / 1000).toFixed(1)}s`);
  });

  const port = await freePort();
  const authority = `127.0.0.1:${port}`;
  log(`starting code-server on ${authority}…`);
  const server = await startCodeServer(node, codeServerEntry, join(tmp, 'server'), port);

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    // our own signal handlers close the browser; Playwright's would exit before code-server is stopped
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  cleanups.push(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(30_000);
  // The first page load makes code-server serve the whole workbench: on a busy 2-core machine
  // that alone has taken over 30 s. The run's overall limit (TIMEOUT_MS) still bounds it.
  page.setDefaultNavigationTimeout(180_000);
  cleanups.push(() => page.screenshot({ path: join(HOST_ARTIFACTS, 'last.png') }).catch(() => {}));
  // fail fast instead of waiting for the timeout when code-server or the page dies
  const died = new Promise((_, rej) => {
    server.once('exit', (code, sig) => rej(new Error(`code-server exited (${sig ?? code}) during the run`)));
    page.once('crash', () => rej(new Error('the workbench page crashed')));
  });

  if (PHASES.size < ALL_PHASES.length) log(`only these phases (INTEGRATION_DOCS_HOST_PHASES): ${[...PHASES].join(', ')}`);
  const phases = async () => {
    const env = { INTEGRATION_DOCS_TEST_SUMMARY: summaryFile };
    if (PHASES.has('suite')) {
      log('running the extension-host suite…');
      if (!(await runSuite(page, workbenchUrl(authority, folder, { tests: true, env }), summaryFile))) return false;
    }
    if (PHASES.has('ui')) {
      log('running UI checks…');
      if (!(await runUiChecks(page, workbenchUrl(authority, folder, { tests: false, env: {} })))) return false;
    }
    let packed;
    const vsix = () => (packed ??= packageVsix({ out: join(tmp, 'integration-docs.vsix') }));
    const fresh = { page, node, codeServerEntry, tmp, artifacts: ARTIFACTS, startCodeServer, vsix };
    if (PHASES.has('web')) {
      log('checking the web worker extension host in a fresh code-server…');
      if (!(await webCheck(fresh))) return false;
    }
    if (PHASES.has('vsix')) {
      log('checking the packaged VSIX in a fresh code-server…');
      if (!(await vsixCheck(fresh))) return false;
    }
    if (!PHASES.has('l10n')) return true;
    log('checking the packaged VSIX in German (--locale de) in a fresh code-server…');
    return l10nCheck(fresh);
  };
  return Promise.race([phases(), died]);
}

let cleaning;
/** Runs the cleanups (last registered first), each bounded so exit never hangs; once. */
function cleanup() {
  cleaning ??= (async () => {
    while (cleanups.length) {
      const fn = cleanups.pop();
      await Promise.race([Promise.resolve().then(fn), new Promise((r) => setTimeout(r, 10_000))]).catch((e) =>
        log(`cleanup: ${e?.message ?? e}`),
      );
    }
  })();
  return cleaning;
}

let interrupted = false;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, async () => {
    interrupted = true;
    log(`${sig}: stopping`);
    await cleanup();
    process.exit(130);
  });
}

if (!existsSync(SUITE)) {
  log(`${SUITE} is missing: run \`npm run build\` first`);
  process.exit(1);
}
let ok = false;
let timer;
try {
  cleanups.unshift(await acquireHostLock(log)); // released last, after code-server has stopped
  ensureSystemPackages();
  const installed = await ensureCodeServer(CACHE); // bounded by its own install timeout
  log(await checkGrammar(join(dirname(dirname(dirname(installed.codeServerEntry))), 'lib/vscode'), ROOT));
  ok = await Promise.race([
    main(installed),
    new Promise((_, rej) => {
      timer = setTimeout(() => rej(new Error(`timed out after ${TIMEOUT_MS / 1000}s`)), TIMEOUT_MS);
    }),
  ]);
} catch (err) {
  if (!interrupted) log(`error: ${err?.stack ?? err}`);
} finally {
  clearTimeout(timer);
  await cleanup();
}
log(ok ? 'PASSED' : 'FAILED');
process.exit(interrupted ? 130 : ok ? 0 : 1);

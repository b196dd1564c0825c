// `npm start`: the extension in a real VS Code, in your browser. After `npm run build`
// (package.json), this
//   1. installs Node 24 and code-server into the git-ignored .vscode-test/ on first use
//      (minutes; the host tests share this cache),
//   2. packs the extension (src/build/package.mjs: production bundle → VSIX) and installs
//      it into a fresh extensions dir, .vscode-test/start/extensions/,
//   3. lays out a sample workspace in .vscode-test/sample-workspace/ if it is missing
//      (the five templates under templates/, a half-filled implementation guide, an
//      integration page with its sources); an existing one is left as you edited it,
//   4. starts code-server on 127.0.0.1 and prints the URL to open; runs until Ctrl-C,
//      then stops code-server and every process it started, by PID.
// A second URL loads the extension from dist/ instead of the installed VSIX (the
// extension development path): rebuild (`npm run build`, or `node src/build/esbuild.mjs
// --watch`) and reload the page to try a change without restarting.
//
// Usage: npm start [-- --port <n>]   (or PORT=<n>; default 8080, else a free port)
//        npm start -- --check       starts everything, checks that the workbench page and the
//                                   extension's files are served, then stops (exit 0 = works):
//                                   .ci/run uses it to prove `npm start` on a fresh clone.
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { packageVsix } from '../../src/build/package.mjs';
import { killTree } from './procs.mjs';
import { CACHE, ROOT, copySampleWorkspace, devUrl, folderUrl, freePort, installVsix, portFree, startCodeServer, writeUserSettings } from './server.mjs';
import { ensureCodeServer, ensureSystemPackages, stopInstalls } from './setup.mjs';

const DIR = join(CACHE, 'start'); // user data (kept), extensions (fresh each start), logs
const WORKSPACE = join(CACHE, 'sample-workspace');
const DEFAULT_PORT = 8080;

const say = (message) => console.log(`[start] ${message}`);
const CHECK = process.argv.includes('--check');

/**
 * Fetches the workbench page as a browser would and checks the packaged extension is
 * installed; throws with what failed.
 */
async function checkServed(authority, extensionsDir) {
  const page = await fetch(folderUrl(authority, WORKSPACE));
  const html = await page.text();
  if (!page.ok || !html.includes('workbench')) throw new Error(`workbench page: HTTP ${page.status}`);
  const installed = readdirSync(extensionsDir).find((d) => d.startsWith('integration-docs.integration-docs-'));
  if (!installed) throw new Error(`the extension is not installed in ${extensionsDir}`);
  say(`check passed: workbench served at http://${authority}/, ${installed} installed`);
}

/** The port asked for with --port or PORT, or undefined. */
function requestedPort() {
  const i = process.argv.indexOf('--port');
  const raw = i >= 0 ? process.argv[i + 1] : process.env.PORT;
  if (raw === undefined || raw === '') return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`not a port: ${raw}`);
  return port;
}

/** Stops whatever is running; set once code-server or an install is started. */
let stop = async () => {};
let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, async () => {
    if (stopping) return;
    stopping = true;
    console.log('');
    say(`${sig}: stopping code-server…`);
    await stop();
    process.exit(0);
  });
}

try {
  const started = Date.now();
  const asked = requestedPort();
  let port = asked ?? DEFAULT_PORT;
  if (!(await portFree(port))) {
    if (asked !== undefined) throw new Error(`port ${port} is in use: pick another with --port <n> or PORT=<n>`);
    port = await freePort();
    say(`port ${DEFAULT_PORT} is in use, using ${port}`);
  }
  if (!existsSync(join(CACHE, 'code-server', '.installed'))) ensureSystemPackages({ chromium: false });
  stop = stopInstalls;
  const { node, codeServerEntry: entry } = await ensureCodeServer(CACHE);

  say('packaging the extension…');
  mkdirSync(DIR, { recursive: true });
  const { file, bytes } = await packageVsix({ out: join(DIR, 'integration-docs.vsix') });
  const extensionsDir = join(DIR, 'extensions');
  const userDataDir = join(DIR, 'user');
  rmSync(extensionsDir, { recursive: true, force: true });
  writeUserSettings(userDataDir, { keep: true });
  await installVsix({ node, entry, dir: DIR, extensionsDir, userDataDir, vsix: file });
  say(`installed ${relative(ROOT, file)} (${(bytes / 1024).toFixed(1)} KB) into ${relative(ROOT, extensionsDir)}/`);

  if (existsSync(WORKSPACE)) {
    say(`sample workspace: ${WORKSPACE} (kept as it is; delete it to get a fresh one)`);
  } else {
    copySampleWorkspace(WORKSPACE);
    say(`sample workspace: ${WORKSPACE} (new)`);
  }

  const server = await startCodeServer({
    node,
    entry,
    dir: DIR,
    port,
    extensionsDir,
    userDataDir,
    smokeTestDriver: true, // lets the second URL load the extension from dist/
    onOutput: (chunk) => process.env.INTEGRATION_DOCS_VERBOSE && process.stdout.write(chunk),
  }).catch(async (err) => {
    if (err.child) await killTree(err.child.pid);
    throw err;
  });
  stop = () => killTree(server.pid);
  server.once('exit', (code, sig) => {
    if (stopping) return;
    say(`code-server exited (${sig ?? code})`);
    process.exit(1);
  });

  const authority = `127.0.0.1:${port}`;
  if (CHECK) {
    await checkServed(authority, extensionsDir);
    stopping = true;
    await stop();
    process.exit(0);
  }
  console.log(`
Integration Docs is running in VS Code (code-server ${authority}), ready in ${((Date.now() - started) / 1000).toFixed(0)}s.

  Open:  ${folderUrl(authority, WORKSPACE)}

  Try: open acme-implementation-guide.md (Problems panel: Ctrl+Shift+M; quick fixes: Ctrl+.),
       or a template under templates/.

  To try a change without restarting, load the extension from dist/ instead of the VSIX:
    ${devUrl(authority, WORKSPACE, ROOT)}
  then rebuild (npm run build) and reload the page.

Ctrl-C stops it.`);
} catch (err) {
  console.error(`[start] ${err?.message ?? err}`);
  await stop();
  process.exit(1);
}

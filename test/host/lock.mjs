// One host-test run at a time per machine: two runs side by side (two checkouts, two
// terminals) each start code-server and Chromium and starve each other until their
// timeouts fire. A run waits for the other to finish instead; the wait is not counted
// against INTEGRATION_DOCS_HOST_TIMEOUT. The lock is a directory (mkdir is atomic) in the
// system temp folder holding the owner's PID; a lock whose owner is gone is taken over.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LOCK = join(tmpdir(), 'integration-docs-host-tests.lock');
const POLL_MS = 1000;

/** Whether process `pid` is alive (a PID we cannot read yet counts as alive). */
function alive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/** The PID recorded in the lock, or NaN while its owner has not written it yet. */
function owner() {
  try {
    return Number(readFileSync(join(LOCK, 'pid'), 'utf8'));
  } catch {
    return NaN;
  }
}

/**
 * Resolves once this process holds the machine's host-test lock, with a function that
 * releases it; `log` is told once when the run has to wait.
 */
export async function acquireHostLock(log) {
  let told = false;
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      return () => rmSync(LOCK, { recursive: true, force: true });
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
    }
    const pid = owner();
    if (!alive(pid)) {
      rmSync(LOCK, { recursive: true, force: true });
      continue;
    }
    if (!told) log(`another host-test run (pid ${pid}) is using this machine: waiting for it to finish…`);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

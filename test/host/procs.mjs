// Process-tree helpers for the host test runner (Linux /proc). Processes are
// always addressed by PID, never by name.
import { readdirSync, readFileSync } from 'node:fs';

/** Parent PID and resident memory (KiB) of every live process, keyed by PID. */
function snapshot() {
  const procs = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      const rssKiB = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      procs.set(Number(name), { ppid, rssKiB });
    } catch {
      // the process exited while we were looking
    }
  }
  return procs;
}

/**
 * PIDs of all live descendants of `pid` (children, grandchildren, ...), not `pid` itself.
 * @param {number} pid
 * @returns {number[]}
 */
export function descendants(pid) {
  const procs = snapshot();
  const out = [];
  const queue = [pid];
  while (queue.length) {
    const parent = queue.shift();
    for (const [child, { ppid }] of procs) {
      if (ppid === parent) {
        out.push(child);
        queue.push(child);
      }
    }
  }
  return out;
}

/**
 * Memory of `pid`'s descendants in MiB: the sum of their proportional set sizes
 * (shared pages split between the processes sharing them), or of their resident
 * sizes where /proc/<pid>/smaps_rollup cannot be read.
 * @param {number} pid
 */
export function treeMemoryMiB(pid) {
  const procs = snapshot();
  let kib = 0;
  for (const p of descendants(pid)) {
    try {
      kib += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${p}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch {
      kib += procs.get(p)?.rssKiB ?? 0;
    }
  }
  return kib / 1024;
}

/** True while a process with this PID exists and is not a zombie. @param {number} pid */
export function alive(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/**
 * Stops `pid`, its process group and every descendant (found before signalling,
 * so re-parented orphans are not missed): SIGTERM, wait up to `graceMs`, then
 * SIGKILL whatever is left, each by PID.
 * @param {number} pid  a process started with `detached: true` (its own group)
 * @param {number} [graceMs]
 */
export async function killTree(pid, graceMs = 5000) {
  const pids = [pid, ...descendants(pid)];
  const signal = (sig) => {
    try {
      process.kill(-pid, sig); // the whole process group
    } catch {
      // group already gone
    }
    for (const p of pids) {
      try {
        process.kill(p, sig);
      } catch {
        // already gone
      }
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + graceMs;
  while (pids.some(alive) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
  }
  if (pids.some(alive)) signal('SIGKILL');
}

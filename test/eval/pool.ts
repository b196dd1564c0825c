/**
 * Lints the corpus on worker threads (one per core, at most four): a few large changelogs and
 * API references dominate the time, and the eval should stay well under a minute.
 */
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { lint, type Finding, type LintOptions } from '../../src/core/index';

/** What one document gave: its findings, or the engine's error. */
export type LintOutcome = { findings: Finding[] } | { error: string };

interface Job {
  options: LintOptions;
  texts: { index: number; text: string }[];
}

function lintOne(text: string, options: LintOptions): LintOutcome {
  try {
    return { findings: lint(text, options) };
  } catch (e) {
    return { error: (e as Error).stack?.split('\n').slice(0, 3).join(' ') ?? String(e) };
  }
}

/** True in a worker started by `lintInPool`: it lints its share, replies and returns. */
export function runAsPoolWorker(): boolean {
  if (isMainThread || !(workerData as { evalPool?: boolean })?.evalPool) return false;
  const job = (workerData as { job: Job }).job;
  parentPort?.postMessage(job.texts.map((t) => ({ index: t.index, outcome: lintOne(t.text, job.options) })));
  return true;
}

/** Lints every text, spread over worker threads of this same script (`entry`). */
export async function lintInPool(entry: string, texts: readonly string[], options: LintOptions): Promise<LintOutcome[]> {
  const workers = Math.min(4, availableParallelism(), Math.ceil(texts.length / 20));
  if (workers <= 1) return texts.map((t) => lintOne(t, options));
  // Largest first, dealt round-robin, so each worker gets a similar share of the bytes.
  const order = texts.map((text, index) => ({ index, text })).sort((a, b) => b.text.length - a.text.length);
  const shares: Job['texts'][] = Array.from({ length: workers }, () => []);
  order.forEach((t, i) => shares[i % workers].push(t));
  const out: LintOutcome[] = new Array(texts.length);
  await Promise.all(
    shares.map(
      (share) =>
        new Promise<void>((resolve, reject) => {
          const w = new Worker(entry, { workerData: { evalPool: true, job: { options, texts: share } } });
          w.once('message', (results: { index: number; outcome: LintOutcome }[]) => {
            for (const r of results) out[r.index] = r.outcome;
            resolve();
          });
          w.once('error', reject);
          w.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`lint worker exited with ${code}`))));
        }),
    ),
  );
  return out;
}

import type { Worker as WorkerThread } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { lintFile, type FileResult } from './lint-file';
import type { LintOptions } from '../core/types';

/** One file to lint. */
export interface Job {
  index: number;
  file: string;
  options: LintOptions;
  maxBytes: number;
  /** The folder `/…` source paths are relative to (a string: jobs travel to workers by structured clone). */
  root?: string;
}

const BATCH = 4;

/** Lints in this thread: the cheaper choice for a handful of files. */
function lintInline(jobs: Job[]): FileResult[] {
  return jobs.map((j) => lintFile(j.file, j.options, j.maxBytes, j.root));
}

/** How many worker threads pay off for `jobs` (0 = lint inline). */
export function workerCount(jobs: readonly Job[], totalBytes: number): number {
  const forced = Number(process.env.INTEGRATION_DOCS_THREADS);
  if (process.env.INTEGRATION_DOCS_THREADS !== undefined && Number.isInteger(forced) && forced >= 0) return Math.min(forced, 16);
  if (jobs.length < 8 || totalBytes < 200_000) return 0;
  // Linting is allocation-heavy: on 2-core machines measured here, two threads (or two
  // processes) took as long as one, so threads start paying off from 4 cores.
  const cores = availableParallelism();
  if (cores < 4) return 0;
  return Math.max(1, Math.min(cores, 8, Math.ceil(jobs.length / BATCH)));
}

/**
 * Lints every job on `threads` threads: `threads - 1` workers plus this thread, all taking
 * from one queue. Each worker keeps two small batches in flight so it never waits for this
 * thread, which lints one file at a time and yields between files to hand out work.
 */
async function lintOnWorkers(jobs: Job[], threads: number): Promise<FileResult[]> {
  const results: FileResult[] = new Array(jobs.length);
  let next = 0;
  const take = (n: number) => {
    const batch = jobs.slice(next, next + n);
    next += batch.length;
    return batch;
  };
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      // Required here, not imported: a run on fewer than four cores never starts one (3 ms of every run).
      const { Worker } = require('node:worker_threads') as { Worker: typeof WorkerThread };
      const worker = new Worker(join(__dirname, 'cli-worker.js'));
      let inFlight = 0;
      const feed = () => {
        const batch = take(BATCH);
        if (batch.length > 0) {
          inFlight++;
          worker.postMessage(batch);
        } else if (inFlight === 0) {
          void worker.terminate().then(() => resolve());
        }
      };
      worker.on('message', (done: { index: number; result: FileResult }[]) => {
        inFlight--;
        for (const d of done) results[d.index] = d.result;
        feed();
      });
      worker.on('error', reject);
      feed();
      feed();
    });
  const workers = Array.from({ length: Math.max(0, threads - 1) }, runWorker);
  while (next < jobs.length) {
    const [job] = take(1);
    results[job.index] = lintFile(job.file, job.options, job.maxBytes, job.root);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await Promise.all(workers);
  return results;
}

/** Lints all jobs, in parallel when it pays off. Results are in job order. */
export async function lintAll(jobs: Job[], totalBytes: number): Promise<FileResult[]> {
  const threads = workerCount(jobs, totalBytes);
  return threads === 0 ? lintInline(jobs) : lintOnWorkers(jobs, threads);
}

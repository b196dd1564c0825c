import { Worker } from 'node:worker_threads';
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
  if (jobs.length < 8 || totalBytes < 200_000) return 0;
  return Math.max(1, Math.min(availableParallelism(), 8, Math.ceil(jobs.length / BATCH)));
}

/** Lints every job on `threads` worker threads, handing out small batches as workers free up. */
async function lintOnWorkers(jobs: Job[], threads: number): Promise<FileResult[]> {
  const results: FileResult[] = new Array(jobs.length);
  let next = 0;
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(join(__dirname, 'cli-worker.js'));
      const feed = () => {
        if (next >= jobs.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        worker.postMessage(jobs.slice(next, next + BATCH));
        next += BATCH;
      };
      worker.on('message', (done: { index: number; result: FileResult }[]) => {
        for (const d of done) results[d.index] = d.result;
        feed();
      });
      worker.on('error', reject);
      feed();
    });
  await Promise.all(Array.from({ length: threads }, runWorker));
  return results;
}

/** Lints all jobs, in parallel when it pays off. Results are in job order. */
export async function lintAll(jobs: Job[], totalBytes: number): Promise<FileResult[]> {
  const threads = workerCount(jobs, totalBytes);
  return threads === 0 ? lintInline(jobs) : lintOnWorkers(jobs, threads);
}

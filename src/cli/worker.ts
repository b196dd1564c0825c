/** Worker thread of the CLI: lints the files it is sent and posts the results back. */
import { parentPort } from 'node:worker_threads';
import { lintFile } from './lint-file';
import type { Job } from './pool';

parentPort?.on('message', (jobs: Job[]) => {
  parentPort?.postMessage(jobs.map((job) => ({ index: job.index, result: lintFile(job.file, job.options, job.maxBytes, job.root) })));
});

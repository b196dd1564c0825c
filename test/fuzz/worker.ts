/**
 * The fuzz worker: checks the documents of a range of seeds, announcing each before it starts
 * so the runner can tell which one hung (a synchronous lint cannot be interrupted from inside).
 */
import { parentPort } from 'node:worker_threads';
import { checkDocument } from './checks';
import { generate } from './grammar';

/** Messages from the worker to the runner. */
export type WorkerMessage = { type: 'start'; seed: number } | { type: 'done'; seed: number; ms: number; cpuMs: number; report: ReturnType<typeof checkDocument> } | { type: 'end' };

/** A range of seeds to check, `from` inclusive, `to` exclusive. */
export interface WorkerTask {
  from: number;
  to: number;
  /** Edits per incremental sequence. */
  steps: number;
  /** One document in this many gets an edit sequence (the seed decides which). */
  editEvery: number;
}

/** Whether the document of `seed` gets an incremental edit sequence. */
export function hasEdits(seed: number, editEvery: number): boolean {
  return seed % editEvery === 0;
}

parentPort?.on('message', ({ from, to, steps, editEvery }: WorkerTask) => {
  for (let seed = from; seed < to; seed++) {
    parentPort?.postMessage({ type: 'start', seed } satisfies WorkerMessage);
    const started = performance.now();
    // The process's CPU time: the runner's thread only waits meanwhile, so this is the checks' own
    // work, whatever else the machine is doing (wall time grows with the load).
    const cpu = process.cpuUsage();
    const report = checkDocument(generate(seed), hasEdits(seed, editEvery) ? steps : 0);
    const used = process.cpuUsage(cpu);
    parentPort?.postMessage({ type: 'done', seed, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, report } satisfies WorkerMessage);
  }
  parentPort?.postMessage({ type: 'end' } satisfies WorkerMessage);
});

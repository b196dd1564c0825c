/**
 * `npm run fuzz`: the standing fuzz and hostile-input suite.
 *
 *   npm run fuzz                          100,000 documents (seeds 1..100000), then the hostile CLI cases
 *   npm run fuzz -- --count 5000          fewer documents
 *   npm run fuzz -- --from 7000 --count 10
 *   npm run fuzz -- --seed 4242           one document: its text and every problem, in detail
 *   npm run fuzz -- --only documents      or --only hostile
 *   npm run fuzz -- --budget-ms 10000     the CPU time one document's checks may take before it counts as a hang
 *                                         (a document still running after 6 × that in wall time is stopped: a hang too)
 *   npm run fuzz -- --edit-every 8        one document in 8 also gets a sequence of --steps (6) random edits
 *                                         through the incremental linter, each compared with a fresh lint
 *
 * Documents are checked on a worker thread; the runner hears of each seed before its checks
 * start, so a document that hangs is named, the worker is replaced and the run goes on.
 * Every problem is printed with its seed and the one command that reproduces it. Exit status
 * 1 when anything was found.
 */
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { checkDocument, FIX_CHECK, FIX_EVERY, FIX_MAX_FINDINGS, type ProblemKind } from './checks';
import { generate } from './grammar';
import { runHostile } from './hostile';
import type { WorkerMessage, WorkerTask } from './worker';

interface Options {
  from: number;
  count: number;
  seed?: number;
  only?: 'documents' | 'hostile';
  budgetMs: number;
  steps: number;
  editEvery: number;
}

function parseOptions(argv: readonly string[]): Options {
  const o: Options = { from: 1, count: 100_000, budgetMs: 10_000, steps: 6, editEvery: 8 };
  for (let i = 0; i < argv.length; i++) {
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${argv[i - 1]} needs a value`);
      return v;
    };
    const number = () => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0) throw new Error(`${argv[i - 1]} needs a whole number`);
      return n;
    };
    switch (argv[i]) {
      case '--from':
        o.from = number();
        break;
      case '--count':
        o.count = number();
        break;
      case '--seed':
        o.seed = number();
        break;
      case '--budget-ms':
        o.budgetMs = number();
        break;
      case '--steps':
        o.steps = number();
        break;
      case '--edit-every':
        o.editEvery = Math.max(1, number());
        break;
      case '--only': {
        const v = value();
        if (v !== 'documents' && v !== 'hostile') throw new Error('--only takes documents or hostile');
        o.only = v;
        break;
      }
      default:
        throw new Error(`unknown option ${argv[i]}`);
    }
  }
  return o;
}

const KINDS: readonly ProblemKind[] = ['throw', 'range', 'fastpath', 'parser', 'incremental', 'unsafe-fix'];

interface Tally {
  documents: number;
  sequences: number;
  hangs: number[];
  byKind: Record<ProblemKind, number[]>;
  findings: number;
  edits: number;
  fixesOffered: number;
  slowest: { seed: number; ms: number };
  bytes: number;
}

/** How many budgets of wall time a document may run before it is stopped as a hang (wall time grows with the machine's load). */
const WALL_FACTOR = 6;

const reproduce = (seed: number) => `npm run fuzz -- --seed ${seed}`;

/** Checks seeds `from..from+count-1` on a worker, replacing it when a document hangs. */
async function runDocuments(o: Options, log: (s: string) => void): Promise<Tally> {
  const tally: Tally = { documents: 0, sequences: 0, hangs: [], byKind: { throw: [], range: [], fastpath: [], parser: [], incremental: [], 'unsafe-fix': [] }, findings: 0, edits: 0, fixesOffered: 0, slowest: { seed: 0, ms: 0 }, bytes: 0 };
  const end = o.from + o.count;
  let next = o.from;
  const progressEvery = Math.max(1000, Math.floor(o.count / 10));
  const started = Date.now();
  while (next < end) {
    next = await new Promise<number>((resolve, reject) => {
      const worker = new Worker(join(__dirname, 'worker.js'));
      let current = next;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const arm = () => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => {
          tally.hangs.push(current);
          log(`HANG seed ${current}: its checks were still running after ${(WALL_FACTOR * o.budgetMs) / 1000} s, stopped — ${reproduce(current)}`);
          void worker.terminate();
          resolve(current + 1);
        }, WALL_FACTOR * o.budgetMs);
      };
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'start') {
          current = m.seed;
          arm();
        } else if (m.type === 'done') {
          tally.documents++;
          tally.findings += m.report.findings;
          tally.edits += m.report.edits;
          if (m.report.edits > 0) tally.sequences++;
          tally.fixesOffered += m.report.fixesOffered;
          if (m.cpuMs > tally.slowest.ms) tally.slowest = { seed: m.seed, ms: m.cpuMs };
          if (m.cpuMs > o.budgetMs) {
            tally.hangs.push(m.seed);
            log(`HANG seed ${m.seed}: its checks used ${m.cpuMs.toFixed(0)} ms of CPU, over the ${o.budgetMs} ms budget — ${reproduce(m.seed)}`);
          }
          for (const p of m.report.problems) {
            if (!tally.byKind[p.kind].includes(m.seed)) tally.byKind[p.kind].push(m.seed);
            log(`${p.kind.toUpperCase()} seed ${m.seed}: ${p.detail.slice(0, 600)} — ${reproduce(m.seed)}`);
          }
          if (tally.documents % progressEvery === 0) log(`… ${tally.documents} documents, ${((Date.now() - started) / 1000).toFixed(0)} s`);
        } else {
          if (timer) clearTimeout(timer);
          void worker.terminate().then(() => resolve(end));
        }
      });
      worker.on('error', (e) => {
        if (timer) clearTimeout(timer);
        tally.byKind.throw.push(current);
        log(`CRASH seed ${current}: the worker died: ${e.message} — ${reproduce(current)}`);
        resolve(current + 1);
      });
      worker.on('exit', (code) => {
        if (code !== 0 && code !== 1) reject(new Error(`worker exited with ${code}`));
      });
      worker.postMessage({ from: next, to: end, steps: o.steps, editEvery: o.editEvery } satisfies WorkerTask);
    });
  }
  return tally;
}

/** One seed in detail, in this thread: the text (as JSON) and every problem. */
function runOne(seed: number, steps: number, log: (s: string) => void): number {
  const doc = generate(seed);
  log(`seed ${seed}: ${doc.text.length} characters, options ${JSON.stringify(doc.options)}`);
  log(`text: ${JSON.stringify(doc.text)}`);
  const started = performance.now();
  const report = checkDocument(doc, steps, (step, text, ms) => {
    log(`${step}: ${text.length} characters, ${ms.toFixed(0)} ms${ms > 1000 ? `: ${JSON.stringify(text.length > 400 ? `${text.slice(0, 400)}…` : text)}` : ''}`);
  });
  log(`${report.findings} findings, ${report.edits} incremental edits, ${(performance.now() - started).toFixed(0)} ms`);
  for (const p of report.problems) log(`${p.kind}: ${p.detail}`);
  log(report.problems.length ? `${report.problems.length} problem(s)` : 'no problem');
  return report.problems.length ? 1 : 0;
}

async function main(): Promise<number> {
  const o = parseOptions(process.argv.slice(2));
  const log = (s: string) => process.stdout.write(`${s}\n`);
  if (o.seed !== undefined) return runOne(o.seed, o.steps, log);
  let failed = false;
  if (o.only !== 'hostile') {
    log(`Fuzz: ${o.count} documents, seeds ${o.from}..${o.from + o.count - 1}; one in ${o.editEvery} with ${o.steps} incremental edits; ${o.budgetMs} ms of CPU per document (stopped after ${(WALL_FACTOR * o.budgetMs) / 1000} s of wall time)`);
    const started = Date.now();
    const t = await runDocuments(o, log);
    const seconds = (Date.now() - started) / 1000;
    const list = (seeds: number[]) => (seeds.length ? ` (seeds ${seeds.slice(0, 10).join(', ')}${seeds.length > 10 ? ', …' : ''})` : '');
    log('');
    log(`documents: ${t.documents}`);
    log(`throws: ${t.byKind.throw.length}${list(t.byKind.throw)}`);
    log(`hangs: ${t.hangs.length}${list(t.hangs)}`);
    log(`range problems: ${t.byKind.range.length}${list(t.byKind.range)}`);
    log(`mismatches: fast path ${t.byKind.fastpath.length}${list(t.byKind.fastpath)}, parser without the GFM constructs a block cannot complete ${t.byKind.parser.length}${list(t.byKind.parser)}, incremental ${t.byKind.incremental.length}${list(t.byKind.incremental)}`);
    log(FIX_CHECK ? `unsafe quick fixes: ${t.byKind['unsafe-fix'].length}${list(t.byKind['unsafe-fix'])} of ${t.fixesOffered} offered (one document in ${FIX_EVERY} with at most ${FIX_MAX_FINDINGS} findings, re-verified on a full parse)` : 'quick fixes: not checked');
    log(`findings: ${t.findings}; edit sequences: ${t.sequences} (${t.edits} edits); slowest document: seed ${t.slowest.seed}, ${t.slowest.ms.toFixed(0)} ms of CPU`);
    log(`time: ${seconds.toFixed(1)} s`);
    failed ||= t.hangs.length > 0 || KINDS.some((k) => t.byKind[k].length > 0);
  }
  if (o.only !== 'documents') {
    log('');
    log('Hostile input through the CLI:');
    const problems = await runHostile(log);
    log(`hostile cases: ${problems === 0 ? 'all passed' : `${problems} failed`}`);
    failed ||= problems > 0;
  }
  return failed ? 1 : 0;
}

void main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: Error) => {
    process.stderr.write(`fuzz: ${e.message}\n`);
    process.exitCode = 2;
  },
);

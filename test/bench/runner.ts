/**
 * Runs whole linter processes side by side: in each round every tool lints the same corpus, in
 * an order that rotates from round to round (so no tool always runs on a cold or a warm
 * machine), and each tool's figures are the medians of its rounds. Peak memory is the largest
 * resident set over the rounds, from GNU time (`/usr/bin/time`) when the machine has it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** One linter: a name and the command that lints a corpus folder. */
export interface Tool {
  name: string;
  command: (dir: string) => string[];
}

/** One run of one tool. */
export interface Sample {
  ms: number;
  /** User + system CPU time: steadier than wall time on a shared machine. */
  cpuMs: number;
  rssMb: number;
  status: number | null;
}

/** A tool's figures over all rounds. */
export interface Figures {
  ms: number;
  cpuMs: number;
  peakRssMb: number;
  samples: Sample[];
}

const GNU_TIME = '/usr/bin/time';

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/**
 * Variables the bench removes from every tool's environment (unless `--keep-env`), with why.
 * Each costs every Node.js process at start and nothing a linter does needs it.
 */
export const UNSET_FOR_TOOLS: Readonly<Record<string, string>> = {
  // Node 20 with OpenSSL 3 reads and parses the whole file at start, before any script runs
  // (nodejs/node#40524): on a machine whose proxy sets it to the system's CA bundle, that is
  // tens of milliseconds per process. The linters make no network connections.
  NODE_EXTRA_CA_CERTS: 'extra TLS certificates, parsed by every Node.js process at start',
};

/** The environment the tools run in: this process's, less `UNSET_FOR_TOOLS` unless `keep`. */
export function toolEnv(keep: boolean): NodeJS.ProcessEnv {
  if (keep) return process.env;
  const env = { ...process.env };
  for (const name of Object.keys(UNSET_FOR_TOOLS)) delete env[name];
  return env;
}

/** Runs `argv` once (output discarded), timing it and reading its peak memory. */
export function measure(argv: string[], work: string, cwd: string, env: NodeJS.ProcessEnv = process.env): Sample {
  const stats = join(work, `time-${process.pid}.txt`);
  rmSync(stats, { force: true });
  const timed = existsSync(GNU_TIME);
  const [cmd, ...args] = timed ? [GNU_TIME, '-f', '%U %S %M', '-o', stats, ...argv] : argv;
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd, env, stdio: ['ignore', 'ignore', 'ignore'] });
  const ms = performance.now() - t0;
  if (!timed || !existsSync(stats)) return { ms, cpuMs: NaN, rssMb: NaN, status: r.status };
  const [user, sys, rssKb] = readFileSync(stats, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  return { ms, cpuMs: (user + sys) * 1000, rssMb: rssKb / 1024, status: r.status };
}

/**
 * How many rounds a corpus gets: `min` always; then more, up to `max`, while one more round (as
 * long as the rounds so far took on average) keeps the corpus within `budgetMs`. Short corpora
 * thus get more rounds: a run of a few hundred milliseconds moves most with the machine's drift
 * from one round to the next, and its rounds cost least.
 */
export interface RoundPlan {
  min: number;
  max: number;
  budgetMs: number;
}

/** Whether `plan` asks for another round after `done` rounds that took `elapsedMs` in all. */
export function anotherRound(plan: RoundPlan, done: number, elapsedMs: number): boolean {
  if (done < plan.min) return true;
  if (done >= plan.max) return false;
  return elapsedMs + elapsedMs / done <= plan.budgetMs;
}

/** Runs every tool on `dir` for the rounds `plan` asks for (a number: exactly that many), rotating the order each round. */
export function compare(tools: readonly Tool[], dir: string, plan: RoundPlan | number, work: string, cwd: string, log: (s: string) => void, env: NodeJS.ProcessEnv = process.env): Map<string, Figures> {
  const rounds = typeof plan === 'number' ? { min: plan, max: plan, budgetMs: 0 } : plan;
  const samples = new Map<string, Sample[]>(tools.map((t) => [t.name, []]));
  const start = performance.now();
  for (let round = 0; anotherRound(rounds, round, performance.now() - start); round++) {
    const line: string[] = [];
    for (let k = 0; k < tools.length; k++) {
      const tool = tools[(round + k) % tools.length];
      const s = measure(tool.command(dir), work, cwd, env);
      samples.get(tool.name)!.push(s);
      line.push(`${tool.name} ${s.ms.toFixed(0)} ms`);
    }
    log(`    round ${round + 1}: ${line.join(', ')}`);
  }
  const out = new Map<string, Figures>();
  for (const [name, xs] of samples) {
    out.set(name, {
      ms: median(xs.map((s) => s.ms)),
      cpuMs: median(xs.map((s) => s.cpuMs)),
      peakRssMb: Math.max(...xs.map((s) => s.rssMb)),
      samples: xs,
    });
  }
  return out;
}

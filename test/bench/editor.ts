/**
 * The editor's figures, measured on the engine the extension runs: one-character edits of a
 * large document (incremental re-lint), the longest the first lint of a large document blocks
 * the extension host at a time, and activation (bundle load + `activate`) in fresh processes.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { lint, Linter, PREPARE_SLICE_MS } from '../../src/core/index';
import { rng } from './corpus';
import { median } from './runner';

/** Budget per slice the extension gives a lint (src/vscode/linting.ts). */
const SLICE_MS = PREPARE_SLICE_MS;

const cpuMs = (from: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
};

/**
 * The extension's `TextDocument.getText()` hands the linter a flat string; an edit made here by
 * concatenation is a rope that V8 flattens on first read. Flatten it before the clock starts.
 */
function flat(s: string): string {
  void s.charCodeAt(0);
  return s;
}

/**
 * p50/p95 (wall and CPU) of re-linting after one-character edits (typing and deleting) at random
 * places, run as the extension runs every lint: `prepare` in slices, then `lint`.
 */
export function editFigures(text: string, edits: number, seed: number): { p50: number; p95: number; cpuP50: number; equal: boolean } {
  const linter = new Linter();
  linter.lint(text);
  const random = rng(seed);
  const times: number[] = [];
  const cpu: number[] = [];
  let doc = text;
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(doc.length * (0.1 + 0.8 * random()));
    doc = flat(i % 2 === 0 ? `${doc.slice(0, at)}x${doc.slice(at)}` : `${doc.slice(0, at)}${doc.slice(at + 1)}`);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    while (!linter.prepare(doc, SLICE_MS));
    linter.lint(doc);
    times.push(performance.now() - t0);
    cpu.push(cpuMs(c0));
  }
  const equal = JSON.stringify(linter.lint(doc).findings) === JSON.stringify(lint(doc));
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: median(times), p95: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))], cpuP50: median(cpu), equal };
}

/**
 * The first lint of `text` as the extension runs it — parse, then run the rules, in slices
 * between event-loop turns, then lint — timing every slice: the longest is how long typing
 * could wait on it.
 */
export function firstLintFigures(text: string): { longestSliceMs: number; longestSliceCpuMs: number; slices: number; totalMs: number } {
  const linter = new Linter();
  const slices: number[] = [];
  const cpu: number[] = [];
  const t0 = performance.now();
  const slice = (work: () => boolean) => {
    const c = process.cpuUsage();
    const s = performance.now();
    const done = work();
    slices.push(performance.now() - s);
    cpu.push(cpuMs(c));
    return done;
  };
  while (!slice(() => linter.prepare(text, SLICE_MS)));
  slice(() => linter.lint(text).findings.length >= 0);
  return { longestSliceMs: Math.max(...slices), longestSliceCpuMs: Math.max(...cpu), slices: slices.length, totalMs: performance.now() - t0 };
}

/**
 * Medians over `runs` fresh processes of loading the extension bundle and activating it, and of
 * the slice in which the first lint then loads the Markdown parser (0 when the bundle has it inline).
 */
export function activationFigures(root: string, runs: number): { loadMs: number; activateMs: number; totalMs: number; cpuMs: number; parserLoadMs: number } {
  const loads: number[] = [];
  const parserLoads: number[] = [];
  const activations: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, [join(root, 'dist/test/bench/activate.js'), join(root, 'dist/extension.js')], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`activation run failed: ${r.stderr}`);
    const { loadMs, activateMs, loadCpuMs, activateCpuMs, parserLoadMs } = JSON.parse(r.stdout) as Record<string, number>;
    parserLoads.push(parserLoadMs);
    cpu.push(loadCpuMs + activateCpuMs);
    loads.push(loadMs);
    activations.push(activateMs);
  }
  const totals = loads.map((l, i) => l + activations[i]);
  return { loadMs: median(loads), activateMs: median(activations), totalMs: median(totals), cpuMs: median(cpu), parserLoadMs: median(parserLoads) };
}

/**
 * `npm run bench [-- --json] [-- --quick]`: the CLI against markdownlint-cli2 on a 300-file
 * corpus (whole processes, side by side, alternating runs), and the incremental linter the
 * extension uses on one-character edits in 25 KB and 1 MB documents.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lint, Linter, lintModel, buildModel } from '../../src/core/index';
import { parseMarkdown } from '../../src/core/parse';
import { writeCorpus, bigDocument, rng } from './corpus';
import { MARKDOWNLINT_CLI2, ensurePeer } from './peers';

const ROOT = resolve(__dirname, '../../..');
const WORK = join(ROOT, '.bench');
const json = process.argv.includes('--json');
const quick = process.argv.includes('--quick');
const log = (s: string) => process.stderr.write(`${s}\n`);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Runs a command, returning wall time (ms) and peak RSS (MB) reported by a preload hook. */
function timed(args: string[]): { ms: number; rssMb: number; status: number | null } {
  const rssFile = join(WORK, `rss-${process.pid}.txt`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--require', join(WORK, 'rss.cjs'), ...args], {
    cwd: ROOT,
    env: { ...process.env, BENCH_RSS_FILE: rssFile },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - t0;
  const rssKb = Number(readFileSync(rssFile, 'utf8').trim());
  return { ms, rssMb: rssKb / 1024, status: r.status };
}

function cliBench(): Record<string, number> {
  mkdirSync(WORK, { recursive: true });
  writeFileSync(
    join(WORK, 'rss.cjs'),
    "process.on('exit', () => require('fs').writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));\n",
  );
  const corpus = join(WORK, 'corpus');
  const files = quick ? 60 : 300;
  const { bytes } = writeCorpus(ROOT, corpus, files);
  writeFileSync(join(WORK, '.markdownlint-cli2.jsonc'), '{}\n');
  log(`corpus: ${files} files, ${(bytes / 1048576).toFixed(2)} MB (half template-based, half finished docs)`);
  const ours = ['dist/cli.js', 'lint', corpus, '--format', 'json'];
  const mdl = [ensurePeer(WORK, MARKDOWNLINT_CLI2, log), '--config', join(WORK, '.markdownlint-cli2.jsonc'), `${corpus}/*.md`];
  const runs = quick ? 1 : 3;
  const a: ReturnType<typeof timed>[] = [];
  const b: ReturnType<typeof timed>[] = [];
  for (let i = 0; i < runs; i++) {
    a.push(timed(ours));
    b.push(timed(mdl));
    log(`  run ${i + 1}: integration-docs ${a[i].ms.toFixed(0)} ms (${a[i].rssMb.toFixed(0)} MB), markdownlint-cli2 ${b[i].ms.toFixed(0)} ms (${b[i].rssMb.toFixed(0)} MB)`);
  }
  const oursMs = median(a.map((r) => r.ms));
  const mdlMs = median(b.map((r) => r.ms));
  log(`CLI: integration-docs ${oursMs.toFixed(0)} ms, markdownlint-cli2 ${mdlMs.toFixed(0)} ms, ratio ${(mdlMs / oursMs).toFixed(1)}x`);
  return {
    corpus_files: files,
    corpus_mb: bytes / 1048576,
    cli_ms: oursMs,
    markdownlint_cli2_ms: mdlMs,
    cli_speedup: mdlMs / oursMs,
    cli_peak_rss_mb: Math.max(...a.map((r) => r.rssMb)),
    markdownlint_cli2_peak_rss_mb: Math.max(...b.map((r) => r.rssMb)),
    ...precisionCheck(corpus, quick ? 20 : 60),
  };
}

/** The fast paths (no parse for inert blocks) must give exactly what parsing everything gives. */
function precisionCheck(corpus: string, count: number): Record<string, number> {
  let findings = 0;
  let mismatches = 0;
  for (const f of readdirSync(corpus).slice(0, count)) {
    const text = readFileSync(join(corpus, f), 'utf8');
    const fast = JSON.stringify(lint(text));
    const full = JSON.stringify(lintModel(buildModel(text, { patterns: [], alwaysParse: true })));
    findings += (JSON.parse(fast) as unknown[]).length;
    if (fast !== full) {
      mismatches++;
      log(`  precision mismatch in ${f}`);
    }
  }
  log(`fast path vs full parse on ${count} files: ${mismatches} mismatches (${findings} findings)`);
  return { fast_path_mismatches: mismatches };
}

function editBench(label: string, text: string, edits: number): { p50: number; p95: number; equal: boolean } {
  const linter = new Linter();
  linter.lint(text);
  const random = rng(label.length);
  const times: number[] = [];
  let doc = text;
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(doc.length * (0.1 + 0.8 * random()));
    doc = i % 2 === 0 ? `${doc.slice(0, at)}x${doc.slice(at)}` : `${doc.slice(0, at)}${doc.slice(at + 1)}`;
    const t0 = performance.now();
    linter.lint(doc);
    times.push(performance.now() - t0);
  }
  const equal = JSON.stringify(linter.lint(doc).findings) === JSON.stringify(lint(doc));
  const sorted = [...times].sort((a, b) => a - b);
  const p50 = median(times);
  const p95 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))];
  log(`edit ${label}: p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms over ${edits} edits; equals full lint: ${equal}`);
  return { p50, p95, equal };
}

function engineBench(): Record<string, number | boolean> {
  const mb = bigDocument(ROOT, 1_000_000);
  const kb = bigDocument(ROOT, 25_000, 11);
  let t0 = performance.now();
  parseMarkdown(mb);
  const remarkMs = performance.now() - t0;
  t0 = performance.now();
  const findings = lint(mb).length;
  const fullMs = performance.now() - t0;
  log(`1 MB doc: remark parse ${remarkMs.toFixed(0)} ms, full lint ${fullMs.toFixed(0)} ms (${findings} findings)`);
  const big = editBench('1mb', mb, quick ? 10 : 40);
  const small = editBench('25kb', kb, quick ? 20 : 100);
  return {
    remark_parse_ms_1mb: remarkMs,
    full_lint_ms_1mb: fullMs,
    edit_p50_ms_1mb: big.p50,
    edit_p95_ms_1mb: big.p95,
    edit_p50_ms_25kb: small.p50,
    edit_p95_ms_25kb: small.p95,
    edit_equals_full_lint: big.equal && small.equal,
  };
}

const result = { ...engineBench(), ...cliBench() };
if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
else for (const [k, v] of Object.entries(result)) process.stdout.write(`${k}: ${typeof v === 'number' ? Number(v.toFixed(2)) : v}\n`);

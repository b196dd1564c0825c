/**
 * `npm run bench [-- options]`: the CLI side by side with markdownlint-cli2 and rumdl (whole
 * processes, alternating rounds, medians, peak memory) on corpora that represent users, the
 * CLI's scaling with size, and the editor's figures.
 *
 *   --quick          small corpora, one round (a smoke run)
 *   --rounds N       rounds per corpus, at least (default 3)
 *   --max-rounds M   rounds per corpus, at most (default three times --rounds): a corpus gets
 *                    more than --rounds while its rounds so far leave room in --round-budget
 *   --round-budget S seconds a corpus's rounds may take before it stops adding rounds (default 30)
 *   --only a,b       only these corpora (mixed, templates, finished, published, changelog, scale)
 *   --scale-100      add the 100 MB scaling corpus (minutes)
 *   --no-peers       skip installing and running the peers
 *   --json           print the results as JSON on stdout
 *   --baseline FILE  also run another build's CLI (its dist/cli.js) in the same rounds: before/after
 *   --keep-env       run the tools in this environment as is (by default the variables in
 *                    runner.ts UNSET_FOR_TOOLS are removed, and what they cost is reported)
 *
 * Everything generated or fetched goes to the git-ignored `.bench/` (see test/bench/manifest.json).
 */
import { mkdirSync, writeFileSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { lint, lintModel, buildModel } from '../../src/core/index';
import { writeCorpus, writeTemplateCorpus, writeFinishedCorpus, bigDocument } from './corpus';
import { readManifest, installPeers, writePublishedCorpus, writeChangelogCorpus, type Peers } from './fetch';
import { compare, measure, median, toolEnv, UNSET_FOR_TOOLS, type Figures, type RoundPlan, type Tool } from './runner';
import { editFigures, firstLintFigures, activationFigures } from './editor';

const ROOT = resolve(__dirname, '../../..');
const WORK = join(ROOT, '.bench');
const argv = process.argv.slice(2);
const has = (f: string) => argv.includes(f);
const value = (f: string) => (argv.indexOf(f) >= 0 ? argv[argv.indexOf(f) + 1] : undefined);
const quick = has('--quick');
const rounds = Number(value('--rounds') ?? (quick ? 1 : 3));
/**
 * The rounds each corpus gets (`runner.ts` `RoundPlan`): the 1 MB corpus's runs take a few
 * hundred milliseconds, and its ratio to rumdl moved by ±0.5 between runs of three rounds
 * (our times drifted by up to 45% from one round to the next while rumdl's held); nine rounds of
 * it take under ten seconds. The corpora markdownlint-cli2 takes seconds on stay near `rounds`.
 */
const plan: RoundPlan = { min: rounds, max: Number(value('--max-rounds') ?? (quick ? rounds : rounds * 3)), budgetMs: Number(value('--round-budget') ?? 30) * 1000 };
if (![plan.min, plan.max].every((n) => Number.isInteger(n) && n >= 1) || plan.max < plan.min || !(plan.budgetMs >= 0)) {
  process.stderr.write('bench: --rounds and --max-rounds take whole numbers of 1 or more (--max-rounds at least --rounds), --round-budget a number of seconds\n');
  process.exit(2);
}
const only = value('--only')?.split(',');
const log = (s: string) => process.stderr.write(`${s}\n`);
/**
 * The code caches of our builds live in a folder of the bench's own (`.bench/cache`), emptied at
 * the start and written by the same warm-up for every build (`warmCaches`): what a cache holds
 * depends on the run that wrote it, and the CLI writes one at its second run.
 */
const CACHE_HOME = join(WORK, 'cache');
const env = { ...toolEnv(has('--keep-env')), XDG_CACHE_HOME: CACHE_HOME };

interface Corpus {
  name: string;
  about: string;
  dir: string;
  files: number;
  bytes: number;
  /** Whether markdownlint-cli2 runs on it too (not on the scaling corpora: minutes each). */
  markdownlint: boolean;
}

function sizeOf(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) {
      const s = sizeOf(p);
      files += s.files;
      bytes += s.bytes;
    } else if (name.toLowerCase().endsWith('.md')) {
      files++;
      bytes += st.size;
    }
  }
  return { files, bytes };
}

const wanted = (name: string) => !only || only.includes(name);

/** Generates (or fetches) every corpus asked for into `.bench/corpora`. */
function corpora(): Corpus[] {
  const out: Corpus[] = [];
  const dir = (name: string) => join(WORK, 'corpora', name);
  const add = (name: string, about: string, markdownlint = true) => out.push({ name, about, dir: dir(name), ...sizeOf(dir(name)), markdownlint });
  if (wanted('mixed')) {
    writeCorpus(ROOT, dir('mixed'), quick ? 40 : 150);
    add('mixed', 'the earlier corpus: half template-based, half finished docs, 8-30 KB');
  }
  if (wanted('templates')) {
    writeTemplateCorpus(ROOT, dir('templates'), quick ? 40 : 240);
    add('templates', 'the five templates as shipped and a quarter to three quarters filled, 1-3 per doc');
  }
  if (wanted('finished')) {
    writeFinishedCorpus(ROOT, dir('finished'), quick ? 30 : 120);
    add('finished', 'finished integration docs (clean and filled fixtures), 1-3 per doc');
  }
  if (wanted('published') || wanted('changelog')) {
    const manifest = readManifest(ROOT);
    writePublishedCorpus(WORK, dir('published'), manifest.published, log);
    if (wanted('published')) add('published', `all Markdown of ${manifest.published.length} pinned npm packages (READMEs, changelogs, API references, guides)`);
    if (wanted('changelog') && writeChangelogCorpus(WORK, dir('changelog'), manifest, log)) {
      add('changelog', `one large bracket-dense changelog (${manifest.changelog.package} ${manifest.changelog.file})`);
    }
  }
  if (wanted('scale')) {
    for (const mb of has('--scale-100') ? [1, 10, 100] : [1, 10]) {
      writeCorpus(ROOT, dir(`scale-${mb}mb`), Math.round(mb * 42), 100 + mb);
      add(`scale-${mb}mb`, `${mb} MB of the earlier corpus's kind of docs`, false);
    }
  }
  return out;
}

const baseline = value('--baseline');

function tools(peers: Peers | undefined, markdownlint: boolean): Tool[] {
  const list: Tool[] = [{ name: 'integration-docs', command: (d) => [process.execPath, join(ROOT, 'dist/cli.js'), 'lint', d, '--format', 'json'] }];
  if (baseline) list.push({ name: 'baseline', command: (d) => [process.execPath, resolve(baseline), 'lint', d, '--format', 'json'] });
  if (!peers) return list;
  if (markdownlint) {
    list.push({ name: 'markdownlint-cli2', command: (d) => [process.execPath, peers.markdownlintCli2, '--config', join(WORK, 'markdownlint-cli2.jsonc'), `${d}/**/*.md`] });
  }
  list.push({ name: 'rumdl', command: (d) => [peers.rumdl, 'check', '--no-cache', '--no-config', '--respect-gitignore=false', '--output-format', 'concise', d] });
  return list;
}

interface Row {
  corpus: string;
  files: number;
  mb: number;
  /** Rounds the corpus got (`plan`). */
  rounds: number;
  figures: Record<string, Figures>;
}

/**
 * Empties the code cache folder and runs each of our builds twice on `corpus` (the first run
 * marks its cache, the second writes it), so that the rounds measure runs with a cache, every
 * build's written by the same command.
 */
function warmCaches(corpus: Corpus): void {
  rmSync(CACHE_HOME, { recursive: true, force: true });
  const ours = tools(undefined, false);
  for (const tool of ours) for (let i = 0; i < 2; i++) measure(tool.command(corpus.dir), WORK, ROOT, env);
  log(`code caches: written by two runs of ${ours.map((t) => t.name).join(' and ')} on ${corpus.name}`);
}

function runCorpora(list: Corpus[], peers: Peers | undefined): Row[] {
  writeFileSync(join(WORK, 'markdownlint-cli2.jsonc'), '{}\n');
  const rows: Row[] = [];
  for (const c of list) {
    log(`  ${c.name}: ${c.files} files, ${(c.bytes / 1048576).toFixed(2)} MB — ${c.about}`);
    // 100 MB takes one round (it runs for minutes).
    const r = c.name === 'scale-100mb' ? 1 : plan;
    const figures = compare(tools(peers, c.markdownlint), c.dir, r, WORK, ROOT, log, env);
    const done = figures.get('integration-docs')?.samples.length ?? 0;
    rows.push({ corpus: c.name, files: c.files, mb: c.bytes / 1048576, rounds: done, figures: Object.fromEntries(figures) });
  }
  return rows;
}

/** The fast paths (no parse for inert blocks) must give exactly what parsing everything gives. */
function precisionCheck(list: Corpus[], perCorpus: number): { files: number; mismatches: number } {
  let files = 0;
  let mismatches = 0;
  for (const c of list.filter((x) => !x.name.startsWith('scale-'))) {
    for (const f of markdownPaths(c.dir).slice(0, perCorpus)) {
      const text = readFileSync(f, 'utf8');
      const fast = JSON.stringify(lint(text));
      const full = JSON.stringify(lintModel(buildModel(text, { patterns: [], alwaysParse: true })));
      files++;
      if (fast !== full) {
        mismatches++;
        log(`  precision mismatch in ${f}`);
      }
    }
  }
  return { files, mismatches };
}

function markdownPaths(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...markdownPaths(p));
    else if (name.toLowerCase().endsWith('.md')) out.push(p);
  }
  return out;
}

function editor(): Record<string, number | boolean> {
  const mb = bigDocument(ROOT, 1_000_000);
  const kb = bigDocument(ROOT, 25_000, 11);
  const first = firstLintFigures(mb);
  const big = editFigures(mb, quick ? 10 : 200, 3);
  const small = editFigures(kb, quick ? 20 : 100, 4);
  const activation = activationFigures(ROOT, quick ? 3 : 7);
  return {
    edit_1mb_p50_ms: big.p50,
    edit_1mb_p95_ms: big.p95,
    edit_1mb_cpu_p50_ms: big.cpuP50,
    edit_25kb_p50_ms: small.p50,
    edit_equals_full_lint: big.equal && small.equal,
    first_lint_1mb_longest_slice_ms: first.longestSliceMs,
    first_lint_1mb_longest_slice_cpu_ms: first.longestSliceCpuMs,
    first_lint_1mb_slices: first.slices,
    first_lint_1mb_total_ms: first.totalMs,
    activation_load_ms: activation.loadMs,
    activation_activate_ms: activation.activateMs,
    activation_total_ms: activation.totalMs,
    activation_cpu_ms: activation.cpuMs,
    first_lint_parser_load_ms: activation.parserLoadMs,
  };
}

/**
 * What the environment the tools run in is, and what the variables the bench removed would cost
 * each Node.js process: Node's bare start (`node -e 0`), medians of alternating runs without
 * and with them (no figures when none of them is set here).
 */
function environment(): { about: string; bareStartMs?: number; bareStartWithMs?: number } {
  const removed = Object.keys(UNSET_FOR_TOOLS).filter((name) => process.env[name] !== undefined);
  if (removed.length === 0) return { about: 'the environment as is' };
  const named = removed.map((name) => `${name} (${UNSET_FOR_TOOLS[name]})`).join(', ');
  const without: number[] = [];
  const withIt: number[] = [];
  for (let i = 0; i < 9; i++) {
    without.push(measure([process.execPath, '-e', '0'], WORK, ROOT, toolEnv(false)).ms);
    withIt.push(measure([process.execPath, '-e', '0'], WORK, ROOT, process.env).ms);
  }
  const [bareStartMs, bareStartWithMs] = [median(without), median(withIt)];
  const cost = `Node's bare start ${bareStartMs.toFixed(0)} ms without, ${bareStartWithMs.toFixed(0)} ms with`;
  return { about: has('--keep-env') ? `the environment as is, with ${named}: ${cost}` : `this environment less ${named}, for every tool: ${cost}`, bareStartMs, bareStartWithMs };
}

const fmt = (n: number | undefined, digits = 0) => (n === undefined || Number.isNaN(n) ? '–' : n.toFixed(digits));

/** The side-by-side table, as Markdown (it goes into the README as is). */
function table(rows: Row[]): string {
  const lines = [
    '| corpus | files | MB | rounds | integration-docs | markdownlint-cli2 | rumdl | vs markdownlint-cli2 | vs rumdl | peak MB (ours / mdl / rumdl) |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const r of rows) {
    const ours = r.figures['integration-docs'];
    const mdl = r.figures['markdownlint-cli2'];
    const rumdl = r.figures.rumdl;
    const before = r.figures.baseline;
    if (before) lines.push(`| ${r.corpus} (baseline) | | | | ${fmt(before.ms)} ms | | | ${mdl ? `${fmt(mdl.ms / before.ms, 1)}× faster` : '–'} | ${rumdl ? `${fmt(before.ms / rumdl.ms, 1)}× slower` : '–'} | ${fmt(before.peakRssMb)} |`);
    lines.push(
      `| ${r.corpus} | ${r.files} | ${r.mb.toFixed(2)} | ${r.rounds} | ${fmt(ours.ms)} ms | ${mdl ? `${fmt(mdl.ms)} ms` : '–'} | ${rumdl ? `${fmt(rumdl.ms)} ms` : '–'} | ` +
        `${mdl ? `${fmt(mdl.ms / ours.ms, 1)}× faster` : '–'} | ${rumdl ? `${fmt(ours.ms / rumdl.ms, 1)}× slower` : '–'} | ` +
        `${fmt(ours.peakRssMb)} / ${fmt(mdl?.peakRssMb)} / ${fmt(rumdl?.peakRssMb)} |`,
    );
  }
  return lines.join('\n');
}

function cpuTable(rows: Row[]): string {
  const lines = ['| corpus | CPU ms (ours / mdl / rumdl) | CPU ratios (mdl/ours, ours/rumdl) | wall ms per MB (ours) |', '|---|--:|--:|--:|'];
  for (const r of rows) {
    const ours = r.figures['integration-docs'];
    const mdl = r.figures['markdownlint-cli2'];
    const rumdl = r.figures.rumdl;
    const before = r.figures.baseline;
    if (before) lines.push(`| ${r.corpus} (baseline) | ${fmt(before.cpuMs)} | ${mdl ? fmt(mdl.cpuMs / before.cpuMs, 1) : '–'} / ${rumdl ? fmt(before.cpuMs / rumdl.cpuMs, 1) : '–'} | ${fmt(before.ms / r.mb)} |`);
    lines.push(
      `| ${r.corpus} | ${fmt(ours.cpuMs)} / ${fmt(mdl?.cpuMs)} / ${fmt(rumdl?.cpuMs)} | ${mdl ? fmt(mdl.cpuMs / ours.cpuMs, 1) : '–'} / ${rumdl ? fmt(ours.cpuMs / rumdl.cpuMs, 1) : '–'} | ${fmt(ours.ms / r.mb)} |`,
    );
  }
  return lines.join('\n');
}

function main(): void {
  mkdirSync(WORK, { recursive: true });
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, load average ${loadavg()[0].toFixed(1)} at start`;
  log(`machine: ${machine}`);
  const envFigures = environment();
  log(`environment: ${envFigures.about}`);
  const peers = has('--no-peers') ? undefined : installPeers(WORK, readManifest(ROOT).peers, log);
  if (!peers && !has('--no-peers')) log('peers unavailable: measuring integration-docs alone');
  log('corpora:');
  const list = corpora();
  if (list.length > 0) warmCaches(list[0]);
  const rows = runCorpora(list, peers);
  log('editor:');
  const editorFigures = editor();
  const precision = precisionCheck(list, quick ? 10 : 40);
  const result = { machine, environment: envFigures, rounds: plan, rows: rows.map((r) => ({ ...r, figures: Object.fromEntries(Object.entries(r.figures).map(([k, f]) => [k, { ms: f.ms, cpuMs: f.cpuMs, peakRssMb: f.peakRssMb }])) })), editor: editorFigures, precision };
  writeFileSync(join(WORK, 'results.json'), `${JSON.stringify(result, null, 2)}\n`);
  if (has('--json')) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const out = (s: string) => process.stdout.write(`${s}\n`);
  out(`machine: ${machine}; ${plan.min}-${plan.max} alternating round(s) per corpus (more while a corpus's rounds fit in ${plan.budgetMs / 1000} s), medians of wall time`);
  out(`environment: ${envFigures.about}`);
  out(table(rows));
  out('');
  out(cpuTable(rows));
  out('');
  for (const [k, v] of Object.entries(editorFigures)) out(`${k}: ${typeof v === 'number' ? fmt(v, 2) : v}`);
  out(`fast path vs full parse: ${precision.mismatches} mismatches in ${precision.files} files`);
}

main();

/**
 * `npm run eval`: lints a real-world corpus (published docs and templates from pinned npm
 * packages, fetched into `.eval-cache/`) with the engine the CLI uses, compares the findings
 * with the labels in `test/eval/labels.json`, and prints precision and recall per rule and per
 * dialect, false alarms on finished docs and the worst offenders. Needs the npm registry the
 * first time; exits non-zero only when something failed (fetch, integrity, a stale label),
 * never because of a score.
 *
 * Options (after `npm run eval --`):
 *   --offline          use the cache only (no `npm pack`)
 *   --json <file>      also write the summary and every scored finding as JSON
 *   --only <text>      only documents whose id contains <text>
 *   --dump             print every finding and label of the selected documents (for labelling)
 *   --candidates       print bracket/brace/angle/date spans in prose that no label covers (for labelling)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lint, type LintOptions } from '../../src/core/index';
import { fetchCorpus, readCorpus, type CorpusDoc, type Manifest } from './corpus';
import { formatReport, summarise } from './report';
import { scoreDoc, type DocScore, type LabelFile } from './score';
import { candidates } from './candidates';
import { lintInPool, runAsPoolWorker } from './pool';

const ROOT = resolve(__dirname, '../../..');
const HERE = join(ROOT, 'test/eval');
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const value = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const log = (s: string) => process.stderr.write(`${s}\n`);

/** Field rules on at a fixed severity (not the document's `status`); the others off. */
const OPTIONS: LintOptions = {
  rules: { placeholder: 'warning', 'unchecked-dod': 'warning', conditional: 'warning', frontmatter: 'off', outline: 'off', sources: 'off' },
};

/**
 * The plan rules on finished docs: published docs are no integration docs, so any `frontmatter`
 * or `sources` finding there is a false alarm (another tool's `sources:` or `status:`). Sources
 * are checked as if none existed — the strictest case, since the tarball holds few of them.
 */
function planAlarms(docs: readonly CorpusDoc[]): string[] {
  const options: LintOptions = {
    rules: { placeholder: 'off', 'unchecked-dod': 'off', conditional: 'off', frontmatter: 'warning', outline: 'off', sources: 'warning' },
    resolveSource: () => ({ exists: false, outside: false }),
  };
  const out: string[] = [];
  for (const doc of docs.filter((d) => d.set === 'finished')) {
    for (const f of lint(doc.text, options)) out.push(`${doc.id} ${f.line}:${f.column} ${f.rule}: ${f.message}`);
  }
  return out;
}

async function lintAll(docs: readonly CorpusDoc[], labels: LabelFile, errors: string[]): Promise<DocScore[]> {
  const outcomes = await lintInPool(__filename, docs.map((d) => d.text), OPTIONS);
  return docs.map((doc, i) => {
    const outcome = outcomes[i] ?? { error: 'no result from the lint worker' };
    if ('error' in outcome) {
      errors.push(`${doc.id}: the engine threw ${outcome.error}`);
      return { id: doc.id, pkg: doc.pkg, set: doc.set, findings: [], labels: [], otherRules: {} };
    }
    return scoreDoc(doc, outcome.findings, labels.docs[doc.id]?.labels ?? [], errors);
  });
}

function dump(scores: readonly DocScore[], docs: readonly CorpusDoc[]): void {
  for (const s of scores) {
    const text = docs.find((d) => d.id === s.id)?.text ?? '';
    const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
    console.log(`\n## ${s.id} (${s.set})`);
    for (const f of s.findings) {
      const line = text.split('\n')[f.line - 1] ?? '';
      console.log(`  ${f.verdict.padEnd(7)} ${f.rule}/${f.dialect} ${f.line}:${f.column} ${JSON.stringify(f.text)}${f.shape ? ` [${f.shape}]` : ''}\n          | ${line.slice(0, 160)}`);
    }
    for (const l of s.labels.filter((x) => x.kind === 'field' && !x.found)) console.log(`  MISSED  ${l.rule}/${l.dialect} ${lineOf(l.start)} ${JSON.stringify(l.text)}`);
  }
}

function printCandidates(scores: readonly DocScore[], docs: readonly CorpusDoc[]): void {
  for (const s of scores) {
    const doc = docs.find((d) => d.id === s.id);
    if (!doc) continue;
    const covered = [...s.labels, ...s.findings];
    const open = candidates(doc.text).filter((c) => !covered.some((x) => x.start < c.end && c.start < x.end));
    if (open.length === 0) continue;
    console.log(`\n## ${s.id} (${s.set})`);
    for (const c of open) console.log(`  ${c.line}: ${JSON.stringify(c.text)}  | ${c.context}`);
  }
}

async function main(): Promise<number> {
  const t0 = performance.now();
  const manifest = JSON.parse(readFileSync(join(HERE, 'manifest.json'), 'utf8')) as Manifest;
  const labelPath = join(HERE, 'labels.json');
  const labels = (existsSync(labelPath) ? JSON.parse(readFileSync(labelPath, 'utf8')) : { docs: {} }) as LabelFile;
  const errors = flag('--offline') ? [] : await fetchCorpus(ROOT, manifest, log);
  const only = value('--only');
  const docs = readCorpus(ROOT, manifest).filter((d) => !only || d.id.includes(only));
  for (const id of Object.keys(labels.docs)) if (!docs.some((d) => d.id === id) && !only) errors.push(`labels for ${id}, which is not in the corpus`);
  const t1 = performance.now();
  const scores = await lintAll(docs, labels, errors);
  const lintMs = performance.now() - t1;
  if (flag('--dump')) dump(scores, docs);
  else if (flag('--candidates')) printCandidates(scores, docs);
  else {
    const summary = summarise(scores);
    console.log(formatReport(summary, scores));
    const alarms = planAlarms(docs);
    console.log(`\nPlan rules (frontmatter, sources) on finished docs: ${alarms.length} false alarms in ${new Set(alarms.map((a) => a.split(' ')[0])).size} docs`);
    for (const a of alarms.slice(0, 10)) console.log(`  ${a}`);
    const jsonOut = value('--json');
    if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify({ summary, scores }, null, 1)}\n`);
  }
  const cpu = process.cpuUsage();
  log(`\n${docs.length} documents linted in ${lintMs.toFixed(0)} ms (total ${((performance.now() - t0) / 1000).toFixed(1)} s, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s)`);
  for (const e of errors) log(`error: ${e}`);
  return errors.length ? 1 : 0;
}

if (!runAsPoolWorker()) void main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    log(`eval failed: ${(e as Error).stack ?? e}`);
    process.exitCode = 2;
  },
);

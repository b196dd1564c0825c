/** Aggregates document scores and prints them as plain-text tables. */
import { CONTRACT_DIALECTS, FIELD_RULES, type DocScore } from './score';

/** Counts behind precision and recall. */
export interface Tally {
  findings: number;
  tp: number;
  fp: number;
  neutral: number;
  labels: number;
  found: number;
  exact: number;
}

const empty = (): Tally => ({ findings: 0, tp: 0, fp: 0, neutral: 0, labels: 0, found: 0, exact: 0 });

/** The figures `npm run eval` prints (and writes with `--json`). */
export interface Summary {
  docs: { finished: number; templates: number; packages: number; fieldsLabelled: number; falseLabelled: number };
  byRule: Record<string, Tally>;
  byDialect: Record<string, Tally>;
  templatesByDialect: Record<string, Tally>;
  finished: { findings: number; trueFields: number; falseAlarms: number; unlabelled: number; perHundredDocs: number; docsWithFalseAlarm: number };
  shapes: Record<string, { count: number; docs: number }>;
}

function add(map: Record<string, Tally>, key: string): Tally {
  return (map[key] ??= empty());
}

function countFindings(s: DocScore, byRule: Record<string, Tally>, byDialect: Record<string, Tally>, templates: Record<string, Tally>): void {
  for (const f of s.findings) {
    for (const t of [add(byRule, f.rule), add(byDialect, f.dialect), ...(s.set === 'templates' ? [add(templates, f.dialect)] : [])]) {
      t.findings++;
      t[f.verdict]++;
    }
  }
  for (const l of s.labels) {
    if (l.kind !== 'field') continue;
    for (const t of [add(byRule, l.rule), add(byDialect, l.dialect ?? 'other'), ...(s.set === 'templates' ? [add(templates, l.dialect ?? 'other')] : [])]) {
      t.labels++;
      if (l.found) t.found++;
      if (l.exact) t.exact++;
    }
  }
}

/** Adds up every document's score. */
export function summarise(scores: readonly DocScore[]): Summary {
  const byRule: Record<string, Tally> = {};
  const byDialect: Record<string, Tally> = {};
  const templatesByDialect: Record<string, Tally> = {};
  const shapes: Record<string, { count: number; docs: Set<string> }> = {};
  for (const rule of FIELD_RULES) add(byRule, rule);
  const finishedDocs = scores.filter((s) => s.set === 'finished');
  const fin = { findings: 0, trueFields: 0, falseAlarms: 0, unlabelled: 0, perHundredDocs: 0, docsWithFalseAlarm: 0 };
  for (const s of scores) {
    countFindings(s, byRule, byDialect, templatesByDialect);
    for (const f of s.findings) {
      if (f.verdict !== 'fp') continue;
      const shape = (shapes[f.shape ?? 'unlabelled'] ??= { count: 0, docs: new Set() });
      shape.count++;
      shape.docs.add(s.id);
    }
  }
  for (const s of finishedDocs) {
    fin.findings += s.findings.length;
    fin.trueFields += s.findings.filter((f) => f.verdict === 'tp').length;
    const fps = s.findings.filter((f) => f.verdict === 'fp');
    fin.falseAlarms += fps.length;
    fin.unlabelled += fps.filter((f) => f.shape === 'unlabelled').length;
    if (fps.length) fin.docsWithFalseAlarm++;
  }
  fin.perHundredDocs = finishedDocs.length ? (100 * fin.falseAlarms) / finishedDocs.length : 0;
  const labels = scores.flatMap((s) => s.labels);
  return {
    docs: {
      finished: finishedDocs.length,
      templates: scores.length - finishedDocs.length,
      packages: new Set(scores.map((s) => s.pkg)).size,
      fieldsLabelled: labels.filter((l) => l.kind === 'field').length,
      falseLabelled: labels.filter((l) => l.kind === 'false').length,
    },
    byRule,
    byDialect,
    templatesByDialect,
    finished: fin,
    shapes: Object.fromEntries(Object.entries(shapes).sort((a, b) => b[1].count - a[1].count).map(([k, v]) => [k, { count: v.count, docs: v.docs.size }])),
  };
}

const ratio = (a: number, b: number) => (b === 0 ? '   —' : (a / b).toFixed(2).padStart(4));

function table(title: string, rows: Record<string, Tally>, order: readonly string[]): string[] {
  const keys = [...order.filter((k) => rows[k]), ...Object.keys(rows).filter((k) => !order.includes(k)).sort()];
  const out = [title, '  name           findings    tp    fp  labels found exact  precision recall'];
  for (const k of keys) {
    const t = rows[k];
    const cells = [t.findings, t.tp, t.fp, t.labels, t.found, t.exact].map((n, i) => String(n).padStart(i === 0 ? 8 : 5));
    out.push(`  ${k.padEnd(14)} ${cells.join(' ')}       ${ratio(t.tp, t.tp + t.fp)}   ${ratio(t.found, t.labels)}`);
  }
  return out;
}

/** Documents and snippets that cost the most: false alarms on finished docs, misses in templates. */
function worst(scores: readonly DocScore[], limit: number): string[] {
  const out = ['Worst finished docs (false alarms):'];
  const byFp = scores.filter((s) => s.set === 'finished').map((s) => ({ s, fps: s.findings.filter((f) => f.verdict === 'fp') })).filter((x) => x.fps.length);
  for (const { s, fps } of byFp.sort((a, b) => b.fps.length - a.fps.length).slice(0, limit)) {
    const shown = fps.slice(0, 3).map((f) => `${f.line}:${f.column} ${JSON.stringify(f.text.length > 40 ? `${f.text.slice(0, 37)}…` : f.text)}`);
    out.push(`  ${String(fps.length).padStart(4)}  ${s.id}  (${shown.join(', ')})`);
  }
  out.push('Worst templates (missed fields):');
  const byMiss = scores.filter((s) => s.set === 'templates').map((s) => ({ s, miss: s.labels.filter((l) => l.kind === 'field' && !l.found) }));
  for (const { s, miss } of byMiss.filter((x) => x.miss.length).sort((a, b) => b.miss.length - a.miss.length).slice(0, limit)) {
    const fields = s.labels.filter((l) => l.kind === 'field').length;
    const kinds = [...new Set(miss.map((l) => l.dialect))].join(', ');
    out.push(`  ${String(miss.length).padStart(4)}/${fields}  ${s.id}  (missed: ${kinds})`);
  }
  const snippets = new Map<string, number>();
  for (const s of scores) for (const f of s.findings) if (f.verdict === 'fp') snippets.set(f.text.replace(/\s+/g, ' ').slice(0, 50), (snippets.get(f.text.replace(/\s+/g, ' ').slice(0, 50)) ?? 0) + 1);
  out.push('Most frequent false-alarm snippets:');
  for (const [text, n] of [...snippets].sort((a, b) => b[1] - a[1]).slice(0, limit)) out.push(`  ${String(n).padStart(4)}  ${JSON.stringify(text)}`);
  return out;
}

/** The human-readable report. */
export function formatReport(summary: Summary, scores: readonly DocScore[], limit = 12): string {
  const d = summary.docs;
  const f = summary.finished;
  const templateFields = Object.values(summary.templatesByDialect).reduce((n, t) => n + t.labels, 0);
  const lines = [
    `Corpus: ${d.finished} finished docs + ${d.templates} templates from ${d.packages} packages; ${d.fieldsLabelled} fields labelled (${templateFields} in templates), ${d.falseLabelled} false-alarm labels`,
    '',
    `Finished docs: ${f.findings} findings, ${f.trueFields} on real leftover fields, ${f.falseAlarms} false alarms (${f.unlabelled} not yet labelled)`,
    `  false positives per 100 finished docs: ${f.perHundredDocs.toFixed(1)}`,
    `  finished docs with any false alarm: ${f.docsWithFalseAlarm} of ${d.finished}`,
    '',
    ...table('Per rule (both sets):', summary.byRule, FIELD_RULES),
    '',
    ...table('Per dialect (both sets; findings by their dialect, labels by theirs):', summary.byDialect, CONTRACT_DIALECTS),
    '',
    ...table('Templates only, per dialect (recall is the target):', summary.templatesByDialect, CONTRACT_DIALECTS),
    '',
    'False alarms by shape:',
    ...Object.entries(summary.shapes).map(([k, v]) => `  ${String(v.count).padStart(4)} in ${String(v.docs).padStart(3)} docs  ${k}`),
    '',
    ...worst(scores, limit),
  ];
  return lines.join('\n');
}

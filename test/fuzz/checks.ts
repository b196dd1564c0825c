/**
 * What must hold for every document the grammar makes: linting never throws; every range lies
 * inside the document, on whole code points, with lines and columns that match its offsets;
 * the fast paths give what a full parse gives; the parser without the GFM constructs a block
 * cannot complete gives the tree of the parser with all of them; and the incremental linter,
 * after any sequence of edits, gives what a fresh lint gives.
 */
import { isDeepStrictEqual } from 'node:util';
import { buildModel, compilePatterns, FactCache, lint, lintModel, Linter } from '../../src/core/index';
import { lintDetailed } from '../../src/core/lint';
import { parseMarkdown, parseMarkdownAllConstructs } from '../../src/core/parse';
import { lineStarts, splitChunks } from '../../src/core/chunks';
import { offeredFixes, verifyFix, type FixSession } from '../../src/core/fixes';
import type { Finding, LintOptions } from '../../src/core/types';
import { editText, Pick, rng, type Generated } from './grammar';

/** Kinds of problem a document can show. */
export type ProblemKind = 'throw' | 'range' | 'fastpath' | 'parser' | 'incremental' | 'unsafe-fix';

export interface Problem {
  kind: ProblemKind;
  detail: string;
}

/**
 * Checks the quick fixes offered for a document's findings: how many were offered and a line
 * for each that is not safe (text outside it changed, its finding still there, another finding
 * appearing or disappearing, overlapping edits).
 */
export type FixCheck = (text: string, findings: readonly Finding[], options: LintOptions) => { offered: number; unsafe: string[] };

/** One document in this many has its quick fixes checked (each costs a few full parses)... */
export const FIX_EVERY = 16;
/** ...when it has at most this many findings (a document with 130 took seconds of CPU, not a hang). */
export const FIX_MAX_FINDINGS = 60;

/**
 * Every fix the engine offers has passed its verifier (`src/core/fix-verify.ts`) on the fast
 * paths and a block cache shared with the lint. Here each is verified again on a session that
 * parses every block with remark and starts from an empty cache: a fix is only safe if the
 * full parse agrees (fixes-property.test.ts checks offered fixes independently of the verifier).
 */
export const FIX_CHECK: FixCheck | undefined = (text, _findings, options) => {
  const offered = offeredFixes(text, options);
  if (offered.length === 0) return { offered: 0, unsafe: [] };
  const factOptions = { patterns: compilePatterns(options.placeholderPatterns), mdx: options.syntax === 'mdx', alwaysParse: true };
  const model = buildModel(text, factOptions);
  const session: FixSession = { text, options, model, detail: lintDetailed(model, options), factOptions, cache: new FactCache() };
  const unsafe: string[] = [];
  for (const fix of offered) {
    const verdict = verifyFix(session, fix);
    if (!verdict.ok) unsafe.push(`"${fix.title}": ${verdict.problems.join('; ')}`);
  }
  return { offered: offered.length, unsafe };
};

/** What checking one document found. */
export interface DocReport {
  seed: number;
  problems: Problem[];
  findings: number;
  /** Incremental edits made (0 when the document had no edit sequence). */
  edits: number;
  fixesOffered: number;
}

/** Whether `offset` falls between the halves of a surrogate pair. */
export function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && (text.charCodeAt(offset - 1) & 0xfc00) === 0xd800 && (text.charCodeAt(offset) & 0xfc00) === 0xdc00;
}

/** 1-based line and column of `offset`, counted here (lines end at `\n`), independently of the engine. */
function lineColumn(text: string, offset: number): [number, number] {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return [line, offset - lineStart + 1];
}

/** Range problems of `findings` on `text`. */
export function rangeProblems(text: string, findings: readonly Finding[]): string[] {
  const out: string[] = [];
  for (const f of findings) {
    const where = `${f.rule} ${f.startOffset}-${f.endOffset}`;
    if (!(f.startOffset >= 0 && f.startOffset <= f.endOffset && f.endOffset <= text.length)) out.push(`${where}: outside the document (length ${text.length})`);
    else if (splitsPair(text, f.startOffset) || splitsPair(text, f.endOffset)) out.push(`${where}: inside a surrogate pair`);
    else {
      const [line, column] = lineColumn(text, f.startOffset);
      const [endLine, endColumn] = lineColumn(text, f.endOffset);
      if (line !== f.line || column !== f.column || endLine !== f.endLine || endColumn !== f.endColumn) {
        out.push(`${where}: at ${f.line}:${f.column}-${f.endLine}:${f.endColumn}, offsets say ${line}:${column}-${endLine}:${endColumn}`);
      }
    }
  }
  return out;
}

function firstDifference(a: readonly Finding[], b: readonly Finding[]): string {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (!isDeepStrictEqual(a[i], b[i])) return `#${i}: ${JSON.stringify(a[i] ?? null)} vs ${JSON.stringify(b[i] ?? null)}`;
  }
  return '';
}

/** One random edit of `text`: a deletion, an insertion of typed or pasted text, or a replacement. */
export function randomEdit(p: Pick, text: string): string {
  const at = p.int(text.length + 1);
  const r = p.random();
  if (r < 0.3) return text.slice(0, at) + text.slice(at + 1 + p.int(p.chance(0.2) ? 200 : 8));
  if (r < 0.85) return text.slice(0, at) + editText(p) + text.slice(at);
  return text.slice(0, at) + editText(p) + text.slice(at + 1 + p.int(40));
}

/** The incremental linter through `steps` random edits, compared with a fresh lint after each. */
function incrementalProblems(doc: Generated, steps: number, trace?: Trace): { problems: Problem[]; edits: number } {
  const p = new Pick(rng(doc.seed ^ 0x5bd1e995));
  const linter = new Linter(doc.options);
  let text = doc.text;
  // The editor's first lint: prepared in slices, sometimes with a budget that stops at once.
  if (p.chance(0.3)) while (!linter.prepare(text, p.int(2))) {}
  linter.lint(text);
  for (let step = 0; step < steps; step++) {
    text = randomEdit(p, text);
    const started = performance.now();
    if (p.chance(0.1)) while (!linter.prepare(text, p.int(2))) {}
    const incremental = linter.lint(text).findings;
    const fresh = lint(text, doc.options);
    trace?.(`edit ${step + 1}`, text, performance.now() - started);
    if (!isDeepStrictEqual(incremental, fresh)) {
      return { problems: [{ kind: 'incremental', detail: `after edit ${step + 1}: ${firstDifference(incremental, fresh)}; text ${JSON.stringify(text.length > 2000 ? `${text.slice(0, 2000)}…` : text)}` }], edits: step + 1 };
    }
  }
  return { problems: [], edits: steps };
}

/** Hears the text of each step and how long its lints took (`--seed` prints the slow ones). */
export type Trace = (step: string, text: string, ms: number) => void;

/**
 * Where the parser that leaves out the GFM constructs a text cannot complete (`parseMarkdown`)
 * reads the document or one of its blocks otherwise than the parser with every construct.
 */
function parserDifference(text: string): string | undefined {
  const texts = [text, ...splitChunks(text, 0, lineStarts(text)).map((c) => c.text)];
  for (const t of texts) {
    if (!isDeepStrictEqual(parseMarkdown(t), parseMarkdownAllConstructs(t))) return `${JSON.stringify(t.slice(0, 80))}: the parser without the GFM constructs it cannot complete reads it otherwise than the one with every construct`;
  }
  return undefined;
}

/**
 * Every check on one generated document, with `steps` incremental edits (0: none; the fuzz
 * runner gives one document in `--edit-every` an edit sequence). Never throws.
 */
export function checkDocument(doc: Generated, steps = 6, trace?: Trace): DocReport {
  const report: DocReport = { seed: doc.seed, problems: [], findings: 0, edits: 0, fixesOffered: 0 };
  let findings: Finding[];
  try {
    findings = lint(doc.text, doc.options);
  } catch (e) {
    report.problems.push({ kind: 'throw', detail: `lint: ${(e as Error).stack?.split('\n').slice(0, 4).join(' | ') ?? String(e)}` });
    return report;
  }
  report.findings = findings.length;
  for (const detail of rangeProblems(doc.text, findings)) report.problems.push({ kind: 'range', detail });
  try {
    const model = buildModel(doc.text, { patterns: compilePatterns(doc.options.placeholderPatterns), mdx: doc.options.syntax === 'mdx', alwaysParse: true });
    const full = lintModel(model, doc.options);
    // Where the parser declines a block (too deep or too bracket-dense to parse in bounded
    // time) there is no parse to compare with: findings there are left out on both sides.
    const parsed = (fs: Finding[]) => (model.degraded.length ? fs.filter((f) => !model.degraded.some((d) => f.startOffset < d.end && f.endOffset > d.start)) : fs);
    if (!isDeepStrictEqual(parsed(full), parsed(findings))) report.problems.push({ kind: 'fastpath', detail: `fast path vs full parse ${firstDifference(parsed(findings), parsed(full))}` });
  } catch (e) {
    report.problems.push({ kind: 'throw', detail: `full parse: ${(e as Error).message}` });
  }
  if (doc.options.syntax !== 'mdx') {
    try {
      const detail = parserDifference(doc.text);
      if (detail) report.problems.push({ kind: 'parser', detail });
    } catch (e) {
      report.problems.push({ kind: 'throw', detail: `parser check: ${(e as Error).message}` });
    }
  }
  try {
    const inc = steps > 0 ? incrementalProblems(doc, steps, trace) : { problems: [], edits: 0 };
    report.problems.push(...inc.problems);
    report.edits = inc.edits;
  } catch (e) {
    report.problems.push({ kind: 'throw', detail: `incremental: ${(e as Error).stack?.split('\n').slice(0, 4).join(' | ') ?? String(e)}` });
  }
  // Not MDX: its body is one block, so every fix checked re-parses the whole document (seed 2371: 6 s of CPU).
  if (FIX_CHECK && doc.seed % FIX_EVERY === 3 && findings.length <= FIX_MAX_FINDINGS && doc.options.syntax !== 'mdx') {
    try {
      const fixes = FIX_CHECK(doc.text, findings, doc.options);
      report.fixesOffered = fixes.offered;
      for (const detail of fixes.unsafe) report.problems.push({ kind: 'unsafe-fix', detail });
    } catch (e) {
      report.problems.push({ kind: 'throw', detail: `quick fixes: ${(e as Error).message}` });
    }
  }
  return report;
}

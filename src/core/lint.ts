/**
 * The engine's entry points: `lint(text, options)` for one-off runs, and `Linter` for a
 * document that is linted again and again as it is edited (it keeps a per-chunk cache).
 */
import { buildModel, buildIncremental, FirstParse, FactCache, changedSpan, type DocModel, type BuildState } from './document';
import { RULES, type RuleContext } from './rules/index';
import type { Report } from './rules/rule';
import { lineIndexAt, type LineStarts } from './chunks';
import { dodTitles } from './sections';
import { resolveSeverity } from './severity';
import { suppressions, type SuppressionTest } from './suppress';
import { DEFAULT_DOD_HEADINGS, type Finding, type LintOptions } from './types';
import type { FactOptions } from './facts';
import { compilePatterns } from './patterns';

export { compilePatterns };

function ruleContext(options: LintOptions): RuleContext {
  return { dodHeadings: dodTitles(options.dodHeadings ?? DEFAULT_DOD_HEADINGS), resolveSource: options.resolveSource };
}

/** Whether `offset` falls between the two halves of a surrogate pair. */
function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && (text.charCodeAt(offset) & 0xfc00) === 0xdc00 && (text.charCodeAt(offset - 1) & 0xfc00) === 0xd800;
}

/**
 * A reported span widened to whole code points: positions from the YAML parser (and any rule)
 * may fall inside an astral character such as an emoji, and an editor range must not.
 */
function wholeCodePoints<T extends { start: number; end: number }>(text: string, r: T): T {
  const start = splitsPair(text, r.start) ? r.start - 1 : r.start;
  const end = splitsPair(text, r.end) ? r.end + 1 : r.end;
  return start === r.start && end === r.end ? r : { ...r, start, end };
}

/** What one lint run found: the findings shown, and those a suppression comment hides. */
export interface LintDetail {
  findings: Finding[];
  suppressed: Finding[];
}

/**
 * The rules' run over one model, a rule at a time: `lintDetailed` runs it whole, and an editor's
 * first lint of a large document runs it across event-loop turns (`Linter.prepare`).
 */
class RuleRun {
  private next = 0;
  private readonly context: RuleContext;
  private readonly isSuppressed: SuppressionTest;
  private readonly findings: Finding[] = [];
  private readonly suppressed: Finding[] = [];

  constructor(
    readonly model: DocModel,
    private readonly options: LintOptions,
  ) {
    this.context = ruleContext(options);
    this.isSuppressed = suppressions(model);
  }

  /** Runs rules until `overdue()` says time is up (after the rule that passes it); true when every rule has run. */
  step(overdue: () => boolean): boolean {
    while (this.next < RULES.length) {
      this.runRule(RULES[this.next++]);
      if (overdue()) break;
    }
    return this.next >= RULES.length;
  }

  private runRule(rule: (typeof RULES)[number]): void {
    const { model, findings, suppressed, isSuppressed } = this;
    const severity = resolveSeverity(rule.id, this.options.rules, model.status);
    if (!severity) return;
    rule.check(model, this.context, (reported) => {
      const r = wholeCodePoints(model.text, reported);
      const finding = findingOf(rule.id, r.notice && severity !== 'hint' ? 'information' : severity, r, model.lineStarts);
      (isSuppressed(rule.id, r.start, r.end, finding.line) ? suppressed : findings).push(finding);
    });
  }

  /** What the rules found, both sets sorted (once every rule has run). */
  detail(): LintDetail {
    const order = (a: Finding, b: Finding) => a.startOffset - b.startOffset || a.endOffset - b.endOffset;
    return { findings: this.findings.sort(order), suppressed: this.suppressed.sort(order) };
  }
}

const never = () => false;

/** A clock for one slice: true once `budgetMs` has passed. */
function overdueAfter(budgetMs: number): () => boolean {
  const deadline = Date.now() + budgetMs;
  return () => Date.now() > deadline;
}

/**
 * Runs every rule on a model; findings a suppression comment hides are returned apart (the
 * quick-fix verifier compares both sets before and after an edit). Both are sorted.
 */
export function lintDetailed(model: DocModel, options: LintOptions = {}): LintDetail {
  const run = new RuleRun(model, options);
  run.step(never);
  return run.detail();
}

/**
 * A report as a finding, its lines and columns 1-based (as `positionAt` gives them; a span on
 * one line, as most are, is looked up once). The usual finding, with a catalogue message and
 * data (every field), is one literal of all its keys: set one by one after the literal, the two
 * optional keys cost a change of the object's layout each, on thousands of findings per lint of
 * a large template. Both forms have the keys in the same order.
 */
function findingOf(rule: Finding['rule'], severity: Finding['severity'], r: Report, starts: LineStarts): Finding {
  const a = lineIndexAt(starts, r.start);
  const b = a + 1 >= starts.length || starts[a + 1] > r.end ? a : lineIndexAt(starts, r.end);
  const line = a + 1;
  const column = r.start - starts[a] + 1;
  const endLine = b + 1;
  const endColumn = r.end - starts[b] + 1;
  if (r.l10n && r.data) {
    return { rule, severity, message: r.message, line, column, endLine, endColumn, startOffset: r.start, endOffset: r.end, l10n: r.l10n, data: r.data };
  }
  const finding: Finding = { rule, severity, message: r.message, line, column, endLine, endColumn, startOffset: r.start, endOffset: r.end };
  if (r.l10n) finding.l10n = r.l10n;
  if (r.data) finding.data = r.data;
  return finding;
}

/** Runs every rule on a model and returns sorted findings with severities and positions. */
export function lintModel(model: DocModel, options: LintOptions = {}): Finding[] {
  return lintDetailed(model, options).findings;
}

/** Lints a Markdown document. Pure: no I/O, no `vscode`, no Node built-ins. */
export function lint(text: string, options: LintOptions = {}): Finding[] {
  return lintModel(buildModel(text, factOptionsOf(options)), options);
}

/** What of the lint options shapes the model (and so its cache). */
function factOptionsOf(options: LintOptions): FactOptions {
  return { patterns: compilePatterns(options.placeholderPatterns), mdx: options.syntax === 'mdx' };
}

function factKey(options: LintOptions): string {
  return JSON.stringify([options.placeholderPatterns ?? [], options.syntax ?? 'markdown']);
}

/** Documents per cache generation of a `BatchLinter`: blocks seen in the last 64 to 128 documents are kept. */
const BATCH_GENERATION = 64;

/**
 * Lints many documents one after another (the CLI over a folder), sharing the facts of
 * identical blocks between them: docs made from the same template repeat their unfilled
 * sections, and a block is read once (while the documents share enough blocks for that to
 * pay: `cache-thrift.ts`). Each result equals `lint(text, options)`.
 */
export class BatchLinter {
  private readonly caches = new Map<string, { cache: FactCache; factOptions: FactOptions }>();

  lint(text: string, options: LintOptions = {}): Finding[] {
    const key = factKey(options);
    let entry = this.caches.get(key);
    if (!entry) {
      entry = { cache: new FactCache(BATCH_GENERATION, true), factOptions: factOptionsOf(options) };
      this.caches.set(key, entry);
    }
    return lintModel(buildModel(text, entry.factOptions, entry.cache), options);
  }
}

/**
 * The budget an editor gives each `Linter.prepare` slice, in milliseconds. A slice ends after the
 * block (or rule) that passes it, and the first parses of a process run cold (several times
 * slower), so the longest slice stays well under the 50 ms an editor may be blocked at a time.
 */
export const PREPARE_SLICE_MS = 10;

/** An edit that writes less than this many characters is built at once: only the blocks around it are parsed. */
const SMALL_EDIT = 20_000;

/** How many characters of `text` differ from `prev` (the length of the changed span in `text`). */
function changedLength(prev: string, text: string): number {
  const { p, q } = changedSpan(prev, text);
  return text.length - p - q;
}

/**
 * Lints one document repeatedly, re-parsing only the blocks an edit touched. The result always
 * equals `lint(text, options)`.
 */
export class Linter {
  private cache = new FactCache();
  private state: BuildState | undefined;
  private firstParse: FirstParse | undefined;
  /** The rules' run over a first parse's model, while `prepare` slices it. */
  private rules: RuleRun | undefined;
  private factOptions: FactOptions;
  private patternKey: string;

  constructor(private options: LintOptions = {}) {
    this.patternKey = factKey(options);
    this.factOptions = factOptionsOf(options);
  }

  /** Changes options; the cache is dropped only when the patterns or the syntax changed. */
  setOptions(options: LintOptions): void {
    this.rules = undefined;
    const key = factKey(options);
    if (key !== this.patternKey) {
      this.cache = new FactCache();
      this.state = undefined;
      this.firstParse = undefined;
      this.patternKey = key;
      this.factOptions = factOptionsOf(options);
    }
    this.options = options;
  }

  /**
   * The chunk-facts cache of this linter. The quick-fix verifier builds variants of the text
   * with it, so only the blocks an edit touches are parsed again.
   */
  get factCache(): FactCache {
    return this.cache;
  }

  /** The model of `text` (cached parse). */
  model(text: string): DocModel {
    const { model, state } = buildIncremental(text, this.factOptions, this.cache, this.state, this.firstParse?.done());
    this.state = state;
    this.firstParse = undefined;
    return model;
  }

  /**
   * Does part of what `lint(text)` would do, for at most `budgetMs` (after the block or rule that
   * passes it): parses, then, from the next slice on, runs the rules one after another. True
   * when a following `lint(text)` has nothing left to parse or run. Call it between event-loop
   * turns to keep the first lint of a large document off the typing path; after a small edit it
   * is true at once (`lint` re-parses only the blocks around the edit).
   */
  prepare(text: string, budgetMs: number): boolean {
    if (this.rules?.model.text === text) return this.rules.step(overdueAfter(budgetMs));
    this.rules = undefined;
    if (this.state && changedLength(this.state.text, text) < SMALL_EDIT) return true;
    if (this.firstParse?.text !== text) this.firstParse = new FirstParse(text, this.factOptions, this.cache);
    if (!this.firstParse.step(overdueAfter(budgetMs))) return false;
    // The rules start in a slice of their own: the parse may have used this one up.
    this.rules = new RuleRun(this.model(text), this.options);
    return false;
  }

  /** Lints `text`; returns the model too so callers can reuse it (status bar, tree view). */
  lint(text: string): { model: DocModel; findings: Finding[] } {
    const prepared = this.rules;
    this.rules = undefined;
    if (prepared?.model.text === text && prepared.step(never)) return { model: prepared.model, findings: prepared.detail().findings };
    const model = this.model(text);
    return { model, findings: lintModel(model, this.options) };
  }
}

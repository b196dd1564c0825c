import type { DocModel } from '../document';
import type { FindingData, LintOptions, RuleId } from '../types';

/** What a rule reports: a span of the document and a message. Severity is applied later. */
export interface Report {
  start: number;
  end: number;
  message: string;
  data?: FindingData;
}

/** Settings that shape what the rules look for (never severities). */
export interface RuleContext {
  /** Normalized Definition-of-Done heading titles. */
  dodHeadings: ReadonlySet<string>;
  /** Whether a source path exists (absent: the `sources` rule is silent). */
  resolveSource?: LintOptions['resolveSource'];
}

/** A lint rule: data plus one synchronous check that reports through a callback. */
export interface Rule {
  id: RuleId;
  description: string;
  check(model: DocModel, context: RuleContext, report: (r: Report) => void): void;
}

import type { DocModel } from '../document';
import type { FindingData, SourceCheck } from '../types';
import type { Message } from '../messages';

/** What a rule reports: a span of the document and a message. Severity is applied later. */
export interface Report {
  start: number;
  end: number;
  /** The message in English; `said(id, …args)` of `messages.ts` gives it with `l10n`. */
  message: string;
  /** The message as a catalogue id and arguments, for translation. */
  l10n?: Message;
  data?: FindingData;
  /** A notice about the lint itself (a block read in a degraded way): at most information. */
  notice?: boolean;
}

/** Settings that shape what the rules look for (never severities). */
export interface RuleContext {
  /** Normalized Definition-of-Done heading titles. */
  dodHeadings: ReadonlySet<string>;
  /** Whether a source path exists (absent: the `sources` rule is silent). */
  resolveSource?: (path: string) => SourceCheck | undefined;
}

/**
 * A lint rule: data plus one synchronous check that reports through a callback. The data is
 * the rule catalogue: settings, the config schema, the README's rule table and SARIF rule
 * metadata are generated from it.
 */
export interface Rule<Id extends string = string> {
  /** The rule id, as written in settings, the config file and suppression comments. */
  id: Id;
  /** A short plural noun phrase for counts: `3 unfilled fields`. */
  title: string;
  /** One Markdown sentence saying what the rule reports. */
  description: string;
  check(model: DocModel, context: RuleContext, report: (r: Report) => void): void;
}

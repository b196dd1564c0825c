/** Severity of a finding as shown to the user. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A configured severity: a fixed level, `off`, or `auto` (follow the document's `status`). */
export type SeveritySetting = Severity | 'off' | 'auto';

/** Identifiers of every rule the engine knows. */
export type RuleId = 'placeholder' | 'unchecked-dod' | 'conditional' | 'frontmatter';

/** A half-open span of the document, in UTF-16 offsets (`end` exclusive). */
export interface Span {
  start: number;
  end: number;
}

/** Extra data a finding carries for quick fixes. */
export type FindingData =
  | { kind: 'placeholder'; text: string; name: string; choices?: string[]; inCode?: boolean }
  | { kind: 'task'; markerStart: number; markerEnd: number; label: string }
  | { kind: 'conditional'; name: string; helper: string; open: Span; else?: Span; close?: Span }
  | { kind: 'frontmatter' };

/**
 * One thing the linter reports. Lines and columns are 1-based; `endColumn` is exclusive,
 * as in unist positions. Offsets are UTF-16 offsets into the linted text.
 */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  startOffset: number;
  endOffset: number;
  data?: FindingData;
}

/** Options of one lint run. Everything is optional; defaults follow the contract. */
export interface LintOptions {
  /** Severity per rule; `auto` (the default) follows the document's `status`. */
  rules?: Partial<Record<RuleId, SeveritySetting>>;
  /** Extra placeholder patterns, as regular expression sources (e.g. `TBD`, `<<\\w+>>`). */
  placeholderPatterns?: readonly string[];
  /** Headings whose unchecked task items are Definition-of-Done findings. */
  dodHeadings?: readonly string[];
}

/** Default Definition-of-Done heading titles (matched case-insensitively, leading numbers ignored). */
export const DEFAULT_DOD_HEADINGS: readonly string[] = ['Definition of Done', 'Success Checklist'];

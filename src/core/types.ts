// Rule ids come from the rule registry (a type-only import: no module cycle at run time).
import type { RuleId } from './rules/index';
import type { DocumentSyntax } from './syntax';
import type { Message } from './messages';

export type { RuleId };

/** Severity of a finding as shown to the user. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A configured severity: a fixed level, `off`, or `auto` (follow the document's `status`). */
export type SeveritySetting = Severity | 'off' | 'auto';

/** A half-open span of the document, in UTF-16 offsets (`end` exclusive). */
export interface Span {
  start: number;
  end: number;
}

/** Extra data a finding carries for quick fixes. */
export type FindingData =
  | {
      kind: 'placeholder';
      text: string;
      name: string;
      choices?: string[];
      inCode?: boolean;
      /** The dialect row that matched (`bracket`, `mustache`, `brace`, `angle`, `date`, `pattern`; see `dialects.ts`). */
      dialect: string;
      /** What kind of field it is: `text`, `choice`, `date`, `variable`. */
      fieldKind: 'text' | 'choice' | 'date' | 'variable' | 'block';
    }
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
  /** The message in English (what the CLI prints). */
  message: string;
  /** The same message as a catalogue id and arguments (`messages.ts`), for a host to translate. */
  l10n?: Message;
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
  /** `mdx`: JSX, `{expressions}` and `import`/`export` are code (default `markdown`); see `syntaxOf`. */
  syntax?: DocumentSyntax;
  /**
   * Tells whether a source path named in the document exists. Paths starting with `/` are
   * relative to the workspace (root) folder, others to the document's folder; a trailing `/`
   * names a folder (see `locateSource`). Supplied by the host (CLI, extension): the core never
   * touches the filesystem. Return `undefined` when unknown; the `sources` rule then says nothing.
   */
  resolveSource?: (path: string) => SourceCheck | undefined;
}

/** What a host knows about a source path: whether it exists, and whether it escapes the workspace. */
export interface SourceCheck {
  exists: boolean;
  outside: boolean;
}

/** Default Definition-of-Done heading titles (matched case-insensitively, leading numbers ignored). */
export const DEFAULT_DOD_HEADINGS: readonly string[] = ['Definition of Done', 'Success Checklist'];

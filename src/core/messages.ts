/**
 * The message catalogue: the English templates of every text the core reports to a user
 * (diagnostics, frontmatter and configuration problems), one entry per message. `{0}`, `{1}`:
 * arguments. A finding carries its English `message` (what the CLI prints) and the same text as
 * an id with arguments (`Message`), so a host can show it in the user's language: the
 * extension passes the template to `vscode.l10n.t`, and `src/build/l10n.mjs` puts every
 * template of this table into the extension's l10n bundle. Templates must stay string
 * literals (the bundle generator reads them from this file).
 *
 * Arguments that are document text (a field, a heading, a path) are never translated; an
 * argument that is itself a `Message` (the reason in a degraded-parse notice) is.
 */
export const MESSAGES = {
  // placeholder (one per dialect row, `dialects.ts`)
  placeholder: 'Unfilled placeholder `{0}`: replace it with the value',
  placeholderOrReference: 'Unfilled placeholder or undefined reference `{0}`: define `[{1}]: <url>` or replace it with the value',
  placeholderChoice: 'Unfilled choice `{0}`: pick {1} or {2}',
  placeholderDate: 'Unfilled date `{0}`: replace it with the date',
  placeholderPattern: 'Unfilled placeholder `{0}` (a configured pattern): replace it with the value',
  // conditional (and the block dialect row)
  blockUnresolved: 'Unresolved template block "{0}": keep or remove it',
  blockUnclosed: 'Unresolved template block "{0}": keep or remove it (it has no closing {1})',
  blockStray: 'Stray {0} without an opening block: remove it',
  // unchecked-dod
  dodUnchecked: 'Unchecked "{0}" item: {1} — finish it, then check it',
  dodEmptyLabel: '(empty)',
  // outline
  outlineNotWritten: 'Planned section `{0}` is not written: add a heading "{1}" or remove it from the outline',
  // sources
  sourceOutside: 'Source `{0}` is outside the workspace: cite a file inside it',
  sourceMissing: 'Source `{0}` does not exist: fix the path or add the file',
  // frontmatter: reading it (`frontmatter.ts`)
  frontmatterNotClosed: 'Frontmatter is not closed: add a line `---` after it',
  frontmatterTooDeep: 'Frontmatter nests deeper than {0} levels: it is not read',
  frontmatterUnreadable: 'Frontmatter could not be read: {0}',
  frontmatterInvalidYaml: 'Frontmatter is not valid YAML: {0}',
  frontmatterNotMapping: 'Frontmatter must be a mapping of keys to values',
  // frontmatter: its schema (`rules/frontmatter.ts`)
  statusUnknown: 'Unknown status {0}: expected outline, draft or final',
  sourcesNotList: '`sources` must be a list of entries with `path` and `purpose`',
  sourceEntryNotMapping: 'A `sources` entry must be a mapping with a `path` (and a `purpose`)',
  sourceNoPurpose: 'Source `{0}` has no `purpose`: say what it is used for',
  outlineNotMapping: '`outline` must be a mapping of section ids to `{sources, purpose}`',
  outlineEntryNotMapping: 'Outline entry `{0}` must be a mapping with `sources` and `purpose`',
  outlineSourcesNotList: '`sources` of outline entry `{0}` must be a list of paths',
  outlineSourcesNotPaths: '`sources` of outline entry `{0}` must list paths',
  outlineSourceUndeclared: 'Outline entry `{0}` uses `{1}`, which is not declared under `sources`',
  outlineSourcesNone: 'Outline entry `{0}` uses `{1}`, but the frontmatter declares no `sources`',
  // the degraded-parse notice (`rules/placeholder.ts`) and its reasons (`limits.ts`)
  degradedNotice: '{0} checked without the Markdown parser ({1}), so that linting stays fast: fields are still reported, but links, code and HTML there may be read as plain text',
  degradedLine: 'Line {0} is',
  degradedLineAndOne: 'Line {0} (and 1 more block) is',
  degradedLineAndMany: 'Line {0} (and {1} more blocks) is',
  degradedLines: 'Lines {0}–{1} are',
  degradedLinesAndOne: 'Lines {0}–{1} (and 1 more block) are',
  degradedLinesAndMany: 'Lines {0}–{1} (and {2} more blocks) are',
  hazardParagraphSize: 'a paragraph of {0} KB',
  hazardParagraphLines: 'a paragraph of {0} lines',
  hazardLabelEnds: '{0} closing brackets in one paragraph',
  hazardLabelOpens: '{0} opening brackets in one paragraph',
  hazardLabelWork: 'a long stretch inside an open bracket',
  hazardNesting: 'nesting {0} levels deep',
  hazardContainers: 'too many nested block quote and list lines',
  // configuration problems (`config.ts`, `patterns.ts`, `globs.ts`), after the key they are about
  configNotObject: 'expected a JSON object',
  configInvalidJson: 'not valid JSON: {0}',
  configUnknownKey: 'unknown key; expected one of {0}',
  configStringList: 'expected a list of strings',
  configNonEmptyString: 'expected a non-empty string',
  configRulesObject: 'expected an object mapping rule ids to severities',
  configUnknownRule: 'unknown rule; expected one of {0}',
  configSeverity: 'expected one of {0}, got {1}',
  configTooMany: '{0} entries; at most {1} are used',
  patternTooLong: 'pattern longer than {0} characters',
  patternInvalid: 'invalid regular expression: {0}',
  patternInvalidLinear: 'invalid regular expression: {0} (patterns run in linear time: no lookaround or backreferences; write \\uXXXX as \\x{XXXX})',
  patternMatchesEmpty: 'pattern {0} matches empty text',
  globTooLong: 'glob longer than {0} characters',
  globNegated: 'negated globs ("!…") are not supported: list only what to ignore',
  globExtended: 'extended globs ("@(a|b)", "!(x)", "+(x)") are not supported; use {a,b}',
  globBraceDepth: 'braces nested deeper than {0} levels',
  globInvalid: 'invalid glob: {0}',
} as const;

/** The id of a catalogue message. */
export type MessageId = keyof typeof MESSAGES;

/** A message as its catalogue id and arguments. */
export interface Message {
  id: MessageId;
  args: readonly MessageArg[];
}

/** An argument: text or a number shown as is, or a message of its own (translated too). */
export type MessageArg = string | number | Message;

/** Fills `{0}`, `{1}`, … of a template; a missing argument leaves its placeholder. */
export function format(template: string, args: readonly (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (all, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : all));
}

/** A catalogue message with its arguments. */
export function msg(id: MessageId, ...args: MessageArg[]): Message {
  return { id, args };
}

/** The English text of a message. */
export function english(m: Message): string {
  return format(MESSAGES[m.id], m.args.map((a) => (typeof a === 'object' ? english(a) : a)));
}

/** What a report spreads in: the English `message` and the same text as a `Message`. */
export function said(id: MessageId, ...args: MessageArg[]): { message: string; l10n: Message } {
  const l10n = msg(id, ...args);
  return { message: english(l10n), l10n };
}

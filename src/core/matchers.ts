/**
 * How a field of each dialect is recognised at one position of the source, once the syntax
 * tree has said what the surrounding text is (prose, code, a link destination). The dialect
 * table (`dialects.ts`) names these matchers; the scanners (`grammar.ts`) run them.
 *
 * Every decision reads only the source text around the candidate (its line, its table, its
 * chunk), never the syntax tree, so the fast paths and a full parse decide alike.
 */
import type { Span } from './types';
import { caselessLetters, letters, lettersFrom } from './letters';

/** A field candidate as a matcher reports it. `refLabel` is set for `[text]` that may be a reference. */
export interface RawHit extends Span {
  text: string;
  /** Label a `[text]`, `[text][]` or `[text][ref]` would resolve through, if defined. */
  refLabel?: string;
  /**
   * A candidate that only the document can decide: in a changelog, `entry-tag` (a bracket
   * opening an entry: `- [Docs] …`) is a tag and `changelog` (a one-word bracket: `bo
   * [Tibetan]`, or one naming a release: `[backported from 1.8.2]`) an aside; anywhere else
   * both are fields. `brace-word` (`{decision}`) is a field only in a document that has
   * descriptive brace fields too (a template written that way). `aside` (a labelled note
   * `[Needs: …]`, a narrated event `// [request is sent]`, one lower-case word in link text
   * `[see [shortcut] here](url)`) is a field only in a document that has other fields: alone in
   * a finished doc it is the author's aside. `word` (one lower-case word in running text:
   * `[restrictions]`, a reference the author did not define) is a field outside a changelog when
   * the document has other fields or two different such words. `caption` (a bold bracket alone
   * on its line, `**[Nightly build]**`) is an aside when a fenced code block follows it: the
   * block's caption.
   */
  soft?: 'entry-tag' | 'changelog' | 'brace-word' | 'aside' | 'word' | 'caption';
}

/** A Handlebars block tag: `{{#if name}}`, `{{else}}`, `{{/if}}`, `{{~#unless name~}}`. */
export interface TagHit extends Span {
  kind: 'open' | 'else' | 'close';
  helper: string;
  name: string;
}

/** What a stretch being scanned is: prose (paragraphs, headings, cells), a frontmatter value, link text, code, a link destination. */
export type ScanWhere = 'prose' | 'frontmatter' | 'link-text' | 'code' | 'destination';

/** The state of one scan, shared by the matchers it runs. */
export interface ScanState {
  src: string;
  span: Span;
  /** Sorted, disjoint spans of syntax inside `span` (code, links, HTML) that hold no field. */
  masks: readonly Span[];
  out: RawHit[];
  tags: TagHit[];
  where: ScanWhere;
  /** The line last looked at (a cache: matchers on one long line find its bounds once). */
  line?: Span;
}

/**
 * A matcher looks at `state.src[i]` (the dialect's trigger): it returns -1 when the text there
 * is not its syntax, else the index the scan continues after (having reported what it found).
 */
export type AtMatcher = (state: ScanState, i: number) => number;

/** Starts with a capital letter. */
const STARTS_UPPER = letters`^\p{Lu}`;
/** One lower-case word. */
const LOWER_WORD = letters`^\p{Ll}+$`;
/** A camelCase identifier: "optionsOrSettings". */
const CAMEL_IDENTIFIER = letters`^\p{Ll}+\p{Lu}[\p{L}\d]*$`;
/** A function named with its parentheses: "traverse()". */
const CALL_NAME = letters`^[\p{L}_$][\w$.]*\(\)$`;
/** One lower-case letter. */
const ONE_LOWER = letters`^\p{Ll}$`;
/** Starts with a lower-case letter. */
const STARTS_LOWER = letters`^\p{Ll}`;
/** Names and numbers joined by arithmetic: "height / width". */
const FORMULA = letters`^[\p{L}\d]+(?:\s*[-+*/\u00D7\u00F7]\s*[\p{L}\d]+)+$`;
/** A word of three or more letters, capitalised at most: "Circular". */
const QUOTED_WORD = letters`^\p{L}[\p{Ll}\p{N}]{2,}$`;
/** An index or key: "i", "extension", "$ref". */
const INDEX_NAME = letters`^[\p{L}\d_$.]+$`;
/** What follows a name glossed in prose: the end of the line or cell, a word, a stop. */
const GLOSS_AFTER = letters`^(?:[ \t]*(?:\r?$|\|)|[ \t]+\p{L}|[.,;:)])`;
/** A word just before: on the line, or ending the line before. */
const WORD_BEFORE = letters`\p{L}(?: |[ \t]*\r?\n)$`;
/** A capitalised kind of issue: "Bug", "Feature request". */
const ISSUE_KIND = letters`^\p{Lu}[\p{L} ]*$`;
/** A lower-case word or slug: "shortcut", "api-v2". */
const LOWER_SLUG = letters`^\p{Ll}[\p{Ll}\d-]*$`;
/** A second area tag, then a sentence: "[types-first] Add …". */
const TAG_THEN_SENTENCE = letters`^\[[a-z][a-z\d-]*\] \p{Lu}`;
/** Two or three lower-case words. */
const LOWER_WORDS = letters`^\p{Ll}+(?: \p{Ll}+){1,2}$`;
/** Words that could name a value: letters, digits, blanks, hyphens, underscores. */
const NAME_PHRASE = letters`^[\p{L}_][\p{L}\p{N}_ -]*$`;
/** Capitalised words: "Release Notes". */
const TITLE_PHRASE = letters`^\p{Lu}[\p{L}'\u2019-]*(?: [\p{L}'\u2019-]+)+$`;
/** A character of an identifier. */
const IDENTIFIER_CHAR = letters`[\p{L}\p{N}_$]`;
/** A character a brace glued to it indexes or continues. */
const GLUED_BEFORE_BRACE = letters`[\p{L}\p{N}_\])}{$\\%#\x60=/:]`;
/** Starts with a letter. */
const STARTS_LETTER = letters`^\p{L}`;
/** A lower-case name (snake or kebab) or one capitalised word. */
const SIMPLE_NAME = letters`^\p{Ll}[\p{Ll}\p{N}_]*(?:-[\p{Ll}\p{N}_]+)*$|^\p{Lu}\p{Ll}*$`;
/** Two words next. */
const TWO_WORDS_AFTER = letters`^[ \t]+\p{L}+[ \t]+\p{L}+`;
/** A key-like name: "owner", "api_key". */
const KEY_NAME = letters`^\p{L}[\p{L}\p{N}_-]*$`;
/** A character of a word or a path. */
const WORD_OR_PATH_CHAR = letters`[\p{L}\p{N}_/\\]`;
/** A character an angle bracket glued to it indexes or types. */
const GLUED_BEFORE_ANGLE = letters`[\p{L}\p{N}_\])"'\x60]`;
/** Starts with a capitalised word. */
const STARTS_CAPITALIZED = letters`^\p{Lu}\p{Ll}`;
/** A method called on the result: ".algorithmName(". */
const METHOD_CALL_AFTER = letters`^\.[\p{L}_$][\w$]*\(`;
/** Starts with a letter or underscore. */
const STARTS_NAME = letters`^[\p{L}_]`;
/** Lower-case words: "command to run". */
const LOWER_PHRASE = letters`^\p{Ll}[\p{Ll}\d -]*$`;
/** Starts with three letters. */
const THREE_LETTERS = letters`^\p{L}{3}`;
/** A character that joins a bracket to what follows: a word, a path, a name. */
const JOINS_AFTER = letters`[-./_\p{L}\p{N}]`;
const WORD_CHAR = letters`[\p{L}\p{N}_]`;
const HAS_LETTER_OR_DIGIT = letters`[\p{L}\p{N}]`;
export const UPPER_SNAKE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
const KEBAB = /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/;
const CHAR_CLASS = /^\^?(?:[A-Za-z0-9]-[A-Za-z0-9]|\\.|[_.+\-])+$/;
const DESCRIPTIVE_WORD = letters`^[\p{L}][\p{L}'\u2019./&-]*[.,?!%]?$|^[-/&]$|^\([\p{L} '\u2019./-]+\)$`;
const CAPITALIZED = letters`^\p{Lu}\p{Ll}+(?:\/\p{Lu}\p{Ll}+)*$`;
const CODE_PUNCTUATION = /[=";`${}\\<>|*:]/;

/** White space `normalizeLabel` changes: any but a single space inside the label. */
const UNNORMAL_SPACE = /[^\S ]|  |^ | $/;

/** Normalizes a link label as CommonMark does (case-fold, collapse whitespace). */
export function normalizeLabel(label: string): string {
  // Most labels have single spaces only, none at either end: then only the case changes.
  if (!UNNORMAL_SPACE.test(label)) return label.toLowerCase();
  // A label continued on a block-quote line carries the "> " markers in the source.
  return label.replace(/\n[ \t]*(?:>[ \t]?)*/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Index of the first of the sorted, disjoint `masks` that ends after `pos` (binary search). */
function firstMaskAfter(masks: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = masks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (masks[mid].end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether `span` overlaps any of the sorted, disjoint `masks`. */
export function masked(masks: readonly Span[], start: number, end: number): boolean {
  if (masks.length === 0) return false;
  const m = masks[firstMaskAfter(masks, start)];
  return m !== undefined && m.start < end;
}

/** Finds the `]` closing the `[` at `open`, on bracket text without nesting; -1 if none. */
function closingBracket(src: string, open: number, limit: number, singleLine: boolean): number {
  for (let i = open + 1; i < limit; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === ']') return i;
    else if (c === '[') return -1;
    else if (singleLine && c === '\n') return -1;
  }
  return -1;
}

/**
 * Like `closingBracket`, but a link or code span inside the brackets is stepped over: a field may
 * hold one (`[proposed | superseded by [ADR-5](adr-5.md)]`, `[Embed \`[TAG]\` notes]`).
 */
function closingAround(src: string, open: number, limit: number, masks: readonly Span[]): number {
  let k = masks.length ? firstMaskAfter(masks, open + 1) : 0;
  for (let i = open + 1; i < limit; i++) {
    while (k < masks.length && masks[k].end <= i) k++;
    if (k < masks.length && masks[k].start <= i && masks[k].start > open) {
      i = masks[k].end - 1;
      continue;
    }
    const c = src[i];
    if (c === '\\') i++;
    else if (c === ']') return i;
    else if (c === '[') return -1;
  }
  return -1;
}

/** Whether a mask crosses an edge of `[start, end)` (starts outside it and ends inside, or the reverse). */
function crosses(masks: readonly Span[], start: number, end: number): boolean {
  for (let k = masks.length ? firstMaskAfter(masks, start) : 0; k < masks.length; k++) {
    const m = masks[k];
    if (m.start >= end) return false;
    if (m.end > start && (m.start < start || m.end > end)) return true;
  }
  return false;
}

/** Whether `[from, to)` is one mask and blanks: `[\`code\`]`, `[[link](x)]`. */
function onlyMasked(masks: readonly Span[], from: number, to: number, src?: string): boolean {
  let k = masks.length ? firstMaskAfter(masks, from) : 0;
  const m = masks[k];
  if (m === undefined || m.start < from || m.end > to) return false;
  if (to - from - (m.end - m.start) <= 2) return true;
  if (src === undefined) return false;
  // Links (or code) with only punctuation between them: "[ [TS](url), [JS](url) ]".
  let at = from;
  for (; k < masks.length && masks[k].end <= to; k++) {
    if (HAS_LETTER_OR_DIGIT.test(src.slice(at, masks[k].start))) return false;
    at = masks[k].end;
  }
  return !HAS_LETTER_OR_DIGIT.test(src.slice(at, to));
}

/** The line around `at`: its start and end offsets in `src`. */
function lineAround(src: string, at: number): Span {
  const start = src.lastIndexOf('\n', at - 1) + 1;
  let end = src.indexOf('\n', at);
  if (end === -1) end = src.length;
  return { start, end };
}

/** Splits a choice list `[A / B / C]` into its choices, or undefined when it is not one. */
export function choicesOf(inner: string): string[] | undefined {
  const separator = inner.includes(' / ') ? ' / ' : inner.includes(' | ') ? ' | ' : undefined;
  if (!separator) return undefined;
  const parts = inner.split(separator).map((p) => p.trim());
  if (parts.length < 2 || parts.some((p) => p === '' || p.length > 40)) return undefined;
  // "[Casual / Professional / Academic]", "[Active / Passive]" — not "[Runtime / platform]".
  if (parts.length < 3 && !parts.every((p) => STARTS_UPPER.test(p))) return undefined;
  return parts;
}

// --- bracket fields in prose -----------------------------------------------------------

/** Editorial asides and API annotations: "[optional]", "[deprecated]", "[Node.js only]", "[sic]". */
const ANNOTATION =
  /^(?:optional|required|deprecated|experimental|beta|alpha|new|internal|legacy|preview|breaking|wip|sic!?|async|static|readonly|read-only|abstract|final|unstable|stable|obsolete|removed|added|changed|fixed|security|default|nullable|inherited|override|private|protected|public|unreleased|toc|yanked|getter|setter|write-only|early access|coming soon|(?:public |private )?preview|not (?:yet )?(?:supported|implemented)|work in progress)$/i;
/**
 * Asides about where or since when something applies: "[Node.js only]", "[Yarn, npm only]", "[only for Node.js]",
 * "[ONLY AVAILABLE IN NODE.JS RUNTIME]", "[since v2.1]", "[reverted in 0.0.14]", "[default: 10]", "[Updated 2023-01]".
 */
const ASIDE =
  /^(?:[\w.+#/-]+,?\s+){0,3}only$|\bonly (?:for|in|on|available|supported|with|when using)\b|^(?:since|until|added in|new in|removed in|changed in|fixed in|reverted in|introduced in|available (?:in|since)|deprecated (?:in|since))\s+v?\d[\w.-]*$|^default[:=]?\s+\S+$|^(?:updated?|edit(?:ed)?|revised|added|changed|fixed|removed)(?: on| in)?\s+\d{4}(?:-\d{1,2}){0,2}$/i;
/** A word marking a step or a warning, in capitals: "**[STOP]** Ask the user", "[CRITICAL] Never …". Never a value to fill in. */
const STATUS_WORD = /^(?:STOP|GATE|NEVER|ALWAYS|CRITICAL|IMPORTANT|WARNING|CAUTION|DANGER|NOTE|TIP|HINT|MUST|MANDATORY|BLOCKER|CHECKPOINT)$/;
/** What redaction left in place of a value, with or without its reason: "[REDACTED]", "[REDACTED_MATCH]", "[REDACTED - contains a card number]". */
const REDACTION = /^redacted(?:\b|_)/i;
/** A directive written into a commit message for CI or release tools: "[skip ci]", "[ci skip]", "[no release]". */
const COMMIT_DIRECTIVE = /^(?:(?:skip|no)[ -][a-z][\w-]*|[a-z][\w-]*[ -]skip)$/i;
/** A release named in an aside: "[backported from 1.8.2]", "[see v2.0]". */
const VERSION_MENTION = /(?:^|[\s(])v?\d+\.\d+(?:\.\d+)?(?:$|[\s),.;])/;
/** What an example marks because it cannot be seen, or a key to press: "[2 spaces]", "[EOF]", "[Tab]", "[Ctrl+C]". */
const INVISIBLE_OR_KEY =
  /^(?:eof|eol|end of (?:file|line)|\d+ (?:spaces?|tabs?)|spaces?|tabs?|newline|line ?break|blank line|nbsp|crlf|cr|lf|enter|return|esc(?:ape)?|backspace|del(?:ete)?|(?:ctrl|cmd|alt|shift|option|meta)\s*\+\s*\w+)$/i;
/** An optional argument described in a synopsis: "[optional modifiers]", "[optional flags]". */
const OPTIONAL_SLOT = /^optional(?: [a-z][a-z-]*){1,3}$/;
/** How JavaScript prints an object: "[object Object]", "[object Promise]" (or a message misspelling it, "[Object object]"). */
const PRINTED_OBJECT = /^object [a-z]\w*$/i;
/** A labelled note: "[Needs: a defined object?]", "[Note: …]", "[Update 2024: …]" (a soft candidate, see `RawHit.soft`). */
const LABELLED_NOTE = letters`^(?:\*\*|__)?\p{L}[\p{L}\d' -]{0,24}(?:\*\*|__)?:(?:\*\*|__)?\s+\S`; // "[Note: …]", "[**LEGACY PROPERTY:** …]"
/**
 * A narrated event: "[HTTP request is made]", "[the token was refreshed]" — a subject, then a
 * passive or perfect verb and nothing after it; no question or relative word, as in the
 * descriptions a writer fills ("[Describe what is needed]", "[Data that is sent]").
 */
const NARRATION = caselessLetters`^(?![\s\S]*\b(?:what|which|who|whom|whose|how|when|where|why|that|if|whether)\b)[\p{L}\d-]+(?: [\p{L}\d-]+){0,4} (?:is|are|was|were|has been|have been|gets|got) \p{Ll}+(?:ed|en|de|ne|t)$`;
/** A language tag: "[de]", "[en-AU]", "[pt-br]" (locale lists in changelogs). */
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z]{2,4})?$/;
/** A CLI synopsis: an optional flag "[-o <file>]", "[--verbose]", or "[options]" / "[global options]". */
const SYNOPSIS = /^--?[\w?]|^(?:[a-z]+ )?options?$/;
/** Optional parameters of an API signature: "[stream2, stream3, ...]", "[file...]". */
const OPTIONAL_ARGS = /^[\w$]+(?:\s*,\s*[\w$]+)*(?:\s*,\s*)?(?:\.{3}|…)$/;
const STRING_LIST = /^(['"])[^'"]*\1(?:\s*,\s*(['"])[^'"]*\2)*$/;
/** Words that join a sentence, never items of a list in code: "[good, because...]", "[behavior, e.g., "log it"]". */
const CONNECTIVE = /(?:^|[\s,])(?:e\.g\.|i\.e\.|because|for example)(?=[\s,.…]|$)/i;
/** Items of an array literal: quoted strings, numbers and names, two or more. */
const MIXED_LIST = /^(?:'[^'\n]*'|"[^"\n]*"|[\w$.-]+)(?:\s*,\s*(?:'[^'\n]*'|"[^"\n]*"|[\w$.-]+))+$/;
/** A type in generated API docs: "[number]", "[string|string[]]", "[Object]", "[Promise<void>]". */
const TYPE_NAME = '(?:string|number|boolean|bool|object|function|array|any|unknown|void|null|undefined|integer|int|float|double|bigint|symbol|buffer|promise|regexp|stream|callback|error)';
// A union may hold the boolean literals too: "[string|true|false]".
const PRIMITIVE_TYPE = new RegExp(`^${TYPE_NAME}(?:\\[\\]|<[^<>]*>)?(?:\\s*\\|\\s*(?:${TYPE_NAME}|true|false)(?:\\[\\])?)*$`, 'i');
/** A JSDoc generic type, as jsdoc-to-markdown writes it: "Promise.<Object>", "Array.<string>". */
const JSDOC_TYPE = /^[\w$]+\.<[\w$.,\s|*]+>(?:\[\])?$/;
/** An argument list after a name and a space, names and commas only before the bracket: "input (name, [type]". */
const ARG_LIST = /[\w$.] \((?:\s*[\w$.]+\s*,)+\s*$/;
/** Text before a bracket that opens a call's argument list: "readFile(path, [options])", and in generated HTML "vega.<b>loader</b>([<i>options</i>])". */
const IN_CALL = /(?:[\w$.]|<\/(?:b|strong|code|em|i)> ?)\([^()]*$/;
/** A directive or admonition name right before the bracket: ":::tip[Before you start]", "::include[x]". */
const DIRECTIVE = /(?:^|\s):{1,3}[A-Za-z][\w-]*$/;
/** An option flag right before the bracket: "-o, --output [output file]". */
const OPTION_BEFORE = /(?:^|[\s(])--?[\w-]+,?\s$/;
/** A usage or synopsis line: "Usage: my-command [global options] command", "marked [-o <file>]". */
const USAGE_LINE = /^[\s>*+-]*(?:usage|synopsis)\b:?/i;
/** A command line written out: a command, then an optional flag in brackets ("marked [-o <file>] … [file]"). */
const SYNOPSIS_LINE = /^[\s>*+-]*`?[a-z][\w.-]*`?(?: [a-z][\w.-]*)? \[`?-/;
/** A tool and a namespaced command right before the bracket: "pm2 module:generate [name]", "artisan make:model [Name]". */
const NAMESPACED_COMMAND = /(?:^|[\s`])[a-z][\w.-]* [a-z][\w-]*:[a-z][\w-]* $/;
/** A camelCase key and a colon right before the bracket, as in printed output: "expiredAt: [ExpDate]". */
const KEY_BEFORE = letters`(?:^|[\s'"])\p{Ll}+\p{Lu}[\w]*:\s?$`;
/** A bold or code identifier right before the bracket: "**retries** [number]", "`timeout` [ms]". */
const ANNOTATED_NAME = /(?:\*\*|__|`)[\w$.-]+(?:\*\*|__|`)\s?$/;
const TYPE_TOKEN = letters`^[\p{L}$_][\w$.<>|]*(?:\[\])?$`;
/** Lower-case words that name a type or a unit after a parameter, besides `TYPE_NAME`'s: "`timeout` [ms]". */
const TYPE_WORD = /^(?:ms|milliseconds|seconds|secs?|bytes|str|num|bool|obj|fn|func|list|dict|map|set|date|uri|url|path|glob|regex|json|optional|required|deprecated)$/;

/**
 * Whether the bracket after a bold or code name is its type: a type's name ("[Client]",
 * "[Promise<void>]", "[string|number]") or a lower-case word that names one ("[number]", "[ms]");
 * another lower-case word is a template's slot: "**When** [action]".
 */
function annotationType(t: string): boolean {
  if (!TYPE_TOKEN.test(t)) return false;
  return !LOWER_WORD.test(t) || TYPE_WORD.test(t) || PRIMITIVE_TYPE.test(t);
}
/** A JSDoc type just before, as API docs list parameters: "**{string}** ", "`{Object}` ", "{number} ". */
const JSDOC_TYPE_BEFORE = /(?:^|\s)(?:\*\*|__|`)?\{[\w$.|<>[\]*?!, ]+\}(?:\*\*|__|`)?[ \t]+$/;
/** An optional parameter's name, with its default perhaps: "filename", "options = {}", "opts.timeout=30". */
const OPTIONAL_PARAM = letters`^[\p{L}$_][\w$.]*(?:\s*=\s*\S.*)?$`;
/**
 * An entry's start before the bracket on its line: quote and list markers, then optionally a
 * lead-in link or bold label, a commit and its type, and other tags: "* [#980](url) [codegen] …",
 * "- **Breaking:** [Fix] …", "- e83fa9b: [ED-22282] [Breaking change] …".
 */
const ENTRY_START = new RegExp(
  [
    /^[ \t]*(?:>[ \t]?)*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?/.source, // list marker
    /(?:\[[^\]\n]*\]\([^)\n]*\)[ \t]*(?:[-–—:][ \t]+)?|(?:\*\*|__)[^*_\n]+(?:\*\*|__)[ \t]*)?/.source, // a lead-in link or bold label: "[`68ef7e6`](url) - ", "**Breaking:** "
    /(?:[0-9a-f]{7,40}:?[ \t]+)?(?:[a-z]+(?:\([\w./-]*\))?!?:[ \t]+)?/.source, // a commit and its type: "5aa656f: feat(api): "
    /(?:\[[^\]\n]{1,40}\][ \t]*)*(?:\*\*|__)?$/.source, // tags before this one: "[ED-22282] "; bold around this one: "**[BREAKING]**"
  ].join(''),
);
/** An ATX heading's opening: "#### [update] The command was renamed". */
const HEADING_START = /^[ \t]{0,3}#{1,6}[ \t]+$/;
/** Kinds of change and areas a changelog or commit entry is tagged with. */
const CHANGE_TAG =
  /^(?:bug ?fix(?:es)?|bugs?|fix(?:es|ed)?|(?:new )?feat(?:ure)?s?|polish|experimental|deprecations?|added|changed|removed|deprecated|security|docs?|documentation|chore|refactor(?:ing)?|perf(?:ormance)?|tests?|build|ci|style|revert|breaking(?: change)?|major|minor|patch|improvements?|enhancements?|dependencies|deps|internal|misc|other|cleanup|typos?|hotfix|release|update[sd]?|upgrade|compat(?:ibility)?)$/i;
/** Words that are themselves placeholders: never a tag. */
const PLACEHOLDER_WORD = /^(?:TBD|TBA|TODO|FIXME|XXX|NAME|DATE|VALUE|TITLE|ID|URL)$/;
/** A check mark or state in a table cell: "[x]", "[✓]", "[done]" ("[X]" is the number field of "~[X] minutes"). */
const CHECK_MARK = /^[x✓✔✗✘☐☑☒●○•*+-]$/;
const CHECK_STATE = /^(?:done|todo|to do|wip|yes|no|n\/a|na|ok|pass(?:ed)?|fail(?:ed)?|skip(?:ped)?|pending|blocked|partial|none|planned|in progress|complete[d]?)$/i;
/** A state written after an item it reports on: "[Completed]", "[**Done**]" (a `[TODO]` is a field). */
const STATUS_MARK = /^(?:done|completed?|finished|in progress|wip|blocked|pending|planned|shipped|merged|released|resolved|cancel(?:l)?ed|superseded)$/i;
/** The first header cell of a parameter table. */
const PARAM_HEADER = /param|arg|option|name|prop|key|field|attr|setting|flag|config/i;
const IDENT_PATH = /^[a-z_$][\w$]*(?:\.[\w$]+|\[\])*$/;
/** A PascalCase identifier with a capital inside: "ClassType", "StreamClass" (an optional class argument in API docs). */
const PASCAL_NAME = /^[A-Z][a-z\d]+[A-Z][A-Za-z\d]*$/;
const ARGUMENT_HEADER = /param|arg|option/i;

const LITERAL = `(?:true|false|null|undefined|-?\\d+(?:\\.\\d+)?|'[^'|]*'|"[^"|]*")`;
/** A union of literal values, as API docs write a parameter's values: "[true | false]", "['a' | 'b']". */
const LITERAL_CHOICE = new RegExp(`^${LITERAL}(?:\\s*\\|\\s*${LITERAL})+$`, 'i');

/** Capitalised choices joined by slashes: "H/M/L", "High/Med/Low". */
const CAPITAL_CHOICE = letters`^\p{Lu}[\p{L}\d]*(?:\/\p{Lu}[\p{L}\d]*)+$`;

/** Is `inner` (text between brackets in prose) something other than a field, whatever its context? */
function proseNonField(inner: string): boolean {
  if (inner.length > MEMO_LENGTH) return readsAsNonField(inner);
  let known = nonFieldMemo.get(inner);
  if (known === undefined) {
    known = readsAsNonField(inner);
    if (nonFieldMemo.size >= MEMO_SIZE) nonFieldMemo.clear();
    nonFieldMemo.set(inner, known);
  }
  return known;
}

/**
 * What `proseNonField` said of recent bracket texts: it reads the text alone (thirty-odd
 * patterns), and the same fields recur in every doc made from one template. Bounded in entries
 * and in the length of a text kept.
 */
const nonFieldMemo = new Map<string, boolean>();
const MEMO_SIZE = 4096;
const MEMO_LENGTH = 200;

function readsAsNonField(inner: string): boolean {
  const t = inner.trim();
  if (t === '') return true; // "[ ]"
  if (t[0] === '^') return true; // footnote
  if (/^![A-Za-z]+$/.test(t)) return true; // GitHub alert, any case: "[!NOTE]", "[!Tip]"
  if (!HAS_LETTER_OR_DIGIT.test(t)) return true; // "[...]", "[—]"
  if (/^[\d\s,.\-–+−∞]+$/.test(t)) return true; // numeric citation "[1]", "[2, 3]", interval "[0, ∞]"
  if (/^(?:y\/N|Y\/n)$/.test(t)) return true; // a prompt's answers, the default in capitals: "Continue? [y/N]"
  if (CHAR_CLASS.test(t) && /[A-Za-z0-9]-[A-Za-z0-9]/.test(t)) return true; // a regular expression's character class: "[a-z]", "[A-Za-z0-9_]"
  if (/^[A-Z][A-Za-z]*[.-]?\d+(?:\.\d+)*$/.test(t)) return true; // citation key "[RFC3339]", "[POSIX.1]"
  if (/^[A-Z][A-Z\d]*-\d+(?:\s*(?:[-–,]|and|to)\s*[A-Z][A-Z\d]*-\d+)+$/.test(t)) return true; // issue keys "[ED-5259 - ED-6200]"
  if (/^[A-Z]{2,}[A-Z\d]* \d{3,}$/.test(t)) return true; // an issue key written with a space: "[CDS 4617]"
  if (/^v?\d+(?:\.\d+)+(?:[-+][\w.]+)?$/i.test(t)) return true; // a version "[v1.2.3]", "[2.0.0-beta.1]"
  if (/^(?:#\d+|@[\w-]+(?:\/[\w.-]+)?|[0-9a-f]{7,40})$/.test(t)) return true; // an issue, a mention, a commit
  if (/[\u0250-\u02AF\u02C8\u02CC]/u.test(t)) return true; // a phonetic transcription: "[e.ti.kɛt]"
  if (LITERAL_CHOICE.test(t)) return true; // values of a type: "[true | false]"
  if (/^\.{1,2}\/[\w./-]+$/.test(t)) return true; // a relative path written out: "(CHANGELOG.md)[../CHANGELOG.md]"
  if (ANNOTATION.test(t) || ASIDE.test(t)) return true; // "[optional]", "[Node.js only]"
  if (COMMIT_DIRECTIVE.test(t)) return true; // "[skip ci]", "[release skip]"
  if (REDACTION.test(t)) return true; // "[REDACTED]"
  if (STATUS_WORD.test(t)) return true; // "**[STOP]** Ask the user first"
  if (INVISIBLE_OR_KEY.test(t)) return true; // "text[2 spaces]", "[EOF]", "press [Enter]"
  if (OPTIONAL_SLOT.test(t)) return true; // a synopsis marking what may follow: "--bail [optional modifiers]"
  if (/<%[\s\S]*%>/.test(t)) return true; // another engine's tag in link text: "[<%= authorName %>](…)"
  if (t.includes('<a ') && onlyAnchors(t)) return true; // "[<a href=…>docs</a> - <a href=…>live editor</a>]"
  if (PRINTED_OBJECT.test(t)) return true; // JavaScript's printed object: "[object Object]"
  if (/^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+$/i.test(t)) return true; // a bare URL in brackets: "[https://example.com]"
  if (t[0] === ',' || t.endsWith(',') || (OPTIONAL_ARGS.test(t) && !CONNECTIVE.test(t))) return true; // "fn(a[, b])", "[b, c, ...]"; a template's "[good, because...]" stays
  if (t[0] === ':') return true; // an optional part of a syntax: "language[:label[:client]]"
  if (CAMEL_IDENTIFIER.test(t)) return true; // an identifier: "[optionsOrSettings]"
  if (STRING_LIST.test(t)) return true; // "['HS256', 'HS384']", "[ 'Promise' ]"
  if (MIXED_LIST.test(t) && /['"]/.test(t) && !CONNECTIVE.test(t)) return true; // an array literal: "['someString', 5, someVariable]"; not "[behavior, e.g., \"…\"]"
  if (PRIMITIVE_TYPE.test(t) && !/^[A-Z]+$/.test(t)) return true; // "[number]", "[string|number]"; "[NUMBER]" is a field
  if (JSDOC_TYPE.test(t.replace(/&lt;/g, '<').replace(/&gt;/g, '>'))) return true; // "[Promise.<Object>]", "[Array.&lt;string&gt;]"
  if (t.includes(',') && t.split(',').every((p) => PRIMITIVE_TYPE.test(p.trim()))) return true; // a tuple "[string, string]"
  if (CALL_NAME.test(t)) return true; // a function named in brackets: "[traverse()]"
  if (/^[^()\n]*,[^()\n]*\)/.test(t)) return true; // half-open intervals, the bracket closing a later one: "[start, end) … (start, end]"
  if (t.split('/').length > 1 && t.split('/').every((p) => ANNOTATION.test(p.trim()))) return true; // "[Getter/Setter]"
  if (LANGUAGE_TAG.test(t) || SYNOPSIS.test(t.replace(/`/g, ''))) return true; // "[de]", "[`-o` <file>]"
  if (/[{}]/.test(t.replace(/\{\{[^{}]*\}\}/g, ''))) return true; // a literal: "[ {key: 'a'}, … ]"
  if (DEFAULTED_PARAM.test(t) || (t.includes(',') && /`[^`]+`/.test(t) && /\w\(/.test(t))) return true; // "[`offset` = 0]", "[`2002-07-15`, new Date()]"
  if (/->|→|=>/.test(t) || /\w&lt;[^&]*&gt;/.test(t)) return true; // a flow "[a -> b -> c]", a type "[Stream&lt;R&gt;, …]"
  if (FORMAT_SPEC.test(t) || IPV6.test(t)) return true; // a message's format slot "[%s]", an address "([::1]:9092)"
  if ((FILE_NAME.test(t) && !LIBRARY_NAME.test(t)) || ISSUE_REFS.test(t)) return true; // "see [tests/README.md]", "[pull #304, issue #245]"
  return false;
}

/** An optional parameter with its default, as API references write it: `` `offset` = 0 ``, `retries = 3`. */
const DEFAULTED_PARAM = /^`?[\w$.]+`?\s*=\s*\S+$/;
/** A printf or .NET format slot: `%s`, `%1$d`, `%.2f`, `{0}`. */
const FORMAT_SPEC = /^(?:%(?:\d+\$)?[-+ #0]*\d*(?:\.\d+)?[sdifxXoeEgGcpjOu@]|\{\d+\})$/;
/** An IPv6 address (two colons at least): `::1`, `fe80::1%eth0`, `2001:db8::8a2e:370:7334`. */
const IPV6 = /^(?=[^:]*:[^:]*:)[0-9a-fA-F:.]+(?:%\w+)?$/;
/** A file named by its path or name with a known extension, the link its author left out: `tests/README.md`, `STATISTICS.md`. */
const FILE_NAME = /^(?:[\w.-]+\/)*[\w-]+(?:\.[\w-]+)*\.(?:mdx?|markdown|txt|rst|adoc|c|h|cc|cpp|hpp|[cm]?[jt]sx?|json|ya?ml|toml|ini|cfg|conf|py|go|rs|java|kt|swift|rb|php|sh|ps1|html?|css|scss|xml|proto|sql|lock)$/i;
/** A library named after its file, not a file: `Moment.js`, `Chart.js`. */
const LIBRARY_NAME = letters`^\p{Lu}[\p{L}\d]*\.js$`;
/** Issue and pull-request references, one or a list: `[#12]`, `[pull #304, issue #245]`, `[fixes acme/app#7]`. */
const ISSUE_REF = String.raw`(?:(?:pull|pr|issues?|gh|fix(?:es|ed)?|close[sd]?|see|refs?)\s+)?(?:[\w.-]+\/[\w.-]+)?#\d+`;
const ISSUE_REFS = new RegExp(String.raw`^${ISSUE_REF}(?:\s*(?:[,;&]|and)\s*${ISSUE_REF})*$`, 'i');

/** Bracket text that is only HTML links, with punctuation or a label of two words at most between them ("experimental - <a …>"). */
function onlyAnchors(t: string): boolean {
  const rest = t.replace(/<a\s[^>]*>[^<]*<\/a>/gi, ' ').replace(/[\s\-–—,;:|/]+/g, ' ').trim();
  return rest.length < t.length / 2 && rest.split(' ').length <= 2;
}

/** Where a bracket stands in prose: the text before and after it on its line. */
interface ProseContext {
  src: string;
  line: Span;
  prefix: string;
  suffix: string;
  /** Running text, or a frontmatter value (where a quoted `"[Owner]"` is the whole value, a field). */
  where: ScanWhere;
}

/** How far context reaches on a line: enough for any cue, and linear on one very long line. */
const WINDOW = 240;

/**
 * The line around a bracket. The prefix and suffix are windows of the line; a prefix that does not
 * reach the line's start begins with U+0000, so cues anchored at the start of a line do not match.
 */
function proseContext(src: string, line: Span, open: number, close: number, where: ScanWhere): ProseContext {
  const from = Math.max(line.start, open - WINDOW);
  const prefix = (from > line.start ? '\u0000' : '') + src.slice(from, open);
  const suffix = src.slice(close + 1, Math.max(close + 1, Math.min(line.end, close + 1 + WINDOW)));
  return { src, line, prefix, suffix, where };
}

/** Is the bracket `[inner]` a non-field because of where it stands (see the contract v2)? */
/**
 * What follows the text of a link CommonMark does not read as one: a destination that is a list
 * ("[roadmap](12.x, 14.x)"), one after a space ("[Number objects] (http://…)"), in full-width
 * parentheses ("[文档]（https://…）"), or a URL or path that holds a space ("[Ada
 * Ledger](https://example.com/Ada Ledger)", "(../architecture docs/a.md)").
 */
const BROKEN_LINK = [
  /^\([^)\n]*,\s[^)\n]*\)/,
  /^ \((?:https?:\/\/|\.{0,2}\/|#)[^\s)]*\)/,
  /^ ?（(?:https?:\/\/|\.{0,2}\/|#)[^\s）]*）/,
  /^\(\s*(?:https?:\/\/|\.{1,2}\/)[^\s()]*(?: [^\s()]+)+\)/,
];

/** The next line starts with a URL (after the line end and indentation). */
const URL_NEXT_LINE = /^\r?\n[ \t]*(?:https?:\/\/|www\.)\S/;

/** A link written out mid-sentence: the bracket, a colon, and a URL after it or on the next line. */
function linkWrittenOut(cx: ProseContext): boolean {
  if (/^:[ \t]*(?:https?:\/\/|www\.)/.test(cx.suffix)) return true;
  return /^:[ \t]*\r?$/.test(cx.suffix) && URL_NEXT_LINE.test(cx.src.slice(cx.line.end, cx.line.end + 80));
}

function contextNonField(inner: string, cx: ProseContext): boolean {
  const t = inner.trim();
  // Each pattern on the prefix needs a character (`:`, `-`, `(`, `{`, `=`, a marker) that a prefix
  // of prose mostly lacks: looking for it first spares the call into the pattern.
  const p = cx.prefix;
  const colon = p.includes(':');
  if (colon && DIRECTIVE.test(p)) return true; // ":::tip[Before you start]"
  if ((p.includes('-') && OPTION_BEFORE.test(p)) || USAGE_LINE.test(p) || (p.includes(' [') && SYNOPSIS_LINE.test(p))) return true; // "-o, --output [file]", "Usage: cmd [opts]"
  if (colon && NAMESPACED_COMMAND.test(p)) return true; // a command's argument: "pm2 module:generate [module name]"
  if (colon && KEY_BEFORE.test(p)) return true; // program output: "expiredAt: [ExpDate]"
  if (p.includes('(') && (IN_CALL.test(p) || ARG_LIST.test(p))) return true; // an API signature: "open(path, [options])", "input (name, [type], value)"
  if ((p.includes('`') || p.includes('**') || p.includes('__')) && ANNOTATED_NAME.test(p) && annotationType(t.replace(/^([*_])(.+)\1$/, '$2'))) return true; // "**retries** [number]", "`options` [*object*]"; not "**When** [action]"
  if (p.includes('{') && JSDOC_TYPE_BEFORE.test(p) && OPTIONAL_PARAM.test(t)) return true; // "**{string}** [filename] - Optional name", "{Object} [options = {}]"
  if (ONE_LOWER.test(t) && STARTS_LOWER.test(cx.suffix)) return true; // an editor's letter in a quotation: "the \"[p]refered\" way"
  if (ENTRY_START.test(cx.prefix) && /\S/.test(cx.suffix) && isEntryTag(t)) return true; // "- [BUGFIX] …", "- 5aa656f: feat: [BREAKING CHANGE] …"
  if (HEADING_START.test(cx.prefix) && /\S/.test(cx.suffix) && CHANGE_TAG.test(t)) return true; // "#### [update] The command was renamed"
  if (BROKEN_LINK.some((re) => re.test(cx.suffix))) return true; // "[roadmap](12.x, 14.x)", "[Number objects] (http://…)"
  if (linkWrittenOut(cx)) return true; // "under the [Apache 2.0 license]:\n https://…"
  if (p.includes('=') && /=\s*$/.test(p) && FORMULA.test(t) && !CAPITAL_CHOICE.test(t)) return true; // a formula: "aspect ratio = [height / width]"; not a choice, "impact=[H/M/L]"
  if (STATUS_MARK.test(t.replace(/^(\*\*|__|[*_])(.+)\1$/, '$2')) && /^[\s.,;)]*$/.test(cx.suffix)) return true; // "… in `host.ts`. [**Completed**]"
  if (cx.line.end > cx.line.start && inTableCell(cx)) {
    if (/\|\s*$/.test(cx.prefix) && /^\s*\|/.test(cx.suffix) && (CHECK_MARK.test(t) || CHECK_STATE.test(t))) return true; // "| [x] |"
    if ((IDENT_PATH.test(t) || PASCAL_NAME.test(t)) && firstCellOnly(cx) && paramTable(cx, t)) return true; // "| [options.timeout] |", "| [ClassType] |"
  }
  return quotedOutput(t, cx); // "Server [http] listening on 3000" in quotes
}

/** A changelog or commit tag: "[BUGFIX]", "[CLI]", "[Breaking]", "[core]"-like areas are left to the writer. */
function isEntryTag(t: string): boolean {
  if (PLACEHOLDER_WORD.test(t)) return false;
  if (CHANGE_TAG.test(t)) return true;
  // An ALL-CAPS area or kind: "[CLI]", "[API]", "[BUGFIX]" (not "[SYSTEM_A]", which names a field).
  return /^[A-Z][A-Z0-9]{1,2}$/.test(t) || /^@[\w.-]+\/[\w.-]+$/.test(t);
}

/** A bracket of one to twelve words opening a list entry (and text after it): a tag if the document is a changelog. */
function entryTagCandidate(t: string, cx: ProseContext): boolean {
  // An item that is only a kind of change is a tag too, in a changelog's legend: "- [New Feature]".
  return ENTRY_START.test(cx.prefix) && (/\S/.test(cx.suffix) || CHANGE_TAG.test(t)) && t.split(/\s+/).length <= 12;
}

/** The bracket ends a list entry's line: "- Add analytics events [NEW BIG FEATURE]" (a tag, in a changelog). */
function endsEntry(cx: ProseContext): boolean {
  return /^[\s.,;]*$/.test(cx.suffix) && /^[ \t]*(?:>[ \t]?)*(?:[-*+]|\d{1,9}[.)])[ \t]+\S/.test(cx.prefix);
}

/** The bracket ends a heading that has words before it: "### CI/CD Pipeline [SDDS Android]" (an area, in a changelog). */
function endsHeading(cx: ProseContext): boolean {
  return /^[ \t]{0,3}#{1,6}[ \t]+\S.*[ \t]$/.test(cx.prefix) && /^[ \t]*#*[ \t]*\r?$/.test(cx.suffix);
}

/** Whether the bracket's line is a table row (it has a cell separator before and after it). */
function inTableCell(cx: ProseContext): boolean {
  return cx.prefix.includes('|') || cx.suffix.includes('|');
}

/** The bracket is the whole first cell of its row (code or bold around it allowed). */
function firstCellOnly(cx: ProseContext): boolean {
  return /^[ \t>]*\|?[ \t]*(?:`|\*\*)?$/.test(cx.prefix) && /^(?:`|\*\*)?[ \t]*\|/.test(cx.suffix);
}

/**
 * A parameter table: the bracket names an optional argument (`[options]`, `[options.timeout]`)
 * in the first column of a table whose first header reads like "Param", "Option", "Name"; a
 * dotted or camelCase name is an argument path wherever the table's header is.
 */
function paramTable(cx: ProseContext, t: string): boolean {
  const pascal = PASCAL_NAME.test(t);
  if (!pascal && (t.includes('.') || /[a-z][A-Z]/.test(t))) return true;
  let start = cx.line.start;
  // Walk up to the table's first row (the header), staying within table rows.
  for (let guard = 0; start > 0 && guard < 500; guard++) {
    const prev = lineAround(cx.src, start - 1);
    if (!cx.src.slice(prev.start, prev.end).includes('|')) break;
    start = prev.start;
  }
  const header = cx.src.slice(start, lineAround(cx.src, start).end);
  const first = header.replace(/^[ \t>]*\|?/, '').split('|')[0] ?? '';
  if (!pascal) return PARAM_HEADER.test(first);
  // A PascalCase name is an argument under "Param" or "Argument", or under "Name" with a type in
  // HTML code beside it (jsdoc2md's property tables); a template's "| Name |" column holds fields.
  return ARGUMENT_HEADER.test(first) || (PARAM_HEADER.test(first) && /^[ \t]*`?\|[ \t]*\[?<code>/.test(cx.suffix));
}

/** Program output quoted in prose: `"Server [http] listening"`, `“[nodemon] restarting”`. */
function quotedOutput(t: string, cx: ProseContext): boolean {
  // A quoted string that is only the bracketed word is a literal value: "'[Circular]'", '"[Object]"'.
  const q = cx.prefix.slice(-1);
  if (cx.where === 'prose' && (q === "'" || q === '"') && cx.suffix[0] === q && QUOTED_WORD.test(t)) return true;
  // An ALL-CAPS slot in a quoted message is the message's own format: 'expected: [OPTIONS ISSUER]'.
  if (/^[A-Z]+(?: [A-Z]+)+$/.test(t) && inQuote(cx, "'")) return true;
  if (!/^[a-z][\w.-]*$|^[A-Z]{2,}$/.test(t)) return false;
  // A word of the quoted line, not part of a path: "Server [http] listening", not "/sources/[partner]-docs".
  if (!/(?:^|[\s"“])$/.test(cx.prefix) || !/^(?:$|[\s"”:,.])/.test(cx.suffix)) return false;
  const straight = (cx.prefix.match(/"/g)?.length ?? 0) % 2 === 1 && cx.suffix.includes('"');
  const open = cx.prefix.lastIndexOf('“');
  const curly = open !== -1 && cx.prefix.indexOf('”', open) === -1 && cx.suffix.includes('”');
  return straight || curly;
}

/** Matcher of `[field]`: descriptive text only in code and link destinations, any field in prose. */
export const bracketField: AtMatcher = (s, i) => (s.where === 'code' || s.where === 'destination' ? codeBracket(s, i) : proseBracket(s, i));

/** Whether the bracket stands inside a pair of `quote` characters on its line. */
function inQuote(cx: ProseContext, quote: string): boolean {
  const before = cx.prefix.split(quote).length - 1;
  return before % 2 === 1 && cx.suffix.includes(quote);
}

/**
 * The label of a reference written the old way, with a space between text and label: in
 * `[Pay By Bank] [paybybank]` the first bracket is the link's text when the label is defined.
 */
function spacedReference(src: string, open: number, end: number): string | undefined {
  const close = closingBracket(src, open, end, false);
  if (close === -1 || src[close + 1] === '(' || src[close + 1] === '[') return undefined;
  const label = src.slice(open + 1, close);
  return label.trim() === '' || label.includes('\n') ? undefined : normalizeLabel(label);
}

/** Matcher of `[field]` in prose (and frontmatter values, link text). */
const proseBracket: AtMatcher = (s, i) => {
  const { src, masks } = s;
  const end = s.span.end;
  if (src[i + 1] === '[') {
    // Wiki link [[Page]]: skip to its closing brackets.
    const close = src.indexOf(']]', i + 2);
    return close !== -1 && close < end ? close + 1 : i + 1;
  }
  const close = closingAround(src, i, end, masks);
  if (close === -1) return i;
  // The brackets themselves are syntax (a task box, a link) or a mask crosses them: not a field.
  if (masked(masks, i, i + 1) || masked(masks, close, close + 1) || crosses(masks, i, close + 1) || onlyMasked(masks, i + 1, close, src)) return i;
  const inner = src.slice(i + 1, close);
  // A non-field that runs over lines is not skipped whole: what it holds is scanned too, as it is
  // where the lines belong to blocks of their own (a `[` left open at the end of a list item).
  if (proseNonField(inner)) return inner.includes('\n') ? i : close;
  const before = i > 0 ? src[i - 1] : '';
  if (before === '{') return close; // an index signature or literal: "{[key: number]: string}"
  if (before === '!' && src[close + 1] === '(') return close; // an image the parser did not take: "![CI](url-with-a-break"
  // A link or definition whose destination a template engine writes: the tag's blanks keep the
  // parser from reading one. "[the repo]({{ site.repository }}/tree)", "[wiki]: {{ site.url }}/wiki".
  if (src[close + 1] === '(' && templatedDestination(src, close + 2, end)) return close;
  if (src[close + 1] === ':' && definitionPrefix(src, i) && templatedDefinition(src.slice(i, lineEndAt(src, i, end))) !== undefined) return close;
  // `a[i]`, `mime.types[extension]` in running prose index something; they are not fields, nor
  // are a path's predicates: `//book[last()]`, `$..book[?(@.isbn)]`, `//book/*[self::author]`.
  if (indexes(src, i, before, inner)) return close;
  if (!s.line || i < s.line.start || i >= s.line.end) s.line = lineAround(src, i);
  const cx = proseContext(src, s.line, i, close, s.where);
  let hitEnd = close + 1;
  let refLabel = normalizeLabel(inner);
  if (src[close + 1] === '[') {
    // "[text][ref]" and "[text][]": the pair resolves (or not) through one label, so it is one
    // candidate whose range covers both brackets (a quick fix replaces the whole pair).
    const close2 = closingBracket(src, close + 1, end, false);
    if (close2 !== -1 && !masked(masks, close + 1, close2 + 1)) {
      const ref = src.slice(close + 2, close2);
      // "[number][optional]": a type and an annotation, not a reference.
      if (proseNonField(ref) && ref.trim() !== '') return close2;
      if (ref.trim() !== '') refLabel = normalizeLabel(ref);
      hitEnd = close2 + 1;
    }
  } else if (src[close + 1] === ' ' && src[close + 2] === '[') refLabel = spacedReference(src, close + 2, end) ?? refLabel;
  if (contextNonField(inner, cx)) return hitEnd - 1;
  const hit: RawHit = { start: i, end: hitEnd, text: src.slice(i, hitEnd), refLabel };
  const soft = softKind(inner, cx, s.where, hitEnd !== close + 1);
  if (soft) hit.soft = soft;
  s.out.push(hit);
  return hitEnd - 1;
};

/** Code punctuation inside a bracket: a predicate or an expression, never a writer's words. */
const EXPRESSION = /[()=<>@'"!&|]|::/;

/** Whether the bracket at `open` is glued to what it indexes or filters (see `proseBracket`). */
function indexes(src: string, open: number, before: string, inner: string): boolean {
  if (before === '') return false;
  // A wildcard step glues too (`/*[`, `\*[`, `.*[`), emphasis does not (`**[Tag]**`, ` *[Tag]*`).
  const glued = WORD_CHAR.test(before) || ')].'.includes(before) || (before === '*' && /[/\\.\w]/.test(src[open - 2] ?? ''));
  if (glued && INDEX_NAME.test(inner)) return true;
  // JSONPath's root filters as well (`$[?(@.price)]`); a price's field stays one (`$[Amount]`).
  return (glued || before === '$') && ((!/\s/.test(inner) && /[,:]/.test(inner)) || EXPRESSION.test(inner));
}

/** A template engine's tag: Liquid's and Handlebars' `{{ … }}`, Liquid's `{% … %}`, Hugo's `{{< … >}}`, EJS's `<%= … %>`. */
const TEMPLATE_TAG = /\{\{[^{}\n]*\}\}|\{%[^%\n]*%\}|<%[^%\n]*%>/g;

/** What may stand before a definition on its line: indentation, quote and list markers, a task box. */
const CONTAINER_PREFIX = /^(?:[ \t>]|(?:[-*+]|\d{1,9}[.)])(?=[ \t])|\[[ xX]\](?=[ \t]))*$/;

/** A destination a template engine writes that is a link's: a path or URL around the tag, or a tag that makes one. */
const LINK_TAG = /^\{\{<\s*(?:rel)?ref\b|^\{%\s*(?:link|post_url)\b|\burl\b|_url\b|\bsite\.|\.Site\./;

/** Whether only containers' marks (`CONTAINER_PREFIX`, at most 40 characters) stand before `at` on its line. */
function definitionPrefix(src: string, at: number): boolean {
  const lineStart = src.lastIndexOf('\n', at - 1) + 1;
  return at - lineStart <= 40 && CONTAINER_PREFIX.test(src.slice(lineStart, at));
}

/** The end of the line holding `at`, not past `limit`. */
function lineEndAt(src: string, at: number, limit: number): number {
  const nl = src.indexOf('\n', at);
  return nl === -1 || nl > limit ? limit : nl;
}

/**
 * Whether `src` from `from` (after a link's `](`) is a destination that holds a template tag and
 * no blank outside one, up to its `)`: "{{ site.repository }}/tree/master)", "{{< ref "a.md" >}})".
 */
function templatedDestination(src: string, from: number, limit: number): boolean {
  const rest = src.slice(from, Math.min(lineEndAt(src, from, limit), from + 300));
  const dest = /^[^\s()]*\)/.exec(rest.replace(TEMPLATE_TAG, '\u0001'))?.[0];
  return dest !== undefined && dest.includes('\u0001');
}

/**
 * Whether `text` has a line that may be a link definition a template engine completes (`[wiki]:
 * {{ site.url }}/wiki`). What such a line defines depends on the containers around it, which only
 * a parse of the whole chunk gives (an item read apart from its list would not know it is in one):
 * `chunkFacts` leaves these chunks to the parser whole.
 */
export function mayHoldTemplatedDefinition(text: string): boolean {
  return text.includes(']:') && /\]:[ \t]*(?:\{\{|\{%|<%)/.test(text);
}

/**
 * The label of a line that is a link definition whose destination holds a template tag
 * ("[wiki]: {{ site.repository }}/wiki"), or undefined. The parser reads such a line as text.
 */
export function templatedDefinition(line: string): string | undefined {
  const m = /^[ \t]{0,3}\[([^[\]\n]+)\]:[ \t]*/.exec(line);
  if (!m) return undefined;
  const flat = line.slice(m[0].length, m[0].length + 300).replace(TEMPLATE_TAG, (t) => (LINK_TAG.test(t) ? '\u0002' : '\u0001'));
  const dest = /^\S+/.exec(flat)?.[0];
  if (dest === undefined || !/[\u0001\u0002]/.test(dest)) return undefined;
  // "[Owner]: {{ owner_name }}" is a template's label and value, not a definition: nothing in it makes a link.
  return dest.includes('\u0002') || /[/.:]/.test(dest.replace(/\u0001/g, '')) ? normalizeLabel(m[1]) : undefined;
}

/**
 * A table's or record type's name given after its label, as platform docs write them: "an Email
 * [sys_email] record", "catalog items [sc_cat_item], record producers [sc_cat_item_producer]".
 * A lower-case name with an underscore, right after a word and before a word, a stop or a cell's
 * end; `your_…` is a writer's slot wherever it stands.
 */
const NAME_GLOSS = letters`^\p{Ll}[\p{Ll}\d]*(?:_[\p{Ll}\d]+)+$`;

function isNameGloss(t: string, cx: ProseContext): boolean {
  if (!NAME_GLOSS.test(t) || /^(?:your|my|our)_/.test(t) || !GLOSS_AFTER.test(cx.suffix)) return false;
  // The label ends the line before when the text wraps there: "… the User\n[sys_user] table".
  const before = cx.prefix.trim() === '' ? cx.src.slice(Math.max(0, cx.line.start - 40), cx.line.start) : cx.prefix;
  return WORD_BEFORE.test(before);
}

/** A bold bracket alone on its line: "**[Nightly build]**" (a `caption` candidate, see `RawHit.soft`). */
function boldAlone(cx: ProseContext): boolean {
  return /^[ \t]*(?:\*\*|__)$/.test(cx.prefix) && /^(?:\*\*|__)[ \t]*\r?$/.test(cx.suffix);
}

/** Lower-case names, two or more, separated by commas: "[start, end]", "[sdds-android, cicd]". */
const NAME_TUPLE = letters`^\p{Ll}[\p{Ll}\d_-]*(?:,[ \t]*\p{Ll}[\p{Ll}\d_-]*)+$`;

/**
 * What only the whole document can decide about a bracket in prose (see `RawHit.soft`): an aside,
 * an entry tag, a lone lower-case word, a changelog's one-word tag; undefined when it is a field
 * wherever it stands. `pair` says the bracket is the text of a `[text][label]` pair.
 */
function softKind(inner: string, cx: ProseContext, where: ScanWhere | undefined, pair: boolean): RawHit['soft'] {
  const t = inner.trim();
  if (LABELLED_NOTE.test(t)) return 'aside';
  if (NOTICE_LINE.test(cx.prefix)) return 'aside'; // a license notice's slots: "Copyright [yyyy] [name of copyright owner]"
  if (where === 'link-text') {
    // An issue's title quoted with its kind: "[[Bug]: hull.js allows code injection #6605](…/issues/6605)".
    if (ISSUE_KIND.test(t) && /(?:^|\[)\s*$/.test(cx.prefix) && /^:[ \t]+\S/.test(cx.suffix)) return 'aside';
    return LOWER_SLUG.test(t) ? 'aside' : undefined; // "[text [shortcut] text](url)" in a page about Markdown
  }
  if (where !== 'prose') return undefined;
  if (diagramBox(cx.prefix, cx.suffix)) return 'aside'; // "[Client] → [Gateway]"
  if (boldAlone(cx)) return 'caption'; // "**[Nightly build]**" over the command that installs it
  if (NAME_TUPLE.test(t)) return 'aside'; // a range or tuple of names: "the position in [start, end]"; a template's "Owners: [name, name]"
  if (isNameGloss(t, cx)) return 'aside'; // "an Email [sys_email] record"; a template's "Dear [customer_name]," stays a field there
  if (/^[A-Z]{3,}$/.test(inner) && HEADING_START.test(cx.prefix) && /^[ \t]+\S/.test(cx.suffix)) return 'aside'; // a severity tag: "### [HIGH] Using X"
  if (STARTS_UPPER.test(inner) && QUOTED_BEFORE.test(cx.prefix) && QUOTED_AFTER.test(cx.suffix)) return 'aside'; // an editor's insertion in a quotation: "SHA-1 [Version 5] is preferred"
  if (pair) {
    // "- [lexical][lexical-website] Chore: …", "Revert D1309: [codemod][types-first] Add …": two area tags
    return entryTagCandidate(t, cx) || (/^[a-z][a-z\d-]*$/.test(inner) && TAG_THEN_SENTENCE.test(cx.suffix)) ? 'entry-tag' : undefined;
  }
  if (entryTagCandidate(t, cx)) return 'entry-tag';
  if (LOWER_WORDS.test(inner) && /^ [^\s[]/.test(cx.suffix)) return 'entry-tag'; // commits run together: "… [fix text] Assert the …"
  if (LOWER_WORD.test(inner)) return 'word';
  if (!/\s/.test(t) || VERSION_MENTION.test(inner) || endsEntry(cx) || endsHeading(cx)) return 'changelog';
  return undefined;
}


// --- mustache fields and Handlebars blocks ---------------------------------------------

/** Handlebars helpers that open blocks a writer must resolve; `each` and `with` are not conditionals. */
const CONDITIONAL_HELPERS = /^(if|unless)$/;
const JINJA_WORD = /\b(?:not|and|or|in|is|if|else|for|true|false|none|null)\b/i;

/** The inner text of `{{…}}` at `i` and where it ends, or undefined when there is none on this line. */
function mustacheAt(src: string, i: number, end: number): { inner: string; stop: number } | undefined {
  const close = src.indexOf('}}', i + 2);
  if (close === -1 || close + 2 > end) return undefined;
  const inner = src.slice(i + 2, close);
  if (inner.includes('\n') || inner.includes('{{')) return undefined;
  return { inner, stop: close + 2 };
}

/** `{{ ~#if x~ }}` → `#if x`: whitespace control and padding removed. */
function tagText(inner: string): string {
  return inner.replace(/^~/, '').replace(/~$/, '').trim();
}

/** Matcher of a Handlebars block tag in prose: `{{#if name}}`, `{{~else~}}`, `{{/unless}}`. */
export const blockTag: AtMatcher = (s, i) => {
  if (s.src[i + 1] !== '{' || (i > 0 && s.src[i - 1] === '$')) return -1;
  const m = mustacheAt(s.src, i, s.span.end);
  if (!m || masked(s.masks, i, m.stop)) return -1;
  const t = tagText(m.inner);
  const tag = /^([#/])\s*([\w-]+)\b\s*(.*)$/.exec(t);
  if (tag && /^(?:each|with|let|each-in|in-element)$/.test(tag[2])) return m.stop - 1; // iteration and scope: not conditionals
  const conditional = tag && CONDITIONAL_HELPERS.test(tag[2]);
  if (!conditional && t !== 'else' && !/^else\s+if\b/.test(t)) return -1;
  // "the {{#if}} helper": a block with no condition is the syntax named in prose, not a block.
  if (tag && tag[1] === '#' && tag[3].trim() === '') return m.stop - 1;
  if (s.where !== 'code') s.tags.push(tagHit(i, m.stop, tag, t));
  return m.stop - 1;
};

function tagHit(start: number, end: number, tag: RegExpExecArray | null, t: string): TagHit {
  if (!tag) return { start, end, kind: 'else', helper: 'if', name: t.replace(/^else\s*/, '') };
  return { start, end, kind: tag[1] === '#' ? 'open' : 'close', helper: tag[2], name: tag[3].trim() };
}

/** Matcher of a mustache field: `{{ customer_name }}` in prose, `{{API_KEY}}` and `{{Customer Name}}` in code. */
export const mustacheField: AtMatcher = (s, i) => {
  if (s.src[i + 1] !== '{') return -1;
  const m = mustacheAt(s.src, i, s.span.end);
  if (!m) return i + 1;
  if (masked(s.masks, i, m.stop)) return i + 1;
  if (i > 0 && s.src[i - 1] === '$') return m.stop - 1; // GitHub Actions ${{ … }}
  const t = m.inner.trim();
  const field = s.where === 'code' || s.where === 'destination' ? isCodeMustache(m.inner) : isProseMustache(t) && !quotedToken(s.src, i, m.stop, t) && !namedSyntax(s, i, m.stop);
  if (field) s.out.push({ start: i, end: m.stop, text: s.src.slice(i, m.stop) });
  return m.stop - 1;
};

/** Words after a tag that say the tag is syntax being named: "Logic-less {{mustache}} templates". */
const SYNTAX_NOUN = /^[ \t]+(?:templates?|tags?|syntax|helpers?|expressions?|notation|delimiters?|partials?)\b/i;
/** A block of a helper other than `if`/`unless` (`{{#foo}}`, `{{/each}}`): template code shown in prose. */
const OTHER_BLOCK = /\{\{~?\s*[#/]\s*(?!(?:if|unless)\b)[\w-]+/;

/**
 * A prose tag that names template syntax: followed by "templates", "syntax", "helper" …, or on a
 * line that shows a block of another helper ("{{#foo}} {{bar}} {{/foo}} when foo is 0").
 */
function namedSyntax(s: ScanState, start: number, stop: number): boolean {
  if (SYNTAX_NOUN.test(s.src.slice(stop, stop + 16))) return true;
  const line = lineAround(s.src, start);
  return OTHER_BLOCK.test(s.src.slice(Math.max(line.start, start - WINDOW), Math.min(line.end, stop + WINDOW)));
}

/** A lower-case token quoted on its own in prose is template syntax being named: "'{{date}}' is replaced with …". */
function quotedToken(src: string, start: number, stop: number, t: string): boolean {
  const q = start > 0 ? src[start - 1] : '';
  return (q === "'" || q === '"') && src[stop] === q && /^[a-z][a-z0-9_]*$/.test(t);
}

/** `{{ customer_name }}`, `{{PLAN}}` are fields; Helm/Go `{{ .Values.x }}`, pipes, partials, comments are not. */
function isProseMustache(t: string): boolean {
  if (t === '' || /^[.$!>^&#/~@]/.test(t) || t === 'this') return false; // Handlebars paths and keywords
  return NAME_PHRASE.test(t);
}

/**
 * In code only what no template language would run: `{{API_KEY}}`, or words with spaces that
 * are no Jinja expression (`{{Customer Name}}`); never `{{ item.name }}` or `{{ ansible_host }}`.
 */
function isCodeMustache(inner: string): boolean {
  if (/^\s*[A-Z][A-Z0-9_]*\s*$/.test(inner)) return true;
  const t = inner.trim();
  return TITLE_PHRASE.test(t) && !JINJA_WORD.test(t);
}

// --- {descriptive text} and <descriptive words> ------------------------------------------

/** What a `{…}` field may hold once code and links inside it are masked: words and sentence punctuation (an `@` too: an e-mail address is a link only to a parser, so both readings agree). */
const BRACE_BODY = letters`^[\p{L}\p{N}\s,.;:!?@'\u2019"\u201C\u201D()/&%+*_\u2013\u2014\u2026|-]*$`;
/** What a function's or an arrow's body follows: "function() { return true }", "(e) => { e.stopPropagation() }". */
const BODY_BEFORE = /(?:\)|=>)[ \t]*$/;
/** The start of a statement, or code punctuation, in a body after `)` or `=>`. */
const BODY_CODE = /^(?:return|throw|yield|await|const|let|var|if|for|while|new)\b|[();]/;
/** A statement of code (a member call ended by `;`): a block whose fence was left out, `{ console.log(data); }`. */
const CODE_STATEMENT = letters`[\p{L}_$][\w$]*\.[\w$]+\([^)]*\)\s*;`;
/** Words addressed to the reader, which a finished doc keeps on purpose: `{your API key}`, `<your app name>`. */
const READER_FACING = /^your\b/i;
/** A `key:` or `key?:` that opens an object literal or a type: `{name: string}`. */
const OBJECT_KEY = /^[a-z_$][\w$]*\??\s*:/;
/** CSS declarations, each ended by `;`: a rule's body written in prose, `{ font-size: 13px; padding: 0; }`. */
const CSS_DECLARATIONS = /^(?:[a-z][a-z-]*\s*:[^:;]+;\s*)+$/;

/**
 * Matcher of `{descriptive text}` in prose: `{Name of the product}`, `{Role, optional}`, a
 * multi-line `{Tip: …}` paragraph. Never `{#anchor}`, `{.class}`, `{props.name}`, `${x}`,
 * `\{set\}`, `{x}`, `{name: string}` or `{a, b}`.
 */
export const braceField: AtMatcher = (s, i) => {
  const { src } = s;
  if (src[i + 1] === '{') return -1;
  const before = i > 0 ? src[i - 1] : '';
  // A version prefix alone is not part of a name: "v{version}", "Release v{X}".
  const versionPrefix = before === 'v' && !IDENTIFIER_CHAR.test(src[i - 2] ?? '');
  if (before !== '' && !versionPrefix && GLUED_BEFORE_BRACE.test(before)) return -1;
  const close = closingBrace(src, i, s.span.end);
  if (close === -1 || src[close + 1] === '}') return -1;
  if (ESM_LINE.test(src.slice(src.lastIndexOf('\n', i - 1) + 1, i))) return -1; // MDX: import { Callout } from '…'
  const body = unmasked(src, i + 1, close, s.masks);
  if (body === undefined) return -1;
  // One nested pair is part of the description: "{justification, e.g. only {force} applies}".
  const t = body.replace(/\{([^{}]*)\}/g, '$1').trim();
  if (UPPER_SNAKE.test(body) || DATE_ONLY.test(t)) return pushBrace(s, i, close + 1); // "{PAGER_ALIAS}", "{YYYY-MM-DD}"
  if (!(STARTS_LETTER.test(t) || COUNTED_DESCRIPTION.test(t)) || !BRACE_BODY.test(t)) return -1;
  if (!/\s/.test(t)) {
    // Code padding around one name is an object or a block, not a description: `({ ctx })`, `{ yield }`.
    if (/^\s/.test(body) && /\s$/.test(body)) return -1;
    if (leadingLabel(s, i, close)) return -1;
    if (oneWordField(t, s.where)) return pushBrace(s, i, close + 1);
    if (braceChoice(t) && before !== '-') return pushBrace(s, i, close + 1); // "Mode: {autonomous|manual}"; not "-{show|hide}"
    // One lower-case or capitalized word (`{version}`, `{short-id}`, `{Headline}`, a gloss `{Sunday}`) or one
    // capital letter (`Phase {N}`, `{X}% of runs`) is a field only in a document that has other
    // brace fields (the `placeholder` rule decides).
    if (!SIMPLE_NAME.test(t) || PRIMITIVE_TYPE.test(t) || NOT_A_NAME.test(t)) return -1;
    return pushBrace(s, i, close + 1, 'brace-word');
  }
  if (OBJECT_KEY.test(t) || CSS_DECLARATIONS.test(t) || READER_FACING.test(t) || CODE_STATEMENT.test(t)) return -1;
  if (BODY_CODE.test(t) && BODY_BEFORE.test(src.slice(Math.max(s.span.start, i - 20), i))) return -1; // a function's body: "function() { return true }"
  if (t.includes('|') && t.split('|').every((p) => /^[\w$.<>[\]'"-]+$/.test(p.trim()))) return -1; // a type: "{string | false}"
  // "{a, b, c}", "{read, write}": a set or a list of names, not words describing a value; after
  // a name and a hyphen, any list of names is a brace expansion: "SDDS-{SERV, DFA}", "plasma-{web, b2c}".
  const names = t.includes(',') && t.split(',').every((p) => !/\s/.test(p.trim()));
  if (names && (!STARTS_UPPER.test(t) || (before === '-' && HAS_LETTER_OR_DIGIT.test(src[i - 2] ?? '')))) return -1;
  return pushBrace(s, i, close + 1);
};

/**
 * A brace field. On a copyright notice's line it is an aside, as its bracket twin: the Apache
 * License's appendix writes "Copyright {yyyy} {name of copyright owner}" in some copies.
 */
function pushBrace(s: ScanState, start: number, end: number, soft?: RawHit['soft']): number {
  const hit: RawHit = { start, end, text: s.src.slice(start, end) };
  const lineStart = s.src.lastIndexOf('\n', start - 1) + 1;
  if (start - lineStart <= 200 && NOTICE_LINE.test(s.src.slice(lineStart, start))) hit.soft = 'aside';
  else if (soft) hit.soft = soft;
  s.out.push(hit);
  return end - 1;
}

/** An MDX import or export statement before the brace. */
const ESM_LINE = /^\s*(?:import|export)\b/;

/** A one-word brace opening a heading or an entry and followed by words: a label, "### {EXAMPLE} Create a contact". */
function leadingLabel(s: ScanState, open: number, close: number): boolean {
  const lineStart = s.src.lastIndexOf('\n', open - 1) + 1;
  if (open - lineStart > 40 || !/^[ \t>]*(?:#{1,6}[ \t]+|(?:[-*+]|\d{1,9}[.)])[ \t]+)?$/.test(s.src.slice(lineStart, open))) return false;
  return TWO_WORDS_AFTER.test(s.src.slice(close + 1, close + 80));
}

const DATE_ONLY = /^(?:YYYY-MM-DD|MM\/DD\/YYYY|DD\/MM\/YYYY|YYYY-MM)$/;
/** A description that opens with how much to write: "{2-3 sentences on the purpose}", "{1 paragraph: why now}". */
const COUNTED_DESCRIPTION = letters`^\d+(?:[-\u2013]\d+)? \p{L}+[ :]+\p{L}`;

/** Lower-case words joined by pipes: a choice, "{autonomous|manual}". */
const BRACE_CHOICE = letters`^\p{Ll}[\p{Ll}\d_-]*(?:\|\p{Ll}[\p{Ll}\d_-]*)+$`;
/** Words of a type's union or a flag's values, never a writer's choice: "{string|false}", "{true|false}". */
const VALUE_WORD = /^(?:true|false|null|undefined|nil|none|yes|no|on|off|enable|disable)$/;

/** Whether a brace body is a choice between words (no type's name, no literal value among them). */
function braceChoice(t: string): boolean {
  return BRACE_CHOICE.test(t) && t.split('|').every((p) => !VALUE_WORD.test(p) && !PRIMITIVE_TYPE.test(p));
}

/** The `}` closing the `{` at `open`, one nested pair allowed; -1 if none within 2000 characters. */
function closingBrace(src: string, open: number, limit: number): number {
  let depth = 0;
  for (let k = open + 1; k < limit && k - open < 2000; k++) {
    const c = src[k];
    if (c === '\\') k++;
    else if (c === '{') {
      if (++depth > 1) return -1;
    } else if (c === '}') {
      if (depth === 0) return k;
      depth--;
    }
  }
  return -1;
}

/** JSDoc and JavaScript type names that a one-word brace holds in API docs: `{String}`, `{Array}`. */
const NOT_A_NAME = /^(?:Array|Date|Error|Map|Set|Element|Node|Event|Object|Function|Promise|Buffer)$/;

/**
 * A one-word brace that is a field wherever it stands: an ALL-CAPS name (`{NUMBER}`, `{TITLE}`)
 * in prose, any name in a frontmatter value (`id: SPEC-{slug}`).
 */
function oneWordField(t: string, where: ScanWhere): boolean {
  if (where === 'frontmatter') return KEY_NAME.test(t);
  return /^[A-Z]{2,}$/.test(t);
}

/** Text of `src[from, to)` with masked spans removed; undefined when a mask crosses an edge. */
function unmasked(src: string, from: number, to: number, masks: readonly Span[]): string | undefined {
  let out = '';
  let at = from;
  for (const m of masks) {
    if (m.end <= from) continue;
    if (m.start >= to) break;
    if (m.start < from || m.end > to) return undefined;
    out += src.slice(at, m.start);
    at = m.end;
  }
  return out + src.slice(at, to);
}

function push(s: ScanState, start: number, end: number): number {
  s.out.push({ start, end, text: s.src.slice(start, end) });
  return end - 1;
}

/** HTML elements and the boolean attributes a real tag may carry without a value. */
const HTML_ELEMENTS = new Set(
  'a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li link main map mark menu meta meter nav noscript object ol optgroup option output p param picture pre progress q rp rt ruby s samp script search section select slot small source span strong style sub summary sup table tbody td template textarea tfoot th thead time title tr track u ul var video wbr center font svg path g circle rect line polyline polygon use symbol defs'.split(' '),
);
const BOOLEAN_ATTRIBUTES = new Set(
  'allowfullscreen async autofocus autoplay checked controls default defer disabled formnovalidate hidden inert ismap itemscope loop multiple muted nomodule novalidate open playsinline readonly required reversed selected'.split(' '),
);
/** Whether `</name` occurs in `src`, remembered for the last source (one lookup per name per chunk). */
let closedSrc = '';
const closedNames = new Map<string, boolean>();
function closedLater(src: string, name: string): boolean {
  if (src !== closedSrc) {
    closedSrc = src;
    closedNames.clear();
  }
  let known = closedNames.get(name);
  if (known === undefined) {
    known = src.includes(`</${name}`);
    closedNames.set(name, known);
  }
  return known;
}

/**
 * `<descriptive words>`: a first word (or a number range, `<1–2 sentences …>`), then words
 * after single spaces — any text but tag and code syntax (`=`, braces, backticks, pipes), so
 * sentences and questions read whole, and never ending in `/` (a self-closing tag). The
 * dialect row's probe and highlighting use this same source.
 */
export const ANGLE_SOURCE = "<(\\p{L}[\\p{L}'’-]*|\\p{N}+(?:[–-]\\p{N}+)?)((?: [^\\s<>={}`|\\\\/]+(?:/[^\\s<>={}`|\\\\/]+)*)+)>";
const ANGLE = lettersFrom(`^${ANGLE_SOURCE}`);
/** A word that HTML and JSX read as an attribute name: `<Tabs items>`, not `<Alternative 1>`. */
const ATTRIBUTE_NAME = /^[A-Za-z_:][\w.:-]*$/;

/** What a slot names after a capitalised word, never a component's prop without a value: "<Action name>", "<Risk title>". */
const SLOT_NOUN = /^(?:name|title|description|summary|label|text|date|number|owner|state)$/i;

/**
 * Matcher of `<descriptive words>` in prose: `<name of the partner team>`. A tag (`<details open>`,
 * an element closed later in the chunk), an autolink or `<YOUR_API_KEY>` is not one.
 */
export const angleField: AtMatcher = (s, i) => {
  const { src } = s;
  const m = ANGLE.exec(src.slice(i, Math.min(s.span.end, i + 400)));
  if (!m) return -1;
  const end = i + m[0].length;
  if (masked(s.masks, i, end)) return -1;
  const words = m[2].trim().split(' ');
  const name = m[1];
  if (HTML_ELEMENTS.has(name.toLowerCase()) && words.every((w) => BOOLEAN_ATTRIBUTES.has(w.toLowerCase()))) return -1;
  if (words.length === 1 && ATTRIBUTE_NAME.test(words[0]) && (HTML_ELEMENTS.has(name.toLowerCase()) || (STARTS_UPPER.test(name) && !SLOT_NOUN.test(words[0])))) return -1; // <img src>, <Tabs items>; not <Risk title>
  if (closedLater(src, name)) return -1; // an element (or component) closed later
  if (/(?:^|[\s[(])`?--?[\w-]+`?[ \t]$/.test(src.slice(Math.max(0, i - 40), i))) return -1; // a flag's value: "-s <markdown string>"
  if (USAGE_LINE.test(src.slice(src.lastIndexOf('\n', i - 1) + 1, i))) return -1; // a synopsis: "Usage: buble [options] <entry file>"
  const after = src[end] ?? '';
  if (after !== '' && WORD_OR_PATH_CHAR.test(after)) return -1; // part of a word or a path: "<project root>/src"
  if (i > 0 && WORD_OR_PATH_CHAR.test(src[i - 1])) return -1;
  if (READER_FACING.test(name)) return -1;
  return push(s, i, end);
};

// --- bracket fields in code -------------------------------------------------------------

/** Where a bracket stands in a line of code. */
export interface CodeContext {
  /** The character just before `[` and just after `]` ('' at the edges). */
  before: string;
  after: string;
  /** The rest of the line before `[` and after `]`. */
  prefix: string;
  suffix: string;
  /** Code, or a link destination (where a path's last segment can still be a field). */
  where?: ScanWhere;
}

/** Matcher of `[field]` in code and link destinations: descriptive text only. */
const codeBracket: AtMatcher = (s, i) => {
  const { src, span } = s;
  if (src[i + 1] === '[') return i + 1; // [[ … ]] bash tests, nested lists
  const close = closingBracket(src, i, span.end, true);
  if (close === -1) return i;
  const before = i > span.start ? src[i - 1] : '';
  const after = close + 1 < span.end ? src[close + 1] : '';
  const inner = src.slice(i + 1, close);
  // A destination that is only a bracket is a field whatever it holds: `[docs]([URL])`, `[ref]: [Link]`.
  if (s.where === 'destination' && i === span.start && close === span.end - 1 && HAS_LETTER_OR_DIGIT.test(inner)) {
    return push(s, i, close + 1);
  }
  // A string literal that is only a field: "[PARTNER_API_KEY]", '[Partner name]' — not an object key: { '[Created At]': 'DESC' }.
  if ((before === '"' || before === "'") && after === before) {
    if (isQuotedField(inner) && !/^\s*:/.test(src.slice(close + 2, close + 8)) && !logLabel(src, i, close)) s.out.push({ start: i, end: close + 1, text: src.slice(i, close + 1) });
    return close;
  }
  if (before === '.' && /[\w\]]/.test(src[i - 2] ?? '')) return close; // a qualified name: SQL's dbo.[My Type]
  if (before === '[' || (before && GLUED_BEFORE_ANGLE.test(before))) return close; // indexing, types
  if (after === '(') return close; // Markdown link syntax shown in code
  // SQL Server names: [dbo].[Orders], [Acme].[dbo].[Order Details]
  if ((after === '.' && src[close + 2] === '[') || (before === '.' && src[i - 2] === ']')) return close;
  if (!s.line || i < s.line.start || i >= s.line.end) s.line = lineAround(src, i);
  const lineStart = Math.max(s.line.start, span.start);
  const lineEnd = Math.min(s.line.end, span.end);
  const from = Math.max(lineStart, i - WINDOW);
  const prefix = (from > lineStart ? '\u0000' : '') + src.slice(from, i);
  const context: CodeContext = { before, after, prefix, suffix: src.slice(close + 1, Math.max(close + 1, Math.min(lineEnd, close + 1 + WINDOW))), where: s.where };
  if (LOG_LINE.test(context.prefix)) return close; // "[3:24:04 PM] [semantic-release] [PLUGIN_NAME] › …": output
  if (LOG_SOURCE.test(context.prefix) && LOG_EVENT.test(context.suffix)) return close; // "Offline [http for lambda] listening on …": output
  // A whole code span naming a tag convention: `[NOTE FOR PM]`, `[NON-GOAL for MVP]`, `[skip ci]`.
  if (i === span.start && close === span.end - 1 && src[i - 1] === '`' && TAG_CONVENTION.test(inner)) return close;
  if (!isCodeField(inner, context)) return close;
  const hit: RawHit = { start: i, end: close + 1, text: src.slice(i, close + 1) };
  // "// [HTTP request is made]" among output lines, "# Copyright [yyyy] [owner]", "[Client] → [Gateway]"
  if (NARRATION.test(inner) || NOTICE_LINE.test(context.prefix) || diagramBox(context.prefix, context.suffix)) hit.soft = 'aside';
  s.out.push(hit);
  return close;
};

/** A quoted bracket that a print or log call prints before a value, as a log level: `console.log('[HTML]', html)`. */
function logLabel(src: string, open: number, close: number): boolean {
  return LOG_CALL_BEFORE.test(src.slice(Math.max(0, open - 40), open)) && /^[ \t]*[,+]/.test(src.slice(close + 2, close + 6));
}

/**
 * A quoted bracket is a field when it names one: an ALL-CAPS name, a sentence-case
 * description (`[Partner name]`), or three words or more — not `'[object Object]'`.
 */
function isQuotedField(inner: string): boolean {
  if (REDACTION.test(inner)) return false;
  if (UPPER_SNAKE.test(inner) || /^[A-Z]{2,}$/.test(inner) && inner.length > 3) return !/^(?:INFO|WARN|DEBUG|ERROR|TRACE|FATAL|NOTICE)$/.test(inner);
  if (!isCodeField(inner, { before: ' ', after: '', prefix: ' ', suffix: '' })) return false;
  return STARTS_CAPITALIZED.test(inner) || inner.trim().split(/\s+/).length >= 3;
}

/** A line of program output that opens with a bracketed timestamp or counter. */
const LOG_LINE = /^\s*\[[^\]\n]*\d[^\]\n]*\]/;
/** A program's log message: its name opening the line, the bracket, then what happened ("Server [http] listening on 3000"). */
const LOG_SOURCE = letters`^\s*\p{Lu}[\p{L}\d-]* $`;
const LOG_EVENT = letters`^ \p{Ll}+(?:ing|ed)\b`;
/** A tag named in guidance: an ALL-CAPS first word of four letters or more, then more words. */
const TAG_CONVENTION = /^[A-Z][A-Z-]{3,}:?(?: [\w…. -]+)?$/;
/** ALL-CAPS words with spaces: a synopsis slot or a tag (`git tag [TAG NAME]`), not a field (those are `[TAG_NAME]`). */
const CAPS_WORDS = /^[A-Z]+(?: [A-Z]+)+$/;
/** A word of a sentence before the bracket: "event to [Partner]", "3. [Partner] responds". */
const IN_SENTENCE = letters`(?:(?:^|\s)\p{Ll}{2,},? |^\s*(?:\d+\.|[-*+]) )$`;
/** Code keywords that read like words: "return [Foo]". */
const CODE_KEYWORD = /\b(?:return|yield|await|in|of|new|default|export|typeof|case|throw|raise|assert|print|echo|and|or|not|is|as)\s$/;
/** ALL-CAPS keyword or tag before the bracket: SQL `WHERE [Id]`, Ansible `TASK [Name]`. */
const CAPS_WORD_BEFORE = /(?:^|\s)[A-Z]{2,}\s+$/;
/** The tokens bundlers fill in an output file's name (`[name].[contenthash].js`). */
const FILE_NAME_TOKENS = new Set(['name', 'hash', 'contenthash', 'chunkhash', 'fullhash', 'ext', 'dir', 'id', 'query', 'folder', 'local']);

/** How many such tokens the line around a bracket holds, the bracket's own included. */
function fileNameTokens(ctx: CodeContext): number {
  let n = 1;
  for (const m of `${ctx.prefix} ${ctx.suffix}`.matchAll(/\[([a-z]+)(?::[^\]\s]*)?\]/g)) if (FILE_NAME_TOKENS.has(m[1])) n++;
  return n;
}

/** ASP.NET route tokens. */
const ROUTE_TOKENS = new Set(['controller', 'action', 'area', 'handler']);
/** Literal values offered in a program's help (on a flag's line): lower-case names, "or" before the last: "[node, napi or electron]". */
const LITERAL_VALUES = letters`^\p{Ll}[\p{Ll}\d-]*(?:, \p{Ll}[\p{Ll}\d-]*)* or \p{Ll}[\p{Ll}\d-]*$`;
/** A print or log call's opening quote: a bracket there labels what is printed, as a log level does. */
const LOG_CALL_BEFORE = /(?:\bconsole\.(?:log|info|warn|error|debug)|\blog(?:ger)?\.(?:info|warn|warning|error|debug|trace)|\bprint(?:ln|f)?)\s*\(\s*['"`]$/;
const CAMEL_OR_MEMBER = letters`^\p{Ll}+\p{Lu}|\p{L}\.\p{L}`;
/** A camelCase key and a colon right before the bracket, as in a JavaScript object: `refetchQueries: [`. */
const CAMEL_KEY_BEFORE = letters`(?:^|[\s{,(])\p{Ll}+\p{Lu}[\p{L}\p{N}]*\??:\s?$`;
/** A PascalCase name of two words or more (glued to an identifier, a field: `[ComponentName]Service`). */
const GLUED_TYPE = letters`^\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)+$`;
/** A comment that labels what follows: "# Dev: ", "// Build: " (the bracket after it is the value to write). */
const COMMENT_LABEL = letters`^\s*(?:#|\/\/|--|;)\s*\p{L}[\p{L}\d -]*:\s$`;
/**
 * A computed property key in an object literal (the bracket is at U+0001): opening its line
 * (`  [CONTEXT_KEY]: {`, `[KEY]: value,`), or after `{` or `,` with a name for its value
 * (`{ [CORE_OPTIONS_ID]: options }`; `{ [HEADER_NAME]: [HEADER_VALUE] }` is a template's pair).
 */
const COMPUTED_KEY = letters`^[ \t]*\u0001:[ \t]*(?:\{|[^\s{][^\n]*,)\s*$|[{,][ \t]*\u0001:[ \t]*[\p{L}_$][\w$.]*[ \t]*[,}]`;
/** A command (and a subcommand) alone before the bracket: `terser `, `$ acme deploy `. */
const COMMAND_SYNOPSIS = /^\s*(?:[$>]\s+)?[a-z][\w.-]*(?: [a-z][\w:.-]*)? $/;
/** A synopsis's options slot later on the line: ` [options]`, ` [-v]`. */
const SYNOPSIS_AFTER = /^(?: \[[^\]]*\])* \[(?:--?[\w?]|(?:[a-z]+ )?options?\])/;
/** A bracket naming an error or a message by its text: `[Socket closed] error`. */
const NAMED_MESSAGE = /^ (?:error|exception|warning|message)\b/i;
/** Words of a quotation before and after a bracket: `"… SHA-1 [Version 5] is preferred"` (not a quoted field alone, `"[API_KEY]"`). */
const QUOTED_BEFORE = letters`["\u201C][^"\u201C\u201D]*\p{L}[^"\u201C\u201D]*\s$`;
const QUOTED_AFTER = letters`^\s[^"\u201C\u201D]*\p{L}[^"\u201C\u201D]*["\u201D]`;
/** Arrows of a diagram drawn in text, and a bracket joined to another by one. */
const ARROW = '(?:→|⟶|⇒|↔|←|⇐|-{1,2}>|={1,2}>|<-{1,2}>?|<={1,2}|—>|–>|─+>)';
const ARROW_TO_BOX = new RegExp(String.raw`^[ \t]*${ARROW}[ \t]*\[`);
const BOX_THEN_ARROW = new RegExp(String.raw`\][ \t]*${ARROW}[ \t]*$`);

/**
 * A box of a diagram drawn in text: a bracket joined to another by an arrow, "[Memory Processors]
 * → [Your processors]", "[Client] --> [Gateway]". Soft (an aside): a template's "[Source system]
 * → [Target system]" stays a field there, among the template's other fields.
 */
function diagramBox(prefix: string, suffix: string): boolean {
  return ARROW_TO_BOX.test(suffix) || BOX_THEN_ARROW.test(prefix);
}

/** A copyright notice's start before a bracket or brace: `Copyright `, `   Copyright (c) [yyyy] `, `// © `, `Copyright {yyyy} `. */
const NOTICE_LINE = /^[\s#*/>-]*(?:copyright\b|\(c\)|©)[^[{\n]*(?:(?:\[[^\]\n]*\]|\{[^}\n]*\})[^[{\n]*)*$/i;
/** A stack trace's frame before the bracket: `    at Object.fooSerializer `, `at async Foo.bar `. */
const STACK_FRAME = /^\s*at (?:async )?[\w$.<>]+ $/;
/** A command line's end-of-options marker right before the bracket: `npm test -- [file]`. */
const END_OF_OPTIONS = /(?:^|\s)[\w.-]+(?:\s+[\w.-]+)*\s--\s$/;
/** A message receiver opening an Objective-C / Smalltalk send: `[super viewDidLoad]`, `[self close]`. */
const RECEIVER = /^(?:self|super|this)\b/;

/** An Objective-C message: a class name with a capital inside, then a selector ("TokenHolder new", "Builder encode:payload"). */
const OBJC_MESSAGE = /^[A-Z]\w*[a-z]\w*[A-Z]\w* [a-z][\w]*(?::\S.*)?$/;

/**
 * The stand-in names of programmers' examples ("foo", "FooA", "bazQux"): a bracket holding one
 * shows syntax, not a slot to fill. Not "bar", an English word too: "[Bar chart title]".
 */
const METASYNTACTIC = /^(?:foo|baz|qux|quux)(?:[A-Z\d]\w*)?$/i;

/** A collection's type in words: "array of users", "list of ids". */
const TYPE_PHRASE = caselessLetters`^(?:array|list|set|map|collection) of [\p{L}\d_]+$`;

/** A slug whose number is a mask to fill: "###-feature-name", "NNN_short_title", "XXX-slug". */
const MASKED_SLUG = letters`^(?:#{2,}|N{2,}|X{2,})[-_]\p{Ll}[\p{Ll}\d]*(?:[-_][\p{Ll}\d]+)*$`;

/**
 * Decides whether bracket content in code is a descriptive field (`[command to verify]`,
 * `[PARTNER_API_KEY]`, `/sources/[partner]-api-docs.md`), not code that uses brackets.
 */
export function isCodeField(inner: string, ctx: CodeContext): boolean {
  if (inner === '' || inner !== inner.trim()) return false;
  if (COMMIT_DIRECTIVE.test(inner) || PRINTED_OBJECT.test(inner) || OPTIONAL_SLOT.test(inner) || REDACTION.test(inner)) return false; // "chore: release [skip ci]", "`[object Object]`", "'[REDACTED]'"
  // A camelCase property's array value is code: `refetchQueries: [GET_TODOS]` (a field there is quoted).
  if (CAMEL_KEY_BEFORE.test(ctx.prefix)) return false;
  if (COMMAND_SYNOPSIS.test(ctx.prefix) && SYNOPSIS_AFTER.test(ctx.suffix)) return false; // "terser [input files] [options]"
  if (NAMED_MESSAGE.test(ctx.suffix)) return false; // "// the callback returns a [Socket closed] error"
  if (STACK_FRAME.test(ctx.prefix) && /^ ?\(/.test(ctx.suffix)) return false; // a stack trace: "at Object.serialize [as foo] (/app/bar.js:8:26)"
  if (OBJC_MESSAGE.test(inner) && METHOD_CALL_AFTER.test(ctx.suffix)) return false; // a message whose result is called: "[JWTHolder new].algorithmName(name)"
  if (/\S {3,}\S/.test(inner)) return false; // a layout drawn in a comment: "// [X      Y]"
  if (UPPER_SNAKE.test(inner)) return !COMPUTED_KEY.test(ctx.prefix + '\u0001' + ctx.suffix); // not `  [CONTEXT_KEY]: {` in an object literal
  if (END_OF_OPTIONS.test(ctx.prefix)) return false; // arguments after `--` in a synopsis: "pnpm test -- [partial filename]"
  if (CAPS_WORDS.test(inner) && /^\s*$/.test(ctx.prefix) && /^\s*$/.test(ctx.suffix) && inner.split(' ').length >= 3) return true; // a line that is only "[ACTUAL PROJECT STRUCTURE]"
  if (CAPS_WORDS.test(inner) || SYNOPSIS.test(inner) || USAGE_LINE.test(ctx.prefix)) return false; // synopses: "cmd [global options]"
  if (IN_CALL.test(ctx.prefix) && STARTS_LOWER.test(inner)) return false; // an argument in a signature: fn([array of handlers])
  if (ctx.after === ';' || CAPS_WORD_BEFORE.test(ctx.prefix)) return false; // [obj send]; WHERE [Id]
  if (isPathSegment(inner, ctx) || MASKED_SLUG.test(inner)) return true; // "/sources/[partner]-api.md", "`specs/[###-feature-name]/`"
  if (GLUED_TYPE.test(inner) && STARTS_NAME.test(ctx.after)) return true; // a name inside an identifier: `interface [ComponentName]Service`
  if (TYPE_PHRASE.test(inner) && /^\s*(?:\/\/|\/\*|\*)/.test(ctx.prefix)) return false; // a JS comment sketching a value's shape: "//   user: [array of users]," (a template's "# Owners: [list of owners]" stays)
  if (COMMENT_LABEL.test(ctx.prefix) && LOWER_PHRASE.test(inner) && !ANNOTATION.test(inner)) return true; // "# Build: [command]"
  if (/^\s*[\w-]+:\s*$/.test(ctx.prefix)) return false; // YAML flow list: tags: [Payments API, Webhooks]
  if (/^ {2,}\S/.test(ctx.suffix)) return false; // column-aligned output: "* [new tag]      v1.8.0"
  if (CAPITALIZED.test(inner)) return inner.includes('/') || (IN_SENTENCE.test(ctx.prefix) && !CODE_KEYWORD.test(ctx.prefix));
  if (!/\s/.test(inner) || !STARTS_LETTER.test(inner)) return false;
  if (CODE_PUNCTUATION.test(inner) || /^your\b/.test(inner)) return false; // "nodemon [your node app]": addressed to the reader
  if (inner.split(/\s+/).some((w) => METASYNTACTIC.test(w))) return false; // a syntax shown with stand-in names: "`[named Foo FooA]`"
  if (LITERAL_VALUES.test(inner) && /(?:^|\s)--[\w-]+\s/.test(ctx.prefix)) return false; // values a flag takes: "--runtime  (Node runtime [node, napi or electron])"
  if (/\bfor\b.*\bin\b|\bif\b.*\belse\b|^\w+ in\b/.test(inner)) return false; // comprehensions, mapped types
  if (inner.includes(',') && inner.split(',').every((p) => !/\s/.test(p.trim()))) return false; // [read, write]
  const words = inner.split(/\s+/);
  // [self.tableView reloadData], [super viewDidLoad]; "this" later in a sentence is just a word:
  // [Describe this step], [What triggers this integration?].
  if (RECEIVER.test(words[0]) || words.some((w) => CAMEL_OR_MEMBER.test(w))) return false;
  return words.every((w) => DESCRIPTIVE_WORD.test(w)) || numberedDescription(words);
}

/** A number or a name with digits among a description's words: "1", "2-3", "Model1". */
const NUMBERED_WORD = letters`^(?:\d+(?:[-\u2013.]\d+)*%?|\p{L}+\d+)[.,]?$`;

/**
 * Words with numbers among them that still read as an instruction: "[Step 1 description]", "[Add
 * 2-3 examples of usage]", "[Define the structure of Model1 in your language]". Words of three
 * letters or more must outnumber the numbered ones, and be two at least: "[x1 y1 x2 y2]" is code.
 */
function numberedDescription(words: readonly string[]): boolean {
  let numbered = 0;
  let long = 0;
  for (const w of words) {
    if (DESCRIPTIVE_WORD.test(w)) {
      if (THREE_LETTERS.test(w)) long++;
    } else if (NUMBERED_WORD.test(w)) numbered++;
    else return false;
  }
  return numbered > 0 && long >= Math.max(2, numbered + 1);
}

/**
 * `/sources/[partner]-api-docs.md`, `integration-page-[partner-name]`: a field inside a path or
 * word. A whole path segment of a route file (`app/[provider]/route.ts`, `pages/[id].tsx`) and
 * ASP.NET's `[controller]` are code.
 */
function isPathSegment(inner: string, ctx: CodeContext): boolean {
  if (!KEBAB.test(inner) || inner.length < 4 || CHAR_CLASS.test(inner) || ROUTE_TOKENS.has(inner)) return false;
  if (FILE_NAME_TOKENS.has(inner) && fileNameTokens(ctx) > 1) return false; // a bundler's output pattern: "[dir]/[name]-[hash].js"
  const { before, after } = ctx;
  // A regular expression's character class: `/^[jfmasond]/i`, `[aeiou]+`.
  if (before === '^' || /^[+*?{]/.test(ctx.suffix)) return false;
  // A build tool's file-name token: "index.[contenthash].html", "[name].[ext]".
  if (!/[-_]/.test(inner) && (before === '.' || after === '.')) return false;
  // A route file's dynamic segment (`app/[provider]/route.ts`); a kebab name with a hyphen
  // (`/partners/[partner-slug]/status`) is a field, as routes do not name segments so.
  if (before === '/' && (after === '/' || /^\.(?:[cm]?[jt]sx?|vue|svelte|astro)\b/.test(ctx.suffix)) && !inner.includes('-')) return false;
  // The last segment of a route written out: `/blog/[slug]`, `/project:tm/[command]/[subcommand]`.
  if (ctx.where === 'code' && before === '/' && (after === '' || /^[\s"'`)]/.test(after)) && !/[-_]/.test(inner) && /\/\S*\/$/.test(ctx.prefix)) return false;
  // A version after another slot is a pattern's, like that slot: "@scope/[module]@[version]".
  if (before === '@' && ctx.prefix.endsWith(']@')) return false;
  // A code span that is only a format's tail, its name told in the prose around: `@[version]`, `:[port]`.
  if ((before === '@' || before === ':') && ctx.prefix === before && after === '') return false;
  const joinsBefore = before !== '' && '/-_.@'.includes(before);
  const joinsAfter = after !== '' && JOINS_AFTER.test(after);
  return (joinsBefore && (after === '' || joinsAfter || /[\s"'`,)\]]/.test(after))) || joinsAfter;
}

/**
 * The field dialects: what counts as an unfilled field, one row per syntax. Everything that
 * needs to know a field's syntax reads this table — the scanners (`grammar.ts`), the fast
 * path's probes (`fastpath.ts`), the `placeholder` rule's messages, template field extraction,
 * quick fixes, snippets and the TextMate injection grammar (generated from it at build time).
 *
 * Adding a dialect is one row here plus fixtures in `test/fixtures/rules/`. A row's matcher
 * (`matchers.ts`) decides one candidate from the text around it; the scanners run the rows
 * whose trigger is at hand, in table order, in the contexts the row allows.
 */
import { ANGLE_SOURCE, angleField, blockTag, braceField, bracketField, choicesOf, mustacheField, UPPER_SNAKE, type AtMatcher, type ScanWhere } from './matchers';
import { DATE_STUB_SOURCE } from './dates';
import { msg, type Message } from './messages';

/** What kind of field: free text, a choice list, a date, a named variable, or a block to keep or remove. */
export type FieldKind = 'text' | 'choice' | 'date' | 'variable' | 'block';

/** How a field reads: its name (what a fill names it by), its kind and, for a choice list, its choices. */
export interface FieldReading {
  name: string;
  kind: FieldKind;
  choices?: string[];
}

/** One dialect. */
export interface Dialect {
  /** Stable id, carried by every hit and finding (`bracket`, `mustache`, …). */
  id: string;
  /** How the README and messages call it. */
  title: string;
  /** Opening and closing delimiters ('' when the dialect has none, as a date stub). */
  open: string;
  close: string;
  /** Where it may appear; a scanner runs only the rows allowed where it is. */
  contexts: readonly ScanWhere[];
  /** Examples that are fields and that are not (README table, highlighting tests). */
  examples: { field: string[]; notField: string[] };
  /** The matcher run at the dialect's trigger (the first character of `open`). */
  match?: AtMatcher;
  /** Reads the name, kind and choices from the field's text. */
  read(text: string): FieldReading;
  /** The finding's message for a field with this reading (`shown` is the text as shown): a catalogue entry of `messages.ts`. */
  message(shown: string, reading: FieldReading): Message;
  /** What a fill writes in place of the field: the value, or for a block, its kept content. */
  fill: 'replace' | 'keep-or-remove';
  /** A snippet default for the field (VS Code snippet syntax), when better than its own text. */
  snippetDefault?(text: string): string | undefined;
  /** Highlighting before diagnostics arrive: an Oniguruma pattern and its TextMate scope. */
  highlight?: { match: string; scope: string };
  /** A regular-expression source that any text holding this dialect matches (the fast path's probe). */
  probe: string;
}

function between(text: string, open: number, close: number): string {
  return text.slice(open, text.length - close).replace(/\s+/g, ' ').trim();
}

const replaceMessage = (shown: string) => msg('placeholder', shown);

/** `[Customer name]`, `[X]`, `[A / B / C]`, `[PARTNER_API_KEY]`, `[text][ref]` with no definition. */
const bracket: Dialect = {
  id: 'bracket',
  title: 'bracketed field',
  open: '[',
  close: ']',
  contexts: ['prose', 'frontmatter', 'link-text', 'code', 'destination'],
  examples: {
    field: ['[Customer name or "Generic"]', '~[X] minutes', '[Casual / Professional / Academic]', '`[command to verify]`', '"[PARTNER_API_KEY]"', '[docs]([DOCS_URL])'],
    notField: ['[text](url)', '- [ ] task', '[^1]', '> [!Tip]', '[[Page]]', '[1]', '`arr[i]`', 'send(text, [options])', '- [BUGFIX] …', '[Node.js only]', ':::tip[Title]'],
  },
  match: bracketField,
  read(text) {
    const pair = /^\[([^\]]*)\]\[([^\]]*)\]$/.exec(text);
    if (pair) return { name: pair[1].replace(/\s+/g, ' ').trim(), kind: 'text' };
    const name = between(text, 1, 1);
    const choices = choicesOf(text.slice(1, -1).trim());
    if (choices) return { name, kind: 'choice', choices };
    return { name, kind: UPPER_SNAKE.test(name) ? 'variable' : 'text' };
  },
  message(shown, reading) {
    const pair = /^\[([^\]]*)\]\[([^\]]*)\]$/.exec(shown);
    if (pair) {
      // "[the manual][manual]" with no `[manual]: url`: a reference to define, or a field to fill.
      const label = (pair[2].trim() === '' ? pair[1] : pair[2]).replace(/\s+/g, ' ').trim();
      return msg('placeholderOrReference', shown, label);
    }
    if (reading.choices) {
      const c = reading.choices;
      return msg('placeholderChoice', shown, c.slice(0, -1).join(', '), c[c.length - 1]);
    }
    return replaceMessage(shown);
  },
  fill: 'replace',
  highlight: {
    // Not links [t](u), references [t][r], definitions, task boxes, footnotes [^1], alerts [!NOTE], citations [1].
    match: '(?<![\\\\\\]!])\\[(?!\\s*\\]|[xX]\\]|\\^|!|\\d+\\]|\\[)[^\\[\\]\\n]*[A-Za-z][^\\[\\]\\n]*\\](?![(\\[:])',
    scope: 'variable.other.placeholder.integration-docs',
  },
  probe: '\\[',
};

/** `{{#if name}}`, `{{else}}`, `{{/if}}`, `{{~#unless name~}}`: a block to keep or remove. */
const block: Dialect = {
  id: 'block',
  title: 'Handlebars block',
  open: '{{#',
  close: '}}',
  contexts: ['prose'],
  examples: { field: ['{{#if accounting}}', '{{~#if x~}}', '{{#unless legacy}}', '{{else}}', '{{/if}}'], notField: ['{{#each items}}', '{{#with user}}', '{{> partial}}', '{{! comment}}', 'the {{#if}} helper'] },
  match: blockTag,
  read(text) {
    const t = between(text, 2, 2).replace(/^~|~$/g, '').trim();
    return { name: t.replace(/^[#/]\s*\w+\s*/, '').replace(/^else\s*/, ''), kind: 'block' };
  },
  message: (shown, reading) => msg('blockUnresolved', reading.name || shown),
  fill: 'keep-or-remove',
  highlight: {
    match: '(?<!\\$)\\{\\{~?\\s*(?:[#/]\\s*(?:if|unless)\\b[^{}\\n]*|else(?:\\s+if\\b[^{}\\n]*)?)\\s*~?\\}\\}',
    scope: 'keyword.control.conditional.template.integration-docs',
  },
  probe: '\\{\\{',
};

/** `{{PLAN_LEVEL}}`, `{{ customer_name }}` in prose; `{{API_KEY}}` in code. */
const mustache: Dialect = {
  id: 'mustache',
  title: 'Mustache field',
  open: '{{',
  close: '}}',
  contexts: ['prose', 'frontmatter', 'link-text', 'code', 'destination'],
  examples: { field: ['{{PLAN_LEVEL_IF_REQUIRED}}', '{{ customer_name }}', '`{{API_KEY}}`'], notField: ['${{ secrets.TOKEN }}', '{{ .Values.image }}', '`{{ item.name }}`', '{{> partial}}'] },
  match: mustacheField,
  read: (text) => ({ name: between(text, 2, 2), kind: 'variable' }),
  message: replaceMessage,
  fill: 'replace',
  highlight: { match: '(?<!\\$)\\{\\{\\s*[A-Za-z_][A-Za-z0-9_ -]*\\s*\\}\\}', scope: 'variable.other.placeholder.integration-docs' },
  probe: '\\{\\{',
};

/**
 * `{Name of the product}`, `{Role, optional}`, `{TITLE}`, a multi-line `{Tip: …}` paragraph: prose,
 * table cells and frontmatter values (`id: SPEC-{slug}`); never code.
 */
const brace: Dialect = {
  id: 'brace',
  title: 'descriptive text in braces',
  open: '{',
  close: '}',
  contexts: ['prose', 'frontmatter', 'link-text'],
  examples: { field: ['{Name of the product}', '{link to the runbook}', '{Role, optional}', '{Tip: …}'], notField: ['{#anchor}', '{.class}', '{props.name}', '${x}', '`{ "a": 1 }`', '{a, b}'] },
  match: braceField,
  read: (text) => ({ name: between(text, 1, 1), kind: 'text' }),
  message: replaceMessage,
  fill: 'replace',
  highlight: {
    match: '(?<![\\w\\])}{$\\\\%#`\'"=/:])\\{(?!\\{)\\s*\\p{L}[^{}\\n]*\\s[^{}\\n]*\\}(?!\\})',
    scope: 'variable.other.placeholder.integration-docs',
  },
  probe: '\\{(?!\\{)',
};

/** `<name of the partner team>`: words in angle brackets that are no HTML, in prose only. */
const angle: Dialect = {
  id: 'angle',
  title: 'descriptive words in angle brackets',
  open: '<',
  close: '>',
  contexts: ['prose'],
  examples: { field: ['<name of the partner team>'], notField: ['<YOUR_API_KEY>', '<https://example.com>', '<details open>', '<br>'] },
  match: angleField,
  read: (text) => ({ name: between(text, 1, 1), kind: 'text' }),
  message: replaceMessage,
  fill: 'replace',
  highlight: { match: ANGLE_SOURCE, scope: 'variable.other.placeholder.integration-docs' },
  probe: ANGLE_SOURCE,
};

const SNIPPET_DATE: Record<string, string> = {
  'YYYY-MM-DD': '$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE',
  'YYYY-MM': '$CURRENT_YEAR-$CURRENT_MONTH',
  'MM/DD/YYYY': '$CURRENT_MONTH/$CURRENT_DATE/$CURRENT_YEAR',
  'DD/MM/YYYY': '$CURRENT_DATE/$CURRENT_MONTH/$CURRENT_YEAR',
};

/** `YYYY-MM-DD`, `MM/DD/YYYY`, `DD/MM/YYYY`, `YYYY-MM` used as a value (a scanner of its own: `dates.ts`). */
const date: Dialect = {
  id: 'date',
  title: 'date stub',
  open: '',
  close: '',
  contexts: ['prose', 'frontmatter', 'code'],
  examples: { field: ['created: YYYY-MM-DD', '**Last updated:** YYYY-MM-DD', 'Due: MM/DD/YYYY'], notField: ['dates use the YYYY-MM-DD format', "format('YYYY-MM-DD')"] },
  read: (text) => ({ name: text, kind: 'date' }),
  message: (shown) => msg('placeholderDate', shown),
  fill: 'replace',
  snippetDefault: (text) => SNIPPET_DATE[text],
  highlight: { match: DATE_STUB_SOURCE.replace('|YYYY-MM)', ')'), scope: 'variable.other.placeholder.date.integration-docs' },
  probe: 'YYYY|MM\\/DD|DD\\/MM',
};

/** The built-in dialects, in the order the scanners try them at a shared trigger. */
export const DIALECTS: readonly Dialect[] = [bracket, block, mustache, brace, angle, date];

/**
 * A user pattern from the configuration (`placeholderPatterns`, e.g. `\bTBD\b`, `<<\w+>>`) as
 * a row: it supplies its own matcher (a global regular expression, run over prose and
 * frontmatter values) and reads as a text field named by its whole match.
 */
export function patternDialect(source: string): Dialect {
  return {
    id: 'pattern',
    title: `configured pattern ${source}`,
    open: '',
    close: '',
    contexts: ['prose', 'frontmatter'],
    examples: { field: [], notField: [] },
    read: (text) => ({ name: text, kind: 'text' }),
    message: (shown) => msg('placeholderPattern', shown),
    fill: 'replace',
    probe: source,
  };
}

const BY_ID = new Map(DIALECTS.map((d) => [d.id, d]));
const PATTERN = patternDialect('');

/** The row of a dialect id (`pattern` for a configured pattern); the bracket row for an unknown id. */
export function dialectOf(id: string): Dialect {
  return BY_ID.get(id) ?? (id === 'pattern' ? PATTERN : bracket);
}

/** Rows that have a matcher, by trigger character, for one scan context. */
export function matchersFor(where: ScanWhere): Map<string, Dialect[]> {
  const map = new Map<string, Dialect[]>();
  for (const d of DIALECTS) {
    if (!d.match || !d.contexts.includes(where)) continue;
    const key = d.open[0];
    map.set(key, [...(map.get(key) ?? []), d]);
  }
  return map;
}

/** Whether the date row applies in a context. */
export function datesIn(where: ScanWhere): boolean {
  return date.contexts.includes(where);
}

/**
 * A template's field schema, read without node ranges.
 *
 * The schema (`fields:`, a list of `{ name, label, help }` entries, `templates/schema.ts`) is most
 * of the frontmatter of a document made from a template — 4-5 KB of flow mappings in each of the
 * shipped ones — and reading it with `yaml`, which keeps every node's range, style and comments,
 * was a fifth of linting a folder of such documents. The linter wants no range inside it (its
 * values describe fields, they are none), only its value and whether it is YAML. So `js-yaml`'s
 * event parser, several times faster and leaner, reads the schema's value, and `yaml` reads the
 * rest of the frontmatter with the schema's lines cut (its offsets moved back). Anything out of
 * the ordinary (an anchor or alias crossing the schema's edge, a tab, more than one document, a
 * key that is not plain) gives `undefined`: the caller then reads the whole source with `yaml`.
 */
import type { Event, ScalarEvent } from 'js-yaml';
import { lineBounds } from './edits';
import { eventsValue, yamlEventCodes, yamlEvents } from './yaml';
import { letters } from './letters';

/** A plain key that reads as a name: it starts with a letter. */
const STARTS_LETTER = letters`^\p{L}`;

/** The top-level key of a template's field schema. */
export const FIELD_SCHEMA_KEY = 'fields';

/** A frontmatter smaller than this is read whole by `yaml`: two parsers would cost more than they save. */
const MIN_SKIM_LENGTH = 1024;
const SCHEMA_LINE = new RegExp(`^${FIELD_SCHEMA_KEY}:[ \\t]*\\r?$`, 'm');

export interface SkimmedSchema {
  /** The schema's value as `js-yaml` reads it (the core schema). */
  value: unknown[];
  /**
   * The rest of the source: the source without the schema's lines, `[at, at + removed)`. Read
   * on its own, the rest gives what the source with those lines blank gives (blank lines between
   * `fields:` and the next top-level key change no value), and the offsets of what lies after
   * them less `removed`. The schema's lines were once blanked in place instead, which kept the
   * offsets, but `yaml`'s lexer reads blank lines a token at a time: the rest of the 1 MB bench
   * corpus's frontmatters took 220 µs each to read with them, 120 µs without.
   */
  rest: { text: string; at: number; removed: number };
}

/**
 * Schemas read before, by their text (`schemaLines`): the documents made from one template share
 * theirs, which was a third of reading their frontmatter. Kept only for a text whose events read
 * gave the same span the line scan gives; the newest `KNOWN_SCHEMAS`.
 */
const knownSchemas = new Map<string, unknown[]>();
const KNOWN_SCHEMAS = 16;

/** The schema of a frontmatter's YAML `source` read on its own, or undefined (read it whole). */
export function skimFieldSchema(source: string): SkimmedSchema | undefined {
  if (source.length < MIN_SKIM_LENGTH || !SCHEMA_LINE.test(source) || source.includes('\t')) return undefined;
  const lines = schemaLines(source);
  const known = lines && knownSchemas.get(lines.key);
  if (lines && known) return withRest(known, source, lines);
  const read = readSchema(source);
  if (read && lines && read.at.start === lines.start && read.at.end === lines.end) {
    if (knownSchemas.size >= KNOWN_SCHEMAS) knownSchemas.delete(knownSchemas.keys().next().value as string);
    knownSchemas.set(lines.key, read.value);
  }
  return read ? withRest(read.value, source, read.at) : undefined;
}

/**
 * The skim of a schema whose value spans `[start, end)`: its lines are cut from the line of
 * `start` to `end` (a line start or the source's end). Undefined when `start`'s line holds more
 * than indentation before it: the cut must take whole lines.
 */
function withRest(value: unknown[], source: string, at: { start: number; end: number }): SkimmedSchema | undefined {
  const from = lineBounds(source, at.start).start;
  if (from === 0 || !/^ *$/.test(source.slice(from, at.start)) || (at.end < source.length && source[at.end - 1] !== '\n')) return undefined;
  return { value, rest: { text: source.slice(0, from) + source.slice(at.end), at: from, removed: at.end - from } };
}

/**
 * The schema's span as lines tell it, without parsing: from the first character of the first
 * line after `fields:` that is neither blank nor a comment, to the next line that starts a key
 * at the margin (or the end); `key` is its text from the start of that first line, without the
 * blank and comment lines that close it. Undefined when a directive (`%TAG`) could change how
 * its text reads, or the span is empty. Only a span the events read agrees with is ever remembered (`skimFieldSchema`), and the
 * caller's `yaml` read of the rest checks the rest as it does after an events read.
 */
function schemaLines(source: string): { start: number; end: number; key: string } | undefined {
  if (/^%/m.test(source)) return undefined;
  const line = SCHEMA_LINE.exec(source);
  if (!line) return undefined;
  let start = -1;
  let firstLine = -1;
  let lastContent = -1;
  let at = line.index + line[0].length + 1;
  while (at < source.length) {
    const next = source.indexOf('\n', at);
    const end = next === -1 ? source.length : next;
    const text = source.slice(at, end);
    const trimmed = text.trim();
    if (trimmed !== '' && trimmed[0] !== '#') {
      if (text[0] !== ' ') break;
      if (start === -1) {
        firstLine = at;
        start = at + text.length - text.trimStart().length;
      }
      lastContent = end;
    }
    at = end + 1;
  }
  if (start === -1) return undefined;
  const end = Math.min(at, source.length);
  return { start, end, key: source.slice(firstLine, lastContent) };
}

/** The schema's value and span from `js-yaml`'s events, or undefined (read it whole). */
function readSchema(source: string): { value: unknown[]; at: { start: number; end: number } } | undefined {
  let events: Event[];
  try {
    events = yamlEvents(source);
  } catch {
    return undefined;
  }
  const at = schemaEvents(events, source);
  if (!at || !namedKeys(events, at.first, at.after, source)) return undefined;
  let value: unknown;
  try {
    // The schema's events alone, as a document of their own: an alias to an anchor outside it throws.
    value = eventsValue([events[0], ...events.slice(at.first, at.after), { type: yamlEventCodes().EVENT_ID.POP }], source);
  } catch {
    return undefined;
  }
  if (!Array.isArray(value)) return undefined;
  return { value, at };
}

/**
 * Where the schema's value is: its events `[first, after)` and its text `[start, end)`, from its
 * first character to the line of the next top-level key (or the end). Undefined unless the
 * source is one document whose root is a block mapping with a plain `fields` key holding a list.
 */
function schemaEvents(events: Event[], source: string): { first: number; after: number; start: number; end: number } | undefined {
  const { EVENT_ID, COLLECTION_STYLE, SCALAR_STYLE } = yamlEventCodes();
  const root = events[1];
  if (events[0]?.type !== EVENT_ID.DOCUMENT || root?.type !== EVENT_ID.MAPPING || root.style !== COLLECTION_STYLE.BLOCK) return undefined;
  let i = 2;
  while (i < events.length && events[i].type !== EVENT_ID.POP) {
    const key = events[i];
    const valueAt = nodeEnd(events, i);
    const after = nodeEnd(events, valueAt);
    const value = events[valueAt];
    if (key.type === EVENT_ID.SCALAR && key.style === SCALAR_STYLE.PLAIN && bare(key) && source.slice(key.valueStart, key.valueEnd) === FIELD_SCHEMA_KEY) {
      if (value?.type !== EVENT_ID.SEQUENCE || value.anchorStart !== -1 || value.tagStart !== -1) return undefined;
      // The root's end, then the document's: nothing may follow (a second document).
      if (events[after].type === EVENT_ID.POP && after + 2 !== events.length) return undefined;
      const end = events[after].type === EVENT_ID.POP ? source.length : lineBounds(source, startOf(events[after])).start;
      return end > value.start ? { first: valueAt, after, start: value.start, end } : undefined;
    }
    i = after;
  }
  return undefined;
}

/**
 * Whether every key of the mappings in events `[first, after)` is a name: quoted, or plain and
 * starting with a letter but no null or boolean (`yaml` and `js-yaml` turn an empty, null,
 * number or collection key into different strings).
 */
function namedKeys(events: Event[], first: number, after: number, source: string): boolean {
  const { EVENT_ID, SCALAR_STYLE } = yamlEventCodes();
  // For each open collection: a mapping's count of nodes read so far (even: a key comes next), or -1.
  const open: number[] = [];
  for (let i = first; i < after; i++) {
    const e = events[i];
    const top = open.length - 1;
    const isKey = top >= 0 && open[top] >= 0 && open[top] % 2 === 0;
    if (e.type === EVENT_ID.POP) {
      open.pop();
      if (open.length > 0 && open[open.length - 1] >= 0) open[open.length - 1]++;
      continue;
    }
    if (isKey) {
      if (e.type !== EVENT_ID.SCALAR) return false;
      const name = source.slice(e.valueStart, e.valueEnd);
      if (e.style === SCALAR_STYLE.PLAIN && (!STARTS_LETTER.test(name) || /^(?:null|true|false)$/i.test(name))) return false;
    }
    if (e.type === EVENT_ID.SEQUENCE) open.push(-1);
    else if (e.type === EVENT_ID.MAPPING) open.push(0);
    else if (top >= 0 && open[top] >= 0) open[top]++;
  }
  return true;
}

/** A scalar with no anchor and no tag. */
function bare(e: ScalarEvent): boolean {
  return e.anchorStart === -1 && e.tagStart === -1;
}

/** The index of the event after the node that starts at `i` (a scalar, an alias, or a collection to its POP). */
function nodeEnd(events: Event[], i: number): number {
  const { EVENT_ID } = yamlEventCodes();
  const type = events[i]?.type;
  if (type !== EVENT_ID.SEQUENCE && type !== EVENT_ID.MAPPING) return i + 1;
  let depth = 0;
  for (let k = i; k < events.length; k++) {
    const t = events[k].type;
    if (t === EVENT_ID.SEQUENCE || t === EVENT_ID.MAPPING) depth++;
    else if (t === EVENT_ID.POP && --depth === 0) return k + 1;
  }
  return events.length;
}

/** The first offset of a node's text (its anchor or tag included). */
function startOf(e: Event): number {
  const marks: number[] = 'valueStart' in e ? [e.valueStart, e.anchorStart, e.tagStart] : 'start' in e ? [e.start, e.anchorStart, e.tagStart] : 'anchorStart' in e ? [e.anchorStart] : [];
  const set = marks.filter((m) => m >= 0);
  return set.length > 0 ? Math.min(...set) : 0;
}

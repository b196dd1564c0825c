/**
 * Bounds on what the engine hands to the libraries it builds on, so that no document (and no
 * configuration) can make one lint take unbounded time, exhaust the stack or kill the process.
 * The YAML and Markdown parsers recurse on nesting; the limits here stop input before it
 * reaches them, and the caller reads such input in a degraded way and says so once.
 */

/**
 * Deepest YAML nesting the frontmatter parser is given. `yaml` recurses once per level (and
 * `toJS` stringifies complex keys level by level): `sources: [[[[…` 1,000 deep exhausts the
 * stack, 5,000 deep kills Node 20, and `? ? ? …` 200 deep takes seconds. Real frontmatter
 * nests a handful of levels.
 */
export const MAX_YAML_DEPTH = 32;

/** A block scalar header at the end of a line: `key: |`, `- >-`, `text: |2+ # comment`. */
const BLOCK_SCALAR = /(?:^[ \t]*|[:?-][ \t]+)[|>][-+0-9]*[ \t]*(?:#.*)?\r?$/;

interface YamlScan {
  indents: number[];
  flow: number;
  quote: string;
  /** Lines indented deeper than this belong to a block scalar (`|`, `>`); -1 outside one. */
  scalarIndent: number;
}

/**
 * Where YAML source first nests deeper than `max` levels, or -1. An upper bound read line by
 * line: block levels by indentation, plus each flow opener and each compact `- `, `? `, `: `
 * on the line; quoted scalars and block scalars are skipped as `yaml` skips them.
 */
export function yamlTooDeep(source: string, max = MAX_YAML_DEPTH): number {
  const scan: YamlScan = { indents: [], flow: 0, quote: '', scalarIndent: -1 };
  for (let lineStart = 0; lineStart <= source.length; ) {
    let nl = source.indexOf('\n', lineStart);
    if (nl === -1) nl = source.length;
    const at = yamlLine(source, lineStart, nl, scan, max);
    if (at !== -1) return at;
    lineStart = nl + 1;
  }
  return -1;
}

function yamlLine(source: string, lineStart: number, nl: number, scan: YamlScan, max: number): number {
  let i = lineStart;
  while (i < nl && source[i] === ' ') i++;
  const blank = i >= nl || source[i] === '#' || source[i] === '\r';
  if (scan.scalarIndent >= 0 && (blank || i - lineStart > scan.scalarIndent)) return -1;
  scan.scalarIndent = -1;
  if (!scan.quote && scan.flow === 0 && !blank) {
    while (scan.indents.length && scan.indents[scan.indents.length - 1] >= i - lineStart) scan.indents.pop();
    scan.indents.push(i - lineStart);
  }
  let depth = scan.indents.length + scan.flow;
  let valueStart = true;
  for (; i < nl; i++) {
    const c = source[i];
    if (scan.quote) {
      if (c === '\\' && scan.quote === '"') i++;
      else if (c === scan.quote) scan.quote = '';
      continue;
    }
    const spaced = i + 1 >= nl || source[i + 1] === ' ' || source[i + 1] === '\t' || source[i + 1] === '\r';
    if (c === '#' && (i === lineStart || source[i - 1] === ' ' || source[i - 1] === '\t')) break;
    if ((c === '"' || c === "'") && valueStart) scan.quote = c;
    else if (c === '[' || c === '{') depth = Math.max(depth, scan.indents.length + ++scan.flow);
    else if ((c === ']' || c === '}') && scan.flow > 0) scan.flow--;
    else if ((c === '-' || c === '?' || c === ':') && spaced) depth++;
    if (depth > max) return i;
    if (c !== ' ' && c !== '\t') valueStart = c === '[' || c === '{' || c === ',' || ((c === '-' || c === '?' || c === ':') && spaced);
  }
  if (!scan.quote && scan.flow === 0 && BLOCK_SCALAR.test(source.slice(lineStart, nl))) scan.scalarIndent = scan.indents[scan.indents.length - 1] ?? 0;
  return -1;
}

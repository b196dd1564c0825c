/**
 * `ignore` globs of `.integration-docs.json`, which come from the workspace and may be hostile:
 * a backtracking glob matcher takes exponential time on `*a*a*a*a*a*a*a*a*b.md` against a long
 * file name (8 stars: minutes), and the extension matches globs for every document it opens.
 * Globs are therefore translated to RE2 syntax and run by RE2JS, a linear-time engine: every
 * match costs time proportional to the path, whatever the glob. One place for the CLI and the
 * extension.
 *
 * Syntax (paths are `/`-separated and relative to the configuration file's folder):
 * - `*` any characters but `/` (a segment that is only `*` needs at least one), `?` one of them;
 * - `**` as a whole path segment: any number of folders, none included (`docs/**` is `docs` and
 *   everything below it; `a/**` then `/b` is `a/b`, `a/x/b`, `a/x/y/b`; a leading `**` segment
 *   matches at any depth);
 * - `[abc]`, `[a-z]`, `[!abc]` (or `[^abc]`): one character of (not of) a class;
 * - `{a,b}`: either alternative (alternatives may hold globs and nest);
 * - `\` makes the next character literal; a leading `./` is dropped.
 * Negation (`!drafts/**`) and extended globs (`@(a|b)`, `!(x)`) are refused with a message.
 */
import { re2 } from './re2';
import { english, msg, type Message } from './messages';

/** Longest glob accepted (a glob names a few folders, it is not a program). */
export const MAX_GLOB_LENGTH = 500;
/** Deepest `{…}` nesting accepted. */
const MAX_BRACE_DEPTH = 8;

/** A glob this module refuses, with the catalogue message saying why. */
class GlobError extends Error {
  constructor(readonly problem: Message) {
    super(english(problem));
  }
}

/** RE2 source for the characters of `s`, all literal. */
function literal(s: string): string {
  return s.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
}

/** Index of the `]` closing the class opened at `open`, or -1 (then `[` is a literal). */
function classEnd(glob: string, open: number): number {
  let i = open + 1;
  if (glob[i] === '!' || glob[i] === '^') i++;
  if (glob[i] === ']') i++;
  for (; i < glob.length; i++) {
    if (glob[i] === '\\') i++;
    else if (glob[i] === ']') return i;
    else if (glob[i] === '/') return -1;
  }
  return -1;
}

/** A character inside an RE2 class: itself when alphanumeric, else by code point (never special). */
function classChar(c: string): string {
  return /^[\p{L}\p{N}]$/u.test(c) ? c : `\\x{${c.codePointAt(0)?.toString(16)}}`;
}

/** RE2 class for the glob class body between `[` and `]`; a negated class never matches `/`. */
function classSource(body: string): string {
  let out = '';
  let i = 0;
  if (body[0] === '!' || body[0] === '^') {
    out += '^\\x{2f}';
    i = 1;
  }
  const chars = [...body.slice(i)];
  for (let k = 0; k < chars.length; k++) {
    const c = chars[k];
    if (c === '\\' && k + 1 < chars.length) out += classChar(chars[++k]);
    else if (c === '-' && k > 0 && k < chars.length - 1) out += '-';
    else out += classChar(c);
  }
  return `[${out}]`;
}

/** Index of the `}` closing the brace opened at `open` and its top-level commas, or undefined. */
function braceParts(glob: string, open: number): { end: number; commas: number[] } | undefined {
  const commas: number[] = [];
  let depth = 0;
  for (let i = open; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\') i++;
    else if (c === '{') {
      if (++depth > MAX_BRACE_DEPTH) throw new GlobError(msg('globBraceDepth', MAX_BRACE_DEPTH));
    } else if (c === '}' && --depth === 0) return { end: i, commas };
    else if (c === ',' && depth === 1) commas.push(i);
  }
  return undefined;
}

/** Whether the stars at `[at, at + run)` are a whole path segment of `glob`. */
function wholeSegment(glob: string, at: number, run: number): boolean {
  return (at === 0 || glob[at - 1] === '/') && (at + run === glob.length || glob[at + run] === '/');
}

/** RE2 source matching what `glob[from, to)` matches. */
function translate(glob: string, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) {
    const c = glob[i];
    if (c === '\\') {
      out += i + 1 < to ? literal(glob[++i]) : '\\\\';
    } else if (c === '*') {
      let run = 1;
      while (i + run < to && glob[i + run] === '*') run++;
      const segment = wholeSegment(glob, i, run);
      if (run >= 2 && segment) {
        if (i + run === glob.length) out = i === 0 ? '.*' : `${out.replace(/\/$/, '')}(?:/.*)?`;
        else {
          out += '(?:[^/]*/)*';
          run++; // the `/` after `**`
        }
      } else out += segment ? '[^/]+' : '[^/]*';
      i += run - 1;
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[' && classEnd(glob, i) !== -1) {
      const end = classEnd(glob, i);
      out += classSource(glob.slice(i + 1, end));
      i = end;
    } else if (c === '{' && braceParts(glob, i)?.commas.length) {
      const { end, commas } = braceParts(glob, i) as { end: number; commas: number[] };
      const bounds = [i, ...commas, end];
      out += `(?:${bounds.slice(1).map((b, k) => translate(glob, bounds[k] + 1, b)).join('|')})`;
      i = end;
    } else {
      out += literal(c);
    }
  }
  return out;
}

/** RE2 source matching the paths `glob` matches (anchored by the caller). Throws GlobError. */
function globSource(glob: string): string {
  if (glob.length > MAX_GLOB_LENGTH) throw new GlobError(msg('globTooLong', MAX_GLOB_LENGTH));
  if (glob.startsWith('!')) throw new GlobError(msg('globNegated'));
  if (/(?:^|[^\\])[@!+*?]\(/.test(glob)) throw new GlobError(msg('globExtended'));
  const body = glob.replace(/^(?:\.\/)+/, '');
  // A glob ending in a star also matches a folder written with its trailing `/` (`drafts*`).
  const trailingStar = /(?:^|[^\\*])\*$/.test(body);
  return translate(body, 0, body.length) + (trailingStar ? '/?' : '');
}

/** Why `glob` cannot be an `ignore` glob, or undefined when it can. */
export function globProblem(glob: string): Message | undefined {
  try {
    re2().compile(`^(?:${globSource(glob)})$`);
    return undefined;
  } catch (e) {
    if (e instanceof GlobError) return e.problem;
    return msg('globInvalid', (e as Error).message.replace(/^error parsing regexp: /, ''));
  }
}

const compiled = new WeakMap<readonly string[], (path: string) => boolean>();

/**
 * A matcher for a list of globs (a path matches when any glob does), in linear time. Globs with
 * a problem are reported where the configuration is read and skipped here. Cached per list.
 */
export function globMatcher(globs: readonly string[]): (path: string) => boolean {
  let match = compiled.get(globs);
  if (match) return match;
  const sources: string[] = [];
  for (const glob of globs) {
    if (globProblem(glob) === undefined) sources.push(globSource(glob));
  }
  if (sources.length === 0) match = () => false;
  else {
    const re = re2().compile(`^(?:${sources.join('|')})$`, re2().DOTALL);
    match = (path) => re.matches(path);
  }
  compiled.set(globs, match);
  return match;
}

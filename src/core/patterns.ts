/**
 * User placeholder patterns (`placeholderPatterns` of `.integration-docs.json` and settings),
 * which come from the workspace and may be hostile: JavaScript's backtracking engine takes
 * exponential time on `(a+)+$` against 40 `a`s and a `!`, and quadratic time on `\w+TBD`
 * against a long word — the extension host would freeze. User patterns are therefore compiled
 * and run by RE2JS, a linear-time engine (automata, no backtracking): every match costs time
 * proportional to the text, whatever the pattern.
 *
 * RE2 syntax is JavaScript's minus what needs backtracking: no lookaround (`(?=`, `(?<!`), no
 * backreferences (`\1`); `\uXXXX` is written `\x{XXXX}`. Such patterns are rejected with a
 * message when the configuration is read. Patterns are matched case-sensitively, as before.
 */
import type { RE2JS } from 're2js';
import { re2 } from './re2';
import { msg, type Message } from './messages';

/** Longest pattern accepted (a pattern is a short phrase like `\bTBD\b`, not a program). */
export const MAX_PATTERN_LENGTH = 500;

/**
 * A user pattern with the part of the `RegExp` interface the scanners use (`exec` from
 * `lastIndex`, `test`, `source`), matched by RE2JS in linear time. Always global.
 */
export class LinearPattern extends RegExp {
  private readonly re2: RE2JS;
  private readonly userSource: string;

  constructor(source: string) {
    // The RegExp base is never run: it only gives `lastIndex` and the RegExp type.
    super('(?:)', 'g');
    this.userSource = source;
    this.re2 = re2().compile(source);
  }

  override get source(): string {
    return this.userSource;
  }

  override exec(text: string): RegExpExecArray | null {
    const from = this.lastIndex;
    if (from > text.length) {
      this.lastIndex = 0;
      return null;
    }
    const m = this.re2.matcher(text);
    if (!m.find(from)) {
      this.lastIndex = 0;
      return null;
    }
    const result = Object.assign([m.group() ?? ''], { index: m.start(), input: text }) as unknown as RegExpExecArray;
    this.lastIndex = m.end();
    return result;
  }

  override test(text: string): boolean {
    return this.exec(text) !== null;
  }
}

/** Why `source` cannot be a placeholder pattern, or undefined when it can. */
export function patternProblem(source: string): Message | undefined {
  if (source.length > MAX_PATTERN_LENGTH) return msg('patternTooLong', MAX_PATTERN_LENGTH);
  let re: LinearPattern;
  try {
    re = new LinearPattern(source);
  } catch (e) {
    const detail = (e as Error).message.replace(/^error parsing regexp: /, '');
    return msg(/Perl syntax|escape/.test(detail) ? 'patternInvalidLinear' : 'patternInvalid', detail);
  }
  if (re.test('')) return msg('patternMatchesEmpty', JSON.stringify(source));
  return undefined;
}

/** Compiles user patterns; ones with a problem are reported where the configuration is read, skipped here. */
export function compilePatterns(sources: readonly string[] | undefined): RegExp[] {
  const out: RegExp[] = [];
  for (const source of sources ?? []) {
    if (source.length > MAX_PATTERN_LENGTH) continue;
    try {
      out.push(new LinearPattern(source));
    } catch {
      // validated (with a message naming the file and key) where the configuration is read
    }
  }
  return out;
}

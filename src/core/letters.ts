/**
 * Patterns with Unicode letter and number classes (`\p{L}`, `\p{Ll}`, `\p{Lu}`, `\p{N}`), run as
 * their ASCII twin where that gives the same answer.
 *
 * Such a class is costly twice over: V8 compiles it into a large range table (a tenth of a
 * millisecond and more per pattern, and the linter has about ninety), and matching a character
 * against it costs more than against `[a-z]`. Yet most text a linter reads holds no letter or
 * number outside ASCII. The twin is the same pattern with each class cut down to its ASCII part
 * (`\p{L}` → `A-Za-z`, `\p{Ll}` → `a-z`, `\p{Lu}` → `A-Z`, `\p{N}` → `0-9`), same flags.
 *
 * Why the twin is exact on such text: a pattern reads only the characters of its input, and a
 * class matches an ASCII character exactly when its ASCII part does. A character outside ASCII
 * that is no letter or number (a curly quote, a dash, an emoji) is in none of these classes, nor
 * in their twins. Case-insensitive matching changes nothing: the only characters outside ASCII
 * that fold into it (KELVIN SIGN, LONG S) are letters, so text holding one runs the full pattern.
 * So `for(text)` hands out the twin unless `text` holds a letter or number outside ASCII.
 */

/** Each class this module knows, as the ranges of its ASCII part (for use inside `[...]`). */
const ASCII_PART: Readonly<Record<string, string>> = { L: 'A-Za-z', Ll: 'a-z', Lu: 'A-Z', N: '0-9' };

const NON_ASCII = /[^\x00-\x7f]/;
/** A letter or number outside ASCII: made for the first text with a character outside ASCII (see `lettersFrom`). */
let wideLetterOrNumber: RegExp | undefined;

/** Whether `text` holds a letter or number outside ASCII: where a twin could read differently. */
function hasWideLetterOrNumber(text: string): boolean {
  wideLetterOrNumber ??= /(?![\x00-\x7f])[\p{L}\p{N}]/u;
  return wideLetterOrNumber.test(text);
}

/** The text last asked about, and the answer: a matcher tries several patterns on one string in a row. */
let lastText = '';
let lastAnswer = true;

/** Whether `text` holds no letter or number outside ASCII (the twins are exact on it). */
export function asciiLettersOnly(text: string): boolean {
  if (text.length <= 16) {
    // A character or a word: a loop costs less than a call into the pattern engine.
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return !hasWideLetterOrNumber(text);
    return true;
  }
  if (text !== lastText) {
    lastText = text;
    lastAnswer = !NON_ASCII.test(text) || !hasWideLetterOrNumber(text);
  }
  return lastAnswer;
}

/**
 * The twin's source: `source` with every `\p{…}` of `ASCII_PART` cut down to its ASCII part, or
 * undefined when it holds a class this module does not know (`\P{…}`, `\p{Script=…}`): such a
 * pattern always runs in full.
 */
export function asciiTwinSource(source: string): string | undefined {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const next = source[i + 1];
      if (next === 'p' || next === 'P') {
        const m = /^\{(\w+)\}/.exec(source.slice(i + 2));
        const part = next === 'p' && m && Object.hasOwn(ASCII_PART, m[1]) ? ASCII_PART[m[1]] : undefined;
        if (part === undefined) return undefined;
        out += inClass ? part : `[${part}]`;
        i += 1 + m![0].length;
        continue;
      }
      out += c + (next ?? '');
      i++;
      continue;
    }
    // With the `u` flag a `[` inside a class is a plain character: classes do not nest.
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass) inClass = false;
    out += c;
  }
  return out;
}

/** A pattern with letter and number classes; `for(text)` gives the one to run on `text`. */
export class LetterPattern {
  private fullPattern: RegExp | undefined;
  private twinPattern: RegExp | null | undefined;

  /** The pattern is built on first use: see `letters`. */
  constructor(
    readonly source: string,
    readonly flags: string,
  ) {}

  /** The pattern itself, with its Unicode classes. */
  get full(): RegExp {
    this.fullPattern ??= new RegExp(this.source, this.flags);
    return this.fullPattern;
  }

  /** The ASCII twin, or null when the pattern has none. */
  get twin(): RegExp | null {
    if (this.twinPattern === undefined) {
      const source = asciiTwinSource(this.source);
      this.twinPattern = source === undefined ? null : new RegExp(source, this.flags);
    }
    return this.twinPattern;
  }

  /** The pattern to run on `text`: the twin where it is exact, else the full one. */
  for(text: string): RegExp {
    // A built twin straight from its field: this runs for every test, and a getter is a call.
    const twin = this.twinPattern;
    if (twin === null) return this.full;
    return (asciiLettersOnly(text) && (twin ?? this.twin)) || this.full;
  }

  test(text: string): boolean {
    return this.for(text).test(text);
  }

  exec(text: string): RegExpExecArray | null {
    return this.for(text).exec(text);
  }
}

/** Every pattern made by `letters`, for the test that checks each twin against its full pattern. */
export const LETTER_PATTERNS: LetterPattern[] = [];

/**
 * A pattern with letter or number classes (source and flags, `u` among them), run on its ASCII
 * twin where that is exact (see above). Neither is built before its first use: V8 builds the
 * range tables of a Unicode class when it makes the RegExp object, a tenth of a millisecond and
 * more per pattern, which the linter's seventy such patterns paid at every start (5 ms of the
 * CLI's and the extension's load), though most runs read ASCII text and never need one.
 */
export function lettersFrom(source: string, flags = 'u'): LetterPattern {
  const p = new LetterPattern(source, flags);
  LETTER_PATTERNS.push(p);
  return p;
}

/**
 * `lettersFrom` as a template tag: ``letters`^\p{Lu}\p{Ll}+$` `` is the pattern `/^\p{Lu}\p{Ll}+$/u`.
 * The raw text is the pattern's source, as between the slashes of a literal (a backtick is
 * written `\x60`); what `${…}` holds is put in as it is.
 */
export function letters(strings: TemplateStringsArray, ...parts: unknown[]): LetterPattern {
  return lettersFrom(String.raw(strings, ...parts));
}

/** `letters` with the `i` flag: ``caselessLetters`^list of \p{L}+$` `` is `/^list of \p{L}+$/iu`. */
export function caselessLetters(strings: TemplateStringsArray, ...parts: unknown[]): LetterPattern {
  return lettersFrom(String.raw(strings, ...parts), 'iu');
}

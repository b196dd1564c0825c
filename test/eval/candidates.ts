/**
 * A deliberately loose scan for anything in prose that might be a field, independent of the
 * engine, so that labelling finished docs does not only look where the engine looked.
 */

/** A span worth a human look. */
export interface Candidate {
  start: number;
  end: number;
  line: number;
  text: string;
  context: string;
}

const PATTERNS: RegExp[] = [
  /\{\{[^{}\n]{1,80}\}\}/g,
  /(?<![{$\\])\{(?!\{)[^{}\n]{2,160}\}(?!\})/g,
  /(?<![!\]\\[])\[(?![ xX]\]|\^|!|\[)[^\][\n]{1,160}\](?![([:])/g,
  /<(?![!/])[A-Za-z][^<>=/"\n]{0,80}\s[^<>=/"\n]{1,80}>/g,
  /\b(?:YYYY-MM-DD|YYYY-MM|MM\/DD\/YYYY|DD\/MM\/YYYY)\b/g,
];

/** Blanks out fenced code, inline code and HTML comments (same length, so offsets hold). */
function proseOnly(text: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  let out = text.replace(/<!--[\s\S]*?-->/g, blank);
  out = out.replace(/^( {0,3})(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^\1?\2[`~]*[ \t]*$|(?![\s\S]))/gm, blank);
  out = out.replace(/(`+)[^`\n][\s\S]*?\1/g, blank);
  return out;
}

function definedLabels(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/^ {0,3}\[([^\]\n]+)\]:/gm)) out.add(m[1].trim().toLowerCase().replace(/\s+/g, ' '));
  return out;
}

/** Every candidate span in the prose of `text`, in document order. */
export function candidates(text: string): Candidate[] {
  const prose = proseOnly(text);
  const defined = definedLabels(text);
  const out: Candidate[] = [];
  for (const re of PATTERNS) {
    for (const m of prose.matchAll(re)) {
      const start = m.index ?? 0;
      const t = m[0];
      if (t.startsWith('[') && (defined.has(t.slice(1, -1).trim().toLowerCase().replace(/\s+/g, ' ')) || /^\[\d+\]$/.test(t))) continue;
      if (t.startsWith('[') && /^ {0,3}\[[^\]]+\]:/.test(text.slice(text.lastIndexOf('\n', start) + 1))) continue;
      const lineStart = text.lastIndexOf('\n', start) + 1;
      const lineEnd = text.indexOf('\n', start);
      const line = text.slice(0, start).split('\n').length;
      out.push({ start, end: start + t.length, line, text: t, context: text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).trim().slice(0, 140) });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Shapes of Markdown that make parsers slow or deep: nesting, long lines of brackets, huge
 * paragraphs and tables, long emphasis runs. Each makes a document of about `bytes` characters
 * with fields in it. Used by the hostile-input benchmark and, smaller, by the unit tests.
 */
export interface HostileShape {
  name: string;
  make(bytes: number): string;
}

/** `unit` repeated to about `bytes` characters (indexed, so blocks differ and nothing is cached). */
function fill(bytes: number, unit: (i: number) => string): string {
  let out = '';
  for (let i = 0; out.length < bytes; i++) out += unit(i);
  return out;
}

export const HOSTILE_SHAPES: HostileShape[] = [
  { name: '`> - ` nested on one line', make: (n) => '> - '.repeat(n / 4) + '[Customer name]\n' },
  { name: '`>` nested on one line', make: (n) => '>'.repeat(n) + ' [Customer name]\n' },
  { name: 'quote lines, one deeper each', make: (n) => fill(n, (i) => `${'>'.repeat(i % 2000)} [Field ${i}]\n`) },
  { name: 'list nested by indent', make: (n) => fill(n, (i) => `${'  '.repeat(i % 400)}- [Field ${i}]\n`) },
  { name: 'block quote lines', make: (n) => fill(n, (i) => `> line ${i} [Field]\n`) },
  { name: 'nested link openers `[[a](b)`', make: (n) => fill(n, () => '[[a](b)') + ' [Customer name]\n' },
  { name: 'links side by side `[a](b )`', make: (n) => fill(n, (i) => `[a${i}](b )`) },
  { name: 'unclosed `[` on one line', make: (n) => '['.repeat(n) + ' [Customer name]\n' },
  { name: 'words after a stray `[`', make: (n) => '[a](<a b>) [part ' + fill(n, () => 'x ') + '[F]\n' },
  { name: 'one long link text', make: (n) => fill(n, (i) => `[part ${'x '.repeat(4000)}](https://x.example/${i}) `) + '[F]\n' },
  { name: '`[`×n `]`×n', make: (n) => '['.repeat(n / 2) + 'x' + ']'.repeat(n / 2) },
  { name: 'images in links `[![`', make: (n) => fill(n, () => '[![') + 'x] [F]\n' },
  { name: 'reference definitions on one line', make: (n) => fill(n, (i) => `[a${i}]: b `) },
  { name: 'one paragraph with many fields', make: (n) => fill(n, (i) => `Hello [Customer name] and text ${i}. `) },
  { name: 'one paragraph, one word per line', make: (n) => fill(n, (i) => `w${i}\n`) + '===\n[F]\n' },
  { name: 'paragraphs with fields and links', make: (n) => fill(n, (i) => `Para ${i} has [Field ${i}] and [a link](https://x.example/${i}).\n\n`) },
  { name: 'emphasis run `*a `', make: (n) => fill(n, () => '*a ') + '[F]\n' },
  { name: 'emphasis run `**_`', make: (n) => fill(n, () => '**_') + '[F]\n' },
  { name: 'code span run', make: (n) => fill(n, () => '`a``') + '[F]\n' },
  { name: 'HTML-like `<a `', make: (n) => fill(n, () => '<a ') + '[F]\n' },
  { name: 'braces `{{a `', make: (n) => fill(n, () => '{{a ') + '[F]\n' },
  { name: 'table, many rows', make: (n) => '| a | b |\n|---|---|\n' + fill(n, (i) => `| [x${i}] | y |\n`) },
  { name: 'table, many columns', make: (n) => { const cols = 2000; return '|' + ' a |'.repeat(cols) + '\n|' + '---|'.repeat(cols) + '\n' + fill(n, (i) => '|' + ` [x${i}] |`.repeat(cols) + '\n'); } },
  { name: 'task list', make: (n) => fill(n, (i) => `- [ ] item ${i} [Field]\n`) },
];

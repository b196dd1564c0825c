/**
 * A seeded grammar of the documents the linter meets: frontmatter, headings, prose with fields
 * of every dialect (from the dialect table), fences (```markdown too), tables, lists, quotes,
 * `{{#if}}` / `{{#unless}}` / `{{else}}` blocks, suppression comments, MDX, CRLF, astral
 * characters and lone surrogates, long lines. One seed, one document: `generate(seed)` is pure.
 */
import { DIALECTS } from '../../src/core/dialects';
import type { LintOptions, RuleId } from '../../src/core/types';
import { RULES } from '../../src/core/rules/index';
import { rng } from '../unit/helpers';

/** The seeded PRNG of every test (mulberry32): the same seed gives the same document everywhere. */
export { rng };

/** Random choices over one PRNG. */
export class Pick {
  constructor(readonly random: () => number) {}
  int(n: number): number {
    return Math.floor(this.random() * n);
  }
  chance(p: number): boolean {
    return this.random() < p;
  }
  one<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  /** `n` results of `make`, `lo..hi` of them. */
  some(lo: number, hi: number, make: () => string): string[] {
    return Array.from({ length: lo + this.int(hi - lo + 1) }, make);
  }
}

/**
 * Nesting depth of quotes and lists. Deeper nesting (thousands of `> ` or `> - `) is what the
 * parser guards handle, measured by the hostile-input benchmarks; the grammar stays below it so
 * a run measures everything else (raise it with FUZZ_MAX_DEPTH once those guards are in).
 */
const MAX_DEPTH = Number(process.env.FUZZ_MAX_DEPTH ?? 6);

/** Field texts: every dialect's examples (fields and look-alikes that are not), and made-up ones. */
const DIALECT_TEXTS = DIALECTS.flatMap((d) => [...d.examples.field, ...d.examples.notField]);
const WORDS = ['Customer', 'name', 'plan', 'API', 'key', 'the', 'partner', 'team', 'Acme', 'or', 'Generic', 'owner', 'date', 'é', 'naïve', '日本', 'ß'];
const ASTRAL = ['😀', '𝒳', '👩‍💻', '🇫🇷', '\u{1F600}\u{1F3FD}', '𠀋'];
const LONE = ['\uD800', '\uDC00', '\uDBFF', '\uDFFF'];
const INLINE_BITS = ['**', '*', '_', '~~', '`', '\\', '\\[', '&amp;', '&#91;', '<br>', '<!-- x -->', '](', '[', ']', '{', '}', '{{', '}}', '<', '>', '|', '![i](p.png)', 'https://a.b/[x]', 'a@b.co', '[^1]', '[x]', '[ ]', ': ', '<code>', '</code>', '<code>[a b]</code>', '<kbd>[X]</kbd>'];
const BLOCK_TAGS = ['{{#if NAME}}', '{{#unless NAME}}', '{{else}}', '{{/if}}', '{{/unless}}', '{{~#if NAME~}}', '{{else if NAME}}', '{{#if}}', '{{#each items}}'];
const INFOS = ['', 'markdown', 'md', 'Markdown', 'js', 'yaml', 'json', 'sh', 'mdx', 'markdown {.x}', '{.md}'];
const STATUSES = ['draft', 'outline', 'in-review', 'final', 'published', 'Final', '[Status]', ''];

const DOD_TITLES = ['Definition of Done', 'Success Checklist', '1. Definition of Done', 'Definition Of Done', 'Done'];
const RULE_IDS: readonly RuleId[] = RULES.map((r) => r.id);

/** What one seed yields: the text and the options it is linted with. */
export interface Generated {
  seed: number;
  text: string;
  options: LintOptions;
}

function word(p: Pick): string {
  return p.chance(0.08) ? p.one(ASTRAL) : p.chance(0.01) ? p.one(LONE) : p.one(WORDS);
}

function phrase(p: Pick, lo = 1, hi = 4): string {
  return p.some(lo, hi, () => word(p)).join(' ');
}

/** A made-up field of some dialect: `[words]`, `{{NAME}}`, `{words}`, `<words>`, a date stub, a choice list. */
function madeUpField(p: Pick): string {
  switch (p.int(9)) {
    case 0:
      return `[${phrase(p)}]`;
    case 1:
      return `{{${p.one(['PLAN_LEVEL', ' customer_name ', 'X', 'a b', ''])}}}`;
    case 2:
      return `{${phrase(p, 2, 4)}}`;
    case 3:
      return `<${phrase(p, 2, 3)}>`;
    case 4:
      return p.one(['YYYY-MM-DD', 'MM/DD/YYYY', 'DD/MM/YYYY', 'YYYY-MM']);
    case 5:
      return `[${p.some(2, 4, () => word(p)).join(' / ')}]`;
    case 6:
      return `[${phrase(p)}][${p.one(['ref', '', 'x y'])}]`;
    case 7:
      return `[${phrase(p)}\n${phrase(p)}]`;
    default:
      return `TBD-${p.int(100)}`;
  }
}

function inline(p: Pick): string {
  const parts: string[] = [];
  for (let i = 1 + p.int(8); i > 0; i--) {
    const r = p.random();
    if (r < 0.35) parts.push(phrase(p));
    else if (r < 0.55) parts.push(madeUpField(p));
    else if (r < 0.7) parts.push(p.one(DIALECT_TEXTS));
    else if (r < 0.78) parts.push(p.one(BLOCK_TAGS).replace('NAME', p.one(['a', 'extra', 'x y'])));
    else if (r < 0.85) parts.push(`\`${p.chance(0.5) ? madeUpField(p) : phrase(p)}\``);
    else if (r < 0.92) parts.push(`[${phrase(p)}](${p.one(['https://x.y', './a.md', '[URL]', '<a b>', '#frag', '', 'docs/a b.md', './x y "t"', 'a b [c]'])})`);
    else parts.push(p.one(INLINE_BITS));
  }
  return parts.join(p.chance(0.8) ? ' ' : '');
}

function frontmatter(p: Pick): string {
  const lines: string[] = [];
  if (p.chance(0.7)) lines.push(`title: ${p.chance(0.3) ? madeUpField(p) : phrase(p)}`);
  if (p.chance(0.6)) lines.push(`status: ${p.one(STATUSES)}`);
  if (p.chance(0.4)) lines.push(`created: ${p.one(['YYYY-MM-DD', '2026-01-02', '[date]', "'2026-13-45'"])}`);
  if (p.chance(0.3)) lines.push(`template: ${p.one(['integration-page', 'implementation-guide', '[x]'])}`);
  if (p.chance(0.3)) lines.push(`tags: [${p.some(0, 3, () => phrase(p, 1, 2)).join(', ')}]`);
  if (p.chance(0.3)) lines.push('sources:', ...p.some(1, 3, () => `  - ${p.one(['/docs/a.md', './b.md', '../x.md', 'https://x.y', '[path]', '{ path: /a.md }'])}`));
  if (p.chance(0.25)) {
    lines.push('outline:');
    for (const id of p.some(1, 3, () => p.one(['setup', 'auth', 'testing', 'go-live']))) {
      lines.push(`  ${id}:`, `    purpose: ${phrase(p)}`, `    sources: [${p.one(['/a.md', './b.md', '', '[x]'])}]`);
    }
  }
  if (p.chance(0.1)) lines.push('base: &b {x: [1, 2]}', 'copy: *b', 'merge:', '  <<: *b');
  if (p.chance(0.1)) lines.push(p.one(['a: [', 'b: {', '? complex', '- seq at top', 'key: "unterminated', 'x: |', '\tindented: tab', 'k: v: w', '😀: 𝒳']));
  const open = p.chance(0.05) ? '+++' : '---';
  const close = p.chance(0.08) ? '' : `${open === '+++' ? '+++' : p.one(['---', '---', '...'])}\n`;
  return `${open}\n${lines.join('\n')}\n${close}`;
}

function heading(p: Pick): string {
  const level = 1 + p.int(6);
  if (p.chance(0.15)) return `${'#'.repeat(level)} ${p.one(DOD_TITLES)}`;
  if (p.chance(0.05)) return `${phrase(p)}\n${p.one(['===', '---'])}`;
  return `${'#'.repeat(level)} ${inline(p)}${p.chance(0.1) ? ' ##' : ''}`;
}

function listItem(p: Pick, depth: number): string {
  const marker = p.one(['- ', '* ', '+ ', '1. ', '2) ']);
  const box = p.chance(0.5) ? p.one(['[ ] ', '[x] ', '[X] ', '[ ]', '[-] ']) : '';
  const indent = '  '.repeat(depth);
  const lines = [`${indent}${marker}${box}${inline(p)}`];
  if (depth + 1 < MAX_DEPTH && p.chance(0.2)) lines.push(listItem(p, depth + 1));
  return lines.join('\n');
}

function table(p: Pick): string {
  const cols = 1 + p.int(4);
  const row = () => `| ${Array.from({ length: cols }, () => (p.chance(0.4) ? madeUpField(p) : phrase(p, 0, 2)).replace(/\n/g, ' ')).join(' | ')} |`;
  const sep = `|${Array.from({ length: cols }, () => p.one([' --- ', ':---', '---:', ' :-: '])).join('|')}|`;
  return [row(), p.chance(0.9) ? sep : row(), ...p.some(0, 4, row)].join('\n');
}

function fence(p: Pick, depth: number): string {
  const ch = p.chance(0.8) ? '`' : '~';
  const len = 3 + p.int(3);
  const info = p.one(INFOS);
  const body = p.some(0, 4, () => (info.toLowerCase().startsWith('m') && depth < 2 && p.chance(0.3) ? fence(p, depth + 1) : p.chance(0.5) ? inline(p) : p.one(['const a = [1, 2];', 'key: {{API_KEY}}', '{ "a": "[X]" }', 'YYYY-MM-DD', '# not a heading'])));
  const close = p.chance(0.1) ? '' : `\n${ch.repeat(len + (p.chance(0.1) ? 1 : 0))}`;
  return `${p.chance(0.1) ? '   ' : ''}${ch.repeat(len)}${info}\n${body.join('\n')}${close}`;
}

function quote(p: Pick, depth: number): string {
  const prefix = '> '.repeat(1 + p.int(Math.max(1, MAX_DEPTH - depth)));
  const inner = p.chance(0.2) ? p.one(['[!NOTE]', '[!Tip]', '[!WARNING]']) : '';
  const underline = p.chance(0.1) ? `${prefix}${p.one(['---', '===', '  ---'])}` : '';
  return [inner && `${prefix}${inner}`, ...p.some(1, 3, () => `${prefix}${p.chance(0.3) ? listItem(p, 0).split('\n')[0] : inline(p)}`), underline].filter(Boolean).join('\n');
}

function suppression(p: Pick): string {
  const rules = p.some(0, 2, () => p.one([...RULE_IDS, 'no-such-rule'])).join(' ');
  const kind = p.one(['disable-next-line', 'disable', 'enable', 'disable-file', 'disable-line']);
  return `<!-- integration-docs-${kind}${rules ? ` ${rules}` : ''} -->`;
}

function blockTags(p: Pick): string {
  const name = p.one(['extra', 'legacy', 'a', 'x y']);
  const kind = p.one(['if', 'unless']);
  const parts = [`{{#${kind} ${name}}}`, ...p.some(0, 2, () => inline(p))];
  if (p.chance(0.3)) parts.push('{{else}}', inline(p));
  if (p.chance(0.85)) parts.push(`{{/${p.chance(0.9) ? kind : p.one(['if', 'unless'])}}}`);
  return parts.join(p.chance(0.6) ? '\n' : ' ');
}

function mdxBlock(p: Pick): string {
  return p.one([
    "import { Card } from './card'",
    'export const meta = { title: "[X]" }',
    `<Card title="${phrase(p)}">\n${inline(p)}\n</Card>`,
    `{props.${p.one(['name', 'x'])}}`,
    `<Tabs>{[1, 2].map((x) => <Tab key={x}>[Field ${p.int(9)}]</Tab>)}</Tabs>`,
    '{/* a comment [X] */}',
  ]);
}

/**
 * Long runs of emphasis delimiters (`*_*_…`) are quadratic in the parser's emphasis resolution
 * (micromark's resolveAllAttention): 20,000 characters of them in a list item or an MDX page
 * took 15–70 s per lint here (seeds 69 and 86 of the first full run). Until the parser guards
 * bound them, their runs stay short so a run measures everything else; FUZZ_EMPHASIS_RUN raises
 * the cap.
 */
const EMPHASIS_RUN = Number(process.env.FUZZ_EMPHASIS_RUN ?? 600);

function longLine(p: Pick): string {
  const unit = p.one(['[a] ', '[', 'x ', '{{X}} ', '`', '<a b> ', '😀', '| ', '*_', 'word ']);
  let n = 500 + p.int(p.chance(0.05) ? 20000 : 2000);
  if (unit === '*_') n = Math.min(n, EMPHASIS_RUN);
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

/** One block of the document body. */
function block(p: Pick, mdx: boolean): string {
  const r = p.random();
  if (r < 0.22) return inline(p) + (p.chance(0.3) ? `\n${inline(p)}` : '');
  if (r < 0.34) return heading(p);
  if (r < 0.46) return p.some(1, 4, () => listItem(p, 0)).join('\n');
  if (r < 0.54) return fence(p, 0);
  if (r < 0.6) return table(p);
  if (r < 0.66) return quote(p, 0);
  if (r < 0.73) return blockTags(p);
  if (r < 0.78) return suppression(p);
  if (r < 0.82) return `[${p.one(['ref', 'x y', 'Customer name'])}]: ${p.one(['https://x.y', '<a b>', '[URL]'])}${p.chance(0.3) ? ' "t"' : ''}`;
  if (r < 0.85) return p.one(['<details>\n<summary>[X]</summary>\n\n[Y]\n</details>', '<!--\n[hidden]\n-->', '<div>[X]</div>', '<notes>\n[What is open]\n</notes>', '- [Measure 1]: [Target]', '---', '***', '    indented [code]']);
  if (r < 0.88 && mdx) return mdxBlock(p);
  if (r < 0.9) return longLine(p);
  return `## ${p.one(DOD_TITLES)}\n\n${p.some(1, 4, () => `- [${p.one([' ', 'x'])}] ${inline(p)}`).join('\n')}`;
}

/** Line endings: mostly `\n`; some documents CRLF throughout, some mixed, a few lone `\r`. */
function lineEndings(p: Pick, text: string): string {
  const r = p.random();
  if (r < 0.12) return text.replace(/\n/g, '\r\n');
  if (r < 0.16) return text.replace(/\n/g, () => (p.chance(0.5) ? '\r\n' : '\n'));
  if (r < 0.17) return text.replace(/\n/g, () => (p.chance(0.2) ? '\r' : '\n'));
  return text;
}

/** The options a document is linted with: mostly defaults, sometimes patterns, DoD headings, rule levels. */
function options(p: Pick, mdx: boolean): LintOptions {
  const o: LintOptions = {};
  if (mdx) o.syntax = 'mdx';
  if (p.chance(0.1)) o.placeholderPatterns = p.some(1, 2, () => p.one(['TBD', '<<\\w+>>', 'TODO\\(\\w*\\)', '(a+)+$', 'x*', '\\bXXX\\b']));
  if (p.chance(0.05)) o.dodHeadings = ['Done', 'Checklist'];
  if (p.chance(0.1)) o.rules = { [p.one(RULE_IDS)]: p.one(['error', 'off', 'hint', 'auto']) } as LintOptions['rules'];
  return o;
}

/** The document of `seed`. */
export function generate(seed: number): Generated {
  const p = new Pick(rng(seed));
  const mdx = p.chance(0.06);
  const parts: string[] = [];
  if (p.chance(0.02)) parts.push('\uFEFF');
  if (p.chance(0.45)) parts.push(frontmatter(p));
  for (let i = 1 + p.int(p.chance(0.04) ? 40 : 8); i > 0; i--) parts.push(`${block(p, mdx)}\n${p.chance(0.85) ? '\n' : ''}`);
  let text = lineEndings(p, parts.join(''));
  if (p.chance(0.1)) text = text.replace(/\n+$/, '');
  return { seed, text, options: options(p, mdx) };
}

/** Text to type or paste in an edit: single characters, syntax openers and closers, whole generated blocks. */
export function editText(p: Pick): string {
  const r = p.random();
  if (r < 0.3) return p.one(['x', ' ', '\n', '\n\n', '[', ']', '{', '}', '`', '~', '>', '-', '#', '|', '*', '\r\n', '😀', '\uD800']);
  if (r < 0.6) return p.one(['```\n', '~~~\n', '```markdown\n', '<!--', '-->', '- [ ] ', '# ', '    ', '{{#if a}}', '{{/if}}', '{{else}}', '---\n', '| a |', 'YYYY-MM-DD', '[Field]', '> ', '\n---\n', 'status: final\n', '<!-- integration-docs-disable-next-line -->\n']);
  return block(p, false);
}

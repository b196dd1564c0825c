import { resolve } from 'node:path';
import { lintOptionsOf } from '../core/config';
import { syntaxOf } from '../core/syntax';
import { openItemsText } from '../core/display';
import { Linter } from '../core/lint';
import { buildOutline, type DocOutline, type MissingSection, type Section, type SectionSource, type SourceEntry } from '../core/outline';
import type { LintOptions } from '../core/types';
import { parseArgs, flag } from './args';
import { ConfigResolver, UsageError } from './config-loader';
import { readDocument, DEFAULT_MAX_BYTES } from './read';
import { internalError } from './lint-file';
import { quotePath } from './paths';
import { RootResolver, rootOption } from './root';
import { fileSourceResolver } from './source-resolver';

export const OUTLINE_HELP = `Usage: integration-docs outline FILE [--root DIR] [--format text|json]

Prints a doc's plan against what is written: its sections (with open placeholders and
Definition-of-Done items), the planned sections that have no heading, the headings that are not
planned, and the sources it rests on (with whether each exists). Paths starting with "/" are
relative to the root; other paths to the doc. The root is --root, else the nearest folder
upwards with .integration-docs.json, else the git root, else the current folder (as in VS Code).

Options:
  --root DIR          the folder "/" source paths are relative to (default: see above)
  --format text|json  output format (default: text)
  -h, --help          show this help

Exit status: 0 printed, 2 usage error or unreadable file.`;

const SPEC = { '--root': true, '--format': true, '--help': false, '-h': false };

/** A section source as printed in JSON. */
function jsonSource(s: SectionSource) {
  return { path: s.path, purpose: s.purpose ?? null, exists: s.exists ?? null, outside: s.outside };
}

interface JsonSection {
  title: string;
  level: number;
  line: number;
  outlineId: string | null;
  purpose: string | null;
  sources: ReturnType<typeof jsonSource>[];
  placeholders: number;
  dod: { done: number; total: number } | null;
  children: JsonSection[];
}

function jsonSection(s: Section): JsonSection {
  return {
    title: s.title,
    level: s.level,
    line: s.line,
    outlineId: s.outlineId,
    purpose: s.purpose ?? null,
    sources: s.sources.map(jsonSource),
    placeholders: s.placeholders,
    dod: s.dod,
    children: s.children.map(jsonSection),
  };
}

/** The JSON of `integration-docs outline --format json` (the shape of issue 5). */
export function outlineJson(file: string, outline: DocOutline) {
  return {
    file,
    status: outline.status ?? null,
    template: outline.template ?? null,
    sections: outline.sections.map(jsonSection),
    missing: outline.missing.map((m) => ({ outlineId: m.outlineId, purpose: m.purpose ?? null, sources: m.sources.map(jsonSource) })),
    sources: outline.sources.map((s) => ({ path: s.path, purpose: s.purpose ?? null, exists: s.exists ?? null, outside: s.outside, citedAt: s.citedAt })),
  };
}

function mark(s: Pick<SourceEntry, 'exists' | 'outside'>): string {
  if (s.outside) return '⚠';
  if (s.exists === undefined) return '?';
  return s.exists ? '✓' : '✗';
}

function sourceLine(s: SectionSource | SourceEntry): string {
  const note = s.outside ? ' (outside the workspace)' : s.exists === false ? ' (does not exist)' : '';
  return `${mark(s)} ${s.path}${s.purpose ? ` — ${s.purpose}` : ''}${note}`;
}

function sectionLines(s: Section, indent: string, out: string[]): void {
  const id = s.outlineId ? ` [${s.outlineId}]` : '';
  const items = openItemsText(s);
  const state = s.unplanned ? '  (unplanned)' : '';
  out.push(`${indent}${'#'.repeat(s.level)} ${s.title}${id}  :${s.line}${items ? `  ${items}` : ''}${state}`);
  for (const src of s.sources) out.push(`${indent}    ${sourceLine(src)}`);
  for (const c of s.children) sectionLines(c, `${indent}  `, out);
}

function missingLine(m: MissingSection): string {
  const sources = m.sources.length ? `  (sources: ${m.sources.map((s) => s.path).join(', ')})` : '';
  return `  ${m.outlineId}  (not written)${m.purpose ? ` — ${m.purpose}` : ''}${sources}`;
}

/** The text of `integration-docs outline`: a header, then an indented tree. */
export function outlineText(file: string, outline: DocOutline): string {
  const out: string[] = [outline.title ?? file];
  const meta = [`file: ${file}`];
  if (outline.status) meta.push(`status: ${outline.status}`);
  if (outline.template) meta.push(`template: ${outline.template}`);
  out.push(`  ${meta.join(' · ')}`, '', 'Sections:');
  if (outline.sections.length === 0) out.push('  (no headings)');
  for (const s of outline.sections) sectionLines(s, '  ', out);
  if (outline.missing.length) out.push('', 'Planned but not written:', ...outline.missing.map(missingLine));
  if (outline.sources.length) {
    out.push('', 'Sources:');
    for (const s of outline.sources) {
      out.push(`  ${sourceLine(s)}${s.citedAt.length ? `  (cited at line${s.citedAt.length > 1 ? 's' : ''} ${s.citedAt.join(', ')})` : ''}`);
    }
  }
  return out.join('\n');
}

/** Lint options for `file` from the nearest configuration, with a source resolver rooted at `root`. */
function optionsFor(file: string, root: string, err: (s: string) => void): LintOptions {
  const config = new ConfigResolver(undefined, (m) => err(`integration-docs: warning: ${m}`)).forFile(file).config;
  return { ...lintOptionsOf(config), syntax: syntaxOf(file), resolveSource: fileSourceResolver(file, root) };
}

/** `integration-docs outline`: returns the exit code. */
export async function outlineCommand(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const args = parseArgs(argv, SPEC);
  if (args.flags.has('--help') || args.flags.has('-h')) {
    out(OUTLINE_HELP);
    return 0;
  }
  const format = flag(args, '--format', ['text', 'json']) ?? 'text';
  if (args.positional.length !== 1) throw new UsageError(`outline takes one FILE, got ${args.positional.length} (see --help)`);
  const file = args.positional[0];
  const rootFlag = flag(args, '--root');
  const root = new RootResolver(rootFlag === undefined ? undefined : rootOption(rootFlag)).forFile(file);
  const read = readDocument(resolve(file), DEFAULT_MAX_BYTES);
  if ('skipped' in read) {
    err(`integration-docs: ${quotePath(file)}: ${read.skipped}`);
    return 2;
  }
  const options = optionsFor(file, root, err);
  let outline: DocOutline;
  try {
    const { model, findings } = new Linter(options).lint(read.text);
    outline = buildOutline(model, findings, options);
  } catch (e) {
    err(`integration-docs: ${quotePath(file)}: ${internalError(e)}`);
    return 2;
  }
  out(format === 'json' ? JSON.stringify(outlineJson(file, outline), null, 2) : outlineText(quotePath(file), outline));
  return 0;
}

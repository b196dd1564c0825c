/**
 * `integration-docs templates`: lists the built-in and team templates, or one template's
 * fields and conditionals. Team templates are read here (Node I/O); the core parses them.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { builtinTemplates } from '../templates/index';
import { mergeTemplates, occurrenceRef, parseTeamTemplate, templateConditionals, templateFields, type TemplateInfo } from '../core/templates/index';
import { flag, parseArgs, type Args } from './args';
import { UsageError } from './config-loader';
import { describeIoError, NotRegularFileError, readRegularFile } from './read';

/** Largest team template read (a template is a few KB). */
const MAX_TEMPLATE_BYTES = 1024 * 1024;

/** Where team templates live, relative to the current folder. */
export const TEAM_TEMPLATES_DIR = '.integration-docs/templates';

export const TEMPLATES_HELP = `Usage: integration-docs templates [template-id] [options]

Lists the templates: the built-in ones and the team templates in ${TEAM_TEMPLATES_DIR}/
(every *.md there with a title and a description in its frontmatter). With a template id,
lists that template's fields (the FIELD names --set takes) and conditional blocks (--with).

Options:
  --format text|json  output format (default: text)
  --dir DIR           read team templates from DIR (default: ${TEAM_TEMPLATES_DIR})
  -h, --help          show this help

Exit status: 0 listed, 2 usage error or unknown template. A broken team template is
reported on stderr and the others are still listed.`;

const SPEC = { '--format': true, '--dir': true, '--help': false, '-h': false };

/**
 * Built-ins plus the team templates of `dir` (default: `.integration-docs/templates` under the
 * current folder). Broken templates and id clashes are passed to `warn`; a missing default
 * folder is fine, a missing `--dir` is a usage error.
 */
export function loadTemplates(dir: string | undefined, warn: (message: string) => void): TemplateInfo[] {
  const folder = resolve(dir ?? TEAM_TEMPLATES_DIR);
  const team: TemplateInfo[] = [];
  if (!existsSync(folder)) {
    if (dir !== undefined) throw new UsageError(`--dir ${dir}: no such folder`);
  } else {
    if (!statSync(folder).isDirectory()) throw new UsageError(`${dir ?? TEAM_TEMPLATES_DIR} is not a folder`);
    for (const name of readdirSync(folder).filter((n) => n.toLowerCase().endsWith('.md')).sort()) {
      const path = join(folder, name);
      const shown = relative(process.cwd(), path) || path;
      let text: string;
      try {
        const read = readRegularFile(path, MAX_TEMPLATE_BYTES);
        if ('size' in read) {
          warn(`${shown}: over 1 MB, not read`);
          continue;
        }
        text = read.bytes.toString('utf8');
      } catch (e) {
        warn(`${shown}: cannot read: ${e instanceof NotRegularFileError ? e.message : describeIoError(e)}`);
        continue;
      }
      const parsed = parseTeamTemplate(shown, text);
      if (parsed.ok) team.push(parsed.template);
      else warn(parsed.error);
    }
  }
  const { templates, warnings } = mergeTemplates(builtinTemplates(), team);
  for (const w of warnings) warn(w);
  return templates;
}

/** Loads the templates for a command's `--dir`, warning on stderr. */
export function templatesFor(args: Args, err: (s: string) => void): TemplateInfo[] {
  return loadTemplates(flag(args, '--dir'), (m) => err(`integration-docs: warning: ${m}`));
}

/** The template with `id`, or a usage error listing the ids there are. */
export function findTemplate(templates: readonly TemplateInfo[], id: string): TemplateInfo {
  const t = templates.find((x) => x.id === id);
  if (!t) throw new UsageError(`unknown template "${id}" (templates: ${templates.map((x) => x.id).join(', ')})`);
  return t;
}

function listText(templates: readonly TemplateInfo[]): string {
  const width = Math.max(...templates.map((t) => t.id.length));
  return templates
    .map((t) => `${t.id.padEnd(width)}  ${t.title} — ${t.description}${t.source === 'workspace' ? ` (team: ${t.file})` : ''}`)
    .join('\n');
}

function describeTemplate(t: TemplateInfo, format: string): string {
  const fields = templateFields(t).map((f) => ({
    name: f.name,
    key: f.key,
    set: occurrenceRef(f),
    label: f.label,
    ...(f.help ? { help: f.help } : {}),
    kind: f.kind,
    type: f.type,
    ...(f.choices ? { choices: f.choices } : {}),
    ...(f.default !== undefined ? { default: f.default } : {}),
    ...(f.derivedFrom ? { derivedFrom: f.derivedFrom } : {}),
    occurrences: f.occurrences.length,
    line: f.context.line + 1,
    ...(f.context.heading ? { heading: f.context.heading } : {}),
  }));
  const conditionals = templateConditionals(t);
  if (format === 'json') {
    return JSON.stringify({ id: t.id, title: t.title, description: t.description, source: t.source, version: t.version, fields, conditionals }, null, 2);
  }
  const lines = [`${t.title} (${t.id}, version ${t.version}, ${t.source})`, t.description, '', `Fields (${fields.length}):`];
  for (const f of fields) {
    const extra = [f.type, f.occurrences > 1 ? `${f.occurrences}×` : '', f.choices ? `one of: ${f.choices.join(', ')}` : '', `line ${f.line}`].filter(Boolean).join(', ');
    const label = f.label !== f.name ? ` — ${f.label}` : '';
    lines.push(`  ${f.set}${label}  (${extra})`);
  }
  lines.push('', conditionals.length ? `Conditional blocks: ${conditionals.join(', ')}` : 'Conditional blocks: none');
  return lines.join('\n');
}

/** `integration-docs templates`: returns the exit code. */
export async function templatesCommand(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const args = parseArgs(argv, SPEC);
  if (args.flags.has('--help') || args.flags.has('-h')) {
    out(TEMPLATES_HELP);
    return 0;
  }
  const format = flag(args, '--format', ['text', 'json']) ?? 'text';
  if (args.positional.length > 1) throw new UsageError('templates takes at most one template id');
  const templates = templatesFor(args, err);
  if (args.positional.length === 1) {
    out(describeTemplate(findTemplate(templates, args.positional[0]), format));
    return 0;
  }
  if (format === 'json') {
    out(JSON.stringify(templates.map(({ id, title, description, source }) => ({ id, title, description, source })), null, 2));
  } else {
    out(listText(templates));
  }
  return 0;
}

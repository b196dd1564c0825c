/**
 * `integration-docs new`: renders a template to stdout or to a new file, with the same engine
 * as the extension's "New Document from Template…".
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { lint } from '../core/lint';
import {
  closestNames,
  describeAmbiguity,
  occurrenceRef,
  localDate,
  matchFields,
  renderTemplate,
  suggestDefaults,
  suggestFileName,
  templateConditionals,
  templateFields,
  type TemplateField,
  type TemplateInfo,
} from '../core/templates/index';
import { flag, parseArgs } from './args';
import { UsageError } from './config-loader';
import { describeIoError } from './read';
import { findTemplate, templatesFor, TEAM_TEMPLATES_DIR } from './templates-command';

export const NEW_HELP = `Usage: integration-docs new <template-id> [options]

Renders a template to standard output, or to a new file with -o. Fields you do not set stay
in the document, so "integration-docs lint" keeps tracking them. The new document's
frontmatter carries template, template_version, created and status (outline unless the
template sets one).

Options:
  --set FIELD=VALUE   fill a field; FIELD is its text without brackets or braces:
                      --set CLIENT_NAME=Acme fills [CLIENT_NAME] everywhere it stands,
                      --set 'Customer name or "Generic"=Acme' fills [Customer name or "Generic"].
                      A text that stands for different things at different places ([X], [URL])
                      is one field per occurrence: target one with --set 'X#2=30' (a name that
                      matches several fields is refused, listing them with line and heading)
                      (repeatable; list a template's fields: integration-docs templates <id>)
  --with NAME,...     keep these {{#if NAME}} blocks (repeatable); every other block is removed
  -o, --output FILE   write FILE instead of printing; never overwrites (exit 2 if it exists);
                      a folder gets the suggested name, e.g. integration-page-acme.md
  --date YYYY-MM-DD   the creation date (default: today)
  --no-defaults       fill only the --set fields; by default date stubs get --date and fields
                      related to a --set one get its value ([partner-name] ← slug of [Partner])
  --dir DIR           team templates folder (default: ${TEAM_TEMPLATES_DIR})
  -h, --help          show this help

Exit status: 0 rendered, 2 usage error, unknown template or field, or existing output file.`;

const SPEC = {
  '--set': true,
  '--with': true,
  '-o': true,
  '--output': true,
  '--date': true,
  '--no-defaults': false,
  '--dir': true,
  '--help': false,
  '-h': false,
};

function checkDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : undefined;
  if (!d || d.toISOString().slice(0, 10) !== value) throw new UsageError(`--date must be a date YYYY-MM-DD, got "${value}"`);
  return value;
}

/**
 * Splits `FIELD=VALUE` at the first `=` that ends a known field name (so a name or a value
 * may contain `=`) and returns the values keyed by field key.
 */
export function parseSets(sets: readonly string[], fields: readonly TemplateField[], template: TemplateInfo): Record<string, string> {
  const values: Record<string, string> = {};
  for (const set of sets) {
    let matched: TemplateField[] = [];
    let value = '';
    for (let i = set.indexOf('='); i !== -1; i = set.indexOf('=', i + 1)) {
      matched = matchFields(fields, set.slice(0, i));
      value = set.slice(i + 1);
      if (matched.length) break;
    }
    if (!matched.length) {
      const eq = set.indexOf('=');
      if (eq === -1) throw new UsageError(`--set needs FIELD=VALUE, got "${set}"`);
      const name = set.slice(0, eq);
      const close = closestNames(fields.map((f) => f.name), name);
      const hint = close.length ? `; closest: ${close.map((n) => JSON.stringify(n)).join(', ')}` : ` (it has no fields)`;
      throw new UsageError(`unknown field "${name}" in template ${template.id}${hint} (all fields: integration-docs templates ${template.id})`);
    }
    if (matched.length > 1) throw ambiguous(set.slice(0, set.length - value.length - 1), matched, template);
    values[matched[0].key] = value;
  }
  return values;
}

/** The error for a `--set` name that matches several fields: which ones, where, and how to pick one. */
function ambiguous(name: string, matched: readonly TemplateField[], template: TemplateInfo): UsageError {
  const example = occurrenceRef(matched[1]);
  return new UsageError(
    [
      `--set "${name}" is ambiguous in template ${template.id}: ${matched[0].text.replace(/\s+/g, ' ')} stands for ${matched.length} different fields:`,
      ...describeAmbiguity(matched),
      `set one with --set '${example}=VALUE' (each needs its own --set)`,
    ].join('\n'),
  );
}

function parseWith(lists: readonly string[], template: TemplateInfo): string[] {
  const known = templateConditionals(template);
  const names = lists.flatMap((l) => l.split(',')).map((s) => s.trim()).filter(Boolean);
  for (const n of names) {
    if (!known.includes(n)) {
      const has = known.length ? `it has: ${known.join(', ')}` : 'it has none';
      throw new UsageError(`unknown conditional block "${n}" in template ${template.id} (${has})`);
    }
  }
  return names;
}

/** The nearest ancestor of `dir` (or `dir`) that exists but is not a folder, as shown to the user. */
function firstFileOnTheWay(dir: string): string {
  let found = dir;
  for (let d = dir; dirname(d) !== d; d = dirname(d)) {
    if (existsSync(d) && !isFolder(d)) found = d;
  }
  return relative(process.cwd(), found) || found;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Writes a new file, refusing to replace an existing one. `output` is the path as given, for messages. */
function writeNew(file: string, text: string, output: string): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') {
      throw new UsageError(`cannot write into ${output}: ${firstFileOnTheWay(dirname(file))} is a file, not a folder`);
    }
    throw new UsageError(`cannot create the folder of ${output}: ${describeIoError(e)}`);
  }
  try {
    writeFileSync(file, text, { flag: 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(`${relative(process.cwd(), file) || file} already exists; not overwriting it`);
    throw new UsageError(`cannot write ${relative(process.cwd(), file) || file}: ${describeIoError(e)}`);
  }
}

/** `integration-docs new`: returns the exit code. */
export async function newCommand(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const args = parseArgs(argv, SPEC);
  if (args.flags.has('--help') || args.flags.has('-h')) {
    out(NEW_HELP);
    return 0;
  }
  // Broken team templates are reported only when they might be the one asked for.
  const warnings: string[] = [];
  const templates = templatesFor(args, (m) => warnings.push(m));
  let template: TemplateInfo;
  try {
    if (args.positional.length !== 1) {
      throw new UsageError(`new takes one template id (templates: ${templates.map((t) => t.id).join(', ')})`);
    }
    template = findTemplate(templates, args.positional[0]);
  } catch (e) {
    for (const w of warnings) err(w);
    throw e;
  }
  const fields = templateFields(template);
  const today = checkDate(flag(args, '--date') ?? localDate(new Date()));
  const given = parseSets(args.flags.get('--set') ?? [], fields, template);
  const keep = parseWith(args.flags.get('--with') ?? [], template);
  const values = args.flags.has('--no-defaults') ? given : { ...suggestDefaults(fields, given, today), ...given };
  const text = renderTemplate(template, { values, keep, today });
  const output = flag(args, '-o') ?? flag(args, '--output');
  if (output === undefined) {
    out(text.replace(/\n$/, ''));
    return 0;
  }
  const file = isFolder(output) || output.endsWith('/') || output.endsWith(sep) ? join(resolve(output), suggestFileName(template, values)) : resolve(output);
  writeNew(file, text, output);
  const left = lint(text, { rules: { placeholder: 'warning' } }).filter((f) => f.rule === 'placeholder').length;
  err(`integration-docs: created ${relative(process.cwd(), file) || file} (${left} field${left === 1 ? '' : 's'} left to fill)`);
  return 0;
}

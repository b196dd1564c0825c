/**
 * Team templates: any `*.md` whose frontmatter has a `title` and a `description` (optional
 * `id`, `version`, `detail`). Those keys describe the template and are removed from the
 * documents it makes; the rest of its frontmatter becomes theirs.
 *
 * ```markdown
 * ---
 * title: Partner launch note
 * description: One page announcing a partner integration
 * status: draft
 * ---
 * # [Partner] is live
 * ```
 */
import { readFrontmatter } from '../frontmatter';
import { slugify } from './fields';
import { parseYaml, removeKeys, stringifyYaml } from './frontmatter';
import { checkSchema } from './identity';
import { lineAt, readSchema, SCHEMA_KEY } from './schema';
import { scanTemplate } from './scan';
import type { ParsedTemplate, TemplateInfo } from './types';

/** Frontmatter keys that describe a template rather than the documents made from it. */
export const TEMPLATE_METADATA_KEYS: readonly string[] = ['title', 'description', 'detail', 'id', 'version', SCHEMA_KEY];

const ID = /^[a-z0-9][a-z0-9._-]*$/;

function baseName(fileName: string): string {
  const name = fileName.split(/[\\/]/).pop() ?? fileName;
  return name.replace(/\.md$/i, '');
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/**
 * Reads a team template. Errors name the file and say what to fix: missing frontmatter,
 * broken YAML (with its line), missing `title`/`description`, an invalid `id`, an
 * `{{#if}}` block that is never closed, or a `fields:` schema that does not fit (with its line).
 */
export function parseTeamTemplate(fileName: string, source: string): ParsedTemplate {
  const fail = (error: string): ParsedTemplate => ({ ok: false, error: `${fileName}: ${error}` });
  const src = source.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  const fm = readFrontmatter(src, []);
  if (!fm) return fail('no frontmatter: start the file with a `---` block giving `title` and `description`');
  if (fm.errors.length > 0 || !fm.doc) {
    const e = fm.errors[0];
    return fail(`${e ? e.message : 'frontmatter could not be read'} (line ${e ? lineAt(src, e.start) : 1})`);
  }
  const data = fm.data ?? {};
  const title = text(data.title);
  const description = text(data.description);
  if (!title || !description) {
    const missing = [!title && '`title`', !description && '`description`'].filter(Boolean).join(' and ');
    return fail(`frontmatter has no ${missing}: a team template needs both`);
  }
  const id = text(data.id) ?? slugify(baseName(fileName));
  if (!ID.test(id)) return fail(`\`id\` "${id}" must be lowercase letters, digits, ".", "_" or "-"`);
  const broken = scanTemplate(src).conditionals.find((f) => f.data?.kind !== 'conditional' || !f.data.close);
  if (broken) return fail(`line ${broken.line}: ${broken.message}`);
  const doc = parseYaml(src.slice(fm.content.start, fm.content.end));
  const rest = src.slice(fm.block.end);
  const body = removeKeys(doc, TEMPLATE_METADATA_KEYS) ? `---\n${stringifyYaml(doc)}---\n${rest}` : rest.replace(/^\n+/, '');
  const schema = readSchema(src);
  const problem = [...schema.errors, ...(schema.errors.length ? [] : checkSchema(schema.specs, body))][0];
  if (problem) return fail(`line ${problem.line}: ${problem.message}`);
  const template: TemplateInfo = { id, title, description, version: text(data.version) ?? '1.0.0', source: 'workspace', file: fileName, body };
  if (schema.cut) template.schema = schema.specs;
  const detail = text(data.detail);
  if (detail) template.detail = detail;
  return { ok: true, template };
}

/**
 * Built-ins plus team templates, as the pickers list them: a team template with a built-in's
 * id replaces it (a team may adapt a shipped template); of two team templates with one id the
 * first (by file name) wins and the other is reported.
 */
export function mergeTemplates(builtins: readonly TemplateInfo[], team: readonly TemplateInfo[]): { templates: TemplateInfo[]; warnings: string[] } {
  const warnings: string[] = [];
  const byId = new Map<string, TemplateInfo>(builtins.map((t) => [t.id, t]));
  const teamIds = new Map<string, TemplateInfo>();
  for (const t of [...team].sort((a, b) => (a.file ?? a.id).localeCompare(b.file ?? b.id))) {
    const first = teamIds.get(t.id);
    if (first) {
      warnings.push(`${t.file ?? t.id}: id "${t.id}" is already used by ${first.file ?? first.id}; ignored`);
      continue;
    }
    teamIds.set(t.id, t);
    byId.set(t.id, t);
  }
  return { templates: [...byId.values()], warnings };
}

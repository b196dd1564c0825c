/**
 * New Document from Template (Quick Input)…, the keyboard path beside the form (`form.ts`): one
 * guided, multi-step quick input ("n/m" and "Step n of m",
 * Back on every step after the first):
 *
 * 1. the template;
 * 2. each field once (`templateFields`: one per identifier-like or schema-shared text, one per
 *    place for a descriptive text such as `[X]`, shown with its label, line and heading),
 *    prefilled with a suggestion (the schema default, today's date for a date, the answer of the
 *    field it derives from); `number` and `url` answers are checked as typed. Enter with an empty value leaves the field in the
 *    document for the linter to track; a choice list is a pick of its choices plus "Leave as
 *    field". The title-bar button "Leave the rest as fields" skips the remaining fields (those
 *    with a suggestion still get it, as the CLI's `new` does). Escape cancels the whole flow and
 *    nothing is written;
 * 3. the conditional blocks to keep (all ticked at first: unticked blocks are removed with their
 *    markers) — only when the template has some;
 * 4. the workspace folder — only in a multi-root workspace;
 * 5. the file name, prefilled with a free suggested name (`integration-page-acme.md`), relative
 *    to the folder; it must end with `.md` and must not exist.
 *
 * The file is written with `workspace.fs` after checking once more that it does not exist
 * (never overwritten) and opened. Without a workspace folder the document opens untitled.
 *
 * Scripting API (like the CLI's `new`): `executeCommand('integrationDocs.newDocument', args)`
 * with {@link NewDocumentArgs} asks nothing and resolves with the new document's URI; it
 * rejects on an unknown template, field or block, an invalid name, or an existing file.
 */
import * as vscode from 'vscode';
import {
  closestNames,
  describeAmbiguity,
  localDate,
  matchFields,
  renderTemplate,
  suggestDefaults,
  suggestFileName,
  templateConditionals,
  templateFields,
  uniqueFileName,
  type TemplateField,
  type TemplateInfo,
} from '../core/templates/index';
import { fieldTitle, typeProblem } from './fieldInfo';
import { askPick, askText, type StepFrame, type StepInfo } from './quickInput';
import { templateItems, type TemplateCatalog } from './templates';

/** Arguments of `integrationDocs.newDocument` run from code: no prompts at all. */
export interface NewDocumentArgs {
  /** The template id (`integration-page`, or a team template's). */
  templateId: string;
  /** Field values keyed by the field's text (`[Partner]`) or name (`Partner`, `CLIENT_NAME`). */
  values?: Record<string, string>;
  /** The `{{#if name}}` blocks to keep; every other block is removed (default: none kept, like `--with`). */
  keep?: string[];
  /** Path relative to the workspace folder, ending in `.md` (default: the suggested, free name). */
  fileName?: string;
  /** The workspace folder, by name or URI (default: the first). */
  folder?: string;
  /** Fill unset fields that have a suggestion (today's date, related answers); default true. */
  defaults?: boolean;
  /** Open the new document (default true). */
  open?: boolean;
}

const LEAVE_REST: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('check-all'), tooltip: vscode.l10n.t("Leave the rest as fields (those with a suggestion, such as today's date, still get it)") };

/** Where a name would go, and whether it is acceptable. */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** A problem with a file name relative to a folder, or undefined if it is fine. */
export async function fileNameProblem(folder: vscode.Uri, name: string): Promise<string | undefined> {
  const n = name.trim();
  if (n === '') return vscode.l10n.t('Enter a file name, e.g. my-doc.md');
  if (!/\.md$/i.test(n) || /\/$/.test(n)) return vscode.l10n.t('The name must end with .md');
  if (/^([a-z]:)?[\\/]/i.test(n) || n.split(/[\\/]/).includes('..')) return vscode.l10n.t('Give a path inside the workspace folder (no leading / and no ..)');
  if (await exists(vscode.Uri.joinPath(folder, n))) return vscode.l10n.t('{0} already exists — it is never overwritten; try {1}', n, await freeName(folder, n));
  return undefined;
}

/** `name`, or `name-2.md`, `name-3.md`, … whichever is free in its folder. */
export async function freeName(folder: vscode.Uri, name: string): Promise<string> {
  const slash = name.lastIndexOf('/');
  const dir = slash >= 0 ? name.slice(0, slash + 1) : '';
  let taken = new Set<string>();
  try {
    taken = new Set((await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(folder, dir))).map(([n]) => n.toLowerCase()));
  } catch {
    // no such folder yet: every name is free
  }
  return dir + uniqueFileName(name.slice(slash + 1), (c) => taken.has(c.toLowerCase()));
}

/** Writes a new file; refuses (throws) when it exists, checked right before writing. */
export async function writeNew(uri: vscode.Uri, text: string): Promise<void> {
  if (await exists(uri)) throw new Error(vscode.l10n.t('{0} already exists; nothing was written', vscode.workspace.asRelativePath(uri)));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

export async function openDoc(uri: vscode.Uri | undefined, text: string): Promise<vscode.Uri> {
  const doc = uri ? await vscode.workspace.openTextDocument(uri) : await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
  await vscode.window.showTextDocument(doc);
  return doc.uri;
}

function resolveFolder(given: string | undefined): vscode.WorkspaceFolder | undefined {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (given === undefined) return folders[0];
  const f = folders.find((w) => w.name === given || w.uri.toString() === given);
  if (!f) throw new Error(`No workspace folder "${given}" (folders: ${folders.map((w) => w.name).join(', ') || 'none'})`);
  return f;
}

/** The scripting path: validates like the CLI and creates the document without asking. */
export async function newDocumentFromArgs(catalog: TemplateCatalog, args: NewDocumentArgs): Promise<vscode.Uri> {
  const { templates } = await catalog.list();
  const template = templates.find((t) => t.id === args.templateId);
  if (!template) throw new Error(`Unknown template "${args.templateId}" (templates: ${templates.map((t) => t.id).join(', ')})`);
  const fields = templateFields(template);
  const given: Record<string, string> = {};
  for (const [name, value] of Object.entries(args.values ?? {})) {
    const matched = matchFields(fields, name);
    if (!matched.length) {
      const close = closestNames(fields.map((f) => f.name), name);
      throw new Error(`Unknown field "${name}" in template ${template.id}${close.length ? `; closest: ${close.join(', ')}` : ''}`);
    }
    if (matched.length > 1) {
      throw new Error(`Field "${name}" is ambiguous in template ${template.id}: it stands for ${matched.length} different fields; name one of them:\n${describeAmbiguity(matched).join('\n')}`);
    }
    given[matched[0].key] = value;
  }
  const known = templateConditionals(template);
  for (const n of args.keep ?? []) if (!known.includes(n)) throw new Error(`Unknown conditional block "${n}" in template ${template.id} (it has: ${known.join(', ') || 'none'})`);
  const today = localDate(new Date());
  const values = args.defaults === false ? given : { ...suggestDefaults(fields, given, today), ...given };
  const text = renderTemplate(template, { values, keep: args.keep ?? [], today });
  const folder = resolveFolder(args.folder);
  let uri: vscode.Uri | undefined;
  if (folder) {
    const name = args.fileName ?? (await freeName(folder.uri, suggestFileName(template, values)));
    const problem = await fileNameProblem(folder.uri, name);
    if (problem) throw new Error(problem);
    uri = vscode.Uri.joinPath(folder.uri, name.trim());
    await writeNew(uri, text);
  }
  return args.open === false && uri ? uri : openDoc(uri, text);
}

/**
 * Where a field lands: its number of places, and for a field whose text stands for other fields
 * too (one per place, such as `[X]`) the line and heading of its place.
 */
function fieldWhere(field: TemplateField, fields: readonly TemplateField[]): string {
  const places = field.occurrences.length === 1 ? vscode.l10n.t('1 place') : vscode.l10n.t('{0} places, one answer', field.occurrences.length);
  const siblings = fields.filter((f) => f.text.replace(/\s+/g, ' ') === field.text.replace(/\s+/g, ' ')).length;
  if (siblings < 2) return places;
  const line = field.context.line + 1;
  return field.context.heading ? vscode.l10n.t('{0}; line {1}, under "{2}"', places, line, field.context.heading) : vscode.l10n.t('{0}; line {1}', places, line);
}

type Step =
  | { kind: 'template' }
  | { kind: 'field'; field: TemplateField }
  | { kind: 'conditionals'; names: string[] }
  | { kind: 'folder' }
  | { kind: 'fileName' };

interface FolderItem extends vscode.QuickPickItem {
  folder: vscode.WorkspaceFolder;
}
interface ChoiceItem extends vscode.QuickPickItem {
  value?: string;
}

/**
 * The interactive flow (see the module comment). Resolves with the new document's URI, or
 * undefined when cancelled. `shown` observes each step as it appears.
 */
export async function newDocumentInteractive(catalog: TemplateCatalog, shown?: (info: StepInfo) => void): Promise<vscode.Uri | undefined> {
  const { templates } = await catalog.list();
  const folders = vscode.workspace.workspaceFolders ?? [];
  const today = localDate(new Date());

  let template: TemplateInfo | undefined;
  let fields: TemplateField[] = [];
  let steps: Step[] = [{ kind: 'template' }];
  /** Answers of the fields answered on the way to the current step. */
  const answers: Record<string, string> = {};
  /** What was entered at a field step last time, and what it had been offered (for Back). */
  const typed = new Map<string, { value: string; offered: string }>();
  let keep: string[] | undefined;
  let folder = vscode.window.activeTextEditor ? vscode.workspace.getWorkspaceFolder(vscode.window.activeTextEditor.document.uri) : undefined;
  folder ??= folders[0];
  let fileName: string | undefined;

  const history: number[] = [];
  let i = 0;
  const title = () => (template ? vscode.l10n.t('New {0}', template.title) : vscode.l10n.t('New Document from Template'));
  const frameFor = (index: number, buttons?: vscode.QuickInputButton[]): StepFrame => ({
    title: title(),
    step: index + 1,
    totalSteps: steps.length,
    back: history.length > 0,
    buttons,
  });
  const stepText = (index: number) => vscode.l10n.t('Step {0} of {1}', index + 1, steps.length);
  const forward = (next: number) => {
    history.push(i);
    i = next;
  };
  const back = () => {
    i = history.pop() ?? 0;
    // Answers exist only for the steps before the current one (skipped fields' suggestions too).
    for (let j = i; j < steps.length; j++) {
      const s = steps[j];
      if (s.kind === 'field') delete answers[s.field.key];
    }
  };
  const afterFields = () => steps.findIndex((s) => s.kind !== 'field' && s.kind !== 'template');

  while (i < steps.length) {
    const step = steps[i];
    if (step.kind === 'template') {
      const items = templateItems(templates);
      const r = await askPick(
        { ...frameFor(i), totalSteps: template ? steps.length : 0 },
        { items, placeholder: vscode.l10n.t('Pick a template — then each field is asked once (Escape cancels; nothing is written until the last step)'), active: items.find((x) => x.template === template) },
        shown,
      );
      if (r.kind !== 'value') return undefined;
      const picked = r.value[0].template;
      if (picked !== template) {
        template = picked;
        fields = templateFields(template);
        const names = templateConditionals(template);
        typed.clear();
        for (const k of Object.keys(answers)) delete answers[k];
        keep = undefined;
        fileName = undefined;
        steps = [
          { kind: 'template' },
          ...fields.map((field) => ({ kind: 'field' as const, field })),
          ...(names.length ? [{ kind: 'conditionals' as const, names }] : []),
          ...(folders.length > 1 ? [{ kind: 'folder' as const }] : []),
          ...(folders.length > 0 ? [{ kind: 'fileName' as const }] : []),
        ];
      }
      forward(i + 1);
      continue;
    }
    if (!template) return undefined;

    if (step.kind === 'field') {
      const { field } = step;
      const suggestion = suggestDefaults(fields, answers, today)[field.key] ?? '';
      const before = typed.get(field.key);
      const initial = before && before.value !== before.offered ? before.value : suggestion;
      const where = fieldWhere(field, fields);
      const record = (value: string) => {
        typed.set(field.key, { value, offered: suggestion });
        if (value.trim() !== '') answers[field.key] = value;
      };
      let result: { kind: 'value' | 'skip' | 'back' | 'cancel'; value?: string };
      if (field.choices) {
        const leave: ChoiceItem = { label: `$(circle-slash) ${vscode.l10n.t('Leave as field')}`, description: field.text };
        const items: ChoiceItem[] = [...field.choices.map((c) => ({ label: c, value: c })), { label: '', kind: vscode.QuickPickItemKind.Separator }, leave];
        const r = await askPick(
          frameFor(i, [LEAVE_REST]),
          {
            items,
            placeholder: vscode.l10n.t('{0} · {1} ({2}) — pick a choice, or leave it as a field; Escape cancels', stepText(i), fieldTitle(field), where),
            active: items.find((x) => x.value !== undefined && x.value === initial) ?? leave,
          },
          shown,
        );
        result = r.kind === 'value' || r.kind === 'button' ? { kind: r.kind === 'value' ? 'value' : 'skip', value: r.value[0]?.value ?? '' } : r;
      } else {
        const r = await askText(
          frameFor(i, [LEAVE_REST]),
          {
            value: initial,
            placeholder: field.help ?? field.text,
            prompt: vscode.l10n.t('{0} · {1} ({2}) — Enter with no value leaves the field in place; Escape cancels, nothing is written', stepText(i), fieldTitle(field), where),
            validate: (v) => typeProblem(field, v),
          },
          shown,
        );
        result = r.kind === 'value' || r.kind === 'button' ? { kind: r.kind === 'value' ? 'value' : 'skip', value: r.value } : r;
      }
      if (result.kind === 'cancel') return undefined;
      if (result.kind === 'back') {
        back();
        continue;
      }
      record(result.value ?? '');
      if (result.kind === 'skip') {
        // The skipped fields keep their suggestions (dates, related answers), as the CLI's defaults do.
        const defaults = suggestDefaults(fields, answers, today);
        for (let j = i + 1; j < steps.length; j++) {
          const s = steps[j];
          if (s.kind === 'field' && defaults[s.field.key] !== undefined) answers[s.field.key] = defaults[s.field.key];
        }
        const next = afterFields();
        forward(next === -1 ? steps.length : next);
      } else forward(i + 1);
      continue;
    }

    if (step.kind === 'conditionals') {
      const items = step.names.map((name) => ({ label: name, description: `{{#if ${name}}} … {{/if}}` }));
      const r = await askPick(
        frameFor(i),
        {
          items,
          canPickMany: true,
          placeholder: vscode.l10n.t('{0} · Blocks to keep — unticked ones are removed', stepText(i)),
          selected: items.filter((x) => (keep ?? step.names).includes(x.label)),
        },
        shown,
      );
      if (r.kind === 'cancel') return undefined;
      if (r.kind === 'back') {
        back();
        continue;
      }
      keep = r.value.map((x) => x.label);
      forward(i + 1);
      continue;
    }

    if (step.kind === 'folder') {
      const items: FolderItem[] = folders.map((f) => ({ label: f.name, description: f.uri.scheme === 'file' ? f.uri.fsPath : f.uri.toString(), folder: f }));
      const r = await askPick(frameFor(i), { items, placeholder: vscode.l10n.t('{0} · The workspace folder for the new document', stepText(i)), active: items.find((x) => x.folder === folder) }, shown);
      if (r.kind === 'cancel') return undefined;
      if (r.kind === 'back') {
        back();
        continue;
      }
      if (r.value[0].folder !== folder) fileName = undefined;
      folder = r.value[0].folder;
      forward(i + 1);
      continue;
    }

    // file name
    if (!folder) return undefined;
    const root = folder.uri;
    const proposed = fileName ?? (await freeName(root, suggestFileName(template, answers)));
    const stem = proposed.lastIndexOf('.') > proposed.lastIndexOf('/') ? proposed.lastIndexOf('.') : proposed.length;
    const r = await askText(
      frameFor(i),
      {
        value: proposed,
        valueSelection: [proposed.lastIndexOf('/') + 1, stem],
        prompt: vscode.l10n.t('{0} · File name, relative to {1}; an existing file is never overwritten', stepText(i), folder.name),
        validate: (v) => fileNameProblem(root, v),
      },
      shown,
    );
    if (r.kind === 'cancel') return undefined;
    if (r.kind === 'back' || r.kind === 'button') {
      back();
      continue;
    }
    fileName = r.value.trim();
    break;
  }
  if (!template) return undefined;

  const text = renderTemplate(template, { values: answers, keep: keep ?? templateConditionals(template), today });
  if (!folder || fileName === undefined) return openDoc(undefined, text);
  const uri = vscode.Uri.joinPath(folder.uri, fileName);
  try {
    await writeNew(uri, text);
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Integration Docs: {0}', (e as Error).message));
    return undefined;
  }
  return openDoc(uri, text);
}

/**
 * The messages between the form's webview (media/form.js) and the extension (form.ts), typed in
 * this one place, and the webview's strings (it shows no text of its own: everything it says
 * comes from here, translated).
 *
 * The flow: the webview posts `ready` when its script runs; the extension answers `init` (the
 * form and the saved draft). Every edit posts `change` with the whole draft (saved at once); the
 * extension answers, debounced, with `state` (preview, derived values, problems). `submit`
 * creates the file (or applies the edit), `cancel` discards the draft on purpose. A `failed`
 * message says why a submit did nothing.
 */
import * as vscode from 'vscode';
import type { FormView } from '../core/templates/index';

/** The key `edited` uses for the file name input. */
export const FILE_NAME_KEY = '#fileName';

/** What the form holds: also the draft kept in the workspace state. */
export interface FormDraft {
  /** Answers keyed by field key, as the inputs show them. */
  answers: Record<string, string>;
  /** Keys of the inputs typed into (and `FILE_NAME_KEY`): derived values no longer replace them. */
  edited: string[];
  /** Blocks kept (true) or removed (false), by name. */
  toggles: Record<string, boolean>;
  /** The file name, relative to the workspace folder. */
  fileName?: string;
}

export interface InitMessage {
  type: 'init';
  view: FormView;
  draft: FormDraft;
  strings: FormStrings;
  /** Whether the form asks for a file name (a new document in a workspace folder). */
  asksFileName: boolean;
}

export interface StateMessage {
  type: 'state';
  /** The resulting document. */
  preview: string;
  /** New values for inputs not typed into (slugs, the file name). */
  derived: Record<string, string>;
  /** Problems keyed by field key (and `FILE_NAME_KEY`), worded for the user. */
  errors: Record<string, string>;
  canSubmit: boolean;
}

export type ToWebview = InitMessage | StateMessage | { type: 'failed'; message: string };

export type FromWebview = { type: 'ready' } | { type: 'change'; draft: FormDraft } | { type: 'submit' } | { type: 'cancel' };

/** Whether `value` is a message the webview may send (the webview is not trusted blindly). */
export function isFromWebview(value: unknown): value is FromWebview {
  if (!value || typeof value !== 'object') return false;
  const m = value as { type?: unknown; draft?: unknown };
  if (m.type === 'ready' || m.type === 'submit' || m.type === 'cancel') return true;
  return m.type === 'change' && isDraft(m.draft);
}

const isStringRecord = (v: unknown): v is Record<string, string> => !!v && typeof v === 'object' && Object.values(v).every((x) => typeof x === 'string');

export function isDraft(value: unknown): value is FormDraft {
  if (!value || typeof value !== 'object') return false;
  const d = value as Partial<FormDraft>;
  const toggles = !!d.toggles && typeof d.toggles === 'object' && Object.values(d.toggles).every((x) => typeof x === 'boolean');
  return isStringRecord(d.answers) && Array.isArray(d.edited) && d.edited.every((x) => typeof x === 'string') && toggles && (d.fileName === undefined || typeof d.fileName === 'string');
}

/** Every text the webview shows. `{0}` stands for a value the webview fills in. */
export function formStrings(kind: FormView['kind']) {
  return {
    heading: kind === 'template' ? vscode.l10n.t('New document: {0}') : vscode.l10n.t('Fill Fields: {0}'),
    intro:
      kind === 'template'
        ? vscode.l10n.t('Answer what you know now. A field left empty stays in the document for the linter to track. Your answers are kept as a draft until you create the document or cancel.')
        : vscode.l10n.t('These fields remain in the document. A field left empty stays as it is. All answers are applied as one edit you can undo.'),
    topSection: vscode.l10n.t('Front matter and title'),
    line: vscode.l10n.t('line {0}'),
    places: vscode.l10n.t('fills {0} places'),
    leaveField: vscode.l10n.t('(leave as field)'),
    derived: vscode.l10n.t('Follows “{0}” until you change it.'),
    blocks: vscode.l10n.t('Optional blocks'),
    blocksHelp: vscode.l10n.t('Unticked blocks are removed from the document with their markers.'),
    fileName: vscode.l10n.t('File name'),
    fileNameHelp: vscode.l10n.t('Relative to the workspace folder; must end with .md. An existing file is never overwritten.'),
    preview: vscode.l10n.t('Preview'),
    previewLabel: vscode.l10n.t('Preview of the resulting document'),
    submit: kind === 'template' ? vscode.l10n.t('Create') : vscode.l10n.t('Apply'),
    cancel: vscode.l10n.t('Cancel'),
    cancelHelp: vscode.l10n.t('Cancel discards the draft. Closing the form keeps it.'),
    problems: vscode.l10n.t('{0} answer(s) need attention before you can continue.'),
    noFields: vscode.l10n.t('No fields are left to fill.'),
  };
}

export type FormStrings = ReturnType<typeof formStrings>;

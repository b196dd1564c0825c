/**
 * Reads settings and `.integration-docs.json` in one place and gives the engine a frozen
 * options object per document. Precedence, per rule: a setting other than `auto`, then the
 * config file, then `auto` (severity from the document's status). Patterns and DoD headings
 * from both sources are combined.
 */
import * as vscode from 'vscode';
import { CONFIG_FILE, EMPTY_CONFIG, MAX_PATTERNS, parseConfig, RULE_IDS, type Config, type ConfigError } from '../core/config';
import { SEVERITY_SETTINGS } from '../core/severity';
import { patternProblem } from '../core/patterns';
import { msg } from '../core/messages';
import { localMessage } from './coreText';
import { DEFAULT_DOD_HEADINGS, type LintOptions, type RuleId, type SeveritySetting } from '../core/types';
import { Disposable } from './dispose';
import { appliedValue, RESTRICTED_SETTINGS, type RestrictedSetting } from './restricted';
import { docSyntax } from './languages';

/** The settings section. */
export const SECTION = 'integrationDocs';

/** Editor-only settings (not part of the engine's options). */
export interface EditorSettings {
  enable: boolean;
  debounceMs: number;
  maxFileSizeKB: number;
  scanWorkspaceOnStartup: boolean;
}

/** A problem in a configuration file or a setting, shown to the user. */
export interface ConfigProblem {
  file: vscode.Uri | undefined;
  key: string;
  /** In the user's language. */
  message: string;
}

function sanitizeSeverity(value: unknown): SeveritySetting {
  return SEVERITY_SETTINGS.includes(value as SeveritySetting) ? (value as SeveritySetting) : 'auto';
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
}

/**
 * Editor settings for a resource, sanitized; without one, the values that apply to any resource
 * (`null` scope: VS Code warns when resource settings are read with no scope at all).
 */
export function editorSettings(scope?: vscode.Uri): EditorSettings {
  const c = vscode.workspace.getConfiguration(SECTION, scope ?? null);
  // In Restricted Mode the costly settings take the user's value only (restricted.ts).
  const get = <T>(key: string, dflt: T): T =>
    !vscode.workspace.isTrusted && RESTRICTED_SETTINGS.includes(key as RestrictedSetting) ? appliedValue(c.inspect<T>(key), false, dflt) : c.get<T>(key, dflt);
  const num = (key: string, dflt: number, min: number, max: number) => {
    const v = get<number>(key, dflt);
    return typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : dflt;
  };
  return {
    enable: c.get<boolean>('enable', true) !== false,
    debounceMs: num('debounceMs', 250, 0, 10_000),
    maxFileSizeKB: num('maxFileSizeKB', 5120, 1, 1_000_000),
    scanWorkspaceOnStartup: get<boolean>('scanWorkspaceOnStartup', false) === true,
  };
}

/** Finds, reads and caches `.integration-docs.json` files, upward from a document. */
export class ConfigFiles extends Disposable {
  private readonly byDir = new Map<string, Promise<{ config: Config; file?: vscode.Uri; errors: ConfigError[] }>>();
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  /** Fires when a configuration file was created, changed or deleted. */
  readonly onDidChange = this.changed.event;

  constructor() {
    super();
    const watcher = this._register(vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE}`));
    const reset = () => {
      this.byDir.clear();
      this.changed.fire();
    };
    this._register(watcher.onDidChange(reset));
    this._register(watcher.onDidCreate(reset));
    this._register(watcher.onDidDelete(reset));
  }

  /** The configuration governing a document (none for untitled or out-of-workspace docs). */
  forDocument(uri: vscode.Uri): Promise<{ config: Config; file?: vscode.Uri; errors: ConfigError[] }> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return Promise.resolve({ config: EMPTY_CONFIG, errors: [] });
    return this.forDir(vscode.Uri.joinPath(uri, '..'), folder.uri);
  }

  private forDir(dir: vscode.Uri, root: vscode.Uri) {
    const key = dir.toString();
    let found = this.byDir.get(key);
    if (!found) {
      found = this.read(dir, root);
      this.byDir.set(key, found);
    }
    return found;
  }

  private async read(dir: vscode.Uri, root: vscode.Uri): Promise<{ config: Config; file?: vscode.Uri; errors: ConfigError[] }> {
    const file = vscode.Uri.joinPath(dir, CONFIG_FILE);
    let bytes: Uint8Array | undefined;
    try {
      bytes = await vscode.workspace.fs.readFile(file);
    } catch {
      bytes = undefined;
    }
    if (bytes) return { ...parseConfig(new TextDecoder().decode(bytes)), file };
    const atRoot = dir.toString().replace(/\/$/, '') === root.toString().replace(/\/$/, '');
    if (atRoot || dir.path === '/' || dir.path === '') return { config: EMPTY_CONFIG, errors: [] };
    return this.forDir(vscode.Uri.joinPath(dir, '..'), root);
  }
}

/**
 * Combines settings and the config file into the engine's options, collecting problems; the
 * syntax (Markdown or MDX) follows the editor's language id, else the file extension.
 */
export function lintOptions(scope: vscode.Uri, config: Config, problems: ConfigProblem[], languageId?: string): LintOptions {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const rules: Partial<Record<RuleId, SeveritySetting>> = {};
  for (const id of RULE_IDS) {
    const raw = c.get<unknown>(`rules.${id}`, 'auto');
    if (!SEVERITY_SETTINGS.includes(raw as SeveritySetting)) {
      problems.push({ file: undefined, key: `${SECTION}.rules.${id}`, message: vscode.l10n.t('expected one of {0}', SEVERITY_SETTINGS.join(', ')) });
    }
    const fromSetting = sanitizeSeverity(raw);
    rules[id] = fromSetting !== 'auto' ? fromSetting : (config.rules[id] ?? 'auto');
  }
  const patterns = [...config.placeholderPatterns];
  // Validated like the config file's (the same linear-time engine runs both).
  const fromSettings = stringArray(c.get('placeholderPatterns', []));
  if (fromSettings.length > MAX_PATTERNS) problems.push({ file: undefined, key: `${SECTION}.placeholderPatterns`, message: localMessage(msg('configTooMany', fromSettings.length, MAX_PATTERNS)) });
  fromSettings.slice(0, MAX_PATTERNS).forEach((source, i) => {
    const problem = patternProblem(source);
    if (problem) problems.push({ file: undefined, key: `${SECTION}.placeholderPatterns[${i}]`, message: localMessage(problem) });
    else patterns.push(source);
  });
  const settingHeadings = stringArray(c.get('dodHeadings', [...DEFAULT_DOD_HEADINGS]));
  const dodHeadings = [...new Set([...settingHeadings, ...config.dodHeadings])];
  const syntax = docSyntax(scope, languageId);
  return Object.freeze({ rules: Object.freeze(rules), placeholderPatterns: Object.freeze(patterns), dodHeadings: Object.freeze(dodHeadings), syntax });
}

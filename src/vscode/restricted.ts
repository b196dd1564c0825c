/**
 * What the extension applies in an untrusted workspace (Restricted Mode), in one place. Nothing
 * in a repository runs as code; what it can configure is applied or not by its cost:
 * - `.integration-docs.json` is applied: its placeholder patterns and `ignore` globs run on a
 *   linear-time engine (`core/patterns.ts`, `core/globs.ts`), its other keys cost nothing;
 * - workspace settings are applied, except those below, which can make the extension do much
 *   more work than a user asked for (lint every file at startup, lint files of any size): for
 *   them only the user's own value counts until the workspace is trusted. package.json lists
 *   them as `restrictedConfigurations` too (a drift test holds both equal).
 * No `vscode` import here: the unit tests check this policy without an editor.
 */

/**
 * The decision for every setting (below `integrationDocs.`; `rules.*` for the rule severities),
 * with why. A drift test holds this equal to the settings package.json contributes.
 */
export const UNTRUSTED_POLICY: Readonly<Record<string, { applied: boolean; why: string }>> = {
  enable: { applied: true, why: 'turns linting off, never on more work' },
  'rules.*': { applied: true, why: 'severities: no cost' },
  placeholderPatterns: { applied: true, why: 'run in linear time (RE2JS), validated like the config file' },
  dodHeadings: { applied: true, why: 'compared as text' },
  debounceMs: { applied: true, why: 'each re-lint is incremental and bounded' },
  templatesFolder: { applied: true, why: 'templates are data, read only inside the workspace folder' },
  maxFileSizeKB: { applied: false, why: 'a large value makes the extension lint files of any size' },
  scanWorkspaceOnStartup: { applied: false, why: 'lints every file of the workspace at startup' },
};

/** Settings (below `integrationDocs.`) whose workspace values wait for trust. */
export const RESTRICTED_SETTINGS = ['maxFileSizeKB', 'scanWorkspaceOnStartup'] as const;
export type RestrictedSetting = (typeof RESTRICTED_SETTINGS)[number];

/** What `WorkspaceConfiguration.inspect` says of a setting (the parts read here). */
export interface Inspected<T> {
  defaultValue?: T;
  globalValue?: T;
  workspaceValue?: T;
  workspaceFolderValue?: T;
}

/** The value applied: in a trusted workspace every level counts; otherwise the user's or the default. */
export function appliedValue<T>(inspected: Inspected<T> | undefined, trusted: boolean, fallback: T): T {
  if (!inspected) return fallback;
  if (trusted) return inspected.workspaceFolderValue ?? inspected.workspaceValue ?? inspected.globalValue ?? inspected.defaultValue ?? fallback;
  return inspected.globalValue ?? inspected.defaultValue ?? fallback;
}

/** A workspace value that is not applied until the workspace is trusted. */
export interface Withheld {
  key: string;
  /** What the workspace sets. */
  value: unknown;
  /** What is applied instead. */
  applied: unknown;
}

/** Restricted settings whose workspace value is set and differs from what is applied (empty when trusted). */
export function withheldSettings(inspect: (key: RestrictedSetting) => Inspected<unknown> | undefined, trusted: boolean, section: string): Withheld[] {
  if (trusted) return [];
  const out: Withheld[] = [];
  for (const key of RESTRICTED_SETTINGS) {
    const i = inspect(key);
    const value = i?.workspaceFolderValue ?? i?.workspaceValue;
    if (value === undefined) continue;
    const applied = appliedValue(i, false, undefined);
    if (JSON.stringify(value) !== JSON.stringify(applied)) out.push({ key: `${section}.${key}`, value, applied });
  }
  return out;
}

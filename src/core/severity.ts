import type { RuleId, Severity, SeveritySetting } from './types';

/** Every value a severity setting accepts. */
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['auto', 'error', 'warning', 'information', 'hint', 'off'];

/** What each severity setting means, for settings UIs and the config schema. */
export const SEVERITY_SETTING_DESCRIPTIONS: Readonly<Record<SeveritySetting, string>> = {
  auto: "Follow the document's `status`: outline → information, draft → warning, final → error (no status → warning).",
  error: 'Always an error.',
  warning: 'Always a warning.',
  information: 'Always information.',
  hint: 'Always a hint (shown faintly, not in the Problems panel count).',
  off: 'Do not report this rule.',
};

/** The default severity for a document `status`: outline → information, draft → warning, final → error. */
export function severityForStatus(status: string | undefined): Severity {
  switch (status) {
    case 'outline':
      return 'information';
    case 'final':
      return 'error';
    default:
      return 'warning';
  }
}

/** Resolves the severity of `rule` for a document, or `undefined` when the rule is off. */
export function resolveSeverity(
  rule: RuleId,
  settings: Partial<Record<RuleId, SeveritySetting>> | undefined,
  status: string | undefined,
): Severity | undefined {
  const setting = settings?.[rule] ?? 'auto';
  if (setting === 'off') return undefined;
  return setting === 'auto' ? severityForStatus(status) : setting;
}

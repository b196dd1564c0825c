import type { RuleId, Severity, SeveritySetting } from './types';

/** Every value a severity setting accepts. */
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['auto', 'error', 'warning', 'information', 'hint', 'off'];

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

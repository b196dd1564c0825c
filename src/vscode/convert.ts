/** The one place that turns engine spans and findings into `vscode` types. */
import * as vscode from 'vscode';
import type { Finding, Severity } from '../core/types';
import { findingMessage } from './coreText';

/** Short name shown as the diagnostic `source`. */
export const SOURCE = 'integration-docs';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** The range of a finding (engine lines/columns are 1-based, end exclusive). */
export function rangeOf(f: Pick<Finding, 'line' | 'column' | 'endLine' | 'endColumn'>): vscode.Range {
  return new vscode.Range(f.line - 1, f.column - 1, f.endLine - 1, f.endColumn - 1);
}

/** A range from document offsets. */
export function rangeAt(document: vscode.TextDocument, start: number, end: number): vscode.Range {
  return new vscode.Range(document.positionAt(start), document.positionAt(end));
}

/** Where a rule id links to (`DocsLink`: the rule's README section). */
export interface RuleDocs {
  forRule(rule: string): vscode.Uri;
}

/** A diagnostic for a finding, in the user's language; its rule id links to the rule's section of the README. */
export function toDiagnostic(f: Finding, docs: RuleDocs): vscode.Diagnostic {
  const d = new vscode.Diagnostic(rangeOf(f), findingMessage(f), SEVERITY[f.severity]);
  d.source = SOURCE;
  d.code = { value: f.rule, target: docs.forRule(f.rule) };
  return d;
}

/** The rule id of one of our diagnostics, or undefined for others'. */
export function ruleOf(d: vscode.Diagnostic): string | undefined {
  if (d.source !== SOURCE) return undefined;
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : undefined;
}

/**
 * The one diagnostic of a document that could not be linted, at its start: its findings are
 * unknown, so the Problems panel must not show it as clean.
 */
export function failureDiagnostic(error: string): vscode.Diagnostic {
  const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), vscode.l10n.t('Integration Docs could not lint this document (internal error: {0}); its findings are unknown. Details: the Integration Docs output.', error), vscode.DiagnosticSeverity.Error);
  d.source = SOURCE;
  d.code = 'internal-error';
  return d;
}

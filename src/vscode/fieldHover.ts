/**
 * A hover on an unfilled field: its label, type and help (from the schema of the template the
 * document names, when there is one), where its answer lands, and a "Fill…" link that runs the
 * same command as the quick fix.
 */
import * as vscode from 'vscode';
import type { TemplateField } from '../core/templates/index';
import { FILL_COMMAND, type FillArgs } from './codeActions';
import { fieldAt, type DocumentFieldCache } from './fieldInfo';
import type { LintService } from './linting';

export class FieldHover implements vscode.HoverProvider {
  constructor(
    private readonly linting: LintService,
    private readonly fields: DocumentFieldCache,
  ) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const result = this.linting.result(doc.uri);
    if (!result || result.version !== doc.version || result.skipped) return undefined;
    const at = doc.offsetAt(position);
    const finding = result.findings.find((f) => f.rule === 'placeholder' && f.startOffset <= at && at < f.endOffset);
    const field = finding && fieldAt(this.fields.of(doc), finding.startOffset);
    if (!finding || !field) return undefined;
    const range = new vscode.Range(doc.positionAt(finding.startOffset), doc.positionAt(finding.endOffset));
    const args: FillArgs = { uri: doc.uri.toString(), start: finding.startOffset, end: finding.endOffset, text: doc.getText(range), all: false, choices: field.choices };
    return new vscode.Hover(hoverText(field, args), range);
  }
}

/** The hover's Markdown: trusted only to run the fill command. */
export function hoverText(field: TemplateField, args: FillArgs): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: [FILL_COMMAND] };
  md.appendMarkdown(`**${escape(field.label)}** · ${field.type}\n\n`);
  if (field.help) md.appendMarkdown(`${escape(field.help)}\n\n`);
  const n = field.occurrences.length;
  md.appendMarkdown(`${n > 1 ? vscode.l10n.t('One answer for its {0} places in this document.', n) : vscode.l10n.t('An answer for this place only.')}\n\n`);
  const link = (title: string, a: FillArgs) => `[${title}](command:${FILL_COMMAND}?${encodeURIComponent(JSON.stringify([a]))})`;
  const links = [link(vscode.l10n.t('Fill…'), args)];
  if (n > 1) links.push(link(vscode.l10n.t('Fill all {0}…', n), { ...args, all: true, key: field.key }));
  md.appendMarkdown(links.join(' · '));
  return md;
}

/** Escapes Markdown in schema text shown in the hover. */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}

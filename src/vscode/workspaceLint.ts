/**
 * "Lint All Integration Docs": lints Markdown files that are not open and reports them in the
 * Problems panel, with progress and cancellation, honouring `files.exclude`, `search.exclude`
 * is not used (it is for search), and the config files' `ignore` globs.
 */
import * as vscode from 'vscode';
import { ignoredReason } from './ignore';
import { lint } from '../core/lint';
import { editorLineEnds } from '../core/line-ends';
import { oneLineError } from '../core/display';
import { failureDiagnostic, toDiagnostic, type RuleDocs } from './convert';
import { yieldToEventLoop } from './linting';
import type { ConfigFiles } from './settings';
import { lintOptions } from './settings';
import { editorSettings } from './settings';
import { DOC_GLOB } from './languages';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The glob of excluded files from `files.exclude` (patterns set to true). */
function filesExclude(): string | undefined {
  const exclude = vscode.workspace.getConfiguration('files').get<Record<string, boolean>>('exclude', {});
  const globs = Object.entries(exclude).filter(([, on]) => on === true).map(([g]) => g);
  return `{**/node_modules/**,**/.git/**${globs.length ? ',' + globs.join(',') : ''}}`;
}


/** What "Lint All Integration Docs" did. */
export interface WorkspaceLintResult {
  linted: number;
  /** Binary, not UTF-8 or too large. */
  skipped: number;
  /** Files whose lint threw: each has one diagnostic saying so, and the run went on. */
  failed: number;
  cancelled: boolean;
}

/** Lints every Markdown and MDX file of the workspace that is not open; returns how many were linted. */
export async function lintWorkspace(configs: ConfigFiles, collection: vscode.DiagnosticCollection, docs: RuleDocs): Promise<WorkspaceLintResult> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Integration Docs: linting Markdown files'), cancellable: true },
    async (progress, token) => {
      const files = await vscode.workspace.findFiles(DOC_GLOB, filesExclude(), undefined, token);
      const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
      let linted = 0;
      let skipped = 0;
      let failed = 0;
      for (const [i, uri] of files.entries()) {
        if (token.isCancellationRequested) return { linted, skipped, failed, cancelled: true };
        progress.report({ message: vscode.l10n.t('{0} of {1}: {2}', i + 1, files.length, vscode.workspace.asRelativePath(uri)), increment: 100 / files.length });
        if (open.has(uri.toString())) continue;
        const { config, file } = await configs.forDocument(uri);
        if (ignoredReason(uri, config, file)) continue;
        const text = await readText(uri, editorSettings(uri).maxFileSizeKB * 1024);
        if (text === undefined) {
          skipped++;
          continue;
        }
        try {
          collection.set(uri, lint(text, lintOptions(uri, config, [])).map((f) => toDiagnostic(f, docs)));
          linted++;
        } catch (e) {
          collection.set(uri, [failureDiagnostic(oneLineError(e))]);
          failed++;
        }
        await yieldToEventLoop(); // stay responsive
      }
      return { linted, skipped, failed, cancelled: false };
    },
  );
}

async function readText(uri: vscode.Uri, maxBytes: number): Promise<string | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > maxBytes) return undefined;
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (bytes.subarray(0, 8192).includes(0)) return undefined;
    return editorLineEnds(decoder.decode(bytes));
  } catch {
    return undefined;
  }
}

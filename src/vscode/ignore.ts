/**
 * Documents the extension does not lint: those matching the `ignore` globs of their
 * `.integration-docs.json` (relative to its folder), and team templates, which are full of
 * fields on purpose (`integrationDocs.templatesFolder`). Shared by live and workspace linting.
 */
import * as vscode from 'vscode';
import picomatch from 'picomatch';
import type { Config } from '../core/config';
import { templatesFolder } from './templates';

/** Why a document is not linted, or undefined when it is. */
export function ignoredReason(uri: vscode.Uri, config: Config, configFile: vscode.Uri | undefined): string | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (folder) {
    const templates = vscode.Uri.joinPath(folder.uri, templatesFolder(folder)).path;
    if (uri.path.startsWith(`${templates}/`)) return vscode.l10n.t('Not linted: a team template ({0}) keeps its fields on purpose', templatesFolder(folder));
  }
  if (!config.ignore.length) return undefined;
  const base = configFile ? vscode.Uri.joinPath(configFile, '..') : folder?.uri;
  if (!base) return undefined;
  const rel = uri.path.startsWith(`${base.path}/`) ? uri.path.slice(base.path.length + 1) : uri.path;
  return picomatch.isMatch(rel, config.ignore, { dot: true }) ? vscode.l10n.t('Not linted: matched by "ignore" in .integration-docs.json') : undefined;
}

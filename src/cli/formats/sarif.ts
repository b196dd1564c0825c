import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result, Notification } from 'sarif';
import { plainText } from '../../core/display';
import { DOCS_URL, RULES, docsAnchor } from '../../core/rules/index';
import type { Severity } from '../../core/types';
import type { FileResult } from '../lint-file';
import { isFailure } from '../read';
import type { Formatter } from './formatter';

/** The base id result locations are relative to (resolved by `originalUriBaseIds`). */
export const SRCROOT = '%SRCROOT%';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** Rule metadata from the registry, with help from the README. */
function ruleDescriptors(): ReportingDescriptor[] {
  return RULES.map((rule) => {
    const helpUri = `${DOCS_URL}#${docsAnchor(rule.id)}`;
    return {
      id: rule.id,
      name: rule.title.replace(/(?:^|[\s-])(\w)/g, (_, c: string) => c.toUpperCase()),
      shortDescription: { text: plainText(rule.description) },
      fullDescription: { text: plainText(rule.description), markdown: rule.description },
      help: { text: `${plainText(rule.description)} See ${helpUri}`, markdown: `${rule.description}\n\n[Documentation](${helpUri})` },
      helpUri,
      defaultConfiguration: { level: 'warning' },
    };
  });
}

/** A file URI segment by segment, relative to the root when inside it, else absolute. */
function artifactLocation(file: string, root: string): { uri: string; uriBaseId?: string } {
  const rel = relative(root, file);
  const outside = rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || /^[a-zA-Z]:/.test(rel); // (another drive)
  if (outside) return { uri: pathToFileURL(file).href };
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function results(files: readonly FileResult[], root: string): Result[] {
  const index = new Map<string, number>(RULES.map((r, i) => [r.id, i]));
  return files.flatMap((r) =>
    r.findings.map(
      (f): Result => ({
        ruleId: f.rule,
        ruleIndex: index.get(f.rule),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: artifactLocation(r.file, root),
              region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
            },
          },
        ],
      }),
    ),
  );
}

/** Files that were not linted, as tool notifications: warnings when skipped, errors when they could not be linted. */
function notifications(files: readonly FileResult[], root: string): Notification[] {
  return files
    .filter((r) => r.skipped)
    .map((r) => ({
      level: isFailure(r.reason) ? 'error' : 'warning',
      message: { text: r.skipped?.startsWith('not linted') ? `N${r.skipped.slice(1)}` : `Not linted: ${r.skipped}` },
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(r.file, root) } }],
    }));
}

/** The SARIF 2.1.0 log of a lint run (GitHub code scanning and other SARIF viewers). */
export function sarifLog(files: readonly FileResult[], root: string, version: string): Log {
  const base = pathToFileURL(root).href.replace(/\/?$/, '/');
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'integration-docs', version, semanticVersion: version, informationUri: DOCS_URL, rules: ruleDescriptors() } },
        originalUriBaseIds: { [SRCROOT]: { uri: base } },
        invocations: [{ executionSuccessful: !files.some((r) => isFailure(r.reason)), toolExecutionNotifications: notifications(files, root) }],
        columnKind: 'utf16CodeUnits',
        results: results(files, root),
      },
    ],
  };
}

/** SARIF 2.1.0: rules with help links, results located relative to the root (`%SRCROOT%`). */
export const sarif: Formatter = {
  description: 'SARIF 2.1.0, for GitHub code scanning (upload with github/codeql-action/upload-sarif)',
  format(files, { root, version }) {
    return JSON.stringify(sarifLog(files, root, version), null, 2);
  },
};

import type { Node as YamlNode } from 'yaml';
import { isMap, isSeq, isScalar } from '../yaml';
import { isIntegrationFrontmatter, nodeAt, spanOf, STATUSES, type Frontmatter } from '../frontmatter';
import type { Rule, Report } from './rule';
import { said, type MessageArg, type MessageId } from '../messages';


function at(fm: Frontmatter, node: YamlNode | undefined, id: MessageId, ...args: MessageArg[]): Report {
  return { ...spanOf(fm, node), ...said(id, ...args), data: { kind: 'frontmatter' } };
}

function checkStatus(fm: Frontmatter, report: (r: Report) => void): void {
  const node = nodeAt(fm, 'status');
  if (!node) return;
  // `status: [STATUS]`, `status: "[Status]"`: an unfilled field, reported by `placeholder`.
  const span = spanOf(fm, node);
  if (fm.fields.some((f) => f.start < span.end && f.end > span.start)) return;
  const value = isScalar(node) ? node.value : undefined;
  if (typeof value !== 'string' || !(STATUSES as readonly string[]).includes(value)) {
    report(at(fm, node, 'statusUnknown', JSON.stringify(value ?? null)));
  }
}

/** Checks `sources` and returns the declared paths. */
function checkSources(fm: Frontmatter, report: (r: Report) => void): Set<string> | undefined {
  const node = nodeAt(fm, 'sources');
  if (!node) return undefined;
  const declared = new Set<string>();
  if (!isSeq(node)) {
    report(at(fm, node, 'sourcesNotList'));
    return undefined;
  }
  for (const item of node.items as YamlNode[]) {
    const path = isMap(item) ? item.get('path') : undefined;
    const purpose = isMap(item) ? item.get('purpose') : undefined;
    if (typeof path === 'string' && path.trim() !== '') declared.add(path.trim());
    if (!isMap(item) || typeof path !== 'string') {
      report(at(fm, item, 'sourceEntryNotMapping'));
    } else if (typeof purpose !== 'string' || purpose.trim() === '') {
      report(at(fm, item, 'sourceNoPurpose', path));
    }
  }
  return declared;
}

function checkOutline(fm: Frontmatter, declared: Set<string> | undefined, report: (r: Report) => void): void {
  const node = nodeAt(fm, 'outline');
  if (!node) return;
  if (!isMap(node)) {
    report(at(fm, node, 'outlineNotMapping'));
    return;
  }
  for (const pair of node.items) {
    const id = isScalar(pair.key) ? String(pair.key.value) : '?';
    const value = pair.value as YamlNode | null;
    if (value === null || isScalar(value)) continue;
    if (!isMap(value)) {
      report(at(fm, value, 'outlineEntryNotMapping', id));
      continue;
    }
    const sources = value.get('sources', true) as YamlNode | undefined;
    if (sources === undefined || sources === null) continue;
    if (!isSeq(sources)) {
      report(at(fm, sources, 'outlineSourcesNotList', id));
      continue;
    }
    for (const s of sources.items as YamlNode[]) {
      const path = isScalar(s) ? s.value : undefined;
      if (typeof path !== 'string') {
        report(at(fm, s, 'outlineSourcesNotPaths', id));
      } else if (declared && !declared.has(path.trim())) {
        report(at(fm, s, 'outlineSourceUndeclared', id, path));
      } else if (!declared) {
        report(at(fm, s, 'outlineSourcesNone', id, path));
      }
    }
  }
}

/** `frontmatter`: YAML that does not parse, an unknown status, malformed sources and outline. */
export const frontmatter: Rule<'frontmatter'> = {
  id: 'frontmatter',
  title: 'frontmatter problems',
  description: 'Frontmatter that is not valid YAML or breaks the schema (`status`, `sources`, `outline`).',
  check(model, _context, report) {
    const fm = model.frontmatter;
    if (!fm) return;
    if (fm.errors.length > 0) {
      const e = fm.errors[0];
      report({ start: e.start, end: Math.max(e.end, e.start), message: e.message, l10n: e.l10n, data: { kind: 'frontmatter' } });
      return;
    }
    // Another tool's frontmatter (`sources:` of an agent skill, `status: accepted` of an ADR) is its own.
    if (!fm.data || !isIntegrationFrontmatter(fm)) return;
    checkStatus(fm, report);
    checkOutline(fm, checkSources(fm, report), report);
  },
};

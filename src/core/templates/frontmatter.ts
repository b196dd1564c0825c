/**
 * Frontmatter edits with the `yaml` Document API, so the template's comments, key order,
 * quoting and blank lines survive.
 */
import type { Document, Scalar } from 'yaml';
import { parseDocument, isMap, isScalar, visit } from '../yaml';
import { STATUSES as STATUS_LIST } from '../frontmatter';

/** How rendered frontmatter is written: no folding, flow lists as the templates write them. */
const STRINGIFY = { lineWidth: 0, flowCollectionPadding: false } as const;

/** Keys a new document always carries. */
export interface DocStamp {
  template: string;
  template_version: string;
  created: string;
}

/** Valid `status` values; a template's own valid status is kept. */
const STATUSES: ReadonlySet<string> = new Set(STATUS_LIST);

/** Parses frontmatter YAML (the text between the `---` lines) for editing. */
export function parseYaml(content: string): Document {
  return parseDocument(content, { uniqueKeys: true });
}

/** Writes a parsed frontmatter back, ending with a newline. */
export function stringifyYaml(doc: Document): string {
  const text = doc.toString(STRINGIFY);
  return text.endsWith('\n') ? text : `${text}\n`;
}

/**
 * Replaces field texts inside scalar values (never keys): `fills` maps a value node's start
 * offset (in `content`) to the replacements inside it.
 */
export function fillScalars(doc: Document, fills: ReadonlyMap<number, ReadonlyArray<[string, string]>>): void {
  if (fills.size === 0) return;
  visit(doc, {
    Scalar(key, node: Scalar) {
      if (key === 'key' || !node.range || typeof node.value !== 'string') return;
      const pairs = fills.get(node.range[0]);
      if (!pairs) return;
      let value = node.value;
      for (const [from, to] of pairs) value = value.split(from).join(to);
      node.value = value;
    },
  });
}

/**
 * Stamps a new document's frontmatter: `template`, `template_version` and `created` are set
 * (existing keys keep their place, missing ones are appended in that order), and `status`
 * becomes `outline` unless the template already sets a valid status.
 */
export function stampFrontmatter(doc: Document, stamp: DocStamp): void {
  if (!isMap(doc.contents)) doc.contents = doc.createNode({}) as typeof doc.contents;
  const map = doc.contents;
  if (!isMap(map)) return;
  const grouped = map.items.some((p) => isScalar(p.key) && p.key.spaceBefore);
  const before = map.items.length;
  const put = (key: string, value: string) => {
    if (doc.has(key)) doc.set(key, value);
    else map.items.push(doc.createPair(key, value));
  };
  put('template', stamp.template);
  put('template_version', stamp.template_version);
  put('created', stamp.created);
  const status = doc.get('status');
  if (typeof status !== 'string' || !STATUSES.has(status)) put('status', 'outline');
  const first = map.items[before];
  // Keep a template's blank-line grouping of top-level keys for the keys we add.
  if (grouped && before > 0 && first && isScalar(first.key)) first.key.spaceBefore = true;
}

/** Removes template metadata keys; returns whether any key is left. */
export function removeKeys(doc: Document, keys: readonly string[]): boolean {
  for (const k of keys) doc.delete(k);
  return isMap(doc.contents) && doc.contents.items.length > 0;
}

/**
 * What a template contains, decided by the linter itself: a template's fields are exactly
 * the `placeholder` findings of its text, its conditionals exactly the `conditional` ones.
 * There is no second field scanner.
 */
import { buildModel } from '../document';
import type { HeadingFact } from '../facts';
import type { LineStarts } from '../chunks';
import { lintModel } from '../lint';
import type { Finding, LintOptions } from '../types';

/** Every rule that matters for templates on, the others off; severities do not matter here. */
const SCAN_OPTIONS: LintOptions = {
  rules: { placeholder: 'warning', conditional: 'warning', 'unchecked-dod': 'off', frontmatter: 'off' },
};

/** The findings of a template's text that describe it, and its headings (for a field's context). */
export interface TemplateScan {
  placeholders: Finding[];
  conditionals: Finding[];
  headings: HeadingFact[];
  /** Offsets where lines start (`lineStarts[0] === 0`). */
  lineStarts: LineStarts;
}

const cache = new Map<string, TemplateScan>();
const CACHE_SIZE = 16;

/** Lints `text` for placeholders and conditionals (memoized: pickers ask again on every step). */
export function scanTemplate(text: string): TemplateScan {
  const hit = cache.get(text);
  if (hit) return hit;
  const model = buildModel(text, { patterns: [] });
  const findings = lintModel(model, SCAN_OPTIONS);
  const scan: TemplateScan = {
    placeholders: findings.filter((f) => f.rule === 'placeholder'),
    conditionals: findings.filter((f) => f.rule === 'conditional'),
    headings: model.headings,
    lineStarts: model.lineStarts,
  };
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(text, scan);
  return scan;
}

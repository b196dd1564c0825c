/**
 * The rule registry: an explicit, ordered list (no discovery), one rule per file. It is the one
 * source of the rule catalogue: rule ids (and so the `RuleId` type), titles, descriptions and
 * docs anchors. The settings in `package.json`, the config file's JSON schema, the README's rule
 * table and SARIF rule metadata are generated from it (`src/build/catalogue.ts`).
 */
import type { Rule } from './rule';
import { placeholder } from './placeholder';
import { uncheckedDod } from './unchecked-dod';
import { conditional } from './conditional';
import { frontmatter } from './frontmatter';
import { outline } from './outline';
import { sources } from './sources';

/** Every rule, in the order findings of one position are reported and rules are listed. */
export const RULES = [placeholder, uncheckedDod, conditional, frontmatter, outline, sources] as const;

/** Identifiers of every rule the engine knows. */
export type RuleId = (typeof RULES)[number]['id'];

/** All rule ids, in registry order. */
export const RULE_IDS: readonly RuleId[] = RULES.map((r) => r.id);

/** Where the rules are documented: the README (shipped with the extension and the npm package). */
export const DOCS_URL = 'https://www.npmjs.com/package/integration-docs';

/** The README anchor of a rule's section: `rule-placeholder`. */
export function docsAnchor(id: string): string {
  return `rule-${id}`;
}

/** The rule with this id, or undefined. */
export function ruleById(id: string): Rule<RuleId> | undefined {
  return RULES.find((r) => r.id === id);
}

/** Whether a string is a rule id. */
export function isRuleId(id: string): id is RuleId {
  return (RULE_IDS as readonly string[]).includes(id);
}

export type { Rule, Report, RuleContext } from './rule';

/**
 * The rule registry: an explicit, ordered list (no discovery), one rule per file.
 */
import type { Rule } from './rule';
import { placeholder } from './placeholder';
import { uncheckedDod } from './unchecked-dod';
import { conditional } from './conditional';
import { frontmatter } from './frontmatter';
import { outline } from './outline';
import { sources } from './sources';

export const RULES: readonly Rule[] = [placeholder, uncheckedDod, conditional, frontmatter, outline, sources];

export type { Rule, Report, RuleContext } from './rule';

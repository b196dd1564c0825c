import { readPlan, titleOfId } from '../outline-plan';
import type { Rule } from './rule';
import { said } from '../messages';

/**
 * `outline`: a section planned in the frontmatter `outline` that no heading writes. Reported on
 * the entry's key. Matching is `matchOutline`'s (a `SECTION` comment, or a heading with the id's
 * words). Headings that are not planned are shown by the outline view, not reported.
 */
export const outline: Rule<'outline'> = {
  id: 'outline',
  title: 'planned sections not written',
  description: 'Planned sections (frontmatter `outline` entries) with no matching heading.',
  check(model, _context, report) {
    const plan = readPlan(model);
    plan.outline?.forEach((entry, i) => {
      if (plan.matches[i] !== undefined) return;
      report({
        ...entry.key,
        ...said('outlineNotWritten', entry.id, titleOfId(entry.id)),
      });
    });
  },
};

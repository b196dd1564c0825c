/** The titles of the quick fixes, as templates a host can translate (see `fixes.ts`). */
import { format } from './messages';

/**
 * The English title templates of the fixes (`{0}`, `{1}`: arguments). A fix carries its key and
 * arguments (`Fix.label`), so a host can show the title in the user's language.
 */
export const FIX_TITLES = {
  markDone: 'Mark item done',
  keepContentTrue: 'Keep the content of {0} (as if {1} is true), remove its markers',
  keepContentFalse: 'Keep the content of {0} (as if {1} is false), remove its markers',
  removeBlockTrue: 'Remove {0} with its content (as if {1} is true)',
  removeBlockFalse: 'Remove {0} with its content (as if {1} is false)',
  keepBranchTrue: 'Keep the {0} branch (as if {1} is true), remove the {2} branch',
  keepBranchFalse: 'Keep the {0} branch (as if {1} is false), remove the {2} branch',
  keepBranch: 'Keep the {0} branch, remove the {1} branch',
  suppressFinding: 'Suppress only this {0} finding',
  suppressLine: 'Suppress {0} on line {1}',
  suppressLineMany: 'Suppress {0} on line {1} ({2} findings)',
  suppressTableOne: 'Suppress {0} in this whole table (1 finding)',
  suppressTableMany: 'Suppress {0} in this whole table ({1} findings)',
  suppressCodeOne: 'Suppress {0} in this whole code block (1 finding)',
  suppressCodeMany: 'Suppress {0} in this whole code block ({1} findings)',
  suppressFileOne: 'Suppress {0} in this whole file (1 finding)',
  suppressFileMany: 'Suppress {0} in this whole file ({1} findings)',
  insertHeading: 'Insert heading "{0}"',
  removeOutlineEntry: 'Remove `{0}` from the outline',
  addToOutline: 'Add "{0}" to the outline as `{1}`',
  createFile: 'Create file {0}',
  removeSource: 'Remove {0} from sources',
} as const;

/** The key of a fix title. */
export type FixTitleKey = keyof typeof FIX_TITLES;

/** A title as its template key and arguments. */
export interface FixLabel {
  key: FixTitleKey;
  args: string[];
}

/** The English title and the label of a fix. */
export function titled(key: FixTitleKey, ...args: (string | number)[]): { title: string; label: FixLabel } {
  const strings = args.map(String);
  return { title: format(FIX_TITLES[key], strings), label: { key, args: strings } };
}

/**
 * Which file of the extension's folder is its README. A checkout has `README.md`; a VSIX made by
 * vsce stores it as `readme.md`, and file systems are case-sensitive on Linux, so the name is
 * looked up rather than assumed. No `vscode` here: a unit test runs it.
 */

/** The README's name among a folder's entries (an exact `README.md` first, then any case). */
export function readmeName(names: readonly string[]): string | undefined {
  if (names.includes('README.md')) return 'README.md';
  return names.find((n) => n.toLowerCase() === 'readme.md');
}

/** The name to use before the folder is read: vsce's name for an installed extension. */
export function guessReadmeName(installed: boolean): string {
  return installed ? 'readme.md' : 'README.md';
}

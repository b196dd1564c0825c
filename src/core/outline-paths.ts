/**
 * Where a source path of a Kurt-style document points, as plain string arithmetic (no
 * `node:path`, so it runs in a web worker too). Paths starting with `/` are relative to the
 * workspace root (the Kurt convention); other paths are relative to the document's folder.
 *
 * ```ts
 * locateSource('/sources/api.md', '/ws', '/ws/docs')   // { path: '/ws/sources/api.md', outside: false, folder: false }
 * locateSource('../../etc/passwd', '/ws', '/ws/docs')  // { path: '/etc/passwd', outside: true, folder: false }
 * ```
 */

/** A source path resolved against the root and the document's folder. */
export interface SourceLocation {
  /** The resolved path, `/`-separated (a drive letter stays the first segment: `C:/ws/x`). */
  path: string;
  /** The path escapes the root: show it, flag it, never open it. */
  outside: boolean;
  /** A trailing `/` names a folder. */
  folder: boolean;
}

/** `https://…`, `mailto:…`: a source that is not a file. */
export function isRemoteSource(path: string): boolean {
  return /^[a-z][a-z\d+.-]*:\/\//i.test(path) || /^(?:mailto|urn):/i.test(path);
}

function segments(path: string): string[] {
  return path.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
}

/** Applies `rel` to `base` segments; returns undefined when `..` climbs above the filesystem root. */
function walk(base: string[], rel: string): string[] | undefined {
  const out = [...base];
  for (const s of segments(rel)) {
    if (s !== '..') out.push(s);
    else if (out.length === 0) return undefined;
    else out.pop();
  }
  return out;
}

/**
 * Resolves `source` against `root` (for `/…` paths) or `docFolder` (for the others); both are
 * absolute, `/`- or `\`-separated. Undefined for an empty or remote (URL) source.
 */
export function locateSource(source: string, root: string, docFolder: string): SourceLocation | undefined {
  const trimmed = source.trim();
  if (trimmed === '' || isRemoteSource(trimmed)) return undefined;
  const rootParts = segments(root);
  const lead = /^[\\/]/.test(root) ? '/' : '';
  const absolute = trimmed.startsWith('/');
  const parts = walk(absolute ? rootParts : segments(docFolder), trimmed);
  const folder = /[\\/]$/.test(trimmed);
  if (!parts) return { path: trimmed, outside: true, folder };
  const inside = parts.length >= rootParts.length && rootParts.every((p, i) => parts[i] === p);
  return { path: lead + parts.join('/'), outside: !inside, folder };
}

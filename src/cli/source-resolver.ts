import { realpathSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { locateSource } from '../core/outline-paths';
import type { SourceCheck } from '../core/types';

const posix = (p: string) => p.replace(/\\/g, '/');

/** The real path of `path` (symlinks resolved), or undefined when it does not exist. */
function realPath(path: string): string | undefined {
  try {
    return posix(realpathSync(path));
  } catch {
    return undefined;
  }
}

/** Whether `path` is `root` or below it (both `/`-separated, absolute). */
function within(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith('/') ? root : `${root}/`);
}

/**
 * The real paths of the roots met in this process, by their resolved paths. A run lints many
 * documents under one root, most with no source to check: the root's real path (one `lstat` per
 * folder on its way) is looked up at the first source checked under it, once.
 */
const realRoots = new Map<string, string>();

function realRootOf(rootDir: string): string {
  let real = realRoots.get(rootDir);
  if (real === undefined) {
    real = realPath(rootDir) ?? rootDir;
    realRoots.set(rootDir, real);
  }
  return real;
}

/**
 * A `resolveSource` for documents on disk: `/…` paths are relative to `root`, others to the
 * document's folder. A path that escapes `root` — by `..` or through a symbolic link whose real
 * path lies outside — is `outside` and never looked at further.
 */
export function fileSourceResolver(file: string, root: string): (path: string) => SourceCheck | undefined {
  const rootDir = posix(resolve(root));
  const docDir = posix(dirname(resolve(file)));
  return (path) => {
    const at = locateSource(path, rootDir, docDir);
    if (!at) return undefined;
    if (at.outside) return { exists: false, outside: true };
    const real = realPath(at.path);
    if (real === undefined) return { exists: false, outside: false };
    if (!within(real, realRootOf(rootDir))) return { exists: false, outside: true };
    try {
      const stat = statSync(real);
      return { exists: at.folder ? stat.isDirectory() : true, outside: false };
    } catch {
      return { exists: false, outside: false };
    }
  };
}

import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { locateSource } from '../core/outline-paths';
import type { SourceCheck } from '../core/types';

const posix = (p: string) => p.replace(/\\/g, '/');

/**
 * A `resolveSource` for documents on disk: `/…` paths are relative to `root`, others to the
 * document's folder; a path that escapes `root` is `outside` and never looked at.
 */
export function fileSourceResolver(file: string, root: string): (path: string) => SourceCheck | undefined {
  const rootDir = posix(resolve(root));
  const docDir = posix(dirname(resolve(file)));
  return (path) => {
    const at = locateSource(path, rootDir, docDir);
    if (!at) return undefined;
    if (at.outside) return { exists: false, outside: true };
    try {
      const stat = statSync(at.path);
      return { exists: at.folder ? stat.isDirectory() : true, outside: false };
    } catch {
      return { exists: false, outside: false };
    }
  };
}

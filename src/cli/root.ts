import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { chooseRoot } from '../core/root';
import { UsageError } from './config-loader';

/** A folder and its parents, to the filesystem root. */
function ancestors(dir: string): string[] {
  const out = [dir];
  for (let parent = dirname(dir); parent !== out[out.length - 1]; parent = dirname(parent)) out.push(parent);
  return out;
}

/** Checks `--root DIR`: an existing folder, returned absolute. */
export function rootOption(dir: string): string {
  const abs = resolve(dir);
  let isDir = false;
  try {
    isDir = statSync(abs).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new UsageError(`--root ${abs} is not a folder`);
  return abs;
}

/**
 * The root folder of each document (`/` source paths are relative to it; see `core/root.ts`):
 * `--root` when given, else the nearest folder with `.integration-docs.json`, else the nearest
 * with `.git`, else the current folder. Answers are cached per folder.
 */
export class RootResolver {
  private readonly byDir = new Map<string, string>();

  constructor(private readonly explicit?: string) {}

  /** The root of the document `file`. */
  forFile(file: string): string {
    return this.forDir(dirname(resolve(file)));
  }

  /** The root for documents in `dir`. */
  forDir(dir: string): string {
    if (this.explicit) return this.explicit;
    let root = this.byDir.get(dir);
    if (root === undefined) {
      root = chooseRoot(ancestors(dir), (d, marker) => existsSync(join(d, marker)), process.cwd());
      this.byDir.set(dir, root);
    }
    return root;
  }
}

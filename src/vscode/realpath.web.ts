/**
 * The web extension host's stand-in for `realpath.ts` (swapped in by src/build/esbuild.mjs):
 * no file system of its own, so no real paths. Callers then treat a symbolic link as leading
 * outside the workspace (`sources.ts`).
 */
import type * as vscode from 'vscode';

/** Always null: this host cannot resolve real paths. */
export async function realPathOf(uri: vscode.Uri): Promise<string | undefined | null> {
  void uri;
  return null;
}

/** The extension host this bundle runs in, for the activation log line. */
export const EXTENSION_HOST = 'web worker';

/**
 * Real paths (symbolic links resolved) for the Node extension host. The web extension host has
 * no real paths: src/build/esbuild.mjs swaps this module for `realpath.web.ts` there.
 */
import type * as vscode from 'vscode';
import { realpath } from 'node:fs/promises';

/**
 * The real path of a `file:` URI, `/`-separated; undefined when nothing is there (a dangling
 * link, a loop); null when this host cannot tell (another scheme).
 */
export async function realPathOf(uri: vscode.Uri): Promise<string | undefined | null> {
  if (uri.scheme !== 'file') return null;
  try {
    return (await realpath(uri.fsPath)).replace(/\\/g, '/');
  } catch {
    return undefined;
  }
}

/** The extension host this bundle runs in, for the activation log line. */
export const EXTENSION_HOST = 'Node.js';

/**
 * Peer linters the benchmark runs side by side with ours. They are not dev dependencies
 * (a peer may need a newer Node than the project's); the bench installs each pinned
 * version into the git-ignored `.bench/peers/` on first use, from the npm registry.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** A peer: the pinned package spec and its entry point inside the package. */
export interface Peer {
  spec: string;
  name: string;
  entry: string;
}

/** markdownlint-cli2 0.22 is the newest release whose engines include Node 20. */
export const MARKDOWNLINT_CLI2: Peer = {
  spec: 'markdownlint-cli2@0.22.0',
  name: 'markdownlint-cli2',
  entry: 'markdownlint-cli2-bin.mjs',
};

/** Absolute path of the peer's entry point, installing the pinned version first when missing. */
export function ensurePeer(work: string, peer: Peer, log: (s: string) => void): string {
  const prefix = join(work, 'peers', peer.spec.replace(/[@/]/g, '_'));
  const entry = join(prefix, 'node_modules', peer.name, peer.entry);
  if (existsSync(entry)) return entry;
  log(`installing ${peer.spec} into ${prefix} (bench peer, first run)…`);
  mkdirSync(prefix, { recursive: true });
  const r = spawnSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--no-save', peer.spec], { stdio: 'inherit' });
  if (r.status !== 0 || !existsSync(entry)) throw new Error(`could not install ${peer.spec} (npm exit ${r.status})`);
  return entry;
}

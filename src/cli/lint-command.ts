import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { loadParser } from '../core/parse';
import { loadYaml } from '../core/yaml';
import { LARGE_RUN_BYTES, largeRunFlags } from './v8-flags';
import { lintOptionsOf } from '../core/config';
import { syntaxOf } from '../core/syntax';
import { parseArgs, flag } from './args';
import { ConfigResolver, loadConfigFile, UsageError } from './config-loader';
import { collectFiles } from './files';
import { FORMATTERS, FORMAT_NAMES } from './formats/index';
import { shown } from './paths';
import { RootResolver, rootOption } from './root';
import { VERSION } from './version';
import { lintAll, type Job } from './pool';
import { DEFAULT_MAX_BYTES, isFailure } from './read';

export const LINT_HELP = `Usage: integration-docs lint [files | directories | globs...] [options]

Lints Markdown integration docs for unfilled fields, unchecked Definition-of-Done items,
unresolved {{#if}} blocks and frontmatter problems. Directories are searched for *.md,
*.markdown and *.mdx (MDX: JSX, {expressions} and import/export are never fields); node_modules,
.git and the config's "ignore" globs are skipped. Default: the current folder.

Options:
  --format FORMAT            ${FORMAT_NAMES.join(', ')} (default: text)
  --config FILE              use this config instead of the nearest .integration-docs.json
  --root DIR                 the folder "/" source paths are relative to and SARIF paths
                             are relative to (default: the nearest folder upwards with
                             .integration-docs.json, else the git root, else the current
                             folder — the same rule as in VS Code)
  --quiet                    report errors only, without the summary line
  --fail-on LEVEL            exit 1 when a finding is at least this severe: error (default),
                             warning, information, hint, or none (never on findings)
  --skip-ignored             skip named files that the config's "ignore" globs match too
                             (for pre-commit hooks, which name every changed file)
  --max-size MB              skip larger files with a message (default: 5)
  -h, --help                 show this help

Exit status: 0 no finding at or above --fail-on, 1 at least one, 2 usage, I/O or config error,
a file that could not be read or linted, or a glob that matches no Markdown file. Files skipped
on purpose (binary, not UTF-8, over --max-size, not a regular file) are named on stderr and
counted in the summary line.`;

const SPEC = { '--format': true, '--config': true, '--root': true, '--quiet': false, '--fail-on': true, '--skip-ignored': false, '--max-size': true, '--help': false, '-h': false };

/** `--fail-on` values, most severe first; `none` never fails on findings. */
const FAIL_ON = ['error', 'warning', 'information', 'hint', 'none'];

function maxBytes(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_BYTES;
  const mb = Number(value);
  if (!Number.isFinite(mb) || mb <= 0) throw new UsageError(`--max-size must be a positive number of megabytes, got "${value}"`);
  return Math.round(mb * 1024 * 1024);
}

/** A file's size for choosing threads; 0 when it cannot be stat'ed (the read reports why). */
function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/**
 * Lets V8 grow its young generation for a run of `LARGE_RUN_BYTES` or more (`v8-flags.ts`). V8
 * rejects a code cache written under other flags, so the parser's and YAML's bundles are loaded
 * first, under the flags their cache files were written with (the cache writes at exit set the
 * launcher's flags again: `compile-cache.ts`).
 */
function sizeRun(totalBytes: number): void {
  const flags = totalBytes >= LARGE_RUN_BYTES ? largeRunFlags(process.versions.v8) : [];
  if (flags.length === 0) return;
  loadParser();
  loadYaml();
  for (const f of flags) setFlagsFromString(f);
}

/** `integration-docs lint`: returns the exit code. */
export async function lintCommand(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const args = parseArgs(argv, SPEC);
  if (args.flags.has('--help') || args.flags.has('-h')) {
    out(LINT_HELP);
    return 0;
  }
  const formatter = FORMATTERS[flag(args, '--format', FORMAT_NAMES) ?? 'text'];
  const quiet = args.flags.has('--quiet');
  const failOn = flag(args, '--fail-on', FAIL_ON) ?? 'error';
  const limit = maxBytes(flag(args, '--max-size'));
  const configPath = flag(args, '--config');
  const configs = new ConfigResolver(configPath ? loadConfigFile(resolve(configPath)) : undefined, (m) => err(`integration-docs: warning: ${m}`));
  const rootFlag = flag(args, '--root');
  const roots = new RootResolver(rootFlag === undefined ? undefined : rootOption(rootFlag));
  const files = collectFiles(args.positional, configs, args.flags.has('--skip-ignored'));
  let totalBytes = 0;
  const jobs: Job[] = files.map((file, index) => {
    totalBytes += sizeOf(file);
    const loaded = configs.forFile(file);
    return { index, file, options: { ...lintOptionsOf(loaded.config), syntax: syntaxOf(file) }, maxBytes: limit, root: roots.forFile(file) };
  });
  sizeRun(totalBytes);
  let results = await lintAll(jobs, totalBytes);
  for (const r of results) if (r.skipped) err(`integration-docs: ${shown(r.file)}: ${r.skipped}`);
  const worst = FAIL_ON.indexOf(failOn);
  const failed = failOn !== 'none' && results.some((r) => r.findings.some((f) => FAIL_ON.indexOf(f.severity) <= worst));
  const incomplete = results.some((r) => isFailure(r.reason));
  if (quiet) results = results.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') }));
  const text = formatter.format(results, { quiet, root: roots.forDir(process.cwd()), version: VERSION });
  if (text) out(text);
  return incomplete ? 2 : failed ? 1 : 0;
}

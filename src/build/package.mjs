// `npm run package`: makes integration-docs-<version>.vsix with @vscode/vsce (3.x, runs on
// Node 20; 4.x would need Node 22+).
//
// The production bundle (minified, no source maps) is built into a temporary staging copy
// of the project, never into dist/: `npm run build`, `npm test` and the watch build keep
// their dev bundles (with source maps) in dist/, and packaging while they run is safe.
// vsce then packs the staging copy, with .vscodeignore choosing the files (dist/extension.js,
// snippets/, syntaxes/, media/, package.json, README, CHANGELOG, LICENSE), offline
// (--no-dependencies: everything is bundled). The result is checked: the files the
// extension needs are there, no source maps or tests, under 720 KB.
//
// Usage: node src/build/package.mjs [--out <file.vsix>]
// Import: packageVsix({ out }) → { file, bytes, entries }
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const VSCE = join(ROOT, 'node_modules/@vscode/vsce/vsce');
// 500 KB until MDX (remark-mdx with acorn, ~170 KB in each of the two bundles) and the
// linear-time regex engine for user patterns (re2js) joined both bundles: 584 KB. 680 KB since
// the field schemas of the five templates, the walkthrough and the form (its webview script and
// stylesheet, its model in both bundles) joined: 645 KB. 690 KB since the core reads a changelog
// entry's sub-items apart (src/core/list-items.ts) and the field rules learned from seventeen
// rounds of published docs and real templates (both bundles, with the README's record of them)
// brought it to about 684 KB. 700 KB since the fast paths read list items holding fences,
// comment lines and dated tables (both bundles) and the README records the performance work:
// about 691 KB. 720 KB since the field rules of eval rounds 18-30 (both bundles) and the
// README's record of those rounds brought it to about 701 KB. 740 KB since the performance
// sessions' code (each bundle's lazily built patterns, char-code scans and indexed loops: about
// 1.3 KB compressed over the four bundles) and the README's record brought it to about 721 KB.
export const MAX_VSIX_BYTES = 740 * 1024;
/** Paths inside the VSIX (under extension/) that must be there. */
const REQUIRED = [
  'extension/package.json',
  'extension/dist/extension.js',
  'extension/dist/lazy/remark.js',
  'extension/dist/lazy/remark-mdx.js',
  'extension/dist/lazy/re2js.js',
  'extension/dist/lazy/yaml.js',
  'extension/dist/lazy/yaml-events.js',
  'extension/snippets/markdown.json',
  'extension/syntaxes/placeholders.injection.tmLanguage.json',
  'extension/media/icon.png',
  'extension/media/outline.svg',
  'extension/media/integration-docs.schema.json',
  'extension/media/form.js',
  'extension/media/form.css',
  'extension/media/walkthrough/fields.svg',
  'extension/readme.md',
  'extension/package.nls.json',
  'extension/package.nls.de.json',
  'extension/l10n/bundle.l10n.json',
  'extension/l10n/bundle.l10n.de.json',
];
/** Top-level entries of the project not copied to the staging folder. */
const NOT_STAGED = new Set(['node_modules', '.git', 'dist', '.vscode-test', 'test-artifacts', '.bench']);

/**
 * Runs `cmd args` in `cwd`, its output kept and shown only when it fails (stdin closed:
 * a vsce prompt fails instead of hanging).
 */
function run(cmd, args, cwd) {
  return new Promise((res, rej) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.once('error', rej);
    child.once('close', (code, sig) =>
      code === 0
        ? res(out)
        : rej(new Error(`${relative(ROOT, args[0]) || cmd} ${args.slice(1).join(' ')} failed (${sig ?? `exit ${code}`}):\n${out}`)),
    );
  });
}

/**
 * The entries of a zip file (a VSIX), from its central directory.
 * @param {string} file
 * @returns {{ name: string, size: number, compressed: number }[]}
 */
export function zipEntries(file) {
  const buf = readFileSync(file);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`${file}: bad central directory`);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    out.push({ name: buf.toString('utf8', p + 46, p + 46 + nameLen), size, compressed });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/**
 * Packs the extension folder `folder` as it is into the VSIX `file` with vsce, offline (no
 * dependencies, no repository needed); more vsce flags in `extra`. Resolves with `file`.
 */
export async function vscePackage(folder, file, extra = []) {
  if (!existsSync(VSCE)) throw new Error(`${relative(ROOT, VSCE)} is missing: run npm install`);
  rmSync(file, { force: true });
  const flags = ['--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', ...extra];
  await run(process.execPath, [VSCE, 'package', ...flags, '--out', file], folder);
  return file;
}

/**
 * Builds the production bundle in a staging copy and packs it with vsce.
 * @param {{ out?: string }} [options]  out: the .vsix to write
 *   (default <root>/integration-docs-<version>.vsix)
 * @returns {Promise<{ file: string, bytes: number, entries: ReturnType<typeof zipEntries> }>}
 */
export async function packageVsix({ out } = {}) {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const file = resolve(out ?? join(ROOT, `${pkg.name}-${pkg.version}.vsix`));
  if (!existsSync(VSCE)) throw new Error(`${relative(ROOT, VSCE)} is missing: run npm install`);
  const staging = mkdtempSync(join(tmpdir(), 'integration-docs-package-'));
  try {
    // also regenerates snippets/ from the templates, as every build does
    await run(process.execPath, [join(ROOT, 'src/build/esbuild.mjs'), '--production', '--no-tests', '--outdir', join(staging, 'dist')], ROOT);
    cpSync(ROOT, staging, {
      recursive: true,
      filter: (src) => {
        const rel = relative(ROOT, src);
        return !NOT_STAGED.has(rel.split('/')[0]) && !rel.endsWith('.vsix');
      },
    });
    for (const name of ['README.md', 'LICENSE']) {
      if (!existsSync(join(staging, name)) && !(name === 'LICENSE' && ['LICENSE.md', 'LICENSE.txt'].some((n) => existsSync(join(staging, n))))) {
        throw new Error(`${name} is missing: vsce needs it to make a VSIX`);
      }
    }
    await vscePackage(staging, file);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  const bytes = statSync(file).size;
  const entries = zipEntries(file);
  const names = new Set(entries.map((e) => e.name));
  const problems = [
    ...REQUIRED.filter((n) => !names.has(n)).map((n) => `missing ${n}`),
    ...[...names].filter((n) => n.endsWith('.map') || n.startsWith('extension/dist/test/') || n.startsWith('extension/src/') || n.includes('node_modules/')).map((n) => `should not ship ${n}`),
    ...(bytes > MAX_VSIX_BYTES ? [`${bytes} bytes, over the ${MAX_VSIX_BYTES}-byte limit`] : []),
  ];
  if (problems.length) throw new Error(`${relative(ROOT, file)}: ${problems.join('; ')}`);
  return { file, bytes, entries };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--out');
  const started = Date.now();
  try {
    const { file, bytes, entries } = await packageVsix({ out: i >= 0 ? process.argv[i + 1] : undefined });
    for (const e of entries) console.log(`  ${String(e.size).padStart(8)}  ${e.name}`);
    console.log(
      `${relative(process.cwd(), file) || file}: ${(bytes / 1024).toFixed(1)} KB (${entries.length} files), in ${((Date.now() - started) / 1000).toFixed(1)}s`,
    );
    console.log(`install it in VS Code: code --install-extension ${file}`);
  } catch (err) {
    console.error(`package: ${err?.message ?? err}`);
    process.exitCode = 1;
  }
}

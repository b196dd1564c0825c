// Bundles the extension, the CLI, the CLI's worker and the tests with esbuild.
// The unified stack is ESM-only; esbuild turns it into CommonJS bundles that the
// VS Code extension host and plain Node load without a loader.
// Flags: --watch, --production (minified, no source maps), --no-tests (skip the test
// bundles), --outdir <dir> (where extension.js, cli.js, cli-worker.js go; default dist;
// src/build/package.mjs builds the VSIX's bundles into a staging folder with it).
import * as esbuild from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { fromMarkdownContext } from './from-markdown-context.mjs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const tests = !process.argv.includes('--no-tests');
const outIndex = process.argv.indexOf('--outdir');
const outdir = outIndex >= 0 ? process.argv[outIndex + 1] : 'dist';

/** All `*.ts` files below `dir` (test entry points). */
function tsFiles(dir) {
  let out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(tsFiles(p));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/**
 * micromark's parser combines its syntax extensions on every parse; its call is routed to
 * src/core/combine-once.ts, which combines each set once (the engine parses many small blocks).
 */
const combineOnce = {
  name: 'combine-once',
  setup(build) {
    const memo = fileURLToPath(new URL('../core/combine-once.ts', import.meta.url));
    build.onResolve({ filter: /^micromark-util-combine-extensions$/ }, (args) =>
      /[\\/]node_modules[\\/]micromark[\\/]/.test(args.importer) ? { path: memo } : undefined,
    );
  },
};

/** yaml's `require('process')` is src/build/yaml-process.cjs: a plain `env` (see there). */
const yamlProcess = {
  name: 'yaml-process',
  setup(build) {
    const shim = fileURLToPath(new URL('./yaml-process.cjs', import.meta.url));
    build.onResolve({ filter: /^(?:node:)?process$/ }, (args) => (/[\\/]node_modules[\\/]yaml[\\/]/.test(args.importer) ? { path: shim } : undefined));
  },
};

/**
 * The web extension host has no Node built-ins: `src/vscode/realpath.ts` is swapped for its web
 * stand-in; and it loads its one bundle whole, so `src/core/yaml-events.ts` (js-yaml, a speed-up
 * of the linter's frontmatter reads) is swapped for one that has none.
 */
const webStandIns = {
  name: 'web-stand-ins',
  setup(build) {
    const web = fileURLToPath(new URL('../vscode/realpath.web.ts', import.meta.url));
    build.onResolve({ filter: /^\.\/realpath$/ }, (args) => (/[\\/]src[\\/]vscode$/.test(args.resolveDir) ? { path: web } : undefined));
    const events = fileURLToPath(new URL('../core/yaml-events.web.ts', import.meta.url));
    build.onResolve({ filter: /^\.\/yaml-events$/ }, (args) => (/[\\/]src[\\/]core$/.test(args.resolveDir) ? { path: events } : undefined));
  },
};

/**
 * Loading a bundle costs in proportion to its size (V8 reads and pre-parses all of it), and the
 * Node extension host loads its bundle at activation, the CLI at every run and in every worker.
 * The libraries the core requires on first use are most of them: in these bundles they are
 * files of their own (dist/lazy/), read when required —
 * - src/core/remark.ts: the Markdown parser (unified, remark, micromark), on the first parse
 *   (the extension loads it in a slice of its own before the first lint);
 * - src/core/parse.ts: remark-mdx with acorn, on the first MDX document;
 * - src/core/re2.ts: RE2JS, on the first user pattern or ignore glob;
 * - src/core/yaml.ts: yaml, on the first frontmatter or template schema; js-yaml's event parser
 *   (src/core/yaml-events.ts), on the first frontmatter holding a template's field schema.
 * The web bundle cannot load files at run time: it keeps them inline (evaluated on first use
 * all the same).
 */
const LAZY = { remark: fileURLToPath(new URL('../core/remark.ts', import.meta.url)), 'yaml-events': fileURLToPath(new URL('../core/yaml-events.ts', import.meta.url)) };
for (const name of ['remark-mdx', 're2js', 'yaml']) LAZY[name] = fileURLToPath(import.meta.resolve(name));
const lazyLibraries = {
  name: 'lazy-libraries',
  setup(build) {
    build.onResolve({ filter: new RegExp(`^(?:${['./remark', './yaml-events', 'remark-mdx', 're2js', 'yaml'].join('|')})$`) }, (args) =>
      args.kind === 'require-call' && /[\\/]src[\\/]core[\\/]/.test(args.importer)
        ? { path: `./lazy/${args.path.replace('./', '')}.js`, external: true }
        : undefined,
    );
  },
};

/** The CLI's launcher (src/cli/launch.ts) requires the CLI's bundle, dist/cli-main.js, as a file of its own. */
const cliMain = {
  name: 'cli-main',
  setup(build) {
    build.onResolve({ filter: /^\.\/cli-main\.js$/ }, (args) => ({ path: args.path, external: true }));
  },
};

const common = {
  plugins: [combineOnce, fromMarkdownContext, yamlProcess],
  bundle: true,
  platform: 'node',
  target: 'node20',
  // esbuild rewrites a regex literal with `\p{…}` for this target into `new RegExp(…)` at the
  // place it stands, so a literal inside a function built a new RegExp on every call (the field
  // grammar has thirty such): 2-3% of linting a folder. Node 20 (and every VS Code's) has them.
  supported: { 'regexp-unicode-property-escapes': true },
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  external: ['vscode'],
  define: { __VERSION__: JSON.stringify(pkg.version) },
  loader: { '.md': 'text' },
};

const builds = [
  { ...common, plugins: [combineOnce, fromMarkdownContext, yamlProcess, lazyLibraries], entryPoints: ['src/vscode/extension.ts'], outfile: join(outdir, 'extension.js') },
  // What dist/extension.js, cli-main.js and cli-worker.js require on first use: dist/lazy/remark.js, remark-mdx.js, re2js.js, yaml.js, yaml-events.js.
  { ...common, entryPoints: Object.fromEntries(Object.entries(LAZY).map(([name, path]) => [`lazy/${name}`, path])), outdir },
  // The web extension host (vscode.dev, github.dev): the same extension, no Node built-ins.
  { ...common, plugins: [combineOnce, fromMarkdownContext, yamlProcess, webStandIns], platform: 'browser', conditions: ['worker'], target: 'es2022', entryPoints: ['src/vscode/extension.ts'], outfile: join(outdir, 'web/extension.js') },
  {
    ...common,
    plugins: [combineOnce, fromMarkdownContext, yamlProcess, lazyLibraries, cliMain],
    entryPoints: { cli: 'src/cli/launch.ts', 'cli-main': 'src/cli/main.ts', 'cli-worker': 'src/cli/worker.ts' },
    outdir,
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    ...common,
    entryPoints: tsFiles('test').filter((f) => !f.includes('/fixtures/')),
    outdir: 'dist/test',
    outbase: 'test',
    external: ['vscode', 'mocha', 'playwright-core'],
  },
].slice(0, tests ? 5 : 4);

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  const results = await Promise.all(builds.map((b, i) => esbuild.build({ ...b, metafile: i < 4 })));
  // Every bundle of the first four builds (not the tests) made ASCII-only, and ids on those the CLI
  // loads through its code cache (bundle-stamp.mjs). A watch build leaves them as esbuild wrote
  // them: the CLI then hashes the text itself.
  const { stampBundle } = await import('./bundle-stamp.mjs');
  const cached = new Set(['cli-main.js', ...Object.keys(LAZY).map((name) => `lazy/${name}.js`)].map((name) => resolve(outdir, name)));
  const bundles = results.flatMap((r) => Object.keys(r.metafile?.outputs ?? {})).filter((file) => file.endsWith('.js'));
  for (const file of bundles.map((f) => resolve(f))) {
    const warning = stampBundle(file, { id: cached.has(file) });
    if (warning) console.warn(warning);
  }
}

// Snippets are generated from the template files (src/build/snippets.mjs), the rule settings,
// config schema and README rule table from the rule registry (src/build/catalogue.mjs), the
// injection grammar from the dialect table (src/build/grammar.mjs), the English runtime-string
// bundle from the l10n.t calls (src/build/l10n.mjs).
if (!watch) {
  (await import('./l10n.mjs')).writeL10nBundle();
  await (await import('./snippets.mjs')).writeSnippets();
  await (await import('./catalogue.mjs')).writeCatalogue();
  await (await import('./grammar.mjs')).writeGrammar();
}

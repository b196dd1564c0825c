// Generates l10n/bundle.l10n.json, the English bundle of the extension's runtime strings, from
// the `vscode.l10n.t(...)` calls in src/vscode/*.ts, read with the TypeScript compiler (a
// dependency already). Same keys as @vscode/l10n-dev's `export` (the message itself); that tool
// would bring a translation-service client and a tree-sitter parser for what this file does.
// A call whose message is not a string literal fails the build: a bundle can only hold what
// is written out in the source.
// `node src/build/l10n.mjs --check` exits 1 when the committed bundle is stale instead of writing it.
import ts from 'typescript';
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BUNDLE = 'l10n/bundle.l10n.json';
const SOURCES = 'src/vscode';

/** `vscode.l10n.t(…)` or `l10n.t(…)`. */
function isL10nCall(node) {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return false;
  const { expression: target, name } = node.expression;
  if (name.text !== 't') return false;
  return (ts.isIdentifier(target) && target.text === 'l10n') || (ts.isPropertyAccessExpression(target) && target.name.text === 'l10n');
}

/**
 * The messages of one source file, in source order.
 * @param {string} file  path relative to the root (for error messages)
 * @param {string} text
 * @returns {string[]}
 */
export function messagesOf(file, text) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out = [];
  const visit = (node) => {
    if (isL10nCall(node)) {
      const first = node.arguments[0];
      if (!first || !(ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        throw new Error(`${file}:${line + 1}: l10n.t needs a string literal as its message (use {0} for values)`);
      }
      out.push(first.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** Every message of src/vscode, as the bundle's JSON text (keys sorted, value = key). */
export function bundleText(root = ROOT) {
  const messages = new Set();
  const dir = join(root, SOURCES);
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts')).sort()) {
    for (const m of messagesOf(relative(root, join(dir, name)), readFileSync(join(dir, name), 'utf8'))) messages.add(m);
  }
  const bundle = {};
  for (const m of [...messages].sort()) bundle[m] = m;
  return `${JSON.stringify(bundle, null, 2)}\n`;
}

/** Writes (or, with `check`, verifies) the English bundle; returns whether it was current. */
export function writeL10nBundle({ check = false } = {}) {
  const file = join(ROOT, BUNDLE);
  const text = bundleText();
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {}
  if (current === text) return true;
  if (check) {
    console.error(`${BUNDLE} is out of date with the l10n.t calls in ${SOURCES}: run npm run build`);
    return false;
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  console.log(`wrote ${BUNDLE} (runtime strings)`);
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = writeL10nBundle({ check: process.argv.includes('--check') }) ? 0 : 1;
}

// Generates l10n/bundle.l10n.json, the English bundle of the extension's runtime strings, from
// the `vscode.l10n.t(...)` calls in src/vscode/*.ts and the core's text catalogues (the finding
// messages of src/core/messages.ts, the fix titles of src/core/fix-titles.ts), all read with the
// TypeScript compiler (a dependency already). Same keys as @vscode/l10n-dev's `export` (the message itself); that tool
// would bring a translation-service client and a tree-sitter parser for what this file does.
// A call whose message is not a string literal fails the build: a bundle can only hold what
// is written out in the source. The one exception is a template of a catalogue,
// `l10n.t(MESSAGES[id], …)`: the catalogue's entries (string literals too) are in the bundle.
// `node src/build/l10n.mjs --check` exits 1 when the committed bundle is stale instead of writing it.
import ts from 'typescript';
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BUNDLE = 'l10n/bundle.l10n.json';
const SOURCES = 'src/vscode';
/** The core's catalogues of user-facing texts: an exported object literal of string templates each. */
export const CATALOGUES = [
  { file: 'src/core/messages.ts', name: 'MESSAGES' },
  { file: 'src/core/fix-titles.ts', name: 'FIX_TITLES' },
];
const CATALOGUE_NAMES = new Set(CATALOGUES.map((c) => c.name));

/** `MESSAGES[id]`: a template looked up in a catalogue. */
function isCatalogueLookup(node) {
  return ts.isElementAccessExpression(node) && ts.isIdentifier(node.expression) && CATALOGUE_NAMES.has(node.expression.text);
}

/**
 * The templates of a catalogue: the values of `export const <name> = { key: 'template', … }`.
 * @param {string} file  path relative to the root (for error messages)
 * @param {string} text
 * @param {string} name
 * @returns {string[]}
 */
export function templatesOf(file, text, name) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const decl of statement.declarationList.declarations) {
      if (!ts.isIdentifier(decl.name) || decl.name.text !== name || !decl.initializer) continue;
      let init = decl.initializer;
      while (ts.isAsExpression(init) || ts.isSatisfiesExpression(init) || ts.isParenthesizedExpression(init)) init = init.expression;
      if (!ts.isObjectLiteralExpression(init)) break;
      return init.properties.map((p) => {
        if (ts.isPropertyAssignment(p) && (ts.isStringLiteral(p.initializer) || ts.isNoSubstitutionTemplateLiteral(p.initializer))) return p.initializer.text;
        const { line } = source.getLineAndCharacterOfPosition(p.getStart());
        throw new Error(`${file}:${line + 1}: every entry of ${name} must be a string literal`);
      });
    }
  }
  throw new Error(`${file}: no object literal ${name}`);
}

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
      if (first && isCatalogueLookup(first)) {
        ts.forEachChild(node, visit);
        return;
      }
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

/** Every message of src/vscode and the catalogues, as the bundle's JSON text (keys sorted, value = key). */
export function bundleText(root = ROOT) {
  const messages = new Set();
  for (const { file, name } of CATALOGUES) {
    for (const m of templatesOf(file, readFileSync(join(root, file), 'utf8'), name)) messages.add(m);
  }
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
    console.error(`${BUNDLE} is out of date with the l10n.t calls in ${SOURCES} or the catalogues: run npm run build`);
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

import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Finding, LintOptions } from '../../src/core/index';
import type { TemplateInfo } from '../../src/core/templates/index';

/** The repository root (tests run from `dist/test/unit`). */
export const ROOT = resolve(__dirname, '../../..');
export const FIXTURES = join(ROOT, 'test/fixtures');

/** Joins lines with `\n` (small inline cases). */
export function joinLines(...lines: string[]): string {
  return lines.join('\n');
}

/** Every `*.md` below `dir`, relative to it. */
export function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...markdownFiles(p).map((f) => join(name, f)));
    else if (name.endsWith('.md')) out.push(name);
  }
  return out;
}

/** What a fixture says it should yield. */
export interface Expectation {
  findings: string[];
  options: LintOptions;
}

/**
 * Reads the expectations a fixture carries in a trailing comment:
 *
 * ```markdown
 * <!-- expect
 * options: {"rules": {"placeholder": "error"}}
 * 3:5-3:20 placeholder
 * 9:1-9:42 unchecked-dod
 * -->
 * ```
 *
 * `<!-- expect: none -->` says the fixture lints clean.
 */
export function readExpectation(text: string): Expectation | undefined {
  if (/<!-- expect: none -->\s*$/.test(text)) return { findings: [], options: {} };
  const m = /<!-- expect\n([\s\S]*?)-->\s*$/.exec(text);
  if (!m) return undefined;
  const lines = m[1].split('\n').map((l) => l.trim()).filter(Boolean);
  const optionLine = lines.find((l) => l.startsWith('options:'));
  return {
    options: optionLine ? (JSON.parse(optionLine.slice('options:'.length)) as LintOptions) : {},
    findings: lines.filter((l) => !l.startsWith('options:')),
  };
}

/** A finding as written in an expectation: `line:col-endLine:endCol rule`. */
export function formatFinding(f: Finding): string {
  return `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.rule}`;
}

export function read(path: string): string {
  return readFileSync(path, 'utf8');
}

/** A small deterministic PRNG (mulberry32), for fuzz tests and the benchmark corpus. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A built-in template with `body`, for template tests. */
export function testTemplate(body: string, id = 'test', version = '1.0.0'): TemplateInfo {
  return { id, title: 'Test', description: 'A test template', version, source: 'builtin', body };
}

/**
 * A generated differential test: `rounds` texts from `generate` (seeded); wherever `fast` gives
 * an answer (not undefined) it must equal what `parsed` gives (undefined there: not comparable,
 * a degraded parse). Returns how many decided texts `counted` accepts, for a floor on coverage.
 */
export function differential<T>(
  generate: (random: () => number) => string,
  seed: number,
  rounds: number,
  fast: (text: string) => T | undefined,
  parsed: (text: string) => T | undefined,
  counted: (text: string) => boolean = () => true,
): number {
  const random = rng(seed);
  let decided = 0;
  for (let i = 0; i < rounds; i++) {
    const text = generate(random);
    const answer = fast(text);
    if (answer === undefined) continue;
    const expected = parsed(text);
    if (expected === undefined) continue;
    if (counted(text)) decided++;
    assert.deepEqual(answer, expected, `round ${i}: ${JSON.stringify(text)}`);
  }
  return decided;
}

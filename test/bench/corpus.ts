/**
 * Builds the benchmark corpus: template-based docs (the shipped templates, partly filled)
 * and finished docs (the clean and filled fixtures), deterministic for a given seed.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { rng } from '../unit/helpers';

export { rng };

function readAll(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8').replace(/<!-- expect[\s\S]*$/, ''));
}

/** Source documents: templates and finished docs. */
export function sources(root: string): { templates: string[]; finished: string[] } {
  const templates = readAll(join(root, 'src/templates'));
  const finished = [...readAll(join(root, 'test/fixtures/clean')), ...readAll(join(root, 'test/fixtures/filled'))];
  return { templates, finished: finished.length ? finished : templates };
}

/** Fills about a third of a template's bracket fields, as a writer halfway through would. */
function partlyFill(text: string, random: () => number): string {
  return text.replace(/\[([A-Z][^\]\n]{2,40})\]/g, (m, inner: string) => (random() < 0.35 ? inner.toLowerCase() : m));
}

/** Writes `count` docs (half template-based, half finished) of roughly 8-30 KB into `dir`. */
export function writeCorpus(root: string, dir: string, count: number, seed = 42): { files: number; bytes: number } {
  const { templates, finished } = sources(root);
  const random = rng(seed);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const pool = i % 2 === 0 ? templates : finished;
    const parts: string[] = [];
    const target = 8000 + random() * 22000;
    let size = 0;
    while (size < target) {
      const doc = pool[Math.floor(random() * pool.length)];
      const part = uniquify(i % 2 === 0 ? partlyFill(doc, random) : doc, i * 100 + parts.length);
      parts.push(parts.length ? part.replace(/^---[\s\S]*?\n---\n/, '') : part);
      size += part.length;
    }
    const text = parts.join('\n\n');
    writeFileSync(join(dir, `doc-${String(i).padStart(3, '0')}.md`), text);
    bytes += Buffer.byteLength(text);
  }
  return { files: count, bytes };
}

/** A table row: its marker goes into the last cell (after the closing pipe it would be a cell the table drops). */
const TABLE_ROW = /^(\s*\|.*\S)(\s*\|\s*)$/;
/** A link definition with a title: its marker goes into the title (after it, the line is no definition). */
const DEFINITION_WITH_TITLE = /^( {0,3}\[[^\]]+\]:[ \t]*\S+[ \t]+(?:"[^"]*|'[^']*|\([^()]*))(["')][ \t]*)$/;
/** A line ending in a hard break (two spaces or a backslash): its marker goes before the break. */
const HARD_BREAK = /^(.*?\S)( {2,}|\\)$/;
/** Where the first `[` a line leaves open is (link text running onto the next line), or -1. */
function openBracket(line: string): number {
  const open: number[] = [];
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '[') open.push(i);
    else if (line[i] === ']') open.pop();
  }
  return open.length > 0 ? open[0] : -1;
}

/** Lines that get no marker: fence lines, blank lines (in a quote too), rules, underlines, table delimiter rows. */
const UNMARKED = /^(?!\s*(?:`{3}|~{3})|[\s>|:*_=-]*$)(.*\S.*)$/gm;

/**
 * Makes every prose line of a part unique, so no block is a repeat of another (no free cache
 * hits), keeping the structure a writer wrote (`test/unit/bench-corpus.test.ts` checks it on
 * every source doc). A leading frontmatter gets a YAML comment with the tag instead: a marker
 * after each of its lines would make it YAML no writer has (hundreds of errors in every document).
 */
export function uniquify(text: string, tag: number): string {
  const head = /^---\r?\n[\s\S]*?\n---\r?\n/.exec(text)?.[0] ?? '';
  const frontmatter = head ? `${head.slice(0, head.lastIndexOf('---'))}# part ${tag}\n---\n` : '';
  let n = 0;
  const mark = (line: string) => {
    const marker = `(${tag}.${n++})`;
    const inside = TABLE_ROW.exec(line) ?? DEFINITION_WITH_TITLE.exec(line) ?? HARD_BREAK.exec(line);
    if (inside) return `${inside[1]} ${marker}${inside[2]}`;
    // Inside link text that runs over lines, a marker would change the text a reference names.
    const open = openBracket(line);
    return open > 0 ? `${line.slice(0, open)}${marker} ${line.slice(open)}` : `${line} ${marker}`;
  };
  return frontmatter + text.slice(head.length).replace(UNMARKED, mark);
}

/** One document of about `bytes` made of templates and finished docs, for edit benchmarks. */
export function bigDocument(root: string, bytes: number, seed = 7): string {
  const { templates, finished } = sources(root);
  const random = rng(seed);
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const pool = random() < 0.5 ? templates : finished;
    const doc = uniquify(pool[Math.floor(random() * pool.length)].replace(/^---[\s\S]*?\n---\n/, ''), parts.length);
    parts.push(doc);
    size += doc.length + 2;
  }
  return parts.join('\n\n').slice(0, bytes);
}

/**
 * Fills about `share` of a template's fields the way a writer would — bracket fields, `{{FIELDS}}`,
 * date stubs and task boxes — and leaves the rest as they are.
 */
function fillShare(text: string, share: number, random: () => number): string {
  return text
    .replace(/\[([A-Z][^\]\n]{2,60})\]/g, (m, inner: string) => (random() < share ? inner.toLowerCase() : m))
    .replace(/\{\{([A-Z][A-Z0-9_]{1,40})\}\}/g, (m, name: string) => (random() < share ? name.toLowerCase().replace(/_/g, ' ') : m))
    .replace(/YYYY-MM-DD/g, (m) => (random() < share ? '2026-03-14' : m))
    .replace(/^(\s*[-*] )\[ \]/gm, (m, bullet: string) => (random() < share ? `${bullet}[x]` : m));
}

const FILL_SHARES = [0, 0.25, 0.5, 0.75];
const REPEATS = [1, 1, 2, 3];

/**
 * Template-dense docs: each shipped template as is and partly filled (a quarter to three quarters
 * of its fields), alone or several in one doc (repeats made unique). Every combination of
 * template, fill share and size comes round in turn.
 */
export function writeTemplateCorpus(root: string, dir: string, count: number, seed = 5): { files: number; bytes: number } {
  const { templates } = sources(root);
  const random = rng(seed);
  const t = templates.length;
  return writeDocs(dir, count, (i) => {
    const template = templates[i % t];
    const share = FILL_SHARES[Math.floor(i / t) % FILL_SHARES.length];
    const repeats = REPEATS[Math.floor(i / (t * FILL_SHARES.length)) % REPEATS.length];
    const parts: string[] = [];
    for (let r = 0; r < repeats; r++) {
      const filled = fillShare(template, share, random);
      parts.push(r === 0 ? filled : uniquify(filled.replace(/^---[\s\S]*?\n---\n/, ''), i * 10 + r));
    }
    return parts.join('\n\n');
  });
}

/** Finished integration docs: the clean and filled fixtures, alone or one to three in one doc. */
export function writeFinishedCorpus(root: string, dir: string, count: number, seed = 9): { files: number; bytes: number } {
  const { finished } = sources(root);
  const random = rng(seed);
  return writeDocs(dir, count, (i) => {
    const parts = [finished[i % finished.length]];
    const more = Math.floor(random() * 3);
    for (let k = 0; k < more; k++) {
      parts.push(uniquify(finished[Math.floor(random() * finished.length)].replace(/^---[\s\S]*?\n---\n/, ''), i * 10 + k));
    }
    return parts.join('\n\n');
  });
}

function writeDocs(dir: string, count: number, make: (i: number) => string): { files: number; bytes: number } {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const text = make(i);
    writeFileSync(join(dir, `doc-${String(i).padStart(4, '0')}.md`), text);
    bytes += Buffer.byteLength(text);
  }
  return { files: count, bytes };
}

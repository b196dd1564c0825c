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

/** Makes every prose line of a part unique, so no block is a repeat of another (no free cache hits). */
function uniquify(text: string, tag: number): string {
  let n = 0;
  return text.replace(/^(?!\s*(?:`{3}|~{3})|[\s|:*_=-]*$)(.*\S.*)$/gm, (line) => `${line} (${tag}.${n++})`);
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

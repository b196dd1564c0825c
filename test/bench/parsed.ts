/**
 * `node dist/test/bench/parsed.js DIR... [--dump FILE]`: which blocks of a corpus the fast paths
 * leave to the Markdown parser, and what parsing them costs. Prints, per folder, the blocks
 * split, the distinct ones, how many of those the parser reads whole (their size and parse time)
 * and how many lists are read item by item instead (and the time that takes, parsing only the
 * items the fast paths miss); `--dump` writes each block parsed whole (with its file) to FILE,
 * to see which shapes the fast paths miss.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitChunks, lineStarts } from '../../src/core/chunks';
import { fastFacts } from '../../src/core/fastpath';
import { fastChunkFacts } from '../../src/core/chunk-facts';
import { listItemFacts } from '../../src/core/list-items';
import { parsedFacts } from '../../src/core/facts';
import { readFrontmatter } from '../../src/core/frontmatter';
import { bodyStartOf } from '../../src/core/document';

function markdownPaths(dir: string): string[] {
  if (!statSync(dir).isDirectory()) return [dir];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...markdownPaths(p));
    else if (/\.(md|markdown)$/i.test(name)) out.push(p);
  }
  return out;
}

/** What the parser reads of one folder. */
interface Share {
  blocks: number;
  distinct: number;
  /** Blocks parsed whole, and the time that takes. */
  parsed: { file: string; text: string }[];
  parseMs: number;
  /** Lists read item by item (only the items the fast paths miss are parsed), and the time that takes. */
  apart: number;
  apartMs: number;
}

/** The parser's share of one folder, as `chunkFacts` decides: fast paths, then lists item by item, then the parser. */
export function parsedShare(dir: string): Share {
  const options = { patterns: [] };
  const seen = new Set<string>();
  const parsed: { file: string; text: string }[] = [];
  let blocks = 0;
  let parseMs = 0;
  let apart = 0;
  let apartMs = 0;
  for (const file of markdownPaths(dir)) {
    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    const fm = readFrontmatter(text, []);
    for (const chunk of splitChunks(text, bodyStartOf(text, fm), lineStarts(text))) {
      blocks++;
      const key = `${chunk.fence ? 'F' : 'P'}${chunk.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // A ```markdown fence's content is read chunk by chunk (`fastChunkFacts`), parsing only the chunks the fast paths miss.
      if (chunk.fence ? fastChunkFacts(chunk.text, true, options) : fastFacts(chunk.text, false, options)) continue;
      const t0 = performance.now();
      if (!chunk.fence && listItemFacts(chunk.text, options)) {
        apartMs += performance.now() - t0;
        apart++;
        continue;
      }
      parsedFacts(chunk.text, options);
      parseMs += performance.now() - t0;
      parsed.push({ file, text: chunk.text });
    }
  }
  return { blocks, distinct: seen.size, parsed, parseMs, apart, apartMs };
}

function main(): void {
  const args = process.argv.slice(2);
  const dumpAt = args.indexOf('--dump');
  const dump = dumpAt >= 0 ? args.splice(dumpAt, 2)[1] : undefined;
  const all: string[] = [];
  for (const dir of args) {
    const r = parsedShare(dir);
    const bytes = r.parsed.reduce((n, p) => n + p.text.length, 0);
    process.stdout.write(
      `${dir}: ${r.blocks} blocks, ${r.distinct} distinct, ${r.parsed.length} parsed whole (${(bytes / 1024).toFixed(1)} KB, ${r.parseMs.toFixed(0)} ms), ` +
        `${r.apart} lists read item by item (${r.apartMs.toFixed(0)} ms)\n`,
    );
    for (const p of r.parsed) all.push(`=== ${p.file}\n${p.text}`);
  }
  if (dump) writeFileSync(dump, all.join('\n'));
}

main();

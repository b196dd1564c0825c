/**
 * `npm run fuzz:load`: 5,000 generated files (28 MB) through the CLI with one thread and with
 * two (INTEGRATION_DOCS_THREADS, see src/cli/pool.ts) and the default choice: every run must
 * complete and print exactly the same output with the same exit status. Prints the times.
 *
 *   npm run fuzz:load -- --files 5000 --mb 28
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate, rng } from './grammar';
import { runCli } from './hostile';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
}

/** Writes `files` documents of about `bytes / files` bytes each (made of generated documents), 50 to a folder. */
function makeTree(dir: string, files: number, bytes: number): number {
  const random = rng(2026);
  const average = bytes / files;
  let seed = 1;
  let total = 0;
  for (let i = 0; i < files; i++) {
    const target = Math.round(average * (0.5 + random()));
    let text = '';
    while (text.length < target) text += `${generate(seed++).text}\n\n`;
    const buffer = Buffer.from(text.slice(0, target));
    const folder = join(dir, `part-${String(Math.floor(i / 50)).padStart(3, '0')}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `doc-${String(i).padStart(4, '0')}.md`), buffer);
    total += buffer.length;
  }
  return total;
}

async function main(): Promise<number> {
  const files = option('--files', 5000);
  const mb = option('--mb', 28);
  const dir = mkdtempSync(join(tmpdir(), 'integration-docs-load-'));
  try {
    const started = Date.now();
    const total = makeTree(dir, files, mb * 1024 * 1024);
    console.log(`Load: ${files} files, ${(total / 1024 / 1024).toFixed(1)} MB generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const runs: { label: string; threads?: string }[] = [{ label: '1 thread', threads: '1' }, { label: '2 threads', threads: '2' }, { label: 'default' }];
    const outputs: { label: string; code: number | null; stdout: string }[] = [];
    for (const run of runs) {
      if (run.threads) process.env.INTEGRATION_DOCS_THREADS = run.threads;
      else delete process.env.INTEGRATION_DOCS_THREADS;
      const r = await runCli(dir, ['lint', '--format', 'json', '.'], 1_800_000);
      const findings = r.code === 0 || r.code === 1 ? (JSON.parse(r.stdout) as unknown[]).length : NaN;
      console.log(`${run.label}: exit ${r.code}, ${findings} findings, ${(r.ms / 1000).toFixed(1)} s${r.timedOut ? ' (killed: over 30 min)' : ''}${r.stderr ? `; stderr: ${r.stderr.split('\n').length - 1} lines` : ''}`);
      outputs.push({ label: run.label, code: r.code, stdout: r.stdout });
    }
    delete process.env.INTEGRATION_DOCS_THREADS;
    const [first, ...rest] = outputs;
    const differing = rest.filter((o) => o.code !== first.code || o.stdout !== first.stdout);
    console.log(differing.length ? `DIFFERENT output: ${differing.map((o) => o.label).join(', ')} vs ${first.label}` : 'identical output and exit status in every run');
    return differing.length || first.code === null ? 1 : 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().then((code) => {
  process.exitCode = code;
});

/**
 * `npm run bench:hostile [-- --kb N] [--limit S]`: lints every shape of `hostile-shapes.ts` at
 * about N KB (default 1024) in a child process of its own and prints its CPU time, the number
 * of findings and how many blocks were read without the Markdown parser. A shape that runs
 * past the limit (default 120 s) is stopped and shown as such: that is a hang.
 */
import { spawnSync } from 'node:child_process';
import { lint, buildModel, compilePatterns } from '../../src/core/index';
import { HOSTILE_SHAPES } from './hostile-shapes';

const argv = process.argv.slice(2);
const value = (flag: string, dflt: number) => (argv.includes(flag) ? Number(argv[argv.indexOf(flag) + 1]) : dflt);

/** In the child: lint one shape (with a placeholder pattern, which takes the parser's path) and print figures. */
function child(index: number, bytes: number): void {
  const shape = HOSTILE_SHAPES[index];
  const text = shape.make(bytes);
  const options = { placeholderPatterns: ['\\bTBD\\b'] };
  // Warm up the parser first (its first use costs most of a second of compiling and GC).
  lint(Array.from({ length: 300 }, (_, i) => `## S${i}\n\n- [ ] item [F${i}] and [a](https://x.example/${i})\n\n| a | b |\n|---|---|\n| [x] | *y* |\n\n> q ${i}\n`).join('\n'), options);
  const before = process.cpuUsage();
  const findings = lint(text, options);
  const used = process.cpuUsage(before);
  const degraded = (buildModel(text, { patterns: compilePatterns(options.placeholderPatterns) }) as { degraded?: unknown[] }).degraded?.length ?? 0;
  process.stdout.write(JSON.stringify({ kb: Math.round(text.length / 1024), cpuMs: Math.round((used.user + used.system) / 1000), findings: findings.length, degraded }));
}

function main(): void {
  const childAt = argv.indexOf('--child');
  if (childAt >= 0) return child(Number(argv[childAt + 1]), Number(argv[childAt + 2]));
  const bytes = value('--kb', 1024) * 1024;
  const limit = value('--limit', 120);
  console.log(`shape | KB | CPU ms | findings | blocks read without the parser`);
  console.log(`--- | --: | --: | --: | --:`);
  HOSTILE_SHAPES.forEach((shape, i) => {
    const r = spawnSync(process.execPath, ['--stack-size=984', __filename, '--child', String(i), String(bytes)], { encoding: 'utf8', timeout: limit * 1000 });
    if (r.error || r.status !== 0) {
      const why = r.error ? `over ${limit} s (stopped)` : (r.stderr.match(/(\w*Error[^\n]*)/)?.[1] ?? `exit ${r.status}`);
      console.log(`${shape.name} | | ${why} | |`);
      return;
    }
    const f = JSON.parse(r.stdout) as { kb: number; cpuMs: number; findings: number; degraded: number };
    console.log(`${shape.name} | ${f.kb} | ${f.cpuMs} | ${f.findings} | ${f.degraded}`);
  });
}

main();

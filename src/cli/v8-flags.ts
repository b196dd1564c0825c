/**
 * The V8 flags the CLI's launcher sets before it loads the linter (`launch.ts`). Only the CLI
 * sets them: the extension host is shared with other extensions.
 *
 * A lint run is short (a fraction of a second to a few seconds) and this machine class has two
 * cores, so V8's optimizing compiler, running beside the linter on the second core with the
 * garbage collector, costs more than its code wins back before the run ends. Each row names the
 * V8 major versions it was measured on; another engine gets only the rows that name no version.
 * A flag V8 does not know is not harmless: V8 prints "Error: unrecognized flag" to stdout, into
 * the `--format json` output (`--interrupt-budget` is gone from V8 13).
 */
interface EngineFlag {
  flag: string;
  /** V8 major versions the flag was measured on; undefined: every version. */
  engines?: readonly number[];
}

/** The young generation kept at its first size, and grown again by V8's own factor (see `FLAGS`). */
const YOUNG_KEPT = '--semi-space-growth-factor=1';
const YOUNG_GROWS = '--semi-space-growth-factor=2';

const FLAGS: readonly EngineFlag[] = [
  // A regular expression runs in V8's bytecode interpreter first and is compiled at its second
  // use; the linter's ~500 patterns nearly all run more than once, so the first compile is wasted:
  // compiling them at once cut a folder of 120 docs' instructions by 5%.
  { flag: '--no-regexp-tier-up' },
  // Optimize a function after three times the default work in the interpreter (67,584): fewer
  // optimizing compiles, each for code that has shown it is hot. Node 20, nine alternating rounds
  // per bench corpus, each variant with its own code cache: wall time 4-20% less (mixed 1370 →
  // 1210 ms, 1 MB 660 → 530 ms, 10 MB 2.63 → 2.44 s) and CPU time 15-30% less; 100 MB 13-17%
  // less. Without inlining too (`--no-turbo-inlining`) short runs gained a little more, but
  // 100 MB took 8% longer than with neither flag: not set.
  { flag: '--interrupt-budget=200000', engines: [11] },
  // Inline only functions of up to 100 bytes of bytecode into optimized code (V8's default: 460).
  // The optimizing compiler runs on the second core beside the garbage collector's helpers, and
  // smaller graphs take it less time. Node 20, the launcher with and without it, each with its
  // own code cache, paired medians of 15 alternating rounds: CPU time less on every corpus
  // (scale-1mb 528 → 479 ms, published 889 → 800, mixed 1355 → 1263, templates 1296 → 1157) and
  // about 700 fewer page faults; wall time scale-1mb -15 ms, published -35, finished -24, mixed
  // -3, changelog -2, templates +14 (-0.4 over 21 rounds of the flag alone); 40 MB of docs +1%.
  { flag: '--max-inlined-bytecode-size=100', engines: [11] },
  // Keep the young generation at its first size (V8 doubles it, up to 16 MB, as objects survive).
  // A page of memory the process touches for the first time costs a page fault, about 10 µs on
  // the target machines (a run that touched 400 MB took 1 s more): the young generation grown to
  // 16 MB was 4,000 of a 1 MB folder's 12,000 faults. Kept small, it is collected more often (52
  // scavenges against 14; 1.6% more instructions), which costs less than the faults up to a few
  // MB of docs: alternating rounds, wall time (faults) scale-1mb 428 → 391 ms (11.7k → 8.5k),
  // finished -14 ms, published -51 ms (17.3k → 11.1k), mixed -65 ms, templates -106 ms, 5.7 MB
  // -29 ms, but 9.4 MB +124 ms. So a run over `LARGE_RUN_BYTES` lets it grow (`largeRunFlags`).
  // Set at run time, V8 takes the factor at the next growth (given to node at start-up, the same
  // factor changed nothing: 14 scavenges).
  { flag: YOUNG_KEPT, engines: [11] },
];

/** Bytes of documents from which a run lets the young generation grow (see the flag above). */
export const LARGE_RUN_BYTES = 6 * 1024 * 1024;

/** The flags to set on the V8 whose version is `v8Version` (`process.versions.v8`). */
export function engineFlags(v8Version: string): string[] {
  const major = Number(v8Version.split('.')[0]);
  return FLAGS.filter((f) => !f.engines || f.engines.includes(major)).map((f) => f.flag);
}

/**
 * The flags a run of `LARGE_RUN_BYTES` or more sets, once it knows its size, on the V8 whose
 * version is `v8Version`: V8's own growth of the young generation back (see `FLAGS`).
 */
export function largeRunFlags(v8Version: string): string[] {
  return engineFlags(v8Version).includes(YOUNG_KEPT) ? [YOUNG_GROWS] : [];
}

import type { FileResult } from '../lint-file';

/** What a formatter knows of the run besides the results. */
export interface FormatContext {
  /** `--quiet`: errors only (the results are already filtered), no summary. */
  quiet: boolean;
  /** The folder paths are reported relative to where the format has one (SARIF). */
  root: string;
  /** The CLI's version. */
  version: string;
}

/** One output format of `integration-docs lint`: a file under `src/cli/formats/`, listed in `index.ts`. */
export interface Formatter {
  /** One line for `--help`. */
  description: string;
  /** The whole output (without a final newline); `""` prints nothing. */
  format(results: readonly FileResult[], context: FormatContext): string;
}

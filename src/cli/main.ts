/**
 * The `integration-docs` command line: the same engine as the extension, for CI and scripts.
 */
import { lintCommand, LINT_HELP } from './lint-command';
import { outlineCommand } from './outline-command';
import { UsageError } from './config-loader';
import { templatesCommand } from './templates-command';
import { newCommand } from './new-command';
import { VERSION } from './version';
import { internalError } from './lint-file';

const HELP = `Usage: integration-docs <command> [options]

Commands:
  lint [paths...]     lint integration docs (see: integration-docs lint --help)
  outline FILE        print a doc's plan against what is written (see: integration-docs outline --help)
  templates [id]      list templates, or one template's fields (see: integration-docs templates --help)
  new <id>            start a doc from a template (see: integration-docs new --help)

Options:
  -h, --help          show this help
  -v, --version       print the version

${LINT_HELP.split('\n')[0]}`;

type Command = (argv: readonly string[], out: (s: string) => void, err: (s: string) => void) => Promise<number>;

const COMMANDS: Record<string, Command> = { lint: lintCommand, outline: outlineCommand, templates: templatesCommand, new: newCommand };

/** Runs the CLI and returns its exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const out = (s: string) => process.stdout.write(`${s}\n`);
  const err = (s: string) => process.stderr.write(`${s}\n`);
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    out(HELP);
    return name === undefined ? 2 : 0;
  }
  if (name === '-v' || name === '--version') {
    out(VERSION);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    err(`integration-docs: unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(', ')})`);
    return 2;
  }
  try {
    return await command(rest, out, err);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`integration-docs: ${e.message}`);
      return 2;
    }
    // One line in CI logs; the stack with INTEGRATION_DOCS_DEBUG=1, for a bug report.
    const detail = process.env.INTEGRATION_DOCS_DEBUG ? `\n${(e as Error).stack ?? ''}` : '';
    err(`integration-docs: ${name}: ${internalError(e)}${detail}`);
    return 2;
  }
}

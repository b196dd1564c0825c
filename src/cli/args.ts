import { UsageError } from './config-loader';

/** Parsed command line: positional arguments and flags. */
export interface Args {
  positional: string[];
  flags: Map<string, string[]>;
}

/**
 * Parses `argv` against the flags a command accepts: `spec` maps a flag (`--format`, `-o`) to
 * whether it takes a value. `--flag=value` and `--flag value` both work; unknown flags are errors.
 */
export function parseArgs(argv: readonly string[], spec: Record<string, boolean>): Args {
  const args: Args = { positional: [], flags: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      args.positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      args.positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (!(name in spec)) throw new UsageError(`unknown option ${name} (see --help)`);
    let value = 'true';
    if (spec[name]) {
      if (eq !== -1) value = arg.slice(eq + 1);
      else if (i + 1 < argv.length) value = argv[++i];
      else throw new UsageError(`option ${name} needs a value`);
    } else if (eq !== -1) {
      throw new UsageError(`option ${name} takes no value`);
    }
    args.flags.set(name, [...(args.flags.get(name) ?? []), value]);
  }
  return args;
}

/** The last value of a flag, checked against `allowed` when given. */
export function flag(args: Args, name: string, allowed?: readonly string[]): string | undefined {
  const values = args.flags.get(name);
  const value = values?.[values.length - 1];
  if (value !== undefined && allowed && !allowed.includes(value)) {
    throw new UsageError(`${name} must be one of ${allowed.join(', ')}, got "${value}"`);
  }
  return value;
}

import { existsSync } from 'node:fs';
import { dirname, join, resolve, relative } from 'node:path';
import { CONFIG_FILE, EMPTY_CONFIG, parseConfig, formatConfigError, type Config } from '../core/config';
import { describeIoError, NotRegularFileError, readRegularFile } from './read';

/** A configuration problem that stops the CLI (exit code 2). */
export class UsageError extends Error {}

/** A loaded configuration and the folder its globs are relative to. */
export interface LoadedConfig {
  config: Config;
  file: string | undefined;
  base: string;
}

/** A configuration file that is a named pipe, a device or a folder: never read (it could block). */
export class SpecialConfigError extends UsageError {
  constructor(
    readonly shown: string,
    readonly kind: string,
  ) {
    super(`cannot read config ${shown}: ${kind}`);
  }
}

/** Largest configuration file read (a config is a few hundred bytes; this stops a 50 MB one). */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** Loads and validates one configuration file; throws UsageError naming the file and key. */
export function loadConfigFile(file: string): LoadedConfig {
  const shown = relative(process.cwd(), file) || file;
  let text: string;
  try {
    const read = readRegularFile(file, MAX_CONFIG_BYTES);
    if ('size' in read) throw new UsageError(`config ${shown} is over 1 MB; not reading it`);
    text = read.bytes.toString('utf8');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    if (e instanceof NotRegularFileError) throw new SpecialConfigError(shown, e.message);
    throw new UsageError(`cannot read config ${shown}: ${describeIoError(e)}`);
  }
  const { config, errors } = parseConfig(text);
  if (errors.length > 0) {
    throw new UsageError(`invalid config ${formatConfigError(shown, errors[0])}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`);
  }
  return { config, file, base: dirname(resolve(file)) };
}

/** Finds the nearest configuration upwards from a folder, with a cache per folder. */
export class ConfigResolver {
  private byDir = new Map<string, LoadedConfig>();

  /** `warn` hears of configuration files that are passed over (a named pipe, a device). */
  constructor(
    private explicit: LoadedConfig | undefined,
    private readonly warn: (message: string) => void = () => {},
  ) {}

  /** The configuration governing `file`. */
  forFile(file: string): LoadedConfig {
    return this.explicit ?? this.forDir(dirname(resolve(file)));
  }

  /** The configuration governing a folder. */
  forDir(dir: string): LoadedConfig {
    if (this.explicit) return this.explicit;
    const cached = this.byDir.get(dir);
    if (cached) return cached;
    const candidate = join(dir, CONFIG_FILE);
    const parent = dirname(dir);
    const found = (existsSync(candidate) && this.load(candidate)) || (parent === dir ? { config: EMPTY_CONFIG, file: undefined, base: process.cwd() } : this.forDir(parent));
    this.byDir.set(dir, found);
    return found;
  }

  /** Loads a configuration found on the way up; a special file is passed over with a warning. */
  private load(file: string): LoadedConfig | undefined {
    try {
      return loadConfigFile(file);
    } catch (e) {
      if (!(e instanceof SpecialConfigError)) throw e;
      this.warn(`${e.shown} is ${e.kind}; ignoring it`);
      return undefined;
    }
  }
}

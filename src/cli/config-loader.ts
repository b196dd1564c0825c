import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve, relative } from 'node:path';
import { CONFIG_FILE, EMPTY_CONFIG, parseConfig, formatConfigError, type Config } from '../core/config';

/** A configuration problem that stops the CLI (exit code 2). */
export class UsageError extends Error {}

/** A loaded configuration and the folder its globs are relative to. */
export interface LoadedConfig {
  config: Config;
  file: string | undefined;
  base: string;
}

/** Loads and validates one configuration file; throws UsageError naming the file and key. */
export function loadConfigFile(file: string): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read config ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const { config, errors } = parseConfig(text);
  if (errors.length > 0) {
    const shown = relative(process.cwd(), file) || file;
    throw new UsageError(`invalid config ${formatConfigError(shown, errors[0])}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`);
  }
  return { config, file, base: dirname(resolve(file)) };
}

/** Finds the nearest configuration upwards from a folder, with a cache per folder. */
export class ConfigResolver {
  private byDir = new Map<string, LoadedConfig>();

  constructor(private explicit: LoadedConfig | undefined) {}

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
    const found = existsSync(candidate)
      ? loadConfigFile(candidate)
      : parent === dir
        ? { config: EMPTY_CONFIG, file: undefined, base: process.cwd() }
        : this.forDir(parent);
    this.byDir.set(dir, found);
    return found;
  }
}

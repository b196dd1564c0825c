/**
 * `.integration-docs.json`, the one configuration file read by the CLI and the extension.
 * Validation is strict: an unknown key or a bad value is an error naming the file and the key,
 * never a silent fallback.
 *
 * ```json
 * {
 *   "rules": { "placeholder": "error", "unchecked-dod": "auto" },
 *   "placeholderPatterns": ["\\bTBD\\b", "<<\\w+>>"],
 *   "dodHeadings": ["Definition of Done", "Success Checklist", "Exit Criteria"],
 *   "ignore": ["drafts/**", "vendor/**"]
 * }
 * ```
 */
import { DEFAULT_DOD_HEADINGS, type LintOptions, type RuleId, type SeveritySetting } from './types';
import { SEVERITY_SETTINGS } from './severity';
import { RULE_IDS, isRuleId } from './rules/index';
import { patternProblem } from './patterns';
import { globProblem } from './globs';
import { english, msg, type Message } from './messages';

export { RULE_IDS };

/** The name of the configuration file, looked up from the document's folder upwards. */
export const CONFIG_FILE = '.integration-docs.json';

/** A validated configuration. */
export interface Config {
  rules: Partial<Record<RuleId, SeveritySetting>>;
  placeholderPatterns: string[];
  dodHeadings: string[];
  ignore: string[];
}

/** A configuration problem, naming the key (`rules.placeholder`, `placeholderPatterns[1]`). */
export interface ConfigError {
  key: string;
  /** In English; `l10n`: the same as a catalogue message (`messages.ts`). */
  message: string;
  l10n?: Message;
}

/** A configuration error from a catalogue message. */
function problem(key: string, m: Message): ConfigError {
  return { key, message: english(m), l10n: m };
}

export const EMPTY_CONFIG: Config = Object.freeze({
  rules: {},
  placeholderPatterns: [],
  dodHeadings: [...DEFAULT_DOD_HEADINGS],
  ignore: [],
}) as Config;

const KNOWN_KEYS = ['$schema', 'rules', 'placeholderPatterns', 'dodHeadings', 'ignore'];

function stringList(value: unknown, key: string, errors: ConfigError[]): string[] | undefined {
  if (!Array.isArray(value)) {
    errors.push(problem(key, msg('configStringList')));
    return undefined;
  }
  const out: string[] = [];
  value.forEach((v, i) => {
    if (typeof v === 'string' && v.trim() !== '') out.push(v);
    else errors.push(problem(`${key}[${i}]`, msg('configNonEmptyString')));
  });
  return out;
}

function readRules(value: unknown, errors: ConfigError[]): Config['rules'] {
  const rules: Config['rules'] = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    errors.push(problem('rules', msg('configRulesObject')));
    return rules;
  }
  for (const [id, sev] of Object.entries(value)) {
    if (!isRuleId(id)) {
      errors.push(problem(`rules.${id}`, msg('configUnknownRule', RULE_IDS.join(', '))));
    } else if (!SEVERITY_SETTINGS.includes(sev as SeveritySetting)) {
      errors.push(problem(`rules.${id}`, msg('configSeverity', SEVERITY_SETTINGS.join(', '), JSON.stringify(sev))));
    } else {
      rules[id as RuleId] = sev as SeveritySetting;
    }
  }
  return rules;
}

/**
 * Most patterns and globs one configuration may list: each runs in linear time, but a list of
 * thousands would still multiply the work of every lint (a workspace config is not trusted).
 */
export const MAX_PATTERNS = 100;
export const MAX_GLOBS = 200;

/** `list` cut to `max` entries, with an error naming the key when it was longer. */
function capped(list: string[], max: number, key: string, errors: ConfigError[]): string[] {
  if (list.length <= max) return list;
  errors.push(problem(key, msg('configTooMany', list.length, max)));
  return list.slice(0, max);
}

function readPatterns(value: unknown, errors: ConfigError[]): string[] {
  const list = capped(stringList(value, 'placeholderPatterns', errors) ?? [], MAX_PATTERNS, 'placeholderPatterns', errors);
  return list.filter((source, i) => {
    const wrong = patternProblem(source);
    if (wrong) errors.push(problem(`placeholderPatterns[${i}]`, wrong));
    return wrong === undefined;
  });
}

function readGlobs(value: unknown, errors: ConfigError[]): string[] {
  const list = capped(stringList(value, 'ignore', errors) ?? [], MAX_GLOBS, 'ignore', errors);
  return list.filter((glob, i) => {
    const wrong = globProblem(glob);
    if (wrong) errors.push(problem(`ignore[${i}]`, wrong));
    return wrong === undefined;
  });
}

/** Validates a parsed JSON value as a configuration. */
export function validateConfig(value: unknown): { config: Config; errors: ConfigError[] } {
  const errors: ConfigError[] = [];
  const config: Config = { rules: {}, placeholderPatterns: [], dodHeadings: [...DEFAULT_DOD_HEADINGS], ignore: [] };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { config, errors: [problem('(root)', msg('configNotObject'))] };
  }
  const obj = value as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!KNOWN_KEYS.includes(key)) errors.push(problem(key, msg('configUnknownKey', KNOWN_KEYS.slice(1).join(', '))));
  }
  if ('rules' in obj) config.rules = readRules(obj.rules, errors);
  if ('placeholderPatterns' in obj) config.placeholderPatterns = readPatterns(obj.placeholderPatterns, errors);
  if ('dodHeadings' in obj) config.dodHeadings = stringList(obj.dodHeadings, 'dodHeadings', errors) ?? config.dodHeadings;
  if ('ignore' in obj) config.ignore = readGlobs(obj.ignore, errors);
  return { config, errors };
}

/** Parses and validates the text of a configuration file. */
export function parseConfig(text: string): { config: Config; errors: ConfigError[] } {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { config: { ...EMPTY_CONFIG }, errors: [problem('(file)', msg('configInvalidJson', (e as Error).message))] };
  }
  return validateConfig(value);
}

/** Formats a configuration error as one line: `path: key: message`. */
export function formatConfigError(file: string, error: ConfigError): string {
  return `${file}: ${error.key}: ${error.message}`;
}

/** Lint options from a configuration. */
export function lintOptionsOf(config: Config): LintOptions {
  return { rules: config.rules, placeholderPatterns: config.placeholderPatterns, dodHeadings: config.dodHeadings };
}

/**
 * `.integration-docs.json` validation: every error names its key; nothing falls back silently.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_DOD_HEADINGS,
  RULE_IDS,
  SEVERITY_SETTINGS,
  formatConfigError,
  lintOptionsOf,
  parseConfig as parse,
  validateConfig as validate,
  type ConfigError,
} from '../../src/core/index';

/** A result with its errors as key and English message (their catalogue messages: messages.test.ts). */
function plain<T extends { errors: ConfigError[] }>(r: T): T {
  return { ...r, errors: r.errors.map(({ key, message }) => ({ key, message })) };
}
const validateConfig = (value: unknown) => plain(validate(value));
const parseConfig = (text: string) => plain(parse(text));

function keys(value: unknown): string[] {
  return validateConfig(value).errors.map((e) => e.key);
}

test('happy path: every key, every severity setting', () => {
  const text = JSON.stringify({
    $schema: './schema.json',
    rules: { placeholder: 'error', 'unchecked-dod': 'auto', conditional: 'off', frontmatter: 'hint' },
    placeholderPatterns: ['\\bTBD\\b', '<<\\w+>>'],
    dodHeadings: ['Definition of Done', 'Exit Criteria'],
    ignore: ['drafts/**', 'vendor/**'],
  });
  const { config, errors } = parseConfig(text);
  assert.deepEqual(errors, []);
  assert.deepEqual(config, {
    rules: { placeholder: 'error', 'unchecked-dod': 'auto', conditional: 'off', frontmatter: 'hint' },
    placeholderPatterns: ['\\bTBD\\b', '<<\\w+>>'],
    dodHeadings: ['Definition of Done', 'Exit Criteria'],
    ignore: ['drafts/**', 'vendor/**'],
  });
  assert.deepEqual(lintOptionsOf(config), {
    rules: config.rules,
    placeholderPatterns: config.placeholderPatterns,
    dodHeadings: config.dodHeadings,
  });
  for (const setting of SEVERITY_SETTINGS) assert.deepEqual(keys({ rules: { placeholder: setting } }), [], setting);
});

test('an empty object gives the defaults', () => {
  const { config, errors } = parseConfig('{}');
  assert.deepEqual(errors, []);
  assert.deepEqual(config, { rules: {}, placeholderPatterns: [], dodHeadings: [...DEFAULT_DOD_HEADINGS], ignore: [] });
});

test('a BOM and surrounding whitespace are fine', () => {
  assert.deepEqual(parseConfig('\uFEFF  {"ignore": ["a/**"]}\n').errors, []);
});

test('an unknown key is named', () => {
  const { errors } = validateConfig({ rule: { placeholder: 'error' } });
  assert.deepEqual(errors, [{ key: 'rule', message: 'unknown key; expected one of rules, placeholderPatterns, dodHeadings, ignore' }]);
});

test('a bad severity names rules.<id> and lists the allowed values', () => {
  const { errors } = validateConfig({ rules: { placeholder: 'fatal' } });
  assert.deepEqual(errors, [{ key: 'rules.placeholder', message: `expected one of ${SEVERITY_SETTINGS.join(', ')}, got "fatal"` }]);
  assert.deepEqual(keys({ rules: { conditional: 2 } }), ['rules.conditional']);
  assert.deepEqual(keys({ rules: { frontmatter: null } }), ['rules.frontmatter']);
});

test('a bad rule id is named', () => {
  const { errors } = validateConfig({ rules: { placeholders: 'error' } });
  assert.deepEqual(errors, [{ key: 'rules.placeholders', message: `unknown rule; expected one of ${RULE_IDS.join(', ')}` }]);
});

test('rules must be an object', () => {
  for (const rules of [[], 'error', null, 3]) assert.deepEqual(keys({ rules }), ['rules'], JSON.stringify(rules));
});

test('an invalid regular expression names its index', () => {
  const { errors } = validateConfig({ placeholderPatterns: ['TBD', '(unclosed', 'ok'] });
  assert.equal(errors.length, 1);
  assert.equal(errors[0].key, 'placeholderPatterns[1]');
  assert.match(errors[0].message, /^invalid regular expression: missing closing \)/);
});

test('a pattern that matches empty text is refused', () => {
  assert.deepEqual(validateConfig({ placeholderPatterns: ['x', 'a*'] }).errors, [
    { key: 'placeholderPatterns[1]', message: 'pattern "a*" matches empty text' },
  ]);
});

test('list keys must be lists of non-empty strings', () => {
  assert.deepEqual(keys({ ignore: 'drafts/**' }), ['ignore']);
  assert.deepEqual(validateConfig({ ignore: 'drafts/**' }).errors[0].message, 'expected a list of strings');
  assert.deepEqual(keys({ ignore: { a: 1 } }), ['ignore']);
  assert.deepEqual(keys({ placeholderPatterns: 'TBD' }), ['placeholderPatterns']);
  assert.deepEqual(keys({ dodHeadings: 'Definition of Done' }), ['dodHeadings']);
  assert.deepEqual(keys({ dodHeadings: ['Done', 3, ''] }), ['dodHeadings[1]', 'dodHeadings[2]']);
  assert.deepEqual(keys({ ignore: ['ok', null] }), ['ignore[1]']);
});

test('the root must be an object', () => {
  for (const value of [[], 'x', 1, null, true]) {
    assert.deepEqual(validateConfig(value).errors, [{ key: '(root)', message: 'expected a JSON object' }], JSON.stringify(value));
  }
  assert.deepEqual(parseConfig('[]').errors.map((e) => e.key), ['(root)']);
});

test('invalid JSON is an error on the file, with the parser message', () => {
  for (const text of ['', '{', '{"rules": {"placeholder": "error",}}', "{'a': 1}", '// comment\n{}']) {
    const { errors } = parseConfig(text);
    assert.equal(errors.length, 1, JSON.stringify(text));
    assert.equal(errors[0].key, '(file)');
    assert.match(errors[0].message, /^not valid JSON: /);
  }
});

test('several problems are all reported, each naming its key', () => {
  assert.deepEqual(keys({ extra: 1, rules: { nope: 'error', placeholder: 'loud' }, ignore: 'x', placeholderPatterns: ['['] }), [
    'extra',
    'rules.nope',
    'rules.placeholder',
    'placeholderPatterns[0]',
    'ignore',
  ]);
});

test('formatConfigError: path, key, message on one line', () => {
  assert.equal(
    formatConfigError('docs/.integration-docs.json', { key: 'rules.placeholder', message: 'expected one of auto, error' }),
    'docs/.integration-docs.json: rules.placeholder: expected one of auto, error',
  );
});

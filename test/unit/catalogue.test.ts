/**
 * The rule catalogue has one source, the rule registry: the settings in package.json, the
 * config file's JSON schema and the README's rule table are generated from it and must not
 * drift; rule ids in the config and the types come from it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { catalogueFiles, packageJsonText, readmeText, RULE_SETTING_PREFIX, withRuleSettings } from '../../src/build/catalogue';
import { DIALECTS, DOCS_URL, RULE_IDS, RULES, docsAnchor, parseConfig, SEVERITY_SETTINGS } from '../../src/core/index';
import { ROOT } from './helpers';

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

type Properties = Record<string, { order?: number; enum?: string[]; markdownDescription?: string; default?: unknown }>;

function settings(pkgText: string): Properties {
  return (JSON.parse(pkgText) as { contributes: { configuration: { properties: Properties } } }).contributes.configuration.properties;
}

for (const { path, text } of catalogueFiles(read)) {
  test(`the committed ${path} is what the rule registry generates now`, () => {
    assert.equal(read(path), text, `${path} is stale: run npm run build`);
  });
}

test('the registry: unique ids, a title and a one-sentence description each, ids known to the config', () => {
  assert.equal(new Set(RULE_IDS).size, RULES.length);
  assert.deepEqual(RULE_IDS, RULES.map((r) => r.id));
  for (const rule of RULES) {
    assert.match(rule.id, /^[a-z][a-z-]*$/);
    assert.match(rule.title, /^[a-z]/, `${rule.id}: a title reads inside a sentence`);
    assert.match(rule.description, /^[A-Z].*\.$/, `${rule.id}: a description is one sentence`);
    assert.deepEqual(parseConfig(JSON.stringify({ rules: { [rule.id]: 'error' } })).errors, []);
  }
  assert.equal(parseConfig('{"rules":{"nope":"error"}}').errors[0].message, `unknown rule; expected one of ${RULE_IDS.join(', ')}`);
});

test('package.json has one severity setting per rule, in registry order, with every severity', () => {
  const props = settings(read('package.json'));
  const ruleKeys = Object.keys(props).filter((k) => k.startsWith(RULE_SETTING_PREFIX));
  assert.deepEqual(ruleKeys, RULE_IDS.map((id) => `${RULE_SETTING_PREFIX}${id}`));
  for (const key of ruleKeys) {
    assert.deepEqual(props[key].enum, [...SEVERITY_SETTINGS]);
    assert.equal(props[key].default, 'auto');
  }
  assert.deepEqual(ruleKeys.map((k) => props[k].order), RULE_IDS.map((_, i) => 10 + i));
});

test('regenerating settings keeps every other setting in place and drops a removed rule', () => {
  const before = {
    'integrationDocs.enable': { type: 'boolean' },
    'integrationDocs.rules.retired-rule': { type: 'string' },
    'integrationDocs.someNewSetting': { type: 'string', description: 'added by hand' },
    'integrationDocs.rules.placeholder': { type: 'string', description: 'stale' },
  };
  const after = withRuleSettings(before);
  assert.deepEqual(Object.keys(after), [
    'integrationDocs.enable',
    ...RULE_IDS.map((id) => `${RULE_SETTING_PREFIX}${id}`),
    'integrationDocs.someNewSetting',
  ]);
  assert.deepEqual(after['integrationDocs.someNewSetting'], before['integrationDocs.someNewSetting']);
  // No rule setting yet: they go at the end.
  assert.deepEqual(Object.keys(withRuleSettings({ a: 1 })), ['a', ...RULE_IDS.map((id) => `${RULE_SETTING_PREFIX}${id}`)]);
  // The rest of package.json is untouched.
  const pkg = read('package.json');
  const other = JSON.parse(pkg) as Record<string, unknown>;
  const regenerated = JSON.parse(packageJsonText(pkg)) as Record<string, unknown>;
  for (const key of Object.keys(other).filter((k) => k !== 'contributes')) assert.deepEqual(regenerated[key], other[key], key);
});

test('the config schema accepts every rule and severity and rejects unknown ones (as the config reader does)', () => {
  const schema = JSON.parse(read('media/integration-docs.schema.json')) as object;
  const validate = new Ajv({ strict: false }).compile(schema);
  for (const id of RULE_IDS) for (const sev of SEVERITY_SETTINGS) assert.ok(validate({ rules: { [id]: sev } }), `${id}: ${sev}`);
  for (const bad of [{ rules: { nope: 'error' } }, { rules: { placeholder: 'fatal' } }]) {
    assert.equal(validate(bad), false, JSON.stringify(bad));
    assert.notDeepEqual(parseConfig(JSON.stringify(bad)).errors, [], JSON.stringify(bad));
  }
  const sample = { $schema: './x.json', rules: { placeholder: 'error' }, placeholderPatterns: ['TBD'], dodHeadings: ['Exit Criteria'], ignore: ['drafts/**'] };
  assert.ok(validate(sample));
  assert.deepEqual(parseConfig(JSON.stringify(sample)).errors, []);
});

test("the README documents every rule under its anchor, and the table's links point at them", () => {
  const readme = read('README.md');
  for (const rule of RULES) {
    assert.ok(readme.includes(`<a id="${docsAnchor(rule.id)}"></a>`), `README.md: no anchor ${docsAnchor(rule.id)}`);
    assert.ok(readme.includes(`### \`${rule.id}\` — ${rule.title}`), `README.md: no section "${rule.id} — ${rule.title}"`);
    assert.ok(readme.includes(`| [\`${rule.id}\`](#${docsAnchor(rule.id)}) |`), `README.md: ${rule.id} not in the rule table`);
  }
  // The dialect table ("Field dialects"): a row per row of `DIALECTS`, in the table's order, and no other.
  const table = readme.split('| dialect | example | contexts | kind |')[1]?.split('\n\n')[0] ?? '';
  const ids = [...table.matchAll(/^\| `([\w-]+)` \|/gm)].map((m) => m[1]);
  assert.deepEqual(ids.filter((id) => id !== 'pattern'), DIALECTS.map((d) => d.id), 'README.md: the dialect table does not list the dialects of src/core/dialects.ts');
  assert.throws(() => readmeText('# no markers'), /markers/);
  assert.match(DOCS_URL, /^https:\/\//);
  assert.equal((JSON.parse(read('package.json')) as { homepage?: string }).homepage, DOCS_URL);
});
